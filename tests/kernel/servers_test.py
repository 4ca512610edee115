#!/usr/bin/env python3
"""tests/kernel/servers_test.py — the kernel servers (kernel-bridge/kernel_servers.def)
of real `vb serve` nodes on loopback: a program on node a asks its own node's time
and process servers (the kernel's local path) and those of node b, found through a
pid of b's "echo" member (the remote Send path); the process server lists a known
pid with its team and groups; requests it does not understand get an error map;
`vb ps` lists the processes of both nodes; without a kernel, v.kernel_server
raises :dead. The nodes and helpers are cluster_test.py's.

usage: servers_test.py --vb PATH
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cluster_test import Node, check, failures, free_port, key_file  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vb", required=True)
    vb = os.path.abspath(parser.parse_args().vb)
    tmp = tempfile.mkdtemp()
    key = key_file(tmp, "5a")
    nodes = []
    try:
        b = Node(vb, key, "b", programs=["echo_server.vb"])
        nodes.append(b)
        check("b: the echo server started", b.wait_for("echo ready on b", 10), b.text() + b.text("err"))
        a = Node(vb, key, "a", join=b, programs=["servers_client.vb"])
        nodes.append(a)
        done = a.wait_for("servers checked", 20)
        out = a.text()
        check("a: the client finished its checks", done, out + a.text("err"))
        check("own time server: this node, float unix time near ours, monotonic int",
              "own time: node true unix true type :float monotonic :int true" in out, out)
        check("b's time server, through a pid of b", "far time: node true true unix true monotonic true" in out, out)
        check("own process server lists the caller with its team", "own list has me true team true" in out, out)
        check("b's process server lists the echo member, its team and group",
              "far list has the echo member true team true groups true not me true" in out, out)
        check("a request not understood gets an error map saying what is",
              "not understood: :map [:list] true" in out and "unknown op: [:list]" in out, out)
        check("the time server answers any request", "time answers anything: :float" in out, out)

        # vb ps: every node's processes, the two known pids among them.
        pids = re.search(r"me (<pid [0-9.]+>) there (<pid [0-9.]+>)", out)
        r = subprocess.run([vb, "ps", "--node", a.address, "--key", key], capture_output=True, text=True, timeout=30)
        rows = r.stdout.splitlines()
        mine = [row for row in rows if pids and pids.group(1) in row]
        theirs = [row for row in rows if pids and pids.group(2) in row]
        check("vb ps lists both nodes' processes",
              r.returncode == 0 and len(mine) == 1 and mine[0].startswith("a ") and
              mine[0].endswith("servers_client.vb") and len(theirs) == 1 and theirs[0].startswith("b ") and
              theirs[0].endswith("echo_server.vb") and "<group " in theirs[0], (r.returncode, r.stdout, r.stderr))
        r = subprocess.run([vb, "ps", "--node", f"127.0.0.1:{free_port()}", "--key", key], capture_output=True,
                           text=True, timeout=30)
        check("vb ps: no node there", r.returncode == 1 and "no node answers" in r.stderr, (r.returncode, r.stderr))
    finally:
        for n in nodes:
            n.stop()

    # Without a kernel there is nobody at a kernel server's pid.
    program = os.path.join(tmp, "alone.vb")
    with open(program, "w") as f:
        f.write("print(try { v.kernel_server(:time) } catch e { e.kind })\nv.kernel_server(:process)\n")
    r = subprocess.run([vb, program], capture_output=True, text=True, timeout=30)
    check("no kernel: :dead, saying why", r.returncode == 1 and r.stdout == ":dead\n" and
          "runs without a kernel" in r.stderr and "alone.vb:2" in r.stderr, (r.returncode, r.stdout, r.stderr))

    if failures:
        print("\n".join(failures))
        return 1
    print("servers: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
