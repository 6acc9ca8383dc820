#!/usr/bin/env bash
# The parse benchmark (benches/parse.rs, criterion) with its figures as
# ratios: each row's speed against mail-parser alone on the same mails,
# from the same run. The figure is criterion's median sample, which a noisy
# neighbour moves less than the mean. A VM's runs vary, so it runs RUNS
# times (default 3).
#
#   scripts/bench-path.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-3}
echo "parse benchmark, $(date -u +%Y-%m-%d), $(nproc) cores; median time, speed against the baseline row"
for run in $(seq "$runs"); do
    echo "run $run"
    cargo bench --quiet --bench parse 2>/dev/null | python3 -c '
import glob, json, os, sys

# The rows this run printed, in order: lines "group/name" or "group/name  time: [...]".
names = []
for line in sys.stdin:
    head = line.split("time:")[0].strip()
    if "/" in head and not line.startswith(" "):
        names.append(head)
medians = {}
for path in glob.glob("target/criterion/*/*/new/benchmark.json"):
    full_id = json.load(open(path))["full_id"]
    estimates = os.path.join(os.path.dirname(path), "estimates.json")
    if full_id in names and os.path.exists(estimates):
        medians[full_id] = json.load(open(estimates))["median"]["point_estimate"] / 1e6
rows = [(name, medians[name]) for name in names if name in medians]
if not rows:
    sys.exit("no benchmark figures from cargo bench")
baseline = rows[0][1]
for name, ms in rows:
    label = name.split("/", 1)[1]
    print(f"  {ms:8.1f} ms  {baseline / ms:5.2f}x  {label}")
'
done
