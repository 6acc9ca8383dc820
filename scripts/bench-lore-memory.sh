#!/usr/bin/env bash
# Memory of `week --lore`'s one search, against the answer it reads: each
# corpus week served by the real public-inbox on 127.0.0.1 (its eight
# biggest lists, one inbox each, as scripts/bench-lore-week.sh serves
# them), and three cold runs with the corpus tests' three interests:
#
#   - the week's window: peak P, answer U MB unpacked;
#   - the window's first hour, doubled until it drafts an entry: peak P0,
#     answer U0 (the same program, holding what it needs to draft any
#     week: compiled regexes, the verb lexicon, the parsing threads);
#   - a window with no mail: peak Pe (the program stops before drafting).
#
# The bulk path's memory is what the answer adds: (P - P0) / (U - U0)
# times the unpacked answer. (P - Pe) / U, which also counts what drafting
# anything costs, is printed beside it.
#
#   scripts/bench-lore-memory.sh [BINARY]
#   WEEKS="lkml_news_v6.0-rc4 lkml_news_v5.8-rc1" scripts/bench-lore-memory.sh
#
# Needs ../shared/corpus, public-inbox and python3.
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=../shared/corpus
[ -f "$corpus/weeks.jsonl" ] || { echo "bench-lore-memory: $corpus is needed" >&2; exit 2; }
if [ $# -eq 0 ]; then
    cargo build --release --quiet
    set -- target/release/lkml-digest
fi
binary=$1
work=$(mktemp -d)
trap 'scripts/local-lore.sh stop "$work/lore" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

. scripts/lore-lists.sh

# Runs a cold `week --lore` over SINCE..UNTIL; prints "exit peak-KB unpacked-MB".
run() {
    local cache status
    cache=$(mktemp -d "$work/cache.XXXX")
    status=0
    LKML_DIGEST_CACHE_DIR=$cache /usr/bin/time -f %M -o "$work/peak" "$binary" week -v \
        --config /dev/null --lore "$lore" "${lists[@]}" \
        --interest 'mm/**' --interest memcg --interest mm \
        --since "$1" --until "$2" --format json -o /dev/null 2> "$work/err" || status=$?
    rm -rf "$cache"
    local unpacked
    unpacked=$(sed -n "s/.*the week's mail: 1 search, .* MB (\(.*\) MB unpacked).*/\1/p" "$work/err")
    echo "$status $(tail -1 "$work/peak") ${unpacked:-0}"
}

later() {
    python3 -c "
from datetime import datetime, timedelta
print((datetime.fromisoformat('$1') + timedelta(hours=$2)).isoformat())"
}

printf '%-22s %9s %8s %9s %8s %9s %10s %10s\n' week "U MB" "P MiB" "first h" "U0 MB" "P0 MiB" "(P-P0)/dU" "(P-Pe)/U"
python3 -c "
import json, os
wanted = os.environ.get('WEEKS', '').split()
for line in open('$corpus/weeks.jsonl'):
    w = json.loads(line)
    if not wanted or w['post'] in wanted:
        print(w['post'], w['mbox'], w['since'], w['until'])" |
while read -r post mbox since until; do
    file=$corpus/$mbox
    if [[ $file == *.gz ]]; then
        gunzip -c "$file" > "$work/week.mbox"
        file=$work/week.mbox
    fi
    rm -rf "$work/lists" "$work/lore"
    split_lists "$file" "$work/lists"
    lore=$(scripts/local-lore.sh start "$work/lore" "$(free_port)" "${inboxes[@]}" 2>/dev/null)
    read -r _ peak unpacked < <(run "$since" "$until")
    hours=1
    while :; do
        read -r status peak0 unpacked0 < <(run "$since" "$(later "$since" "$hours")")
        [ "$status" = 0 ] || [ "$hours" -ge 64 ] || { hours=$((hours * 2)); continue; }
        break
    done
    read -r _ empty _ < <(run 2001-01-01 2001-01-08)
    python3 -c "
p, p0, pe = $peak * 1024 / 1e6, $peak0 * 1024 / 1e6, $empty * 1024 / 1e6
u, u0 = $unpacked, $unpacked0
print(f'{\"$post\":22} {u:9.1f} {$peak / 1024:8.1f} {$hours:8}h {u0:8.1f} {$peak0 / 1024:9.1f} '
      f'{(p - p0) / (u - u0):10.2f} {(p - pe) / u:10.2f}')"
    scripts/local-lore.sh stop "$work/lore" >/dev/null
done
