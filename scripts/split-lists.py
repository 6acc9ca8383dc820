#!/usr/bin/env python3
"""Splits a week's mbox into one mbox per list, as lore serves them.

    scripts/split-lists.py MBOX OUTDIR [LISTS]

Each mail goes to the list its List-Id names, in OUTDIR/NAME.mbox, where
NAME is the List-Id's first label (lore's inbox name). Only the LISTS
biggest lists are written (default 8). Prints nothing.
"""
import collections
import mailbox
import re
import sys

source, out = sys.argv[1], sys.argv[2]
keep = int(sys.argv[3]) if len(sys.argv) > 3 else 8
by_list = collections.defaultdict(list)
for message in mailbox.mbox(source):
    match = re.search(r"<([^.>]+)\.", str(message.get("List-Id", "")))
    if match:
        by_list[match.group(1)].append(message)
for name, messages in sorted(by_list.items(), key=lambda kv: -len(kv[1]))[:keep]:
    box = mailbox.mbox(f"{out}/{name}.mbox")
    for message in messages:
        box.add(message)
    box.flush()
