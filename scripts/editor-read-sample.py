#!/usr/bin/env python3
"""Batches of drafted summaries for an editor's read (../shared/editor-read.md).

Drafts the top 10 of every corpus week with the editor's earlier posts as
history (the week's own post left out), samples COUNT summaries at random
with SEED (pull requests and release announcements aside), and writes them
in two batches for two readers, with the key that joins verdicts back:

    scripts/editor-read-sample.py BINARY CORPUS SEED OUT [COUNT]

OUT/batch-A.md and OUT/batch-B.md are the readers' batches; OUT/key.json
holds every item with its week and message ID.
"""

import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def editor_summaries(post: Path) -> dict:
    """Message ID -> the editor's summary under the heading that links it."""
    if not post.is_file():
        return {}
    text = post.read_text(errors="replace")
    body = text.split("\n---\n", 1)[-1]
    found = {}
    blocks = re.split(r"\n(?=[^\n]+\n[-=]{3,}\n)", body)
    for block in blocks:
        links = re.findall(r"(?:lkml\.kernel\.org/r/|lore\.kernel\.org/[^/\s]+/)([^\s/>)]+)", block)
        if not links:
            continue
        paragraphs = [p.strip() for p in block.split("\n\n")]
        prose = [p for p in paragraphs[1:] if p and "://" not in p]
        if prose:
            found[links[0]] = " ".join(" ".join(prose).split())
    return found


def draft(binary: str, corpus: Path, week: dict) -> list:
    with tempfile.TemporaryDirectory() as history:
        own = week["post"] + ".md"
        for post in (corpus / "posts").iterdir():
            if post.name != own:
                shutil.copy(post, history)
        out = subprocess.run(
            [binary, "week", "--mbox", str(corpus / week["mbox"]),
             "--since", week["since"], "--until", week["until"],
             "--top", "10", "--format", "json", "--history", history],
            capture_output=True, check=True)
    return json.loads(out.stdout)["entries"]


def main() -> None:
    binary, corpus, seed, out = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
    count = int(sys.argv[5]) if len(sys.argv) > 5 else 60
    items = []
    seen = set()
    for line in (corpus / "weeks.jsonl").read_text().splitlines():
        week = json.loads(line)
        editor = editor_summaries(corpus / "posts" / (week["post"] + ".md"))
        for entry in draft(binary, corpus, week):
            # A thread in two weeks' windows (a week's edges overlap) is read once.
            if entry["kind"] in ("pull", "release") or entry["message_id"] in seen:
                continue
            seen.add(entry["message_id"])
            items.append({
                "week": week["post"],
                "message_id": entry["message_id"],
                "subject": entry["subject"],
                "author": entry.get("author", ""),
                "kind": entry["kind"],
                "summary": entry["summary"],
                "editor": editor.get(entry["message_id"]),
            })
    sample = random.Random(seed).sample(items, min(count, len(items)))
    out.mkdir(parents=True, exist_ok=True)
    half = (len(sample) + 1) // 2
    for name, batch in (("A", sample[:half]), ("B", sample[half:])):
        lines = [f"# Batch {name}: {len(batch)} drafted summaries (seed {seed})", ""]
        for n, item in enumerate(batch, 1):
            lines += [
                f"## {name}{n}",
                f"- subject: {item['subject']}",
                f"- author: {item['author']}",
                f"- kind: {item['kind']}",
                f"- tool's summary: {item['summary']}",
            ]
            if item["editor"]:
                lines.append(f"- editor's summary (context, not the answer): {item['editor']}")
            lines.append("")
        (out / f"batch-{name}.md").write_text("\n".join(lines))
        for n, item in enumerate(batch, 1):
            item["label"] = f"{name}{n}"
    (out / "key.json").write_text(json.dumps(sample, indent=1))
    print(f"{len(items)} summaries drafted, {len(sample)} sampled with seed {seed} into {out}")


if __name__ == "__main__":
    main()
