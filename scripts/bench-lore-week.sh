#!/usr/bin/env bash
# Week-from-lore benchmark: a real public-inbox on 127.0.0.1 serving a week
# of eight lists as lore does (one inbox per list, /all/ over them), reached
# through a proxy that delays every request by DELAY_MS (default 100, a
# distant lore). `week --lore` with the eight --list, the three interests of
# the corpus tests and the default --top, cold (empty cache) and warm
# (again, same cache), RUNS times each (default 3), for each binary given,
# each way: the week's mail as one search (`bulk`, the default) and
# today's listing and threads (`--no-bulk`, the baseline of the same run);
# a second binary (an older build) runs the listing way only. Prints each
# run's seconds, requests (as the server's access log counts them), peak
# memory and top 10, the medians and the ratios, and the top 10 that
# `week --mbox` gives over the same mail.
#
#   scripts/bench-lore-week.sh [BINARY [BASELINE_BINARY]]
#   RUNS=5 DELAY_MS=100 scripts/bench-lore-week.sh ...
#
# The week is ../shared/corpus/weeks/lkml_news_v6.0-rc4.mbox (nine lists,
# 1,591 mails), or, with BENCH_MBOX=FILE, any mbox whose mails carry
# List-Id. Needs public-inbox and python3.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-3}
delay=${DELAY_MS:-100}
mbox=${BENCH_MBOX:-../shared/corpus/weeks/lkml_news_v6.0-rc4.mbox}
since=${BENCH_SINCE:-2022-08-28T15:15:04+00:00}
until=${BENCH_UNTIL:-2022-09-06T15:15:04+00:00}
[ -f "$mbox" ] || { echo "bench-lore-week: $mbox is needed (or BENCH_MBOX=FILE)" >&2; exit 2; }
if [ $# -eq 0 ]; then
    cargo build --release --quiet
    set -- target/release/lkml-digest
fi
. scripts/delayed-lore.sh

# One inbox per list; the eight biggest lists are served.
split_lists "$mbox" "$work/lists"
start_delayed_lore "$delay" "${inboxes[@]}"

# The top 10's digest in the JSON draft FILE.
top10() {
    python3 -c "
import json, hashlib
d = json.load(open('$1'))
ids = [e['message_id'] for e in d['entries'] if e['kind'] != 'release'][:10]
print(hashlib.sha1(' '.join(ids).encode()).hexdigest()[:10])"
}

# Runs BINARY with CACHE and EXTRA arguments; prints "seconds requests
# peak-KB top10-digest".
measure() {
    local binary=$1 cache=$2 extra=$3
    local before after start end
    before=$(wc -l < "$work/lore/access.log")
    start=$(date +%s.%N)
    # shellcheck disable=SC2086
    LKML_DIGEST_CACHE_DIR=$cache /usr/bin/time -f %M -o "$work/peak" "$binary" week \
        --config /dev/null --lore "$proxied" "${lists[@]}" $extra \
        --interest 'mm/**' --interest memcg --interest mm \
        --since "$since" --until "$until" --format json -o "$work/out.json" 2>/dev/null
    end=$(date +%s.%N)
    after=$(wc -l < "$work/lore/access.log")
    python3 -c "print(f'{$end - $start:.3f}', $after - $before, $(cat "$work/peak"), '$(top10 "$work/out.json")')"
}

echo "lore week benchmark, $(date -u +%Y-%m-%d), $(nproc) cores, $delay ms a request, ${#inboxes[@]} lists"
echo "week: $mbox, $since .. $until"
printf '%-42s %4s %6s %9s %9s %9s  %s\n' "binary (way)" run cache seconds requests "peak KB" "top 10"
results=$work/results
: > "$results"
ways=("$1|bulk|" "$1|listing|--no-bulk")
[ $# -gt 1 ] && ways+=("$2|listing|")
for run in $(seq "$runs"); do
    for way in "${ways[@]}"; do
        IFS='|' read -r binary label extra <<< "$way"
        name="$binary($label)"
        cache=$work/cache-$run-$label-$RANDOM
        for state in cold warm; do
            read -r s n peak top < <(measure "$binary" "$cache" "$extra")
            printf '%-42s %4s %6s %9s %9s %9s  %s\n' "$name" "$run" "$state" "$s" "$n" "$peak" "$top"
            echo "$name $state $s $n $top $peak" >> "$results"
        done
    done
done
/usr/bin/time -f %M -o "$work/mbox-peak" "$1" week --config /dev/null --mbox "$mbox" "${lists[@]}" \
    --interest 'mm/**' --interest memcg --interest mm \
    --since "$since" --until "$until" --format json -o "$work/mbox.json" 2>/dev/null
echo "week --mbox over the same mail: top 10 $(top10 "$work/mbox.json"), peak $(( $(cat "$work/mbox-peak") / 1024 )) MiB"
# The answer's size, as the bulk way reads it (from the cache: no request).
answer=$(LKML_DIGEST_CACHE_DIR=$work/answer-cache "$1" week -v --config /dev/null --lore "$proxied" \
    "${lists[@]}" --since "$since" --until "$until" --format json -o /dev/null 2>&1 |
    sed -n "s/.*the week's mail: 1 search, \(.*\) MB unpacked).*/\1/p" | sed 's/ MB (/ /')
# The process without mail to read: the same way over a window with none.
/usr/bin/time -f %M -o "$work/empty-peak" "$1" week --config /dev/null --lore "$proxied" \
    "${lists[@]}" --since 2001-01-01 --until 2001-01-08 --format json -o /dev/null 2>/dev/null || true
echo "the window's answer: $answer MB sent and unpacked; a run over an empty window peaks at $(( $(tail -1 "$work/empty-peak") / 1024 )) MiB"
echo "$answer $(tail -1 "$work/empty-peak")" > "$work/answer"
set -- "$1(bulk)" "$1(listing)" ${2:+"$2(listing)"}
python3 - "$results" "$@" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
binaries = sys.argv[2:]
def median(binary, state, column):
    return statistics.median(float(r[column]) for r in rows if r[0] == binary and r[1] == state)
print()
for binary in binaries:
    for state in ("cold", "warm"):
        tops = {r[4] for r in rows if r[0] == binary and r[1] == state}
        print(f"{binary} {state}: median {median(binary, state, 2):.3f} s, "
              f"{median(binary, state, 3):.0f} requests, peak {median(binary, state, 5) / 1024:.0f} MiB, "
              f"top 10 {'/'.join(sorted(tops))}")
new, old = binaries[0], binaries[1]
sent, unpacked, empty_kb = open(sys.argv[1].replace("results", "answer")).read().split()
over = (median(new, "cold", 5) - float(empty_kb)) / 1024 * 1.048576
print(f"bulk cold peak over an empty run: {over:.1f} MB, "
      f"{over / float(unpacked):.2f}x the {unpacked} MB unpacked answer")
for state in ("cold", "warm"):
    a, b = median(new, state, 2), median(old, state, 2)
    print(f"{state}: listing time / bulk time = {b / a:.2f}x "
          f"({median(old, state, 3):.0f} -> {median(new, state, 3):.0f} requests)")
PY
