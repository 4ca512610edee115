#!/usr/bin/env python3
"""tests/repl/repl_test.py — drives the `vb` REPL (servers/host/repl.cpp) through a
pseudo-terminal, as a person at a terminal would, and checks what it shows.

Checks: the banner; that expressions print their value; that definitions stay
from line to line; multi-line input with the `... ` continuation prompt; that an
error is reported and the session goes on; :help; :load FILE (its definitions
stay); line editing (cursor Left in the middle of a line); history saved to
$HOME/.vb_history; :quit exits with status 0. Also the non-interactive mode:
`echo '1 + 2' | vb` prints `3` and no prompt.

Usage: repl_test.py --vb PATH. Exit status 0 when every check passes, 1 otherwise.
Standard library only.
"""

import argparse
import os
import pty
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

TIMEOUT = 5.0  # seconds per expectation

# Escape sequences a line editor may write: CSI (colours, cursor moves, erase),
# OSC, and single-character escapes; plus bell and backspace.
ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[@-Z\\-_]|[\x07\x08]")


class Failure(Exception):
    pass


class Terminal:
    """A child process on a pseudo-terminal, with expect-style reading."""

    def __init__(self, argv, env):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child
            try:
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        self.raw = b""     # everything the child wrote
        self.seen = 0      # how much of the cleaned text earlier expectations consumed
        self.status = None

    def send(self, text):
        os.write(self.fd, text.encode())

    def line(self, text):
        self.send(text + "\r")

    def _read(self, deadline):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        ready, _, _ = select.select([self.fd], [], [], min(remaining, 0.1))
        if not ready:
            return True
        try:
            chunk = os.read(self.fd, 4096)
        except OSError:  # EIO: the child closed the terminal
            chunk = b""
        if not chunk:
            time.sleep(0.02)
            return self._alive() or False
        self.raw += chunk
        return True

    def _alive(self):
        if self.status is not None:
            return False
        pid, status = os.waitpid(self.pid, os.WNOHANG)
        if pid == 0:
            return True
        self.status = status
        return False

    def text(self):
        """The output so far, with escape sequences removed and line ends normalised.
        A lone carriage return (the line editor redrawing its line) is dropped, so a
        redraw never looks like a line of output."""
        text = ANSI.sub("", self.raw.decode("utf-8", "replace"))
        return text.replace("\r\n", "\n").replace("\r", "")

    def expect(self, pattern, what):
        """Waits until `pattern` (a regex) appears after what earlier expectations
        consumed; consumes up to the end of the match."""
        regex = re.compile(pattern, re.MULTILINE)
        deadline = time.monotonic() + TIMEOUT
        while True:
            match = regex.search(self.text(), self.seen)
            if match:
                self.seen = match.end()
                return match
            if not self._read(deadline):
                break
        raise Failure(
            "%s: did not see %r within %.0f s\n--- output since the last match ---\n%s\n---"
            % (what, pattern, TIMEOUT, self.text()[self.seen:])
        )

    def expect_line(self, line, what):
        """Waits for an output line that is exactly `line`."""
        return self.expect(r"^" + re.escape(line) + r"[ \t]*$", what)

    def prompt(self, what, continuation=False):
        return self.expect(re.escape("... " if continuation else "vb> "), what)

    def wait(self, what):
        """Waits for the child to exit; returns its exit status."""
        deadline = time.monotonic() + TIMEOUT
        while self._alive():
            if time.monotonic() > deadline:
                raise Failure("%s: the process did not exit within %.0f s" % (what, TIMEOUT))
            self._read(deadline)
        if os.WIFEXITED(self.status):
            return os.WEXITSTATUS(self.status)
        return -os.WTERMSIG(self.status)

    def close(self):
        if self._alive():
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        try:
            os.close(self.fd)
        except OSError:
            pass


def history_entries(path):
    """The entries of a libedit (or GNU readline) history file, decoded."""
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    entries = []
    for line in lines:
        if line.startswith("_HiStOrY_V2_"):
            continue
        # libedit encodes spaces and other characters as octal escapes (\040).
        entries.append(re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), line))
    return entries


