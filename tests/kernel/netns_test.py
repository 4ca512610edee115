#!/usr/bin/env python3
"""tests/kernel/netns_test.py — two `vb serve` nodes in two network namespaces joined
by a veth pair, with real packet loss from an nftables rule on each side's input
(this kernel has no netem): every transaction must still complete, exactly once.
Needs root (ip netns, nft); without it, or without those tools, it prints why and
exits 77, which ctest reports as skipped.

usage: netns_test.py --vb PATH
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

from cluster_test import key_file

SKIP = 77
HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, "programs")
SUFFIX = str(os.getpid())
NS = [f"vbt{SUFFIX}a", f"vbt{SUFFIX}b"]
VETH = [f"vba{SUFFIX}"[:15], f"vbb{SUFFIX}"[:15]]
ADDR = ["10.231.0.1", "10.231.0.2"]


def sh(*args, ns=None, check=True):
    command = (["ip", "netns", "exec", ns] if ns else []) + list(args)
    return subprocess.run(command, capture_output=True, text=True, check=check)


def setup():
    for ns in NS:
        sh("ip", "netns", "add", ns)
    sh("ip", "link", "add", VETH[0], "type", "veth", "peer", "name", VETH[1])
    for i in (0, 1):
        sh("ip", "link", "set", VETH[i], "netns", NS[i])
        sh("ip", "addr", "add", f"{ADDR[i]}/24", "dev", VETH[i], ns=NS[i])
        sh("ip", "link", "set", VETH[i], "up", ns=NS[i])
        sh("ip", "link", "set", "lo", "up", ns=NS[i])
        # 10% of the UDP packets that reach this namespace are lost.
        sh("nft", "add", "table", "inet", "vbfault", ns=NS[i])
        sh("nft", "add", "chain", "inet", "vbfault", "in", "{ type filter hook input priority 0 ; }", ns=NS[i])
        sh("nft", "add", "rule", "inet", "vbfault", "in", "ip", "saddr", "10.231.0.0/24", "meta", "l4proto", "udp",
           "numgen", "random", "mod", "100", "<", "10", "counter", "drop", ns=NS[i])


def teardown():
    for ns in NS:
        subprocess.run(["ip", "netns", "del", ns], capture_output=True)


def dropped(ns):
    out = sh("nft", "list", "table", "inet", "vbfault", ns=ns, check=False).stdout
    for word, after in zip(out.split(), out.split()[1:]):
        if word == "packets":
            return int(after)
    return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vb", required=True)
    vb = os.path.abspath(parser.parse_args().vb)
    if os.geteuid() != 0:
        print("skipped: needs root for network namespaces and nftables")
        return SKIP
    for tool in ("ip", "nft"):
        if not shutil.which(tool):
            print(f"skipped: '{tool}' is not installed")
            return SKIP
    try:
        setup()
    except subprocess.CalledProcessError as e:
        teardown()
        print(f"skipped: cannot make network namespaces here ({' '.join(e.cmd)}: {e.stderr.strip()})")
        return SKIP

    tmp = tempfile.mkdtemp()
    key = key_file(tmp, "6b")
    processes = []
    try:
        server_out = open(os.path.join(tmp, "server.out"), "w+")
        server = subprocess.Popen(["ip", "netns", "exec", NS[0], vb, "serve", "--listen", f"{ADDR[0]}:7000", "--name",
                                   "h1", "--key", key, "--dead-ms", "3000", os.path.join(PROGRAMS, "counter.vb")],
                                  stdout=server_out, stderr=subprocess.STDOUT)
        processes.append(server)
        time.sleep(1)
        client_path = os.path.join(tmp, "client.out")
        client_out = open(client_path, "w+")
        client = subprocess.Popen(["ip", "netns", "exec", NS[1], vb, "serve", "--listen", f"{ADDR[1]}:7000", "--name",
                                   "h2", "--key", key, "--dead-ms", "3000", "--join", f"{ADDR[0]}:7000",
                                   os.path.join(PROGRAMS, "counting_client.vb")],
                                  stdout=client_out, stderr=subprocess.STDOUT)
        processes.append(client)
        deadline = time.monotonic() + 120
        text = ""
        while time.monotonic() < deadline:
            text = open(client_path).read()
            if "correct replies" in text or client.poll() is not None:
                break
            time.sleep(0.2)
        lost = dropped(NS[0]) + dropped(NS[1])
        ok = "correct replies 200 executed 200" in text
        print(("ok   " if ok else "FAIL ") + f"200 transactions across namespaces with 10% loss, each executed once "
              f"({lost} packets dropped by nftables)")
        if not ok:
            print(text)
            return 1
        if lost == 0:
            print("FAIL the nftables rule dropped nothing")
            return 1
        print("netns: all checks passed")
        return 0
    finally:
        for p in processes:
            p.kill()
            p.wait()
        teardown()


if __name__ == "__main__":
    sys.exit(main())
