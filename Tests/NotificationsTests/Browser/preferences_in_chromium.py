#!/usr/bin/python3
"""Opens a volunteer's preferences page in headless Chromium (Debian's `chromium`) through the
DevTools protocol (Debian's `python3-websocket`), as a person would from their e-mail's link:
prints what the page shows, turns joint team notices off with the page's own checkbox, presses
its Save button, and prints what the page shows then. One JSON object a line.

    preferences_in_chromium.py URL PROFILE_FOLDER
"""

import json
import socket
import subprocess
import sys
import time
import urllib.request

import websocket

url, profile = sys.argv[1], sys.argv[2]
with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
browser = subprocess.Popen(
    ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", f"--user-data-dir={profile}",
     f"--remote-debugging-port={port}", "about:blank"],
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    target = None
    for _ in range(300):
        try:
            pages = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=1))
            target = next(page for page in pages if page.get("type") == "page")
            break
        except Exception:
            time.sleep(0.1)
    if target is None:
        sys.exit("chromium did not open its DevTools port")
    ws = websocket.create_connection(target["webSocketDebuggerUrl"], timeout=30)
    counter = [0]

    def call(method, **params):
        counter[0] += 1
        ws.send(json.dumps({"id": counter[0], "method": method, "params": params}))
        while True:
            message = json.loads(ws.recv())
            if message.get("id") == counter[0]:
                return message.get("result", {})

    def wait_for_load():
        while True:
            message = json.loads(ws.recv())
            if message.get("method") == "Page.loadEventFired":
                return

    def evaluate(expression):
        return call("Runtime.evaluate", expression=expression, returnByValue=True)["result"]["value"]

    state = """JSON.stringify({lang: document.documentElement.lang, dir: document.documentElement.dir,
        direction: getComputedStyle(document.body).direction, title: document.title,
        team: document.getElementById('kind.joint-team-formed').checked, saved: !!document.getElementById('saved')})"""
    call("Page.enable")
    call("Page.navigate", url=url)
    wait_for_load()
    print(evaluate(state), flush=True)
    evaluate("document.getElementById('kind.joint-team-formed').click(); document.getElementById('save').click(); true")
    wait_for_load()
    print(evaluate(state), flush=True)
    ws.close()
finally:
    browser.terminate()
    browser.wait(timeout=30)
