# server: a request/reply server loop as a generator driven by send. The
# server owns a dict and answers requests in a loop: each request is a tuple
# sent in, the reply is the value yielded back. ("add", k, d) adds d to the
# value under key k (0 when absent) and replies with the new value,
# ("get", k) replies with the value (0 when absent), ("size",) with the
# number of keys. The client makes n requests, a "get" for every third i and
# an "add" otherwise, on keys (i * 7) % 1000, and sums the replies; a last
# "size" request gives the number of keys.
import sys

KEYS = 1000


def server():
    store = {}
    reply = None
    while True:
        req = yield reply
        op = req[0]
        if op == "add":
            k = req[1]
            reply = store.get(k, 0) + req[2]
            store[k] = reply
        elif op == "get":
            reply = store.get(req[1], 0)
        elif op == "size":
            reply = len(store)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000000
    s = server()
    next(s)  # start the server: run it to its first yield
    total = 0
    for i in range(n):
        k = (i * 7) % KEYS
        if i % 3 == 0:
            total += s.send(("get", k))
        else:
            total += s.send(("add", k, i % 100))
    size = s.send(("size",))
    print("server(%d) = %d %d" % (n, total, size))


main()
