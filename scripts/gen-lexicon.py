#!/usr/bin/env python3
"""Regenerates src/prose/lexicon/verbs.txt from WordNet 3.0 (Debian's
`wordnet-base`, /usr/share/wordnet): every one-word verb of the verb index,
whether it is used more as a verb than as a noun in WordNet's tagged
corpus (cntlist.rev), and the irregular forms of verb.exc.

    apt-get install wordnet-base && scripts/gen-lexicon.py

Lines: `VERB v` (mostly a verb) or `VERB n` (mostly a noun, a verb too),
then `FORM>BASE` for each irregular form. WordNet's licence asks for its
notice on every copy: src/prose/lexicon/LICENSE-WordNet.
"""
import collections
import re
import sys
from pathlib import Path

WORDNET = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet")
OUT = Path(__file__).resolve().parent.parent / "src/prose/lexicon/verbs.txt"
WORD = re.compile(r"^[a-z]+$")

tagged = collections.Counter()
for line in (WORDNET / "cntlist.rev").read_text().splitlines():
    key, _, count = line.split()
    lemma, rest = key.split("%", 1)
    tagged[(lemma, rest.split(":")[0])] += int(count)

verbs = sorted({line.split()[0] for line in (WORDNET / "index.verb").read_text().splitlines()
                if not line.startswith(" ") and WORD.match(line.split()[0])})
lines = []
for verb in verbs:
    noun, as_verb = tagged[(verb, "1")], tagged[(verb, "2")]
    # Mostly a verb unless the tagged corpus reads it as a noun five times
    # as often (page, process), counts smoothed by one.
    lines.append(f"{verb} {'v' if noun + 1 <= 5 * (as_verb + 1) else 'n'}")
known = set(verbs)
for line in (WORDNET / "verb.exc").read_text().splitlines():
    form, *bases = line.split()
    for base in bases:
        if WORD.match(form) and base in known:
            lines.append(f"{form}>{base}")
OUT.write_text("\n".join(lines) + "\n")
print(f"{OUT}: {len(verbs)} verbs, {len(lines) - len(verbs)} irregular forms")
