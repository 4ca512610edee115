#!/usr/bin/env python3
"""Run vb golden test programs and compare them with their expectations.

Usage:
    python3 tests/lang/run_test.py --vb PATH_TO_VB [--flag FLAG]... FILE.vb [FILE_OR_DIR]...

Each test file states what it expects in full-line comments:
    # expect: <line>        one line of standard output, in order ("# expect:" = empty line)
    # expect-error: <text>  standard error must contain <text> (several allowed)
    # expect-exit: <n>      expected exit code (default: 1 if any expect-error, else 0)
    # args: a b c           arguments passed to the program (shell-like quoting)
    # stdin: <line>         one line of standard input, in order ("# stdin:" = empty line)

The program runs as `VB [FLAGS] FILE [ARGS]` with the repository root (two levels
above this script's directory) as working directory and a 60 s timeout; its standard
input is the `# stdin:` lines (empty when there are none). Standard output must equal
the expected lines exactly. Exit status: 0 when every test passed, 1 when one failed,
2 on a usage error.

Directories are searched recursively for *.vb files; files inside a `lib/` directory
are helper modules, not tests, and are skipped.
"""
import argparse
import os
import re
import shlex
import subprocess
import sys

TIMEOUT = 60
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

RE_EXPECT = re.compile(r"^\s*# expect:(?: (.*))?$")
RE_ERROR = re.compile(r"^\s*# expect-error: (.*)$")
RE_EXIT = re.compile(r"^\s*# expect-exit: *(-?\d+)\s*$")
RE_ARGS = re.compile(r"^\s*# args:(?: (.*))?$")
RE_STDIN = re.compile(r"^\s*# stdin:(?: (.*))?$")


class Spec:
    def __init__(self):
        self.stdout = []
        self.errors = []
        self.exit = None
        self.args = []
        self.stdin = []


def parse_spec(path):
    spec = Spec()
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        text = f.read()
    for raw in text.split("\n"):
        line = raw[:-1] if raw.endswith("\r") else raw
        m = RE_EXPECT.match(line)
        if m:
            spec.stdout.append(m.group(1) if m.group(1) is not None else "")
            continue
        m = RE_ERROR.match(line)
        if m:
            spec.errors.append(m.group(1))
            continue
        m = RE_EXIT.match(line)
        if m:
            spec.exit = int(m.group(1))
            continue
        m = RE_ARGS.match(line)
        if m:
            spec.args.extend(shlex.split(m.group(1) or ""))
            continue
        m = RE_STDIN.match(line)
        if m:
            spec.stdin.append(m.group(1) if m.group(1) is not None else "")
    return spec


def split_lines(text):
    if text == "":
        return []
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines


def show_block(title, text, limit=6000):
    out = [title]
    if text == "":
        out.append("    (empty)")
    else:
        if len(text) > limit:
            text = text[:limit] + "\n... (truncated)"
        for l in text.split("\n"):
            out.append("    " + l)
    return "\n".join(out)


def diff_lines(expected, actual):
    """A line-by-line comparison marking the first difference."""
    out = []
    n = max(len(expected), len(actual))
    first = None
    for i in range(n):
        e = expected[i] if i < len(expected) else None
        a = actual[i] if i < len(actual) else None
        if e != a and first is None:
            first = i
    out.append(f"  stdout differs at line {first + 1} "
               f"(expected {len(expected)} lines, got {len(actual)}):")
    lo = max(0, first - 3)
    hi = min(n, first + 12)
    for i in range(lo, hi):
        e = expected[i] if i < len(expected) else None
        a = actual[i] if i < len(actual) else None
        mark = "  " if e == a else "!!"
        out.append(f"  {mark} {i + 1:4}  expected: {'<no line>' if e is None else repr(e)}")
        if e != a:
            out.append(f"  {mark} {'':4}  actual:   {'<no line>' if a is None else repr(a)}")
    if hi < n:
        out.append(f"     ... {n - hi} more lines")
    return "\n".join(out)


