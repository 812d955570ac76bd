#!/usr/bin/python3
"""A stand-in SMS provider on loopback: it takes the notifications service's JSON POSTs
(`{"id", "to", "from", "text"}`) and stores each accepted one as a JSON file under --store, with
the Authorization it came with. Python's standard library only.

It answers as a provider would: 401 without the --token it was started with (when given one);
400 for a body that is not such a message; and, to let tests see retries and refusals, by the
recipient's number: one containing `fail503x<N>` is answered 503 the first N times per message
id, then accepted; one containing `fail400` is always refused with 400; one containing
`slowx<N>` is answered only after 5 seconds (then with 503, nothing stored) the first N times.

Usage: sms-sink.py --store DIR [--port 0] [--token TOKEN] [--port-file FILE]; once it is ready
it prints `listening on PORT` and writes PORT to FILE (port 0 picks a free one).
"""
import argparse
import json
import os
import re
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

attempts = {}
lock = threading.Lock()


def make_handler(store, token):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format, *args):
            pass

        def answer(self, status, body):
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            authorization = self.headers.get("Authorization")
            if token and authorization != "Bearer " + token:
                return self.answer(401, {"error": "unauthorized"})
            try:
                message = json.loads(raw)
                for field in ("id", "to", "text"):
                    if not isinstance(message.get(field), str) or not message[field]:
                        raise ValueError(field)
            except (ValueError, AttributeError):
                return self.answer(400, {"error": "not a message"})
            to = message["to"]
            with lock:
                attempts[message["id"]] = attempts.get(message["id"], 0) + 1
                attempt = attempts[message["id"]]
            if "fail400" in to:
                return self.answer(400, {"error": "number refused"})
            slow = re.search(r"slowx(\d+)", to)
            if slow and attempt <= int(slow.group(1)):
                time.sleep(5)
                return self.answer(503, {"error": "too slow"})
            failing = re.search(r"fail503x(\d+)", to)
            if failing and attempt <= int(failing.group(1)):
                return self.answer(503, {"error": "try again"})
            record = {
                "message": message,
                "path": self.path,
                "authorization": authorization,
                "idempotencyKey": self.headers.get("Idempotency-Key"),
                "attempt": attempt,
            }
            name = "%s-%d.json" % (re.sub(r"[^0-9a-zA-Z-]", "_", message["id"]), attempt)
            temporary = os.path.join(store, "." + name)
            with open(temporary, "w", encoding="utf-8") as file:
                json.dump(record, file, ensure_ascii=False)
            os.replace(temporary, os.path.join(store, name))
            return self.answer(202, {"accepted": message["id"]})

    return Handler


def main():
    # A parent that ignores SIGTERM (a service's graceful shutdown does) must not make this ignore it.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--token", default="")
    parser.add_argument("--port-file", default="")
    options = parser.parse_args()
    os.makedirs(options.store, exist_ok=True)
    server = ThreadingHTTPServer(("127.0.0.1", options.port), make_handler(options.store, options.token))
    port = server.server_address[1]
    if options.port_file:
        temporary = options.port_file + ".tmp"
        with open(temporary, "w") as file:
            file.write("%d\n" % port)
        os.replace(temporary, options.port_file)
    print("listening on %d" % port, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
