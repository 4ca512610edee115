# closures_loop: closures made inside a loop. Each iteration i makes a small
# closure that captures the loop variable i (bound per iteration with the
# usual default-argument idiom, since a Python loop variable is one variable
# for the whole loop) and the mutable accumulator acc (a local of main,
# changed by every call through `nonlocal`); the closure is called at once,
# and every 8th one is also kept in a list. When 64 are kept they are all
# called again (the j-th with j) and the list is replaced; those left at the
# end are called after the loop.
import sys

KEEP_EVERY = 8
BATCH = 64


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000000
    acc = 0
    total = 0
    saved = []
    for i in range(n):
        def f(x, i=i):
            nonlocal acc
            acc += x + i
            return (acc + i) % 1000

        total += f(i % 7)
        if i % KEEP_EVERY == 0:
            saved.append(f)
            if len(saved) == BATCH:
                for j, g in enumerate(saved):
                    total += g(j)
                saved = []
    for j, g in enumerate(saved):
        total += g(j)
    print("closures_loop(%d) = %d %d" % (n, total, acc))


main()
