#!/usr/bin/env python3
"""tests/portability/cross_test.py — one compiled image, the same behaviour on every
architecture: each program of the language suite is compiled once by the build
machine's `vb` (x86-64) into a .vbi, and that same file runs natively and under
qemu-user on a cross-built `vb` (aarch64, big-endian s390x). Standard output,
standard error and the exit code must be identical, byte for byte, to the native
run. Programs that do not compile (the compile-error tests) have no image: their
source runs on both machines instead, compared the same way. The target's own
compiler must also produce the very same image bytes, since an image is named by
the hash of its content. The cross builds and the figures are described in
docs/portability.md.

usage: cross_test.py --vb HOST_VB --target-vb CROSS_VB --arch ARCH --qemu QEMU
                     [--sysroot DIR] [--jobs N] [--keep DIR] [FILE.vb | DIR]...

Each program gets the `# args:` and `# stdin:` of its test (read as
tests/lang/run_test.py reads them), runs with the repository root as working
directory, and has 60 s per run. Exit status: 0 when every program behaved
identically, 1 on a difference (each one is printed in full), 77 with one
"skipped: ..." line when the cross-built `vb` or qemu is missing, 2 on a usage
error.
"""
import argparse
import concurrent.futures
import os
import shlex
import shutil
import struct
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests", "lang"))
from run_test import collect, parse_spec  # noqa: E402  (the suite's own conventions)

TIMEOUT = 60
SKIP = 77


class Run:
    """What one execution did: the three things compared."""

    def __init__(self, cmd, out, err, status):
        self.cmd, self.out, self.err, self.status = cmd, out, err, status

    def same_as(self, other):
        return (self.out, self.err, self.status) == (other.out, other.err, other.status)


def execute(cmd, stdin_bytes=b""):
    try:
        p = subprocess.run(cmd, cwd=ROOT, input=stdin_bytes, capture_output=True, timeout=TIMEOUT)
        return Run(cmd, p.stdout, p.stderr, p.returncode)
    except subprocess.TimeoutExpired as e:
        return Run(cmd, e.stdout or b"", e.stderr or b"", f"timed out after {TIMEOUT} s")
    except OSError as e:
        return Run(cmd, b"", b"", f"cannot run: {e}")


def is_dynamic(path):
    """Whether a 64-bit ELF executable names a dynamic loader (a PT_INTERP header),
    which qemu-user then has to find under the target's sysroot."""
    with open(path, "rb") as f:
        data = f.read(1 << 16)
    if data[:4] != b"\x7fELF" or data[4] != 2:
        return False
    order = "<" if data[5] == 1 else ">"
    phoff, = struct.unpack_from(order + "Q", data, 0x20)
    phentsize, phnum = struct.unpack_from(order + "HH", data, 0x36)
    return any(struct.unpack_from(order + "I", data, phoff + i * phentsize)[0] == 3 for i in range(phnum))


def command_line(cmd):
    return " ".join(shlex.quote(c) for c in cmd)


def show(title, data):
    if not isinstance(data, bytes):
        return f"    {title}: {data}"
    text = data.decode("utf-8", "replace")
    if text == "":
        return f"    {title}: (empty)"
    lines = [f"    {title}:"] + ["      | " + l for l in text.rstrip("\n").split("\n")]
    if not text.endswith("\n"):
        lines.append("      (no newline at the end)")
    return "\n".join(lines)


def differences(arch, native, target):
    out = []
    for name, a, b in (("stdout", native.out, target.out), ("stderr", native.err, target.err),
                       ("exit code", native.status, target.status)):
        if a != b:
            out += [f"  {name} differs:", show("x86-64", a), show(arch, b)]
    return out


def first_difference(a, b):
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


