#!/usr/bin/env python3
"""Times rk's live commands on a copy of the example meeting.

  lsp:   from a didChange to the publishDiagnostics of `rk lsp` (the edit
         alternates between a misspelt presenter and the right one)
  watch: a rebuild of `rk watch` after a one-word edit of an item, as the
         watch itself reports it ("rebuilt in N ms")

Usage: scripts/bench-live.py RK lsp|watch [ROUNDS]. Prints the median and
the worst round, and fails when the median is over the budget.
"""
import json, os, re, shutil, statistics, subprocess, sys, tempfile, time

BUDGET = {"lsp": 30.0, "watch": 150.0}
ITEM = "02-01-nyt-fra-udvalget.md"


def scratch():
    root = tempfile.mkdtemp(prefix="rk-bench-")
    here = os.path.dirname(os.path.abspath(__file__))
    src = os.path.join(here, "..", "meetings", "2020-11-25")
    shutil.copytree(src, os.path.join(root, "meetings", "2020-11-25"))
    return root, os.path.join(root, "meetings", "2020-11-25")


def lsp(rk, rounds):
    root, meeting = scratch()
    path = os.path.join(meeting, ITEM)
    uri = "file://" + path
    text = open(path, encoding="utf-8").read()
    p = subprocess.Popen([rk, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def send(message):
        body = json.dumps(message).encode()
        p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        p.stdin.flush()

    def receive():
        length = None
        while True:
            line = p.stdout.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            if line.lower().startswith(b"content-length"):
                length = int(line.split(b":")[1])
        return json.loads(p.stdout.read(length))

    def diagnostics_of(target):
        while True:
            m = receive()
            if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == target:
                return m["params"]["diagnostics"]

    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
    receive()
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
    diagnostics_of(uri)
    times = []
    for i in range(rounds):
        edited = text.replace("Christian Plaschke]", "Christian Plaschk]") if i % 2 == 0 else text
        started = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": i + 2}, "contentChanges": [{"text": edited}]}})
        found = diagnostics_of(uri)
        times.append((time.perf_counter() - started) * 1000)
        assert (len(found) == 1) == (i % 2 == 0), found
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    receive()
    send({"jsonrpc": "2.0", "method": "exit"})
    p.wait()
    shutil.rmtree(root)
    return times


def watch(rk, rounds):
    root, meeting = scratch()
    path = os.path.join(meeting, ITEM)
    text = open(path, encoding="utf-8").read()
    p = subprocess.Popen([rk, "watch", "2020-11-25"], cwd=root, stderr=subprocess.PIPE, text=True)

    def next_build():
        while True:
            line = p.stderr.readline()
            if not line:
                raise SystemExit("rk watch stopped")
            # The first build says "built", each after it "rebuilt".
            m = re.match(r"(?:(?:re)?built in |not (?:re)?built \()(\d+) ms", line)
            if m:
                assert re.match("(re)?built", line), line
                return float(m.group(1))
            if line.startswith("watching"):
                return None

    next_build()  # the first build
    next_build()  # watching
    times = []
    for i in range(rounds):
        # One word of the body, back and forth.
        word = "status" if i % 2 == 0 else "statusrapport"
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace("tager status til", "tager %s til" % word, 1))
        times.append(next_build())
    p.terminate()
    p.wait()
    shutil.rmtree(root)
    return times


def main():
    rk, mode = os.path.abspath(sys.argv[1]), sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    times = {"lsp": lsp, "watch": watch}[mode](rk, rounds)
    median = statistics.median(times)
    what = {"lsp": "didChange -> publishDiagnostics", "watch": "watch rebuild after a one-word edit"}[mode]
    print("%s: median %.1f ms, worst %.1f ms over %d rounds (budget %.0f ms)"
          % (what, median, max(times), len(times), BUDGET[mode]))
    if median > BUDGET[mode]:
        sys.exit(1)


main()
