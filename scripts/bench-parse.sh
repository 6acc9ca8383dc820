#!/usr/bin/env bash
# Parse benchmark: one generated mbox of COUNT kernel-style mails (default
# 20,000; see benches/generate.rs) through lkml-digest and through Python's
# mailbox + email (what b4 and most mail tools use), each doing the same
# extraction: Message-ID, In-Reply-To, References, decoded Subject, From,
# Date, List-Id and the decoded text body of every mail, then the threads.
# lkml-digest also ranks every thread and drafts each (summaries, JSON),
# which the Python side does not, so the ratio is on the low side. Given an
# mbox file instead of a count, that file is read (real mail: the corpus
# weeks concatenated, say), and `week` drafts its top 25. Peak memory of
# each side is printed against the file's size.
#
#   scripts/bench-parse.sh [COUNT | MBOX]
#   LKML_DIGEST=path/to/binary scripts/bench-parse.sh ...   (another build)
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
bin=${LKML_DIGEST:-target/release/lkml-digest}
if [ -f "${1:-}" ]; then
    mbox=$1
    top=25
    count=$(grep -c '^From ' "$mbox" || true)
else
    count=${1:-20000}
    top=$count
    cargo build --release --quiet --example generate_mbox
    target/release/examples/generate_mbox "$count" > "$work/mails.mbox"
    mbox=$work/mails.mbox
fi
bytes=$(wc -c < "$mbox")

cat > "$work/extract.py" <<'PY'
import email, email.policy, email.utils, mailbox, re, sys

# b4's policy: 8-bit clean, no line length limit.
policy = email.policy.EmailPolicy(utf8=True, cte_type="8bit", max_line_length=None)
ids = re.compile(r"<([^>]+)>")
def text(part):
    # Real mail has charsets Python does not know ("unknown-8bit").
    try:
        return part.get_content()
    except (LookupError, UnicodeError):
        return (part.get_payload(decode=True) or b"").decode("utf-8", "replace")

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
        "body": text(body) if body is not None else "",
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

# Warm the page cache for both sides alike.
cat "$mbox" > /dev/null
# lkml-digest three times (its time varies by a tenth on this machine), the
# median counted.
# Peak RSS counts the mapped file's pages, which are the page cache's; the
# fresh (anonymous) memory's peak is sampled apart.
for run in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$work/ours.$run" "$bin" week --config /dev/null --mbox "$mbox" \
        --since 1990-01-01 --until 2100-01-01 --top "$top" --format json -o "$work/out.json" &
    pid=
    for _ in $(seq 200); do
        pid=$(pgrep -P $! | head -1 || true)
        [ -n "$pid" ] && break
        sleep 0.001
    done
    peak_anon=0
    while [ -n "$pid" ] && [ -r "/proc/$pid/status" ]; do
        anon=$(awk '/^RssAnon/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
        [ -n "$anon" ] && [ "$anon" -gt "$peak_anon" ] && peak_anon=$anon
        sleep 0.005
    done
    wait
    echo "$(cat "$work/ours.$run") $peak_anon" > "$work/ours.$run"
done
sort -n "$work"/ours.* | sed -n 2p > "$work/ours"
/usr/bin/time -f "%e %M" -o "$work/theirs" python3 "$work/extract.py" "$mbox" > "$work/py.out"

python3 - "$work/ours" "$work/theirs" "$bytes" "$count" "$bin" <<'PY'
import sys, platform, datetime
ours, our_kib, anon_kib = map(float, open(sys.argv[1]).read().split()[-3:])
theirs, their_kib = map(float, open(sys.argv[2]).read().split()[-2:])
size, count = float(sys.argv[3]), int(sys.argv[4])
mb = size / 1e6
print(f"parse benchmark, {datetime.date.today()}, {platform.python_implementation()} {platform.python_version()}")
print(f"{count} mails, {mb:.1f} MB; {sys.argv[5]}")
print(f"lkml-digest week (parse, thread, rank, draft): {ours:.2f} s, {mb / ours:.1f} MB/s, "
      f"peak {our_kib / 1024:.0f} MiB ({our_kib * 1024 / size:.2f}x the file), "
      f"of it fresh memory {anon_kib / 1024:.0f} MiB ({anon_kib * 1024 / size:.2f}x)")
print(f"python mailbox + email (parse, thread):        {theirs:.2f} s, {mb / theirs:.1f} MB/s, "
      f"peak {their_kib / 1024:.0f} MiB ({their_kib * 1024 / size:.2f}x the file)")
print(f"ratio: lkml-digest is {theirs / ours:.1f}x Python's speed")
PY