class Checker:
    def __init__(self, args, images):
        self.host_vb = args.vb
        self.arch = args.arch
        self.target = list(args.qemu_cmd) + [args.target_vb]
        self.images = images

    def check(self, path):
        """Returns (kind, report): kind is "image" or "source"; report is None when
        the target behaved exactly as x86-64."""
        spec = parse_spec(path)
        rel = os.path.relpath(os.path.abspath(path), ROOT)
        stdin_bytes = "".join(l + "\n" for l in spec.stdin).encode("utf-8")
        image = os.path.join(self.images, rel.replace(os.sep, "__") + "i")
        compiled = execute([self.host_vb, "compile", rel, "-o", image])
        if compiled.status == 0:
            kind, program = "image", image
        elif compiled.status == 1 and not os.path.exists(image):
            kind, program = "source", rel
        else:
            return "image", "\n".join([f"FAILED {rel}: `vb compile` on x86-64 exited with {compiled.status}",
                                       f"  command: {command_line(compiled.cmd)}  (cwd {ROOT})",
                                       show("stdout", compiled.out), show("stderr", compiled.err)])
        problems = []
        native = execute([self.host_vb, program] + spec.args, stdin_bytes)
        target = execute(self.target + [program] + spec.args, stdin_bytes)
        if not native.same_as(target):
            problems += [f"  running {'the x86-64 image' if kind == 'image' else 'the source (no image)'}: "
                         f"{command_line(target.cmd)}  (cwd {ROOT})"]
            problems += differences(self.arch, native, target)
        if kind == "image":
            own = image[:-len(".vbi")] + f".{self.arch}.vbi"
            recompiled = execute(self.target + ["compile", rel, "-o", own])
            mine = open(image, "rb").read()
            theirs = open(own, "rb").read() if os.path.exists(own) else None
            if recompiled.status != 0 or theirs is None:
                problems += [f"  compiling on {self.arch} failed: {command_line(recompiled.cmd)}",
                             show("exit code", recompiled.status), show("stderr", recompiled.err)]
            elif theirs != mine:
                at = first_difference(mine, theirs)
                problems += [f"  the image compiled on {self.arch} differs from x86-64's from byte {at} "
                             f"({len(theirs)} and {len(mine)} bytes): {own} and {image}"]
        if not problems:
            return kind, None
        return kind, "\n".join([f"DIFFERENT {rel}"] + problems)


def main():
    ap = argparse.ArgumentParser(description="Run the language suite's images on another architecture.")
    ap.add_argument("--vb", required=True, help="the build machine's vb: compiles, and runs the reference")
    ap.add_argument("--target-vb", required=True, help="the cross-built vb")
    ap.add_argument("--arch", required=True, help="the target's name, for messages (aarch64, s390x)")
    ap.add_argument("--qemu", default="", help="qemu-user for the target (empty: not installed)")
    ap.add_argument("--sysroot", default="", help="the target's libraries, for a dynamically linked vb")
    ap.add_argument("--jobs", type=int, default=2, help="programs checked at once")
    ap.add_argument("--keep", metavar="DIR", help="write the images to DIR and keep them (default: a temporary folder)")
    ap.add_argument("files", nargs="*", metavar="FILE.vb", help="programs or directories (default: tests/lang)")
    args = ap.parse_args()

    if not args.qemu or not shutil.which(args.qemu):
        print(f"skipped: {args.qemu or 'qemu-' + args.arch} is not installed (scripts/setup.sh installs qemu-user)")
        return SKIP
    if not os.path.isfile(args.target_vb):
        print(f"skipped: no cross-built vb at {args.target_vb} (scripts/build.sh builds it when the "
              f"{args.arch}-linux-gnu cross compiler is installed; scripts/setup.sh installs that)")
        return SKIP
    args.vb = os.path.abspath(args.vb)
    args.target_vb = os.path.abspath(args.target_vb)
    args.qemu_cmd = [args.qemu]
    if is_dynamic(args.target_vb):
        if not args.sysroot:
            print(f"cross_test.py: {args.target_vb} is dynamically linked; pass --sysroot", file=sys.stderr)
            return 2
        args.qemu_cmd += ["-L", args.sysroot]

    files = collect(args.files or [os.path.join(ROOT, "tests", "lang")])
    if not files:
        print("cross_test.py: no programs found", file=sys.stderr)
        return 2

    start = time.monotonic()
    counts = {"image": 0, "source": 0}
    different = 0
    with tempfile.TemporaryDirectory(prefix=f"vb-{args.arch}-") as scratch:
        images = scratch
        if args.keep:
            images = os.path.abspath(args.keep)
            os.makedirs(images, exist_ok=True)
        checker = Checker(args, images)
        # Each check waits on qemu most of the time, so threads suffice to keep
        # the workers busy; results come back in the suite's order.
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            for kind, report in pool.map(checker.check, files):
                counts[kind] += 1
                if report:
                    different += 1
                    print(report, flush=True)
    print(f"{args.arch}: {len(files) - different} of {len(files)} programs identical to x86-64 "
          f"({counts['image']} as images compiled on x86-64, also compiled byte for byte the same on "
          f"{args.arch}; {counts['source']} that do not compile, from source), {different} different, "
          f"{time.monotonic() - start:.1f} s")
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main())
