#!/usr/bin/env bash
# Serve benchmark: `lkml-digest serve --mbox` on the corpus threads (47
# threads, 15 MB; ../shared/corpus), builds of their 47 IDs sent at
# concurrency 1, 4 and 16 (scripts/serve-load.py). For each binary given
# (default: this checkout's release build), prints p50 and p95 latency,
# the statuses seen, the server's resident memory when idle after the
# first build, and its peak. A second binary (an older build) is the
# baseline of the same run.
#
#   scripts/bench-serve.sh [BINARY [BASELINE_BINARY]]
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=../shared/corpus
[ -d "$corpus/threads" ] || { echo "bench-serve: $corpus/threads is needed" >&2; exit 2; }
if [ $# -eq 0 ]; then
    cargo build --release --quiet
    set -- target/release/lkml-digest
fi
work=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
python3 -c "import json,sys; [print(json.loads(l)['message_id']) for l in open('$corpus/truth.jsonl')]" > "$work/ids.txt"

echo "serve benchmark, $(date -u +%Y-%m-%d), $(nproc) cores, $(wc -l < "$work/ids.txt") IDs a build, corpus threads"
printf '%-28s %6s %8s %8s %10s %10s  %s\n' binary builds p50_s p95_s idle_MiB peak_MiB statuses
for binary in "$@"; do
    for concurrency in 1 4 16; do
        "$binary" serve --config /dev/null --bind 127.0.0.1:0 --mbox "$corpus/threads" > "$work/url" 2>/dev/null &
        server=$!
        while [ ! -s "$work/url" ]; do sleep 0.05; done
        url=$(head -1 "$work/url" | sed 's:/$::')
        python3 scripts/serve-load.py "$url" "$work/ids.txt" 1 1 > /dev/null
        idle=$(awk '/VmRSS/ {print $2}' "/proc/$server/status")
        read -r p50 p95 statuses < <(python3 scripts/serve-load.py "$url" "$work/ids.txt" "$concurrency" 3)
        peak=$(awk '/VmHWM/ {print $2}' "/proc/$server/status")
        kill "$server"; wait "$server" 2>/dev/null || true
        : > "$work/url"
        awk -v b="$binary" -v c="$concurrency" -v p50="$p50" -v p95="$p95" -v i="$idle" -v p="$peak" -v s="$statuses" \
            'BEGIN { printf "%-28s %6s %8s %8s %10.1f %10.1f  %s\n", b, c, p50, p95, i / 1024, p / 1024, s }' </dev/null
    done
done
