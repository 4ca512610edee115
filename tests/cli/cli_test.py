#!/usr/bin/env python3
"""tests/cli/cli_test.py — the `vb` command line: options, exit codes and the
one-line messages for usage errors (0 ok, 1 uncaught or compile error, 2 usage).

usage: cli_test.py --vb PATH
"""
import argparse
import os
import subprocess
import sys
import tempfile

failures = []


def run(vb, *args, stdin=b""):
    return subprocess.run([vb, *args], input=stdin, capture_output=True, timeout=60)


def check(name, ok, detail=""):
    if not ok:
        failures.append(f"{name}: {detail}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vb", required=True)
    vb = parser.parse_args().vb
    tmp = tempfile.mkdtemp()

    r = run(vb, "--version")
    check("--version", r.returncode == 0 and r.stdout.startswith(b"vb "), r.stdout)
    r = run(vb, "--help")
    check("--help", r.returncode == 0 and b"usage: vb" in r.stdout, r.stdout)

    r = run(vb, "no/such/file.vb")
    lines = r.stderr.decode().strip().splitlines()
    check("missing file", r.returncode == 2 and len(lines) == 1 and "no/such/file.vb" in lines[0], r.stderr)
    r = run(vb, "--frobnicate")
    lines = r.stderr.decode().strip().splitlines()
    check("bad option", r.returncode == 2 and len(lines) == 1 and "--frobnicate" in lines[0], r.stderr)
    r = run(vb, "--max-heap", "lots", "x.vb")
    check("bad heap size", r.returncode == 2 and b"lots" in r.stderr, r.stderr)

    r = run(vb, "-e", "1 + 2")
    check("-e prints the value", r.returncode == 0 and r.stdout == b"3\n", r.stdout)
    r = run(vb, "-e", 'print("a")')
    check("-e runs statements", r.returncode == 0 and r.stdout == b"a\n", r.stdout)

    prog = os.path.join(tmp, "args.vb")
    with open(prog, "w") as f:
        f.write('print(args())\nexit(len(args()))\n')
    r = run(vb, prog, "one", "two words")
    check("args and exit", r.returncode == 2 and r.stdout == b'["one", "two words"]\n', (r.returncode, r.stdout))

    prog = os.path.join(tmp, "fail.vb")
    with open(prog, "w") as f:
        f.write('print("before")\nfn f(a) { a[3] }\nf([1])\n')
    r = run(vb, prog)
    err = r.stderr.decode()
    check("uncaught error", r.returncode == 1 and r.stdout == b"before\n" and "error[:index_error]" in err
          and "fail.vb:2 in f" in err and "fail.vb:3 in <main>" in err, (r.returncode, err))

    prog = os.path.join(tmp, "syntax.vb")
    with open(prog, "w") as f:
        f.write('let x = (1 + )\nlet y = ]\n')
    r = run(vb, prog)
    err = r.stderr.decode()
    check("compile errors", r.returncode == 1 and err.count("error:") >= 2 and "syntax.vb:1:" in err and "^" in err,
          (r.returncode, err))

    prog = os.path.join(tmp, "heap.vb")
    with open(prog, "w") as f:
        f.write('var xs = []\nlet r = try { while true { push(xs, [1, 2, 3, 4]) } } catch e { e.kind }\n'
                'xs = nil\nprint(r)\nprint("still running")\n')
    r = run(vb, "--max-heap", "16M", prog)
    check("--max-heap", r.returncode == 0 and r.stdout == b":out_of_memory\nstill running\n", (r.returncode, r.stdout, r.stderr))

    prog = os.path.join(tmp, "deep.vb")
    with open(prog, "w") as f:
        f.write('fn down(n) { 1 + down(n + 1) }\nprint(try { down(0) } catch e { e.kind })\n')
    r = run(vb, prog)
    check("stack overflow", r.returncode == 0 and r.stdout == b":stack_overflow\n", (r.returncode, r.stdout, r.stderr))

    r = run(vb, "--stats", "-e", "len([1, 2])")
    check("--stats", r.returncode == 0 and b"gc:" in r.stderr, r.stderr)

    if failures:
        print("\n".join(failures))
        return 1
    print("cli: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