def run_one(vb, flags, path):
    """Returns (ok, report)."""
    spec = parse_spec(path)
    apath = os.path.abspath(path)
    rel = os.path.relpath(apath, ROOT)
    file_arg = apath if rel.startswith("..") else rel
    cmd = [vb] + flags + [file_arg] + spec.args
    try:
        if spec.stdin:
            stdin_args = {"input": "".join(l + "\n" for l in spec.stdin).encode("utf-8")}
        else:
            stdin_args = {"stdin": subprocess.DEVNULL}
        proc = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=TIMEOUT, **stdin_args)
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", "replace")
        err = (e.stderr or b"").decode("utf-8", "replace")
        return False, "\n".join([
            f"FAIL {file_arg}: timed out after {TIMEOUT} s",
            f"  command: {' '.join(shlex.quote(c) for c in cmd)}",
            show_block("  stdout so far:", out),
            show_block("  stderr so far:", err)])
    except OSError as e:
        return False, f"FAIL {file_arg}: cannot run {vb}: {e}"

    out = proc.stdout.decode("utf-8", "replace")
    err = proc.stderr.decode("utf-8", "replace")
    actual = split_lines(out)
    want_exit = spec.exit if spec.exit is not None else (1 if spec.errors else 0)
    problems = []
    if actual != spec.stdout:
        problems.append(diff_lines(spec.stdout, actual))
    missing = [e for e in spec.errors if e not in err]
    for e in missing:
        problems.append(f"  stderr does not contain: {e!r}")
    if proc.returncode != want_exit:
        problems.append(f"  exit code: expected {want_exit}, got {proc.returncode}")
    if not problems:
        return True, f"PASS {file_arg}"
    report = [f"FAIL {file_arg}",
              f"  command: {' '.join(shlex.quote(c) for c in cmd)}  (cwd {ROOT})"]
    report.extend(problems)
    if actual != spec.stdout:
        report.append(show_block("  expected stdout:", "\n".join(spec.stdout)))
        report.append(show_block("  actual stdout:", out.rstrip("\n")))
    report.append(show_block("  stderr:", err.rstrip("\n")))
    return False, "\n".join(report)


def collect(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = sorted(d for d in dirnames if d != "lib")
                for fn in sorted(filenames):
                    if fn.endswith(".vb"):
                        files.append(os.path.join(dirpath, fn))
        else:
            files.append(p)
    return files


def main():
    ap = argparse.ArgumentParser(description="Run vb golden test programs.")
    ap.add_argument("--vb", required=True, help="path to the vb executable")
    ap.add_argument("--flag", action="append", default=[],
                    help="an option passed to vb before the file (repeatable)")
    ap.add_argument("--quiet", action="store_true", help="print failures only")
    ap.add_argument("files", nargs="+", metavar="FILE.vb",
                    help="test files, or directories to search for them")
    # "--flag --gc-stress": the value starts with "-", which argparse would take for
    # an option, so glue each --flag to its value first.
    argv = []
    raw = sys.argv[1:]
    i = 0
    while i < len(raw):
        if raw[i] == "--flag" and i + 1 < len(raw):
            argv.append("--flag=" + raw[i + 1])
            i += 2
        else:
            argv.append(raw[i])
            i += 1
    a = ap.parse_args(argv)

    vb = a.vb
    if os.sep in vb or (os.altsep and os.altsep in vb):
        vb = os.path.abspath(vb)
    files = collect(a.files)
    if not files:
        print("run_test.py: no test files found", file=sys.stderr)
        return 2
    for f in files:
        if not os.path.isfile(f):
            print(f"run_test.py: no such file: {f}", file=sys.stderr)
            return 2
    failed = 0
    for f in files:
        ok, report = run_one(vb, a.flag, f)
        if not ok:
            failed += 1
        if not ok or not a.quiet:
            print(report, flush=True)
    if len(files) > 1:
        print(f"{len(files) - failed} passed, {failed} failed, {len(files)} total")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
