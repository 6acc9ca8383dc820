#!/usr/bin/env python3
"""Recall of the editor's picks on each half of the corpus weeks.

    scripts/recall-halves.py BINARY CORPUS [MAINTAINERS]

The halves are the odd and even lines of weeks.jsonl (issue 29's split).
For each configuration it prints recall@10 and @25 of the reachable picks
on each half: a pick is found by its message or by a later revision of
its series (the same title without tags). History is the editor's posts
less the week's own.
"""
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def series_title(subject: str) -> str:
    title = re.sub(r"^\s*((re|fwd?|aw)\s*:\s*)+", "", subject, flags=re.I)
    while title.lstrip().startswith("["):
        title = title.lstrip()[title.lstrip().find("]") + 1:] if "]" in title else title
    title = re.sub(r"\s+\(?v\d+\)?$", "", title.strip(), flags=re.I)
    return " ".join(title.lower().split())


def ranks(binary, corpus, week, extra, history):
    with tempfile.TemporaryDirectory() as posts:
        args = [binary, "week", "--mbox", str(corpus / week["mbox"]), "--since", week["since"],
                "--until", week["until"], "--top", "25", "--format", "json", *extra]
        if history:
            for post in (corpus / "posts").iterdir():
                if post.name != week["post"] + ".md":
                    shutil.copy(post, posts)
            args += ["--history", posts]
        else:
            args += ["--no-history"]
        out = subprocess.run(args, capture_output=True, check=True)
    entries = [e for e in json.loads(out.stdout)["entries"] if e["kind"] != "release"]
    found = []
    for pick in week["picks"]:
        if not pick["reachable"]:
            continue
        title = series_title(pick["subject"])
        rank = next((i + 1 for i, e in enumerate(entries)
                     if e["message_id"] == pick["message_id"]
                     or series_title(e["subject"]) == title), None)
        found.append(rank)
    return found


def main():
    binary, corpus = sys.argv[1], Path(sys.argv[2])
    maintainers = sys.argv[3] if len(sys.argv) > 3 else str(corpus / "../kernel/MAINTAINERS")
    weeks = [json.loads(l) for l in (corpus / "weeks.jsonl").read_text().splitlines()]
    hand = ["--interest", "mm/**", "--interest", "memcg", "--interest", "mm"]
    sections = ["--maintainers", maintainers, "--interest", "section:MEMORY MANAGEMENT",
                "--interest", "section:CONTROL GROUP"]
    for label, extra, history in [
        ("history, no interests", [], True),
        ("history + hand interests", hand, True),
        ("history + sections", sections, True),
        ("sections, no history", sections, False),
        ("hand interests, no history", hand, False),
    ]:
        cells = []
        for name, half in (("odd", weeks[0::2]), ("even", weeks[1::2])):
            found = [r for w in half for r in ranks(binary, corpus, w, extra, history)]
            at = lambda k: sum(1 for r in found if r is not None and r <= k)
            cells.append(f"{name}: @10 {at(10)}/{len(found)} ({at(10) / len(found):.2f}), "
                         f"@25 {at(25)}/{len(found)}")
        print(f"{label:28} " + " | ".join(cells))


if __name__ == "__main__":
    main()
