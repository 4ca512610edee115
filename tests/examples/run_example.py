#!/usr/bin/env python3
"""tests/examples/run_example.py — runs one program of examples/ and compares its
standard output with examples/expected/<name>.out (feeding <name>.in when it exists).

usage: run_example.py --vb PATH examples/NAME.vb
"""
import argparse
import difflib
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vb", required=True)
    parser.add_argument("program")
    args = parser.parse_args()
    program = pathlib.Path(args.program)
    name = program.stem
    expected = ROOT / "examples" / "expected" / f"{name}.out"
    stdin = ROOT / "examples" / "expected" / f"{name}.in"
    feed = stdin.read_bytes() if stdin.exists() else b""
    run = subprocess.run([args.vb, str(program)], input=feed, capture_output=True, cwd=ROOT, timeout=60)
    want = expected.read_text()
    got = run.stdout.decode(errors="replace")
    if run.returncode != 0 or got != want:
        print(f"FAIL {program}: exit code {run.returncode}")
        sys.stdout.writelines(difflib.unified_diff(want.splitlines(True), got.splitlines(True), "expected", "actual"))
        print(run.stderr.decode(errors="replace"))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
