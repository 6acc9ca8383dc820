#!/usr/bin/env bash
# Fetch benchmark: 40 threads from a real public-inbox on 127.0.0.1, reached
# through a proxy that delays every request by 100 ms (a distant lore), with
# lkml-digest (cold and warm cache) and with `b4 mbox` on the same IDs.
#
#   scripts/bench-fetch.sh [COUNT] [DELAY_MS]
#
# Threads: the first COUNT of ../shared/corpus/threads where it exists,
# else (or with BENCH_GENERATED=1) COUNT generated ones of six mails. Needs public-inbox, python3, and b4 for the
# comparison (apt-get install b4, or pip install b4); without b4 only
# lkml-digest is timed.
set -euo pipefail
cd "$(dirname "$0")/.."

count=${1:-40}
delay=${2:-100}
. scripts/delayed-lore.sh
now() { date +%s.%N; }
seconds() { python3 -c "print(f'{$2 - $1:.3f}')"; }

cargo build --release --quiet
bin=$PWD/target/release/lkml-digest

# The threads, and one message ID from each.
mkdir -p "$work/threads"
if [ -d ../shared/corpus/threads ] && [ -z "${BENCH_GENERATED:-}" ]; then
    source_note="the first $count threads of ../shared/corpus"
    ls ../shared/corpus/threads/*.mbox | head -n "$count" | while read -r f; do
        cp "$f" "$work/threads/"
    done
else
    source_note="$count generated threads"
    python3 - "$work/threads" "$count" <<'PY'
import sys
out, count = sys.argv[1], int(sys.argv[2])
para = ("This series reworks the way the subsystem tracks its pages so that "
        "reclaim no longer walks lists it does not need. ") * 6
for t in range(count):
    with open(f"{out}/t{t:03}.mbox", "w") as f:
        root = f"20220905{t:06}.100-0-dev{t}@example.org"
        for i in range(6):
            mid = root if i == 0 else f"20220905{t:06}.100-{i}-dev{t}@example.org"
            subject = (f"[PATCH 0/3] mm: rework number {t}" if i == 0 else
                       f"[PATCH {i}/3] mm: step {i} of rework {t}" if i < 4 else
                       f"Re: [PATCH 0/3] mm: rework number {t}")
            f.write("From mboxrd@z Thu Jan  1 00:00:00 1970\n")
            f.write(f"From: Dev {t} <dev{t}@example.org>\nSubject: {subject}\n")
            f.write(f"Date: Mon, 5 Sep 2022 10:{i:02}:00 +0000\nMessage-ID: <{mid}>\n")
            if i:
                f.write(f"In-Reply-To: <{root}>\nReferences: <{root}>\n")
            f.write("\n" + para + "\n\n" + ("+\tline of code;\n" * 200) + "\n")
PY
fi
ids=()
for f in "$work"/threads/*.mbox; do
    ids+=("$(grep -m1 -i '^message-id:' "$f" | sed 's/.*<\(.*\)>.*/\1/')")
done
count=${#ids[@]}

start_delayed_lore "$delay" "bench=$(ls "$work"/threads/*.mbox | paste -sd, -)"
proxy=$proxied

# One timed run of "$@"; prints the wall time in seconds.
timed() {
    local start end
    start=$(now)
    "$@" >/dev/null 2>"$work/last.err" || { cat "$work/last.err" >&2; exit 1; }
    end=$(now)
    seconds "$start" "$end"
}

digest() {
    "$bin" fetch -q --lore "$proxy" --cache-dir "$work/cache" -o "$work/digest.mbox" "${ids[@]}"
}
digest_cold=$(timed digest)
digest_warm=$(timed digest)
digest_msgs=$(grep -c '^From mboxrd@z' "$work/digest.mbox")

b4_line="b4 not installed: no comparison"
if command -v b4 >/dev/null; then
    printf '[b4]\n\tmidmask = %s/all/%%s\n' "$proxy" > "$work/gitconfig"
    b4_all() {
        mkdir -p "$work/b4out"
        for id in "${ids[@]}"; do
            GIT_CONFIG_GLOBAL="$work/gitconfig" XDG_CACHE_HOME="$work/b4cache" \
                b4 -q mbox -o "$work/b4out" "$id" || return 1
        done
    }
    b4_cold=$(timed b4_all)
    b4_warm=$(timed b4_all)
    b4_msgs=$(cat "$work"/b4out/*.mbx | grep -c '^From ' || true)
    b4_line=$(python3 -c "
c, w, dc, dw = $b4_cold, $b4_warm, $digest_cold, $digest_warm
print(f'b4 mbox, one ID after another: cold {c:.3f} s, warm {w:.3f} s ($b4_msgs messages)')
print(f'ratio b4 / lkml-digest: cold {c / dc:.1f}x, warm {w / dw:.1f}x')")
fi

echo "fetch benchmark, $(date -u +%Y-%m-%d), $(nproc) cores"
echo "$count IDs ($source_note, $(cat "$work"/threads/*.mbox | wc -c) bytes), public-inbox $(dpkg-query -W -f='${Version}' public-inbox 2>/dev/null || echo '?') behind a ${delay} ms proxy"
python3 -c "
import math
print(f'expected cold floor: ceil($count/4) x $delay ms = {math.ceil($count / 4) * $delay / 1000:.3f} s')"
echo "lkml-digest fetch -j 4: cold $digest_cold s, warm $digest_warm s ($digest_msgs messages)"
echo "$b4_line"
