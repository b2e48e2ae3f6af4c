#!/usr/bin/env python3
"""A language client for one check of `rk lsp` (scripts/windows.sh runs it
against rk.exe under Wine).

    lsp_finding.py --uri URI --text FILE --code RULE [--line N] -- COMMAND...

starts COMMAND (the server), sends `initialize`, `initialized` and a
`textDocument/didOpen` of the text in FILE under URI, and waits for a
`textDocument/publishDiagnostics` for exactly that URI with a diagnostic of
the rule RULE (on line N, counted from 0, when given). Then `shutdown` and
`exit`, and the server must end with status 0. Prints the diagnostic; exits
1 with every message the server sent when anything is missing or late.
"""

import argparse
import json
import queue
import subprocess
import sys
import threading
import time


def frame(message):
    body = json.dumps(message).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def read_frames(stream, inbox):
    """Every message the server writes, onto `inbox`; None at its end."""
    while True:
        length = None
        while True:
            line = stream.readline()
            if not line:
                inbox.put(None)
                return
            line = line.strip()
            if not line:
                break
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        if length is not None:
            inbox.put(json.loads(stream.read(length)))


class Client:
    def __init__(self, command, timeout):
        self.server = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.inbox = queue.Queue()
        self.seen = []
        self.deadline = time.monotonic() + timeout
        reader = threading.Thread(target=read_frames, args=(self.server.stdout, self.inbox))
        reader.daemon = True
        reader.start()

    def send(self, message):
        message["jsonrpc"] = "2.0"
        self.server.stdin.write(frame(message))
        self.server.stdin.flush()

    def until(self, wanted, what):
        """The first message `wanted` accepts, before the deadline."""
        while True:
            left = self.deadline - time.monotonic()
            try:
                message = self.inbox.get(timeout=max(left, 0))
            except queue.Empty:
                self.fail(f"no {what} in time")
            if message is None:
                self.fail(f"the server ended before {what}")
            self.seen.append(message)
            if wanted(message):
                return message

    def fail(self, why):
        print(f"lsp_finding: {why}; the server sent:", file=sys.stderr)
        for message in self.seen:
            print("  " + json.dumps(message, ensure_ascii=False), file=sys.stderr)
        self.server.kill()
        sys.exit(1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--uri", required=True)
    parser.add_argument("--text", required=True)
    parser.add_argument("--code", required=True)
    parser.add_argument("--line", type=int)
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("command", nargs="+")
    args = parser.parse_args()
    with open(args.text, encoding="utf-8") as file:
        text = file.read()

    client = Client(args.command, args.timeout)
    client.send({"id": 1, "method": "initialize", "params": {"processId": None, "rootUri": None, "capabilities": {}}})
    client.until(lambda m: m.get("id") == 1, "answer to initialize")
    client.send({"method": "initialized", "params": {}})
    document = {"uri": args.uri, "languageId": "markdown", "version": 1, "text": text}
    client.send({"method": "textDocument/didOpen", "params": {"textDocument": document}})

    def found(message):
        if message.get("method") != "textDocument/publishDiagnostics":
            return False
        params = message["params"]
        return params["uri"] == args.uri and any(
            d.get("code") == args.code
            and (args.line is None or d["range"]["start"]["line"] == args.line)
            for d in params["diagnostics"]
        )

    published = client.until(found, f"{args.code} finding for {args.uri}")
    for diagnostic in published["params"]["diagnostics"]:
        print(json.dumps(diagnostic, ensure_ascii=False))

    client.send({"id": 2, "method": "shutdown"})
    client.until(lambda m: m.get("id") == 2, "answer to shutdown")
    client.send({"method": "exit"})
    try:
        status = client.server.wait(timeout=max(client.deadline - time.monotonic(), 5))
    except subprocess.TimeoutExpired:
        client.fail("the server did not exit after `exit`")
    if status != 0:
        client.fail(f"the server exited with {status} after shutdown and exit")


if __name__ == "__main__":
    main()
