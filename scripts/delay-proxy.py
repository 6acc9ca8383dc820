#!/usr/bin/env python3
"""An HTTP proxy that holds each request for a fixed delay before passing it
on, so that a server on 127.0.0.1 answers with the round trip of a distant
one (lore.kernel.org is ~100 ms away from many editors).

    delay-proxy.py LISTEN_PORT UPSTREAM_URL DELAY_MS

Requests are served concurrently, each on its own thread, so the delay is
per request, not per connection: a client that asks four at a time waits
one delay for the four. Redirects are passed through with their Location
rewritten to the proxy.
"""

import http.client
import http.server
import sys
import time
import urllib.parse

HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade",
              "proxy-authorization", "proxy-authenticate"}


def make_handler(upstream, delay):
    up = urllib.parse.urlsplit(upstream)

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def forward(self, with_body):
            time.sleep(delay)
            conn = http.client.HTTPConnection(up.hostname, up.port, timeout=60)
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            conn.request(self.command, self.path, body=body, headers=headers)
            resp = conn.getresponse()
            data = resp.read()
            conn.close()
            self.send_response(resp.status, resp.reason)
            for key, value in resp.getheaders():
                if key.lower() in HOP_BY_HOP or key.lower() == "content-length":
                    continue
                if key.lower() == "location":
                    value = value.replace(upstream.rstrip("/"), f"http://{self.headers['Host']}")
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if with_body:
                self.wfile.write(data)

        def do_GET(self):
            self.forward(True)

        def do_POST(self):
            self.forward(True)

        def do_HEAD(self):
            self.forward(False)

        def log_message(self, *args):
            pass

    return Handler


def main():
    port, upstream, delay_ms = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), make_handler(upstream, delay_ms / 1000))
    server.daemon_threads = True
    server.serve_forever()


if __name__ == "__main__":
    main()
