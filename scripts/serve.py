#!/usr/bin/env python3
"""Serves www/ for ./run: a static file server on 127.0.0.1 that sends
`Access-Control-Allow-Origin: *` (so that <viral-sim>, its wasm and its files load from pages of
other origins) and the right types for .wasm, .js and .mjs (what module scripts and
WebAssembly.instantiateStreaming require).

usage: scripts/serve.py [--port N] [--directory DIR]
"""
import argparse
import functools
import http.server
import os
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".html": "text/html; charset=utf-8",
        ".txt": "text/plain; charset=utf-8",
    }

    def end_headers(self):
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def do_OPTIONS(self):  # a preflight: nothing to check, every origin may read
        self.send_response(204)
        self.send_header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "*")
        self.end_headers()

    def log_request(self, code="-", size="-"):  # quieter than the default: failures only
        if str(getattr(code, "value", code)).startswith(("4", "5")):
            super().log_request(code, size)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--port", type=int, default=8080)
    ap.add_argument("--bind", default="127.0.0.1")
    ap.add_argument("--directory", default=os.path.join(os.path.dirname(__file__), "..", "www"))
    a = ap.parse_args()
    handler = functools.partial(Handler, directory=os.path.abspath(a.directory))
    with http.server.ThreadingHTTPServer((a.bind, a.port), handler) as httpd:
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            sys.exit(0)


if __name__ == "__main__":
    main()
