#!/usr/bin/env bash
# The parse benchmark (benches/parse.rs, criterion) with its figures as
# ratios: each row's speed against mail-parser alone on the same mails,
# from the same run. A VM's runs vary, so it runs RUNS times (default 3).
#
#   scripts/bench-path.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-3}
echo "parse benchmark, $(date -u +%Y-%m-%d), $(nproc) cores; speed against the baseline row"
for run in $(seq "$runs"); do
    echo "run $run"
    cargo bench --quiet --bench parse 2>/dev/null | python3 -c '
import re, sys

rows, name = [], None
units = {"ns": 1e-6, "µs": 1e-3, "us": 1e-3, "ms": 1.0, "s": 1e3}
for line in sys.stdin:
    line = line.rstrip("\n")
    found = re.search(r"time:\s+\[\S+ \S+ (\S+) (\S+) \S+ \S+\]", line)
    if not found:
        if line.strip() and not line.startswith(" "):
            name = line.strip()
        continue
    head = line[: line.index("time:")].strip()
    rows.append((head or name, float(found.group(1)) * units[found.group(2)]))
if not rows:
    sys.exit("no benchmark figures in the output of cargo bench")
baseline = rows[0][1]
for label, ms in rows:
    label = label.split("/", 1)[-1]
    print(f"  {ms:8.1f} ms  {baseline / ms:5.2f}x  {label}")
'
done
