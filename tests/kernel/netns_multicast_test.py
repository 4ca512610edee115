#!/usr/bin/env python3
"""tests/kernel/netns_multicast_test.py — IP multicast between three `vb serve` nodes
in three network namespaces on one bridge (a real network path, not loopback): a
group datagram to members on two nodes is one multicast packet, and every member
gets every datagram. Needs root (ip netns); without it, it prints why and exits 77,
which ctest reports as skipped.

usage: netns_multicast_test.py --vb PATH
"""
import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time

from cluster_test import key_file
from netns_test import PROGRAMS, SKIP, sh

SUFFIX = str(os.getpid())
SWITCH = f"vbs{SUFFIX}"
HOSTS = [f"vbh{SUFFIX}{i}" for i in (1, 2, 3)]
ADDR = [f"10.232.0.{11 + i}" for i in range(3)]
GROUP = f"239.86.67.{random.randint(1, 254)}:7100"


def setup():
    sh("ip", "netns", "add", SWITCH)
    sh("ip", "link", "add", "br0", "type", "bridge", "mcast_snooping", "0", ns=SWITCH)
    sh("ip", "link", "set", "lo", "up", ns=SWITCH)
    sh("ip", "link", "set", "br0", "up", ns=SWITCH)
    for i, host in enumerate(HOSTS):
        sh("ip", "netns", "add", host)
        sh("ip", "link", "add", "eth0", "netns", host, "type", "veth", "peer", "name", f"p{i}", "netns", SWITCH)
        sh("ip", "link", "set", f"p{i}", "master", "br0", ns=SWITCH)
        sh("ip", "link", "set", f"p{i}", "up", ns=SWITCH)
        sh("ip", "addr", "add", f"{ADDR[i]}/24", "dev", "eth0", ns=host)
        sh("ip", "link", "set", "lo", "up", ns=host)
        sh("ip", "link", "set", "eth0", "up", ns=host)
        # Without a multicast route, joining fails with "No such device".
        sh("ip", "route", "add", "224.0.0.0/4", "dev", "eth0", ns=host)


def teardown():
    for ns in HOSTS + [SWITCH]:
        subprocess.run(["ip", "netns", "del", ns], capture_output=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vb", required=True)
    vb = os.path.abspath(parser.parse_args().vb)
    if os.geteuid() != 0:
        print("skipped: needs root for network namespaces")
        return SKIP
    try:
        setup()
    except (subprocess.CalledProcessError, FileNotFoundError) as e:
        teardown()
        print(f"skipped: cannot make network namespaces and a bridge here ({e})")
        return SKIP
    tmp = tempfile.mkdtemp()
    key = key_file(tmp, "7c")
    processes = []
    try:
        logs = []
        programs = ["datagram_member.vb", "datagram_member.vb", "datagram_sender.vb"]
        for i, host in enumerate(HOSTS):
            log = open(os.path.join(tmp, f"h{i}.log"), "w+")
            logs.append(log)
            join = ["--join", f"{ADDR[0]}:7000"] if i else []
            processes.append(subprocess.Popen(
                ["ip", "netns", "exec", host, vb, "serve", "--listen", f"{ADDR[i]}:7000", "--name", f"h{i}",
                 "--key", key, "--multicast", GROUP, *join, os.path.join(PROGRAMS, programs[i])],
                stdout=log, stderr=subprocess.STDOUT))
            time.sleep(0.5)
        deadline = time.monotonic() + 30
        text = ""
        while time.monotonic() < deadline:
            text = open(logs[2].name).read()
            if "datagrams received" in text or processes[2].poll() is not None:
                break
            time.sleep(0.2)
        for p in processes:
            p.terminate()
            p.wait(timeout=10)
        text = open(logs[2].name).read()
        sent = re.search(r"multicasts sent (\d+)", text)
        received = [re.search(r"multicasts sent \d+, received (\d+)", open(log.name).read()) for log in logs[:2]]
        ok = "members 2 datagrams received 200" in text
        print(("ok   " if ok else "FAIL ") + "a group datagram reaches every member on two other hosts")
        multicast = sent and int(sent.group(1)) >= 100 and all(r and int(r.group(1)) >= 100 for r in received)
        print(("ok   " if multicast else "FAIL ") + "as one IP multicast packet each, over the bridge")
        if not ok or not multicast:
            for log in logs:
                print(open(log.name).read())
            return 1
        print("netns multicast: all checks passed")
        return 0
    finally:
        for p in processes:
            if p.poll() is None:
                p.kill()
                p.wait()
        teardown()


if __name__ == "__main__":
    sys.exit(main())
