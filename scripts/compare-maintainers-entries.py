#!/usr/bin/env python3
"""The first MAINTAINERS section of each corpus entry with a diff, against
get_maintainer.pl's: run by `scripts/compare-maintainers.sh --entries`.

    compare-maintainers-entries.py BINARY KERNEL_TREE CORPUS

The entries are the 47 corpus threads' and the top 10 of every corpus
week (`week --mbox`, no history, no interests). For each, the files its
patches change (the entry's `files`) each take get_maintainer.pl's first
section (`--subsystem -f`); the entry's reference is the section most of
its files take, THE REST only where no other section takes one. That is
compared with the first of the entry's `sections`. get_maintainer.pl's
answers are kept in target/get-maintainer.cache, a line per file.
"""
import collections
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REST = "THE REST"


def entries(binary, maintainers, corpus):
    common = ["--format", "json", "--maintainers", maintainers, "--offline"]
    truth = [json.loads(l) for l in (corpus / "truth.jsonl").read_text().splitlines()]
    for t in truth:
        out = subprocess.run([binary, "draft", "--mbox", str(corpus / t["thread_file"]),
                              "--no-history", *common, t["message_id"]],
                             capture_output=True, check=True)
        for e in json.loads(out.stdout)["entries"]:
            yield "thread " + t["post"], e
    for line in (corpus / "weeks.jsonl").read_text().splitlines():
        w = json.loads(line)
        out = subprocess.run([binary, "week", "--mbox", str(corpus / w["mbox"]), "--since",
                              w["since"], "--until", w["until"], "--top", "10",
                              "--no-history", *common], capture_output=True, check=True)
        for e in json.loads(out.stdout)["entries"]:
            yield "week " + w["post"], e


def first_sections(tree, files):
    cache_path = Path("target/get-maintainer.cache")
    cache = {}
    if cache_path.exists():
        for line in cache_path.read_text().splitlines():
            f, _, s = line.partition("\t")
            cache[f] = s
    todo = sorted(set(files) - cache.keys())

    def ask(f):
        out = subprocess.run(
            ["perl", "scripts/get_maintainer.pl", "--subsystem", "--no-email", "--no-l",
             "--no-r", "--no-git", "--no-git-fallback", "--no-keywords", "--no-rolestats",
             "-f", f], cwd=tree, capture_output=True, text=True)
        return f, (out.stdout.splitlines() or [""])[0]

    with ThreadPoolExecutor(4) as pool, cache_path.open("a") as kept:
        for f, s in pool.map(ask, todo):
            cache[f] = s
            kept.write(f"{f}\t{s}\n")
    return cache


def reference(files, sections):
    counted = collections.Counter(sections[f] for f in files if sections.get(f))
    if not counted:
        return None
    if len(counted) > 1:
        counted.pop(REST, None)
    most = max(counted.values())
    # A tie is no disagreement: any of the tied sections is the reference.
    return {s for s, n in counted.items() if n == most}


def main():
    binary, tree, corpus = sys.argv[1], Path(sys.argv[2]).resolve(), Path(sys.argv[3])
    found = [(where, e) for where, e in entries(binary, str(tree / "MAINTAINERS"), corpus)
             if e.get("files")]
    sections = first_sections(tree, [f for _, e in found for f in e["files"]])
    agree = total = 0
    for where, e in found:
        ref = reference(e["files"], sections)
        if ref is None:
            continue  # none of its files is in the tree
        total += 1
        ours = (e.get("sections") or [None])[0]
        if ours in ref:
            agree += 1
        else:
            print(f"{where}: {e['subject'][:70]!r}: lkml-digest {ours!r}, "
                  f"get_maintainer.pl {' or '.join(sorted(ref))!r}")
    print(f"{agree} of {total} entries agree ({100 * agree / max(total, 1):.1f}%)")


if __name__ == "__main__":
    main()
