#!/usr/bin/env python3
"""A blind side-by-side read of what a change does to the summaries.

Drafts the corpus weeks' top 10 (as scripts/editor-read-sample.py does)
with two builds, keeps each summary the change touched once, and writes
two batches for two readers: for every changed summary one reader gets the
old version and the other the new, and each reader gets half of each, in
an order that hides which is which.

    scripts/editor-read-ab.py OLD_BINARY NEW_BINARY CORPUS SEED OUT [COUNT]
    scripts/editor-read-ab.py --tally OUT

COUNT, where given, reads that many of the changed summaries, sampled with
SEED, where the change touched more than two readers can read.

Give OUT/batch-A.md and OUT/batch-B.md to two fresh readers with
../shared/editor-read.md as their brief, each asked to write its verdicts
as a table `| id | verdict | classes | reason |` to OUT/verdicts-A.md and
OUT/verdicts-B.md; `--tally` then counts POST / LIGHT / REWRITE for the
old and the new versions.
"""

import collections
import importlib.util
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("sample", HERE / "editor-read-sample.py")
sample = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sample)


def drafted(binary: str, corpus: Path) -> dict:
    """(week, message ID) -> entry, pull requests and releases aside."""
    entries = {}
    for line in (corpus / "weeks.jsonl").read_text().splitlines():
        week = json.loads(line)
        for entry in sample.draft(binary, corpus, week):
            if entry["kind"] not in ("pull", "release"):
                entries[(week["post"], entry["message_id"])] = entry
    return entries


def write(old_binary: str, new_binary: str, corpus: Path, seed: int, out: Path,
          count: int | None = None) -> None:
    old, new = drafted(old_binary, corpus), drafted(new_binary, corpus)
    pairs, seen = [], set()
    for key, before in old.items():
        after = new.get(key)
        if after is None or after["summary"] == before["summary"]:
            continue
        if (before["summary"], after["summary"]) in seen:
            continue
        seen.add((before["summary"], after["summary"]))
        pairs.append((key, before, after))
    rng = random.Random(seed)
    rng.shuffle(pairs)
    changed = len(pairs)
    pairs = pairs[:count] if count else pairs
    batches = {"A": [], "B": []}
    for i, (key, before, after) in enumerate(pairs):
        first, second = ("old", "new") if i % 2 == 0 else ("new", "old")
        batches["A"].append((key, first, before if first == "old" else after))
        batches["B"].append((key, second, before if second == "old" else after))
    out.mkdir(parents=True, exist_ok=True)
    key_out = []
    for name, batch in batches.items():
        rng.shuffle(batch)
        lines = [f"# Batch {name}: {len(batch)} drafted summaries (seed {seed})", ""]
        for n, (key, version, entry) in enumerate(batch, 1):
            label = f"{name}{n}"
            lines += [
                f"## {label}",
                f"- subject: {entry['subject']}",
                f"- author: {entry.get('author', '')}",
                f"- kind: {entry['kind']}",
                f"- tool's summary: {entry['summary']}",
                "",
            ]
            key_out.append({"label": label, "version": version, "week": key[0],
                            "message_id": key[1], "summary": entry["summary"]})
        (out / f"batch-{name}.md").write_text("\n".join(lines))
    (out / "key.json").write_text(json.dumps(key_out, indent=1))
    print(f"{changed} changed summaries, {len(pairs)} of them each read old by one reader and new by "
          f"the other, in {out}")


def tally(out: Path) -> None:
    version = {k["label"]: k["version"] for k in json.loads((out / "key.json").read_text())}
    counts = collections.defaultdict(collections.Counter)
    row = re.compile(r"^\|\s*\**([AB]\d+)\**\s*\|\s*\**(POST|LIGHT|REWRITE)", re.M)
    for name in "AB":
        for label, verdict in row.findall((out / f"verdicts-{name}.md").read_text()):
            counts[version[label]][verdict] += 1
    for v in ("old", "new"):
        c = counts[v]
        print(f"{v}: POST {c['POST']} / LIGHT {c['LIGHT']} / REWRITE {c['REWRITE']} of {sum(c.values())}")


def main() -> None:
    if sys.argv[1] == "--tally":
        tally(Path(sys.argv[2]))
    else:
        count = int(sys.argv[6]) if len(sys.argv) > 6 else None
        write(sys.argv[1], sys.argv[2], Path(sys.argv[3]), int(sys.argv[4]), Path(sys.argv[5]), count)


if __name__ == "__main__":
    main()
