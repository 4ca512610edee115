#!/usr/bin/env python3
"""tests/kernel/cluster_test.py — clusters of real `vb serve` processes on loopback:
message transactions across three nodes and within one node across teams,
well-known groups (send_any, send_all), `vb nodes`, a node killed with SIGKILL
during a transaction (its callers get :dead within 1 s), a time limit (:timeout),
a node with the wrong cluster key (refused), lossy links through the transport's
fault injector (every transaction completes exactly once), datagrams to a group
by IP multicast and by fan-out, and a 16-node cluster.

usage: cluster_test.py --vb PATH
"""
import argparse
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, "programs")
failures = []


def check(name, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + name, flush=True)
    if not ok:
        failures.append(f"{name}: {detail}")


def key_file(directory, byte):
    """A cluster key file in `directory`: 32 bytes of `byte` (two hex digits)."""
    path = os.path.join(directory, f"cluster-{byte}.key")
    with open(path, "w") as f:
        f.write(byte * 32 + "\n")
    return path


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Node:
    def __init__(self, vb, key, name, join=None, programs=(), extra=(), wait=True, stdin=None):
        self.port = free_port()
        self.address = f"127.0.0.1:{self.port}"
        self.name = name
        args = [vb, "serve", "--listen", self.address, "--name", name, "--key", key, *extra]
        if join:
            args += ["--join", join.address]
        args += [os.path.join(PROGRAMS, p) for p in programs]
        self.out = tempfile.TemporaryFile()
        self.err = tempfile.TemporaryFile()
        self.process = subprocess.Popen(args, stdin=stdin, stdout=self.out, stderr=self.err)
        if wait:
            self.wait_for_stderr("listening on", 10)

    def text(self, which="out"):
        f = self.out if which == "out" else self.err
        f.seek(0)
        return f.read().decode(errors="replace")

    def wait_for_stderr(self, needle, seconds):
        return self.wait_for(needle, seconds, "err")

    def wait_for(self, needle, seconds, which="out"):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if needle in self.text(which):
                return True
            if self.process.poll() is not None:
                return needle in self.text(which)
            time.sleep(0.05)
        return False

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vb", required=True)
    vb = os.path.abspath(parser.parse_args().vb)
    tmp = tempfile.mkdtemp()
    key = key_file(tmp, "5a")
    other_key = key_file(tmp, "a5")
    nodes = []

    try:
        # Three nodes: the echo server on a, the client on c, which joins through b.
        a = Node(vb, key, "a", programs=["echo_server.vb"])
        nodes.append(a)
        check("a: the echo server started", a.wait_for("echo ready on a", 10), a.text() + a.text("err"))
        b = Node(vb, key, "b", join=a, programs=["echo_server.vb"])
        nodes.append(b)
        check("b: joined and started its echo server", b.wait_for("echo ready on b", 10), b.text("err"))
        c = Node(vb, key, "c", join=b, programs=["client.vb"])
        nodes.append(c)
        done = c.wait_for("a function cannot travel", 20)
        out = c.text()
        check("3 nodes: the client finished", done, out + c.text("err"))
        check("3 nodes: send_any reached a member", "echo hello" in out, out)
        check("3 nodes: 200 direct send/reply transactions", "200 direct sends, sum 19900" in out, out)
        check("3 nodes: send_all reached both members", "send_all replies 2" in out and '["a", "b"]' in out, out)
        check("3 nodes: the co-resident qualifier keeps to one node", "co-resident replies 1 from true" in out, out)
        check("3 nodes: a function is refused with :type_error", "cannot travel: :type_error" in out, out)
        r = subprocess.run([vb, "nodes", "--node", b.address, "--key", key], capture_output=True, text=True, timeout=30)
        listed = r.stdout
        check("vb nodes lists the three", r.returncode == 0 and all(f"\n{n} " in "\n" + listed for n in "abc"),
              listed + r.stderr)

        # vb run --on: compiled here, run there, output streamed back, exit status kept.
        r = subprocess.run([vb, "run", "--on", a.address, "--key", key, os.path.join(PROGRAMS, "remote_run.vb"),
                            "x", "y"], capture_output=True, text=True, timeout=60)
        check("vb run --on: output and exit status",
              r.returncode == 2 and r.stdout == 'hello from a args ["x", "y"]\nno newline, then one\n:index_error\n',
              (r.returncode, r.stdout, r.stderr))
        failing = os.path.join(tmp, "failing.vb")
        with open(failing, "w") as f:
            f.write('print("before")\nfn f(x) { x[9] }\nf([1])\n')
        r = subprocess.run([vb, "run", "--on", a.address, "--key", key, failing], capture_output=True, text=True,
                           timeout=60)
        check("vb run --on: an uncaught error comes back on stderr",
              r.returncode == 1 and r.stdout == "before\n" and "error[:index_error]" in r.stderr
              and "failing.vb:2 in f" in r.stderr, (r.returncode, r.stdout, r.stderr))
        looping = subprocess.Popen([vb, "run", "--on", a.address, "--key", key, os.path.join(PROGRAMS, "forever.vb")],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        first = looping.stdout.readline()
        looping.send_signal(signal.SIGINT)
        try:
            code = looping.wait(timeout=10)
        except subprocess.TimeoutExpired:
            looping.kill()
            code = None
        check("vb run --on: Ctrl-C stops the program there", first == "looping\n" and code == 130, (first, code))
        r = subprocess.run([vb, "run", "--on", f"127.0.0.1:{free_port()}", "--key", key, failing],
                           capture_output=True, text=True, timeout=60)
        check("vb run --on: no node there", r.returncode == 1 and "does not answer" in r.stderr, r.stderr)

        # Two teams of one node talk through its kernel, without the network.
        d = Node(vb, key, "d", programs=["echo_server.vb", "client.vb"])
        nodes.append(d)
        done = d.wait_for("a function cannot travel", 20)
        check("one node, two teams: transactions between them", done and "200 direct sends, sum 19900" in d.text(),
              d.text() + d.text("err"))
        d.stop()

        # A node killed during a transaction: its caller gets :dead within 1 s.
        slow = Node(vb, key, "slow", join=a, programs=["slow_server.vb"])
        nodes.append(slow)
        check("slow server started", slow.wait_for("slow ready", 10), slow.text("err"))
        caller = Node(vb, key, "caller", join=a, programs=["killed_client.vb"])
        nodes.append(caller)
        check("the caller is calling", caller.wait_for("calling", 20), caller.text() + caller.text("err"))
        time.sleep(0.3)
        slow.process.kill()
        slow.process.wait()
        done = caller.wait_for("result", 10)
        out = caller.text()
        check("killed node: the caller gets :dead", done and "result :dead" in out, out + caller.text("err"))
        check("killed node: within 2 s of the call", "within 2 s true" in out, out)

        # A time limit on a send to a busy member.
        slow2 = Node(vb, key, "slow2", join=a, programs=["slow_server.vb"])
        nodes.append(slow2)
        timed = Node(vb, key, "timed", join=a, programs=["timeout_client.vb"])
        nodes.append(timed)
        check("a send past its time limit raises :timeout", timed.wait_for("limited send: :timeout", 20),
              timed.text() + timed.text("err"))

        # The wrong cluster key: the node cannot join.
        wrong = Node(vb, other_key, "wrong", join=a, wait=False)
        code = wrong.process.wait(timeout=30)
        check("wrong key: refused", code == 2 and "no member of the cluster answered" in wrong.text("err"),
              (code, wrong.text("err")))
        for n in nodes:
            n.stop()
        nodes = []

        # Lossy links both ways: every transaction completes exactly once.
        faults = ["--faults", "drop=0.15,dup=0.15,reorder=0.15,delay=2,seed=3"]
        server = Node(vb, key, "server", programs=["counter.vb"], extra=faults)
        nodes.append(server)
        check("lossy: the counter started", server.wait_for("counter ready", 10), server.text("err"))
        client = Node(vb, key, "client", join=server, programs=["counting_client.vb"],
                      extra=["--faults", "drop=0.15,dup=0.15,reorder=0.15,delay=2,seed=4"])
        nodes.append(client)
        done = client.wait_for("correct replies", 60)
        out = client.text()
        check("lossy: 200 transactions, each executed once", done and "correct replies 200 executed 200" in out,
              out + client.text("err"))
        for n in nodes:
            n.stop()
        nodes = []

        # A team waiting in io.read_line holds neither its node's thread (here
        # the only one) nor its transport: the node answers while no line comes.
        reader = Node(vb, key, "reader", programs=["reader.vb"], extra=["--threads", "1"], stdin=subprocess.PIPE)
        nodes.append(reader)
        check("io.read_line in a node: the reader waits", reader.wait_for("reading", 10), reader.text("err"))
        time.sleep(0.3)
        r = subprocess.run([vb, "nodes", "--node", reader.address, "--key", key], capture_output=True, text=True,
                           timeout=30)
        check("io.read_line in a node: the node answers meanwhile", r.returncode == 0 and "reader" in r.stdout,
              r.stdout + r.stderr)
        reader.process.stdin.write(b"hello\nworld\n")
        reader.process.stdin.close()
        check("io.read_line in a node: the lines, then the end of input",
              reader.wait_for("end of input", 10) and "got hello\ngot world\n" in reader.text(), reader.text())
        reader.stop()
        nodes.remove(reader)

        # Datagrams to a group with members on two other nodes: one IP multicast
        # each (loopback carries multicast when every node names 127.0.0.1), or,
        # without a group address, one datagram per member node.
        for mode, extra in (("multicast", ["--multicast", f"239.86.66.{random.randint(1, 254)}:{free_port()}"]),
                            ("fan-out", [])):
            m1 = Node(vb, key, "m1", programs=["datagram_member.vb"], extra=extra)
            m2 = Node(vb, key, "m2", join=m1, programs=["datagram_member.vb"], extra=extra)
            sender = Node(vb, key, "sender", join=m1, programs=["datagram_sender.vb"], extra=extra)
            nodes += [m1, m2, sender]
            done = sender.wait_for("datagrams received", 20)
            for n in (m1, m2, sender):
                n.stop()
            nodes = []
            sent = re.search(r"multicasts sent (\d+)", sender.text("err"))
            multicasts = int(sent.group(1)) if sent else -1
            check(f"group datagrams, {mode}: every member got every one",
                  done and "members 2 datagrams received 200" in sender.text(), sender.text() + sender.text("err"))
            check(f"group datagrams, {mode}: " + ("one multicast each" if extra else "no multicast"),
                  multicasts >= 100 if extra else multicasts == 0, sender.text("err"))

        # Sixteen nodes, each joining through the one before.
        first = Node(vb, key, "n0")
        nodes.append(first)
        for i in range(1, 16):
            nodes.append(Node(vb, key, f"n{i}", join=nodes[-1]))
        deadline = time.monotonic() + 15
        listed = ""
        while time.monotonic() < deadline:
            r = subprocess.run([vb, "nodes", "--node", first.address, "--key", key], capture_output=True, text=True,
                               timeout=30)
            listed = r.stdout
            if len(listed.strip().splitlines()) == 17:
                break
            time.sleep(0.2)
        check("16 nodes: every one is in the cluster", len(listed.strip().splitlines()) == 17, listed)
    finally:
        for n in nodes:
            n.stop()

    if failures:
        print("\n".join(failures))
        return 1
    print("cluster: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