def interactive_checks(vb, home, results):
    env = dict(os.environ)
    env.update(HOME=home, TERM="xterm", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.pop("INPUTRC", None)
    env.pop("EDITRC", None)
    loaded_file = os.path.join(home, "defs.vb")
    with open(loaded_file, "w") as f:
        f.write("fn triple(x) { x * 3 }\nlet loaded = 7\n")

    term = Terminal([vb], env)
    try:
        def check(name, step):
            step()
            results.append(name)

        check("banner", lambda: term.expect(r"vb \S+ — :help for help, :quit to leave", "banner"))
        term.prompt("first prompt")

        def arithmetic():
            term.line("1 + 2")
            term.expect_line("3", "`1 + 2` prints 3")
            term.prompt("prompt after `1 + 2`")
        check("1 + 2 prints 3", arithmetic)

        def definitions():
            term.line("let x = 5")
            term.prompt("prompt after `let x = 5`")
            term.line("x * 2")
            term.expect_line("10", "`x * 2` after `let x = 5` prints 10")
            term.prompt("prompt after `x * 2`")
        check("definitions are kept", definitions)

        def multi_line():
            term.line("fn f(a) {")
            term.prompt("continuation prompt after `fn f(a) {`", continuation=True)
            term.line("a + 1")
            term.prompt("continuation prompt after `a + 1`", continuation=True)
            term.line("}")
            term.prompt("prompt after the closing `}`")
            term.line("f(1)")
            term.expect_line("2", "`f(1)` prints 2")
            term.prompt("prompt after `f(1)`")
        check("multi-line input with `... `", multi_line)

        def error_continues():
            term.line("1 // 0")
            term.expect(re.escape("error[:zero_division]"), "`1 // 0` reports error[:zero_division]")
            term.prompt("prompt after the error")
            term.line("6 * 7")
            term.expect_line("42", "the session continues after an error: `6 * 7` prints 42")
            term.prompt("prompt after `6 * 7`")
        check("an error is reported and the session continues", error_continues)

        def help_text():
            term.line(":help")
            term.expect(r":load FILE", ":help lists :load")
            term.expect(r":quit", ":help lists :quit")
            term.prompt("prompt after :help")
        check(":help prints the commands", help_text)

        def load():
            term.line(":load " + loaded_file)
            term.prompt("prompt after :load")
            term.line("triple(loaded)")
            term.expect_line("21", "definitions from :load stay: `triple(loaded)` prints 21")
            term.prompt("prompt after `triple(loaded)`")
        check(":load FILE keeps its definitions", load)

        def line_editing():
            term.send("12")
            term.send("\x1b[D")  # cursor Left, between 1 and 2
            term.send("3")
            term.send("\r")
            term.expect_line("132", "typing 12, Left, 3, Enter evaluates 132")
            term.prompt("prompt after line editing")
        check("line editing (cursor Left)", line_editing)

        def quit_status():
            term.line(":quit")
            status = term.wait(":quit")
            if status != 0:
                raise Failure(":quit: exit status %d, expected 0" % status)
        check(":quit exits with status 0", quit_status)

        def history():
            path = os.path.join(home, ".vb_history")
            if not os.path.exists(path):
                raise Failure("history: %s was not written" % path)
            entries = history_entries(path)
            for wanted in ("1 + 2", "let x = 5", "x * 2", "f(1)"):
                if wanted not in entries:
                    raise Failure("history: %r is not in %s; entries: %r" % (wanted, path, entries))
        check("history is saved to $HOME/.vb_history", history)
    finally:
        term.close()


def history_is_reloaded(vb, home, results):
    """A second session starts with the first one's history: Up recalls a line."""
    env = dict(os.environ)
    env.update(HOME=home, TERM="xterm", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    term = Terminal([vb], env)
    try:
        term.prompt("first prompt of a second session")
        # The last line of the first session was `:quit`, the one before it `132`.
        term.send("\x1b[A\x1b[A")  # Up twice
        term.send("\r")
        term.expect_line("132", "Up twice recalls `132` from the saved history")
        term.prompt("prompt after the recalled line")
        term.send("\x04")  # Ctrl-D on an empty line ends the session
        status = term.wait("Ctrl-D")
        if status != 0:
            raise Failure("Ctrl-D: exit status %d, expected 0" % status)
        results.append("history is reloaded; Up recalls; Ctrl-D exits 0")
    finally:
        term.close()


def non_tty_checks(vb, home, results):
    env = dict(os.environ, HOME=home)

    def run(text):
        return subprocess.run([vb], input=text, capture_output=True, text=True, env=env, timeout=TIMEOUT)

    r = run("1 + 2\n")
    if r.returncode != 0 or r.stdout != "3\n":
        raise Failure("echo '1 + 2' | vb: expected stdout '3\\n' and status 0, got %r (status %d, stderr %r)"
                      % (r.stdout, r.returncode, r.stderr))
    r = run("let x = 5\nfn f(a) {\n  a + x\n}\nf(1)\n1 // 0\nx * 2\n")
    if r.stdout != "6\n10\n" or "error[:zero_division]" not in r.stderr or r.returncode != 0:
        raise Failure("piped session: expected stdout '6\\n10\\n' and :zero_division on stderr, got %r / %r (status %d)"
                      % (r.stdout, r.stderr, r.returncode))
    if "vb>" in r.stdout + r.stderr or "..." in r.stdout + r.stderr:
        raise Failure("piped session: a prompt was printed: %r / %r" % (r.stdout, r.stderr))
    results.append("non-tty: `echo '1 + 2' | vb` prints 3 with no prompt")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vb", required=True, help="path of the vb executable")
    args = parser.parse_args()
    vb = os.path.abspath(args.vb)
    if not os.access(vb, os.X_OK):
        print("repl_test: %s is not an executable" % vb, file=sys.stderr)
        return 1

    home = tempfile.mkdtemp(prefix="vb_repl_test_")
    results = []
    try:
        interactive_checks(vb, home, results)
        history_is_reloaded(vb, home, results)
        non_tty_checks(vb, home, results)
    except Failure as failure:
        for name in results:
            print("ok    " + name)
        print("FAIL  " + str(failure), file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(home, ignore_errors=True)
    for name in results:
        print("ok    " + name)
    print("repl_test: all %d checks passed" % len(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
