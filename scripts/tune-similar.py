#!/usr/bin/env python3
"""The `similar` part's weights, chosen on one half of the corpus weeks and
measured on the other (issue 29's held-out protocol).

    scripts/tune-similar.py BINARY CORPUS [MAINTAINERS]

Each week is ranked once with its history (the editor's posts less the
week's own), without interests and with the two section interests. The
JSON ranking gives each candidate's parts and the earlier entries it is
like with their similarity, so each weight setting re-scores it here:
total - similar + SIMILAR * min(alike, ENOUGH) / ENOUGH, where alike counts
the entries at least LIKE_AT similar. A setting is chosen on one half by
the recall@10 of the reachable picks (summed over both configurations;
ties to recall@25, then the smaller weight) and reported on the other.
"""
import itertools
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from importlib import import_module  # noqa: E402

series_title = import_module("recall-halves").series_title


def ranking(binary, corpus, week, extra):
    with tempfile.TemporaryDirectory() as posts:
        for post in (corpus / "posts").iterdir():
            if post.name != week["post"] + ".md":
                shutil.copy(post, posts)
        out = subprocess.run(
            [binary, "week", "--mbox", str(corpus / week["mbox"]), "--since", week["since"],
             "--until", week["until"], "--top", "25", "--format", "json", "--history", posts,
             *extra], capture_output=True, check=True)
    return json.loads(out.stdout)["ranking"]


def ranks(candidates, week, like_at, enough, weight):
    def total(c):
        alike = sum(1 for l in c.get("like", []) if l["similarity"] >= like_at)
        return c["score"]["total"] - c["score"].get("similar", 0) + weight * min(alike, enough) / enough
    # As `week` picks: an organiser's announcement (an event, not a topic
    # proposed for it) first, then by score.
    def announcement(c):
        return c["kind"] == "event" and not re.search(r"\[[^]]*TOPIC[^]]*\]", c["subject"], re.I) \
            and not re.match(r"\s*re:", c["subject"], re.I)
    shown = sorted((c for c in candidates if not c.get("posted") and c["kind"] != "release"),
                   key=lambda c: (announcement(c), total(c)), reverse=True)
    found = []
    for pick in week["picks"]:
        if not pick["reachable"]:
            continue
        title = series_title(pick["subject"])
        found.append(next((i + 1 for i, c in enumerate(shown)
                           if pick["message_id"] in [c["message_id"]] + [a["message_id"] for a in c.get("also", [])]
                           or series_title(c["subject"]) == title), None))
    return found


def recall(found, k):
    return sum(1 for r in found if r is not None and r <= k) / len(found)


def main():
    binary, corpus = sys.argv[1], Path(sys.argv[2])
    maintainers = sys.argv[3] if len(sys.argv) > 3 else str(corpus / "../kernel/MAINTAINERS")
    weeks = [json.loads(l) for l in (corpus / "weeks.jsonl").read_text().splitlines()]
    configs = {"history": [], "history + sections": [
        "--maintainers", maintainers, "--interest", "section:MEMORY MANAGEMENT",
        "--interest", "section:CONTROL GROUP"]}
    ranked = {(name, i): ranking(binary, corpus, w, extra)
              for name, extra in configs.items() for i, w in enumerate(weeks)}
    halves = {"odd": range(0, len(weeks), 2), "even": range(1, len(weeks), 2)}
    grid = list(itertools.product([0.15, 0.2, 0.25, 0.3, 0.35], [1, 2, 3], [0, 1, 2, 3, 4, 6]))

    def measure(half, setting, config):
        found = [r for i in halves[half] for r in ranks(ranked[(config, i)], weeks[i], *setting)]
        return recall(found, 10), recall(found, 25)

    for tune, held in (("odd", "even"), ("even", "odd")):
        def key(setting):
            m = [measure(tune, setting, c) for c in configs]
            return (sum(a for a, _ in m), sum(b for _, b in m), -setting[2])
        best = max(grid, key=key)
        none = (0.2, 3, 0)
        print(f"chosen on {tune}: LIKE_AT {best[0]}, LIKE_ENOUGH {best[1]}, SIMILAR {best[2]}")
        for config in configs:
            t, h, h0 = measure(tune, best, config), measure(held, best, config), measure(held, none, config)
            print(f"  {config:20} on {tune} (tuned) @10 {t[0]:.2f} | on {held} (held out) "
                  f"@10 {h[0]:.2f} @25 {h[1]:.2f}; without similar @10 {h0[0]:.2f} @25 {h0[1]:.2f}")


if __name__ == "__main__":
    main()
