#!/usr/bin/env python3
"""Clicks every link of a page in real headless Chromium and reports what each did.

Usage: click_every_link.py PAGE.html > result.json

Chromium is driven over its DevTools protocol on a pipe (--remote-debugging-pipe:
commands on fd 3, replies on fd 4, each JSON message ended by NUL), so no port is
opened. For each <a> of the page, in a freshly loaded copy of the page, the link is
scrolled into view and clicked with a real mouse press and release at its centre.
The click's outcome is waited for with a deadline: the navigation it asks for, the
in-page jump, or a script the click made V8 compile (Debugger.scriptParsed, which a
`javascript:` link causes). Then the title is read again.

Prints JSON: {"title": the page's title, "links": [{"href": attribute, "resolved":
the absolute URL, "navigation": URL the click asked for or null, "scripts": scripts
compiled after the click, "dialogs": alert/confirm/prompt dialogs opened,
"title": the title after the click}]}.
"""

import json
import os
import select
import subprocess
import sys
import tempfile
import time

OWN_SCRIPT = "click-every-link-harness"


class Browser:
    def __init__(self, profile):
        commands_read, self.commands = os.pipe()
        self.replies, replies_write = os.pipe()

        def map_pipes():
            # fds 3 and 4 are where Chromium looks; go through high numbers so the
            # pipes' own numbers (possibly 3 or 4) are not clobbered half-way.
            os.dup2(commands_read, 100)
            os.dup2(replies_write, 101)
            os.dup2(100, 3)
            os.dup2(101, 4)
            os.close(100)
            os.close(101)

        self.process = subprocess.Popen(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--remote-debugging-pipe", "--user-data-dir=" + profile, "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=map_pipes, close_fds=False)
        os.close(commands_read)
        os.close(replies_write)
        self.buffer = b""
        self.events = []
        self.next_id = 0
        self.session = None

    def close(self):
        try:
            self.send("Browser.close", {}, session=False)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def send(self, method, params, session=True):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.commands, json.dumps(message).encode() + b"\0")
        return self.next_id

    def read_message(self, deadline):
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([self.replies], [], [], left)
            if not ready:
                return None
            chunk = os.read(self.replies, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, session=True, timeout=20):
        wanted = self.send(method, params or {}, session)
        deadline = time.monotonic() + timeout
        while True:
            message = self.read_message(deadline)
            if message is None:
                raise RuntimeError(f"no reply to {method} within {timeout} s")
            if message.get("id") == wanted:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def wait_for(self, matches, timeout):
        """The first queued or arriving event `matches` accepts, or None at the deadline."""
        deadline = time.monotonic() + timeout
        while True:
            for index, event in enumerate(self.events):
                if matches(event):
                    return self.events.pop(index) and event
            message = self.read_message(deadline)
            if message is None:
                return None
            if "method" in message:
                self.events.append(message)

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", {
            "expression": expression + "\n//# sourceURL=" + OWN_SCRIPT,
            "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"page script failed: {result['exceptionDetails']}")
        return result["result"].get("value")


def load(browser, url):
    browser.events.clear()
    browser.call("Page.navigate", {"url": url})
    if browser.wait_for(lambda e: e["method"] == "Page.loadEventFired", 20) is None:
        raise RuntimeError(f"{url} did not load within 20 s")


def click(browser, index):
    point = browser.evaluate(
        "(() => { const a = document.querySelectorAll('a')[%d]; a.scrollIntoView({block: 'center'});"
        " const r = a.getClientRects()[0]; return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()" % index)
    browser.events.clear()
    for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
        browser.call("Input.dispatchMouseEvent", {
            "type": kind, "x": point["x"], "y": point["y"], "button": "left", "clickCount": 1})


def outcome(event):
    method = event["method"]
    if method == "Debugger.scriptParsed":
        return event["params"].get("url") != OWN_SCRIPT
    return method in ("Page.frameRequestedNavigation", "Page.navigatedWithinDocument",
                      "Page.frameStartedNavigating", "Page.downloadWillBegin",
                      "Page.javascriptDialogOpening")


def main():
    page = "file://" + os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="click-every-link-") as profile:
        browser = Browser(profile)
        try:
            target = browser.call("Target.createTarget", {"url": "about:blank"}, session=False)
            attached = browser.call("Target.attachToTarget", {"targetId": target["targetId"], "flatten": True},
                                    session=False)
            browser.session = attached["sessionId"]
            # A click on a capture must not save it anywhere.
            browser.call("Browser.setDownloadBehavior", {"behavior": "deny"}, session=False)
            for domain in ("Page", "Runtime", "Debugger"):
                browser.call(domain + ".enable")
            load(browser, page)
            title = browser.evaluate("document.title")
            links = browser.evaluate(
                "Array.from(document.querySelectorAll('a')).map(a => ({href: a.getAttribute('href'), resolved: a.href}))")
            for index, link in enumerate(links):
                load(browser, page)
                click(browser, index)
                first = browser.wait_for(outcome, 5)
                # A jump or navigation may be followed by a script a javascript: URL
                # compiles, so drain what the click queued before judging it.
                seen = [first] if first else []
                while True:
                    more = browser.wait_for(outcome, 0.5)
                    if more is None:
                        break
                    seen.append(more)
                navigation = next((e["params"].get("url") for e in seen
                                   if e["method"] in ("Page.frameRequestedNavigation", "Page.navigatedWithinDocument",
                                                      "Page.frameStartedNavigating", "Page.downloadWillBegin")), None)
                link["navigation"] = navigation
                link["scripts"] = sum(1 for e in seen if e["method"] == "Debugger.scriptParsed")
                link["dialogs"] = sum(1 for e in seen if e["method"] == "Page.javascriptDialogOpening")
                if link["dialogs"]:
                    browser.call("Page.handleJavaScriptDialog", {"accept": False})
                link["title"] = browser.evaluate("document.title")
            json.dump({"title": title, "links": links}, sys.stdout, indent=1)
            sys.stdout.write("\n")
        finally:
            browser.close()


if __name__ == "__main__":
    main()
