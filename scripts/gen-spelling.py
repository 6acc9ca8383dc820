#!/usr/bin/env python3
"""Regenerates src/prose/lexicon/words.txt from SCOWL's American English
word list (Debian's `wamerican`, /usr/share/dict/american-english): every
word of three or more lower-case letters, sorted and front-coded (each line
is the count of letters shared with the word before, as one base-36 digit,
then the rest).

    apt-get install wamerican && scripts/gen-spelling.py

SCOWL's licence asks for its notice on every copy:
src/prose/lexicon/LICENSE-SCOWL.
"""
import re
import sys
from pathlib import Path

SOURCE = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/dict/american-english")
OUT = Path(__file__).resolve().parent.parent / "src/prose/lexicon/words.txt"
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"

words = sorted({line.strip() for line in SOURCE.read_text(encoding="utf-8", errors="ignore").splitlines()
                if re.fullmatch(r"[a-z]{3,}", line.strip())})
lines, before = [], ""
for word in words:
    shared = 0
    while shared < min(len(word), len(before), len(DIGITS) - 1) and word[shared] == before[shared]:
        shared += 1
    lines.append(DIGITS[shared] + word[shared:])
    before = word
OUT.write_text("\n".join(lines) + "\n")
print(f"{OUT}: {len(words)} words")
