#!/usr/bin/env bash
# Week benchmark: `lkml-digest week --archive` over a generated public-inbox
# v2 archive of MESSAGES kernel-style mails (default 200,000, 2,000 a week),
# for windows of 1, 4 and 16 weeks and, as the baseline, the whole archive.
# Prints wall time, time per week of window and peak memory of each, and
# the ratios against the baseline.
#
#   scripts/bench-week.sh [MESSAGES]
#
# Needs git and python3. The archive is made with `git fast-import`, one
# commit per mail with the mail in blob `m`, as public-inbox writes them.
set -euo pipefail
cd "$(dirname "$0")/.."

messages=${1:-200000}
per_week=2000
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
bin=$PWD/target/release/lkml-digest

mkdir -p "$work/archive/git"
git init -q --bare "$work/archive/git/0.git"
git --git-dir "$work/archive/git/0.git" symbolic-ref HEAD refs/heads/master
start=$(date +%s.%N)
python3 - "$messages" "$per_week" <<'PY' | git --git-dir "$work/archive/git/0.git" fast-import --quiet
import random, sys
total, per_week = int(sys.argv[1]), int(sys.argv[2])
rng = random.Random(1)
out = sys.stdout.buffer
t0 = 1641168000  # 2022-01-03T00:00:00Z, a Monday
prefixes = ["mm/vmscan", "mm/damon", "memcg", "block", "io_uring", "bpf", "net/ipv4",
            "selftests/bpf", "cgroup/cpuset", "fs/xattr", "riscv", "arm64", "kvm", "xfs"]
people = [(f"Dev{i} Person{i}", f"dev{i}@example.org") for i in range(400)]
words = ("the page cache reclaim path walks lists that it does not need to and "
         "this series removes that walk so that memory pressure is handled faster ").split()

def para(n):
    return " ".join(rng.choice(words) for _ in range(n))

def emit(mail, name, email, ts, subject):
    body = mail.encode()
    msg = subject.encode()
    out.write(b"commit refs/heads/master\n")
    ident = f"{name} <{email}> {ts} +0000\n".encode()
    out.write(b"author " + ident + b"committer " + ident)
    out.write(b"data %d\n%s\n" % (len(msg), msg))
    out.write(b"M 100644 inline m\ndata %d\n%s\n" % (len(body), body))

n = 0
thread = 0
while n < total:
    week = n // per_week
    ts = t0 + week * 7 * 86400 + rng.randrange(7 * 86400 - 7200)
    name, email = rng.choice(people)
    prefix = rng.choice(prefixes)
    patches = rng.choice([0, 0, 1, 2, 3, 5, 8])
    version = rng.choice([1, 1, 1, 2, 3])
    tag = f"PATCH v{version}" if version > 1 else "PATCH"
    title = f"{prefix}: {para(6)}"
    root = f"{ts}.{thread}-0-{email}"
    mails = []
    if patches == 0:
        mails.append((f"[{tag}] {title}", root, None, name, email, ts, True))
    else:
        mails.append((f"[{tag} 0/{patches}] {title}", root, None, name, email, ts, False))
        for k in range(1, patches + 1):
            mails.append((f"[{tag} {k}/{patches}] {prefix}: {para(5)}",
                          f"{ts}.{thread}-{k}-{email}", root, name, email, ts + k, True))
    for r in range(rng.choice([0, 0, 1, 2, 4, 8, 15])):
        rname, remail = rng.choice(people)
        mails.append((f"Re: {mails[0][0]}", f"{ts}.{thread}.r{r}-{remail}", root,
                      rname, remail, ts + 600 * (r + 1), False))
    for subject, mid, parent, who, addr, when, diff in mails:
        if n >= total:
            break
        headers = [f"From: {who} <{addr}>", "To: linux-mm@kvack.org",
                   f"Subject: {subject}",
                   f"Date: {__import__('email.utils').utils.formatdate(when)}",
                   f"Message-ID: <{mid}>", "List-Id: <linux-mm.kvack.org>"]
        if parent:
            headers += [f"In-Reply-To: <{parent}>", f"References: <{parent}>"]
        body = para(60) + "\n\n" + para(40) + "\n\nSigned-off-by: " + f"{who} <{addr}>\n"
        if subject.startswith("Re:"):
            body = "> " + para(20) + "\n\n" + para(30) + "\n\nReviewed-by: " + f"{who} <{addr}>\n"
        if diff:
            body += (f"---\n {prefix}/core.c | 12 ++++++------\n 1 file changed\n\n"
                     f"diff --git a/{prefix}/core.c b/{prefix}/core.c\n"
                     + "".join(f"+\tline_{i}(x);\n" for i in range(20)))
        emit("\n".join(headers) + "\n\n" + body, who, addr, when, subject)
        n += 1
    thread += 1
PY
made=$(python3 -c "print(f'{$(date +%s.%N) - $start:.1f}')")
size=$(du -sh "$work/archive" | cut -f1)

week_start() { date -u -d "2022-01-03 + $1 weeks" +%Y-%m-%dT%H:%M:%SZ; }
weeks_total=$(( (messages + per_week - 1) / per_week ))
middle=$(( weeks_total / 2 ))

# Runs week over WEEKS weeks from the middle; prints "seconds peak_kib".
measure() {
    local weeks=$1 from=$2
    /usr/bin/time -f "%e %M" -o "$work/time" \
        "$bin" week --config /dev/null --archive "$work/archive" \
        --since "$(week_start "$from")" --until "$(week_start $((from + weeks)))" \
        --top 12 --format json -o /dev/null
    cat "$work/time"
}

echo "week benchmark, $(date -u +%Y-%m-%d), $(nproc) cores, $(git --version)"
echo "archive: $messages mails, $per_week a week, $weeks_total weeks, $size on disk (made in $made s)"
read -r base_s base_kib < <(measure "$weeks_total" 0)
printf '%-28s %8s %12s %10s %14s\n' window seconds "s per week" "peak MiB" "vs baseline"
report() {
    local label=$1 weeks=$2 s=$3 kib=$4
    python3 -c "
s, kib, w, bs, bk, bw = $s, $kib, $weeks, $base_s, $base_kib, $weeks_total
print(f'{\"$label\":<28} {s:8.2f} {s / w:12.3f} {kib / 1024:10.1f} {\"time %.3fx, memory %.2fx\" % (s / bs, kib / bk):>14}')"
}
for weeks in 1 4 16; do
    read -r s kib < <(measure "$weeks" "$middle")
    report "$weeks week(s) in the middle" "$weeks" "$s" "$kib"
done
report "all $weeks_total weeks (baseline)" "$weeks_total" "$base_s" "$base_kib"
