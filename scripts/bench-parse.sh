#!/usr/bin/env bash
# Parse benchmark: one generated mbox of COUNT kernel-style mails (default
# 20,000; see benches/generate.rs) through lkml-digest and through Python's
# mailbox + email (what b4 and most mail tools use), each doing the same
# extraction: Message-ID, In-Reply-To, References, decoded Subject, From,
# Date, List-Id and the decoded text body of every mail, then the threads.
# lkml-digest also ranks every thread and drafts each (summaries, JSON),
# which the Python side does not, so the ratio is on the low side.
#
#   scripts/bench-parse.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."

count=${1:-20000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --example generate_mbox
cargo build --release --quiet
target/release/examples/generate_mbox "$count" > "$work/mails.mbox"
bytes=$(wc -c < "$work/mails.mbox")

cat > "$work/extract.py" <<'PY'
import email, email.policy, email.utils, mailbox, re, sys

# b4's policy: 8-bit clean, no line length limit.
policy = email.policy.EmailPolicy(utf8=True, cte_type="8bit", max_line_length=None)
ids = re.compile(r"<([^>]+)>")
messages = []
for msg in mailbox.mbox(sys.argv[1], factory=lambda f: email.message_from_binary_file(f, policy=policy)):
    body = msg.get_body(preferencelist=("plain",))
    messages.append({
        "id": (ids.findall(str(msg.get("Message-ID", ""))) or [""])[0],
        "refs": ids.findall(str(msg.get("References", ""))) + ids.findall(str(msg.get("In-Reply-To", ""))),
        "subject": str(msg.get("Subject", "")),
        "from": email.utils.parseaddr(str(msg.get("From", ""))),
        "date": email.utils.parsedate_to_datetime(str(msg["Date"])) if msg["Date"] else None,
        "list": str(msg.get("List-Id", "")),
        "body": body.get_content() if body is not None else "",
    })
parent = {}
def find(x):
    while parent.get(x, x) != x:
        x = parent[x]
    return x
for m in messages:
    for r in m["refs"]:
        a, b = find(m["id"]), find(r)
        if a != b:
            parent[a] = b
threads = {find(m["id"]) for m in messages}
print(len(messages), len(threads))
PY

now() { date +%s.%N; }
start=$(now)
target/release/lkml-digest week --config /dev/null --mbox "$work/mails.mbox" \
    --since 2022-08-01 --until 2023-01-01 --top "$count" --format json -o "$work/out.json"
middle=$(now)
python3 "$work/extract.py" "$work/mails.mbox" > "$work/py.out"
end=$(now)

python3 - "$start" "$middle" "$end" "$bytes" "$count" <<'PY'
import sys, platform, datetime
start, middle, end, size, count = map(float, sys.argv[1:])
ours, theirs = middle - start, end - middle
mb = size / 1e6
print(f"parse benchmark, {datetime.date.today()}, {platform.python_implementation()} {platform.python_version()}")
print(f"{int(count)} mails, {mb:.1f} MB")
print(f"lkml-digest week (parse, thread, rank, draft): {ours:.2f} s, {mb / ours:.1f} MB/s")
print(f"python mailbox + email (parse, thread):        {theirs:.2f} s, {mb / theirs:.1f} MB/s")
print(f"ratio: lkml-digest is {theirs / ours:.1f}x Python's speed")
PY
