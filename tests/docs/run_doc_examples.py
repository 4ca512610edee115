#!/usr/bin/env python3
"""tests/docs/run_doc_examples.py — runs the ```vb examples of a Markdown document.

Every fenced block tagged ```vb is a complete program. Its expectations are comments,
the same conventions as the golden tests in tests/lang (see docs/language.md, "Tests"):

    # expect: <line>       one per line of standard output, in order; the text after
                           "# expect: " must equal the line exactly ("# expect:" alone
                           is an empty line). It may end a code line:
                           print(1 + 2)   # expect: 3
    # expect-error: <text> standard error must contain <text> (several allowed); the
                           exit code must then be 1 unless # expect-exit says otherwise
    # expect-exit: N       the exit code must be N
    # args: a b c          arguments for the program (split like a shell would)
    # stdin: <line>        a line of standard input (several allowed; default: none)

Usage:
    run_doc_examples.py --vb PATH_TO_VB docs/language.md            run all, print a summary
    run_doc_examples.py --vb PATH_TO_VB docs/language.md --list     print the number of blocks
    run_doc_examples.py --vb PATH_TO_VB docs/language.md --run N    run block N (1-based)
    --flag=OPTION (repeatable) passes OPTION to vb before the file, e.g. --flag=--gc-stress

Each block is written to a temporary .vb file and run as `VB [flags] FILE [args]` with the
repository root as working directory and a 60-second limit. Exit status: 0 when every
block that ran passed, 1 otherwise, 2 for a usage error.
"""

import argparse
import difflib
import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_SECONDS = 60

FENCE_OPEN = re.compile(r"^( {0,3})```vb\s*$")
FENCE_CLOSE = re.compile(r"^ {0,3}```\s*$")
EXPECT = re.compile(r"#\s?expect:(?: (.*))?$")
EXPECT_ERROR = re.compile(r"#\s?expect-error:\s?(.*)$")
EXPECT_EXIT = re.compile(r"#\s?expect-exit:\s*(-?\d+)\s*$")
ARGS = re.compile(r"^\s*#\s?args:(.*)$")
STDIN = re.compile(r"^\s*#\s?stdin:(?: (.*))?$")


class Block:
    def __init__(self, number, line, source):
        self.number = number  # 1-based position among the ```vb blocks
        self.line = line      # line of the opening fence in the document
        self.source = source
        self.expected = []
        self.errors = []
        self.exit_code = None
        self.args = []
        self.stdin = []
        for text in source.splitlines():
            self._scan(text)

    def _scan(self, text):
        m = ARGS.match(text)
        if m:
            self.args.extend(shlex.split(m.group(1)))
            return
        m = STDIN.match(text)
        if m:
            self.stdin.append(m.group(1) or "")
            return
        m = EXPECT_ERROR.search(text)
        if m:
            self.errors.append(m.group(1).rstrip())
            return
        m = EXPECT_EXIT.search(text)
        if m:
            self.exit_code = int(m.group(1))
            return
        m = EXPECT.search(text)
        if m:
            self.expected.append(m.group(1) if m.group(1) is not None else "")

    def wanted_exit(self):
        if self.exit_code is not None:
            return self.exit_code
        return 1 if self.errors else 0


def read_blocks(doc_path):
    blocks = []
    lines = Path(doc_path).read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        m = FENCE_OPEN.match(lines[i])
        if not m:
            # skip other fenced blocks whole, so that a ```vb inside them is not taken
            if lines[i].lstrip().startswith("```"):
                i += 1
                while i < len(lines) and not FENCE_CLOSE.match(lines[i]):
                    i += 1
            i += 1
            continue
        indent = len(m.group(1))
        start = i + 1
        body = []
        i += 1
        while i < len(lines) and not FENCE_CLOSE.match(lines[i]):
            text = lines[i]
            body.append(text[indent:] if text[:indent].strip() == "" else text)
            i += 1
        blocks.append(Block(len(blocks) + 1, start, "\n".join(body) + "\n"))
        i += 1
    return blocks


def run_block(vb, flags, block):
    """Runs one block; returns (passed, report lines)."""
    with tempfile.TemporaryDirectory(prefix="vbdoc") as tmp:
        path = Path(tmp) / f"example_{block.number}.vb"
        path.write_text(block.source, encoding="utf-8")
        stdin = "".join(line + "\n" for line in block.stdin)
        try:
            proc = subprocess.run(
                [vb, *flags, str(path), *block.args],
                cwd=REPO_ROOT,
                input=stdin.encode(),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                timeout=TIMEOUT_SECONDS,
            )
        except subprocess.TimeoutExpired:
            return False, [f"timed out after {TIMEOUT_SECONDS} s"]
        except OSError as e:
            return False, [f"cannot run {vb}: {e}"]

    out = proc.stdout.decode("utf-8", "replace")
    err = proc.stderr.decode("utf-8", "replace")
    actual = out.split("\n")
    if actual and actual[-1] == "":
        actual.pop()
    actual = [line.rstrip("\r") for line in actual]

    problems = []
    if actual != block.expected:
        problems.append("standard output differs:")
        problems.extend(
            difflib.unified_diff(block.expected, actual, "expected", "actual", lineterm="")
        )
    for text in block.errors:
        if text not in err:
            problems.append(f"standard error does not contain: {text}")
    if proc.returncode != block.wanted_exit():
        problems.append(f"exit code {proc.returncode}, expected {block.wanted_exit()}")
    if problems and err.strip():
        problems.append("standard error was:")
        problems.extend("  " + line for line in err.rstrip().split("\n"))
    return not problems, problems


def main():
    ap = argparse.ArgumentParser(description="Run the ```vb examples of a Markdown file.")
    ap.add_argument("--vb", required=True, help="path to the vb executable")
    ap.add_argument("doc", help="the Markdown document, e.g. docs/language.md")
    group = ap.add_mutually_exclusive_group()
    group.add_argument("--list", action="store_true", help="print the number of ```vb blocks")
    group.add_argument("--run", type=int, metavar="N", help="run block N (1-based)")
    ap.add_argument("--flag", action="append", default=[], metavar="OPTION",
                    help="an option for vb, given before the file (repeatable)")
    opts = ap.parse_args()

    try:
        blocks = read_blocks(opts.doc)
    except OSError as e:
        print(f"run_doc_examples: cannot read {opts.doc}: {e}", file=sys.stderr)
        return 2
    if opts.list:
        print(len(blocks))
        return 0

    vb = opts.vb
    if os.sep in vb or (os.altsep and os.altsep in vb):
        vb = str(Path(vb).resolve())

    if opts.run is not None:
        if not 1 <= opts.run <= len(blocks):
            print(f"run_doc_examples: no block {opts.run} (there are {len(blocks)})", file=sys.stderr)
            return 2
        chosen = [blocks[opts.run - 1]]
    else:
        chosen = blocks

    passed = failed = 0
    for block in chosen:
        ok, problems = run_block(vb, opts.flag, block)
        if ok:
            passed += 1
            if opts.run is not None:
                print(f"block {block.number} ({opts.doc}:{block.line}): ok")
        else:
            failed += 1
            print(f"FAIL block {block.number} ({opts.doc}:{block.line})")
            for line in problems:
                print("  " + line)
    if opts.run is None:
        print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
