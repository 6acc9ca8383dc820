#!/usr/bin/env python3
"""Writes a git repository tagged like the kernel, for relstat's benchmark.

Releases are nine weeks apart: a two-week merge window whose change lands
at -rc1 (about a third of the files), rc1 to rc7 weekly with a few hundred
files each, the release a week after rc7. Tags alternate annotated and
lightweight, as in real trees. Built with one `git fast-import`.

    scripts/kernel-like-repo.py DIR [--files N] [--releases N]
"""

import argparse
import datetime
import random
import subprocess
import sys

START = datetime.datetime(2023, 1, 1, 12, tzinfo=datetime.timezone.utc)


def calendar(releases):
    """(tag, date) of v1.0, then each release's rc1..rc7 and final."""
    tags = [("v1.0", START)]
    for minor in range(1, releases + 1):
        opened = START + datetime.timedelta(weeks=9 * (minor - 1))
        for rc in range(1, 8):
            tags.append((f"v1.{minor}-rc{rc}", opened + datetime.timedelta(weeks=1 + rc)))
        tags.append((f"v1.{minor}", opened + datetime.timedelta(weeks=9)))
    return tags


def content(path, version):
    lines = [f"/* {path} */"]
    lines += [f"int f{i}_{(version + i) % 5}(void) {{ return {version * 31 + i}; }}"
              for i in range(12 + version % 7)]
    return ("\n".join(lines) + "\n").encode()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("--files", type=int, default=30000)
    parser.add_argument("--releases", type=int, default=7)
    args = parser.parse_args()
    subprocess.run(["git", "init", "-q", "-b", "master", args.dir], check=True)
    importer = subprocess.Popen(["git", "-C", args.dir, "fast-import", "--quiet"],
                                stdin=subprocess.PIPE)
    out = importer.stdin
    rng = random.Random(42)
    paths = [f"drivers/d{i % 97}/sub{i % 13}/file{i}.c" for i in range(args.files)]
    versions = {}
    renamed = 0
    for mark, (tag, date) in enumerate(calendar(args.releases), start=1):
        if tag == "v1.0":
            touched = paths
        elif tag.endswith("-rc1"):
            touched = rng.sample(paths, len(paths) // 3)
        elif "-rc" in tag:
            touched = rng.sample(paths, 300)
        else:
            touched = rng.sample(paths, 100)
        stamp = f"{int(date.timestamp())} +0000"
        out.write(f"commit refs/heads/master\nmark :{mark}\n"
                  f"committer Dev <dev@example.org> {stamp}\n".encode())
        message = tag.encode()
        out.write(b"data %d\n%s\n" % (len(message), message))
        if mark > 1:
            out.write(f"from :{mark - 1}\n".encode())
        for path in touched:
            versions[path] = versions.get(path, 0) + 1
            data = content(path, versions[path])
            out.write(f"M 100644 inline {path}\n".encode())
            out.write(b"data %d\n%s\n" % (len(data), data))
        if mark > 1:
            # A rename each tag, as git's default rename detection sees it.
            old = paths[renamed]
            new = old.replace(".c", f"_moved{mark}.c")
            out.write(f"R {old} {new}\n".encode())
            paths[renamed] = new
            versions[new] = versions.pop(old, 1)
            renamed += 1
        if mark % 2:
            out.write(f"tag {tag}\nfrom :{mark}\ntagger Dev <dev@example.org> {stamp}\n"
                      .encode())
            out.write(b"data %d\n%s\n" % (len(message), message))
        else:
            out.write(f"reset refs/tags/{tag}\nfrom :{mark}\n\n".encode())
    out.close()
    if importer.wait() != 0:
        sys.exit("git fast-import failed")
    subprocess.run(["git", "-C", args.dir, "checkout", "-q", "master"], check=True)


if __name__ == "__main__":
    main()
