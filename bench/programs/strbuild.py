# strbuild: string building, like a log formatter. For each i in range(n) a
# log line f"{level} {name}={i};code={code}" is built by an f-string and
# appended to a batch; a line whose first four characters (a slice) are
# "WARN" is counted; every 8th line is hashed over its bytes (encode()).
# Every 100 lines, and after the last line, the batch is joined with "\n",
# its length added up, its "=1" substrings counted, and its first 16
# characters compared with the previous batch's. (All text is ASCII, so
# characters are bytes.)
import sys

NAMES = ["alpha", "beta", "gamma", "delta", "epsilon"]
LEVELS = ["INFO", "WARN", "DEBUG"]
BATCH = 100
MOD = 1000000007


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
    total = warns = ones = rises = h = 0
    prev = ""
    lines = []
    for i in range(n):
        line = f"{LEVELS[i % 3]} {NAMES[i % 5]}={i};code={(i * 7919) % 1000}"
        if line[0:4] == "WARN":
            warns += 1
        if i % 8 == 0:
            for b in line.encode():
                h = (h * 31 + b) % MOD
        lines.append(line)
        if len(lines) == BATCH or i == n - 1:
            chunk = "\n".join(lines)
            total += len(chunk)
            ones += chunk.count("=1")
            head = chunk[0:16]
            if head > prev:
                rises += 1
            prev = head
            lines = []
    print("strbuild(%d) = %d %d %d %d %d" % (n, total, warns, ones, rises, h))


main()
