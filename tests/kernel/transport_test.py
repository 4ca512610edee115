#!/usr/bin/env python3
"""tests/kernel/transport_test.py — the kernel's transport between real processes
on loopback (tests/kernel/transport_peer.cpp at both ends): transactions of every
size up to 64 MiB, lossy links (drop, duplicate, reorder, delay) with every request
executed exactly once, a busy server told from a dead one, a killed server, a wrong
cluster key, and hostile datagrams that must not disturb the server.

usage: transport_test.py --peer PATH
"""
import argparse
import os
import random
import signal
import socket
import subprocess
import sys
import time

KEY = "11" * 32
OTHER_KEY = "22" * 32
failures = []


def check(name, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + name)
    if not ok:
        failures.append(f"{name}: {detail}")


class Server:
    def __init__(self, peer, *extra):
        self.process = subprocess.Popen([peer, "serve", "--listen", "127.0.0.1:0", "--key", KEY, *extra],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline().split()
        assert line and line[0] == "listening", line
        self.address = line[1]

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        out, err = self.process.communicate(timeout=30)
        return out + err

    def executions(self, output):
        for line in output.splitlines():
            if line.startswith("executions"):
                words = line.split()
                return int(words[1]), int(words[3])
        return None


def call(peer, address, *extra, key=KEY, timeout=120):
    start = time.monotonic()
    r = subprocess.run([peer, "call", "--to", address, "--key", key, *extra], capture_output=True, text=True,
                       timeout=timeout)
    return r, time.monotonic() - start


def counter(output, name):
    for part in output.replace(";", ",").split(","):
        words = part.split()
        if len(words) >= 2 and words[-2] == name:
            return int(words[-1])
    return -1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--peer", required=True)
    peer = parser.parse_args().peer

    # Sizes from one packet to a 64 MiB packet group.
    server = Server(peer)
    first = 0
    for size, count, concurrency in [(32, 2000, 1), (1024, 500, 4), (8192, 200, 1), (65536, 50, 2),
                                     (1 << 20, 10, 1), (8 << 20, 2, 1), (64 << 20, 1, 1)]:
        r, seconds = call(peer, server.address, "--count", str(count), "--size", str(size), "--concurrency",
                          str(concurrency), "--first", str(first))
        first += count
        check(f"{count} transactions of {size} B", r.returncode == 0 and r.stdout.startswith(f"ok {count}"),
              r.stdout + r.stderr)
    out = server.stop()
    total, distinct = server.executions(out)
    check("every request executed once", total == distinct == 2000 + 500 + 200 + 50 + 10 + 2 + 1, out)

    # Lossy links both ways: every transaction completes, and executes exactly once.
    faults = "drop=0.2,dup=0.2,reorder=0.2,delay=2,seed=%d"
    server = Server(peer, "--faults", faults % 7)
    r, _ = call(peer, server.address, "--count", "300", "--size", "100", "--concurrency", "3",
                "--faults", faults % 11)
    check("lossy link: 300 transactions", r.returncode == 0 and r.stdout.startswith("ok 300"), r.stdout + r.stderr)
    r2, _ = call(peer, server.address, "--count", "4", "--size", str(3 << 20), "--faults", faults % 13,
                 "--first", "300")
    check("lossy link: 3 MiB packet groups", r2.returncode == 0 and r2.stdout.startswith("ok 4"), r2.stdout + r2.stderr)
    out = server.stop()
    total, distinct = server.executions(out)
    check("lossy link: exactly once", total == distinct == 304, out)
    check("lossy link: duplicates were suppressed", counter(out, "requests") > 0, out)
    check("lossy link: the client retransmitted", counter(r.stdout, "retransmitted") > 0, r.stdout)

    # A server that works for 1.5 s on each request is busy, not dead (dead after 1 s).
    server = Server(peer, "--work-ms", "1500")
    r, seconds = call(peer, server.address, "--count", "2", "--dead-ms", "1000")
    check("busy server: not dead", r.returncode == 0 and r.stdout.startswith("ok 2"), r.stdout + r.stderr)
    check("busy server: probes told it apart", counter(r.stdout, "probes") > 0, r.stdout)
    server.stop()

    # A server killed during a transaction: the client hears :dead within ~1 s.
    server = Server(peer, "--work-ms", "5000")
    client = subprocess.Popen([peer, "call", "--to", server.address, "--key", KEY, "--count", "1", "--dead-ms", "1000"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(0.3)
    server.process.kill()
    killed = time.monotonic()
    out, err = client.communicate(timeout=30)
    waited = time.monotonic() - killed
    check("killed server: dead", client.returncode == 3 and out.startswith("dead"), out + err)
    check("killed server: within 1.5 s", waited < 1.5, f"{waited:.2f} s")
    server.process.wait()

    # The wrong cluster key: nothing gets through, and the server counts why.
    server = Server(peer)
    r, seconds = call(peer, server.address, "--count", "1", "--dead-ms", "500", key=OTHER_KEY)
    check("wrong key: rejected", r.returncode == 3, r.stdout + r.stderr)
    out = server.stop()
    check("wrong key: counted as bad MACs", counter(out, "mac") > 0, out)

    # Hostile datagrams: garbage, truncations and bit flips of a real packet.
    server = Server(peer)
    host, port = server.address.rsplit(":", 1)
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    rng = random.Random(5)
    real = bytes.fromhex("5642") + bytes([1, 1]) + bytes(56) + bytes(16)
    for i in range(3000):
        kind = i % 3
        if kind == 0:
            data = bytes(rng.getrandbits(8) for _ in range(rng.randrange(0, 200)))
        elif kind == 1:
            data = real[: rng.randrange(0, len(real))]
        else:
            flipped = bytearray(real)
            flipped[rng.randrange(len(flipped))] ^= 1 << rng.randrange(8)
            data = bytes(flipped)
        sock.sendto(data, (host, int(port)))
    r, _ = call(peer, server.address, "--count", "10")
    check("hostile datagrams: the server still serves", r.returncode == 0, r.stdout + r.stderr)
    out = server.stop()
    dropped = sum(max(0, counter(out, name)) for name in ["short", "magic", "version", "kind", "fields", "mac"])
    check("hostile datagrams: all dropped and counted", dropped >= 2900, out)

    if failures:
        print("\n".join(failures))
        return 1
    print("transport: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
