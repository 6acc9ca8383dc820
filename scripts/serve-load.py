#!/usr/bin/env python3
"""Builds sent to a running `lkml-digest serve`: ROUNDS rounds of
CONCURRENCY builds at once, each the same paste of IDs. Prints p50, p95
and the statuses seen (a 503 is retried after its Retry-After, as the page
does, and the build's latency includes the wait).

    serve-load.py URL IDS_FILE CONCURRENCY ROUNDS
"""
import json
import sys
import threading
import time
import urllib.error
import urllib.request

url, ids_file, concurrency, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
paste = open(ids_file).read()
latencies, statuses, lock = [], {}, threading.Lock()


def build():
    started = time.monotonic()
    while True:
        request = urllib.request.Request(
            f"{url}/api/draft",
            data=json.dumps({"input": paste}).encode(),
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                response.read()
                status = response.status
        except urllib.error.HTTPError as e:
            status = e.code
            if status == 503:
                with lock:
                    statuses[503] = statuses.get(503, 0) + 1
                time.sleep(float(e.headers.get("Retry-After", "1")))
                continue
        with lock:
            statuses[status] = statuses.get(status, 0) + 1
            latencies.append(time.monotonic() - started)
        return


for _ in range(rounds):
    threads = [threading.Thread(target=build) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
latencies.sort()
p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
print(f"{p(0.5):.3f} {p(0.95):.3f} {json.dumps(statuses, sort_keys=True)}")
