#!/usr/bin/env bash
# Which MAINTAINERS section a file takes first: lkml-digest against the
# kernel's own scripts/get_maintainer.pl, for every file the mbox files'
# patches change (default: the corpus threads).
#
#   scripts/compare-maintainers.sh KERNEL_TREE [MBOX...]
#   scripts/compare-maintainers.sh --entries KERNEL_TREE [CORPUS]
#
# --entries compares each corpus entry's first section instead: see
# scripts/compare-maintainers-entries.py.
#
# KERNEL_TREE is a kernel source tree with its MAINTAINERS and
# scripts/get_maintainer.pl (Debian: apt-get install linux-source-6.1,
# then unpack /usr/src/linux-source-6.1.tar.xz); get_maintainer.pl runs
# in it, as it asks the tree which patterns are directories. Prints each
# file that differs and the share that agrees.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = --entries ]; then
    tree=${2:?usage: compare-maintainers.sh --entries KERNEL_TREE [CORPUS]}
    cargo build --release --quiet
    exec python3 scripts/compare-maintainers-entries.py target/release/lkml-digest \
        "$tree" "${3:-../shared/corpus}"
fi
tree=${1:?usage: compare-maintainers.sh KERNEL_TREE [MBOX...]}
shift
[ $# -gt 0 ] || set -- ../shared/corpus/threads/*.mbox
[ -x "$tree/scripts/get_maintainer.pl" ] || { echo "no $tree/scripts/get_maintainer.pl" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

grep -ah '^diff --git a/' "$@" | awk '{print substr($3, 3)}' | sort -u > "$work/files"
cargo run --release --quiet --example maintainers_sections -- "$tree/MAINTAINERS" \
    < "$work/files" > "$work/ours" 2>/dev/null
tree=$(cd "$tree" && pwd)
(cd "$tree" && xargs -P 8 -I{} sh -c \
    'printf "%s\t%s\n" "$1" "$(perl scripts/get_maintainer.pl --subsystem --no-email --no-l \
        --no-r --no-git --no-git-fallback --no-keywords --no-rolestats -f "$1" 2>/dev/null | head -1)"' \
    _ {} < "$work/files") | sort > "$work/theirs"
sort "$work/ours" > "$work/ours.sorted"
python3 - "$work/ours.sorted" "$work/theirs" <<'PY'
import sys
ours = dict(l.rstrip("\n").split("\t", 1) for l in open(sys.argv[1]))
theirs = dict(l.rstrip("\n").split("\t", 1) for l in open(sys.argv[2]))
# get_maintainer.pl answers nothing for a file its tree does not have (one
# added after that release): those are left out.
known = {f: s for f, s in theirs.items() if s}
same = [f for f in known if ours.get(f) == known[f]]
for f in sorted(known):
    if ours.get(f) != known[f]:
        print(f"{f}: lkml-digest {ours.get(f)!r}, get_maintainer.pl {known[f]!r}")
print(f"{len(theirs) - len(known)} of {len(theirs)} files are not in the tree")
print(f"{len(same)} of {len(known)} files agree ({100 * len(same) / max(len(known), 1):.1f}%)")
PY
