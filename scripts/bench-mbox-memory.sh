#!/usr/bin/env bash
# Memory benchmark: `lkml-digest week --mbox` over one generated mbox of
# about SIZE_MB megabytes (default 1000; benches/generate.rs, 300 mails a
# day), for windows of 1 and 4 weeks, and `draft --mbox` of 5 IDs spread
# over the file; as the baseline, a window that holds the whole file.
# Prints wall time and peak memory, and the ratios against the baseline:
# memory follows the window or the threads asked, not the file.
#
#   scripts/bench-mbox-memory.sh [SIZE_MB]
set -euo pipefail
cd "$(dirname "$0")/.."

size_mb=${1:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --example generate_mbox
cargo build --release --quiet
# About 1,900 bytes a mail.
target/release/examples/generate_mbox $((size_mb * 1000000 / 1900)) > "$work/mails.mbox"
bytes=$(wc -c < "$work/mails.mbox")

# Prints "seconds peak_kib" for the window SINCE..UNTIL.
measure() {
    /usr/bin/time -f "%e %M" -o "$work/time" target/release/lkml-digest week --config /dev/null \
        --mbox "$work/mails.mbox" --since "$1" --until "$2" --format json -o /dev/null
    cat "$work/time"
}

read -r base_s base_kib < <(measure 2022-08-01 2030-01-01)
echo "mbox memory benchmark, $(date -u +%Y-%m-%d), $(nproc) cores"
echo "one mbox of $((bytes / 1000000)) MB"
printf '%-22s %8s %10s   %s\n' window seconds "peak MiB" "against the whole file"
for window in "1 week:2022-09-10:2022-09-17" "4 weeks:2022-09-10:2022-10-08"; do
    IFS=: read -r label since until <<< "$window"
    read -r s kib < <(measure "$since" "$until")
    python3 -c "print(f'{\"$label\":<22} {$s:8.2f} {$kib / 1024:10.1f}   time {$s / $base_s:.3f}x, memory {$kib / $base_kib:.4f}x')"
done
# Five IDs from across the file: its first, quarter, middle, three
# quarters and last mails.
mapfile -t all_ids < <(grep -o '^Message-ID: <[^>]*>' "$work/mails.mbox" | sed 's/^Message-ID: <\(.*\)>$/\1/')
n=${#all_ids[@]}
ids=("${all_ids[0]}" "${all_ids[$((n / 4))]}" "${all_ids[$((n / 2))]}" "${all_ids[$((n * 3 / 4))]}" "${all_ids[$((n - 1))]}")
unset all_ids
/usr/bin/time -f "%e %M" -o "$work/time" target/release/lkml-digest draft --config /dev/null \
    --mbox "$work/mails.mbox" --format json -o /dev/null "${ids[@]}"
read -r s kib < "$work/time"
python3 -c "print(f'{\"draft of 5 IDs\":<22} {$s:8.2f} {$kib / 1024:10.1f}   time {$s / $base_s:.3f}x, memory {$kib / $base_kib:.4f}x')"
python3 -c "print(f'{\"whole file (baseline)\":<22} {$base_s:8.2f} {$base_kib / 1024:10.1f}   1x')"
