#!/usr/bin/env bash
# relstat benchmark: a generated repository sized like two years of kernel
# releases (scripts/kernel-like-repo.py: 7 nine-week cycles, 57 tags,
# FILES files, a third of them changed at each -rc1), counted by
# `lkml-digest relstat` cold (empty cache) and warm (every pair cached),
# and warm with the PNG chart, against the baseline: a loop of
# `git diff --shortstat` over the same pairs after listing the tags, which
# is what the editor's relstat.py runs. Each is run RUNS times in turn; the
# medians and their ratios to the baseline are printed.
#
#   scripts/bench-relstat.sh [FILES] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."

files=${1:-30000}
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
python3 scripts/kernel-like-repo.py "$work/repo" --files "$files" --releases 7
repo=$work/repo
window=(--since 2022-12-01 --until 2025-01-01)

baseline() {
    local previous=""
    git -C "$repo" for-each-ref --sort=creatordate --format='%(refname:strip=2)' 'refs/tags/v*' |
        while read -r tag; do
            if [ -n "$previous" ]; then
                git -C "$repo" diff --shortstat "$previous" "$tag" > /dev/null
            fi
            previous=$tag
        done
}
relstat() {
    target/release/lkml-digest relstat --repo "$repo" "${window[@]}" \
        --cache-dir "$work/cache" "$@" > /dev/null
}
cold() { rm -rf "$work/cache"; relstat; }
warm() { relstat; }
chart() { relstat --chart "$work/chart.png"; }

# Seconds of one run of a function.
seconds() {
    local start end
    start=$(date +%s.%N)
    "$1"
    end=$(date +%s.%N)
    python3 -c "print($end - $start)"
}

declare -A times
for _ in $(seq "$runs"); do
    for what in baseline cold warm chart; do
        times[$what]+="$(seconds "$what") "
        # warm and chart need the cache that cold leaves.
    done
done

echo "relstat benchmark, $(date -u +%Y-%m-%d), $(nproc) cores, median of $runs runs"
echo "repository: $(git -C "$repo" tag | wc -l) tags, $(git -C "$repo" ls-files | wc -l) files"
python3 - "${times[baseline]}" "${times[cold]}" "${times[warm]}" "${times[chart]}" <<'PY'
import statistics, sys
names = ["git diff --shortstat loop (baseline)", "relstat, cold cache",
         "relstat, warm cache", "relstat, warm, with the PNG chart"]
medians = [statistics.median(map(float, arg.split())) for arg in sys.argv[1:]]
print(f"{'':40} {'seconds':>8}   baseline time / this")
for name, median in zip(names, medians):
    print(f"{name:40} {median:8.3f}   {medians[0] / median:7.2f}x")
PY
