#!/usr/bin/python3
"""The local stack's SMTP server: accepts every message on loopback and stores it as a file.

    deploy/smtp-sink.py --port 55025 --store .local/smtp/messages [--tls-cert C --tls-key K] [--auth USER:PASSWORD]
    deploy/smtp-sink.py --port 55026 --discard

With --discard it stores nothing and only counts (for benchmarks, so that writing hundreds of
thousands of files does not measure the disk). On SIGUSR1 it prints how many messages and bytes
it has accepted so far, in a line `smtp-sink: accepted N messages, B bytes`.

Each message accepted for a recipient becomes one file, <store>/<UTC time>-<random>.eml: the
message as received, preceded by a `Delivered-To:` line naming that envelope recipient and a
`Return-Path:` line naming the envelope sender, as a mail delivery agent would write them. The
file is written under another name and renamed, so that a reader never sees half a message.

For tests, a recipient can ask for a failure in its own address: a local part with
`+fail451x2` is refused with 451 (a temporary failure) the first two times the server sees that
exact address, then accepted; `+fail550` is always refused with 550 (a permanent failure). Any
code from 400 to 599 works the same way. With --tls-cert and --tls-key the server offers
STARTTLS; with --auth it requires that login (PLAIN or LOGIN) before it accepts mail.
"""

import argparse
import asyncio
import os
import re
import signal
import ssl
import time
import uuid

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

FAILURE = re.compile(r"\+fail([45]\d\d)(?:x(\d+))?@", re.IGNORECASE)


class Sink:
    def __init__(self, store):
        self.store = store
        self.seen = {}
        self.messages = 0
        self.bytes = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        match = FAILURE.search(address)
        if match:
            code, times = int(match.group(1)), match.group(2)
            count = self.seen.get(address.lower(), 0) + 1
            self.seen[address.lower()] = count
            if times is None or count <= int(times):
                kind = "temporary" if code < 500 else "permanent"
                return f"{code} {code // 100}.0.0 refused as asked ({kind} failure {count})"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode("utf-8")
        self.messages += len(envelope.rcpt_tos)
        self.bytes += len(content) * len(envelope.rcpt_tos)
        if self.store is None:
            return "250 Message accepted for delivery"
        for recipient in envelope.rcpt_tos:
            name = time.strftime("%Y%m%dT%H%M%S", time.gmtime()) + f"-{uuid.uuid4().hex[:12]}.eml"
            head = f"Return-Path: <{envelope.mail_from}>\r\nDelivered-To: {recipient}\r\n".encode("utf-8")
            partial = os.path.join(self.store, "." + name + ".part")
            with open(partial, "wb") as file:
                file.write(head + content)
            os.rename(partial, os.path.join(self.store, name))
        return "250 Message accepted for delivery"


def main():
    parser = argparse.ArgumentParser(description="An SMTP server that stores what it receives.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--store", help="the folder for received messages")
    parser.add_argument("--discard", action="store_true", help="store nothing, only count")
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    parser.add_argument("--auth", help="USER:PASSWORD that clients must log in with")
    arguments = parser.parse_args()
    if not arguments.discard and not arguments.store:
        parser.error("--store FOLDER or --discard is required")
    if arguments.store:
        os.makedirs(arguments.store, exist_ok=True)

    options = {}
    if arguments.tls_cert and arguments.tls_key:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(arguments.tls_cert, arguments.tls_key)
        options["tls_context"] = context
    if arguments.auth:
        user, _, password = arguments.auth.partition(":")

        def authenticate(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password
            return AuthResult(success=ok)

        options.update(auth_required=True, auth_require_tls=bool(options.get("tls_context")), authenticator=authenticate)

    sink = Sink(None if arguments.discard else arguments.store)
    controller = Controller(
        sink, hostname=arguments.host, port=arguments.port, server_hostname="localhost",
        data_size_limit=10 * 1024 * 1024, decode_data=False, **options)
    controller.start()
    where = "discarding what it accepts" if arguments.discard else f"storing in {arguments.store}"
    print(f"smtp-sink: listening on {arguments.host}:{arguments.port}, {where}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.new_event_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    loop.add_signal_handler(
        signal.SIGUSR1, lambda: print(f"smtp-sink: accepted {sink.messages} messages, {sink.bytes} bytes", flush=True))
    loop.run_until_complete(stop.wait())
    controller.stop()


if __name__ == "__main__":
    main()
