#!/usr/bin/env python3
"""tests/cli/image_test.py — the image commands of `vb`, end to end: compile, run,
disasm, keygen, sign, --trust, and the one-line refusals (exit 2) of corrupt,
truncated, foreign and wrongly signed images. The file format itself is tested in
tests/unit/image_file.test.cpp.

usage: image_test.py --vb PATH
"""
import argparse
import hashlib
import os
import stat
import subprocess
import sys
import tempfile

failures = []


def run(vb, *args, cwd=None):
    return subprocess.run([vb, *args], capture_output=True, timeout=60, cwd=cwd)


def check(name, ok, detail=""):
    if not ok:
        failures.append(f"{name}: {detail}")


def one_line_error(r, *needles):
    lines = r.stderr.decode().strip().splitlines()
    return r.returncode == 2 and len(lines) == 1 and all(n in lines[0] for n in needles)


def write(path, data):
    with open(path, "wb" if isinstance(data, bytes) else "w") as f:
        f.write(data)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vb", required=True)
    vb = os.path.abspath(parser.parse_args().vb)
    tmp = tempfile.mkdtemp()
    app = os.path.join(tmp, "app.vb")
    write(os.path.join(tmp, "helper.vb"), "fn twice(x) { x * 2 }\n")
    write(app, 'import str\nimport math\nimport "helper.vb" as helper\n'
               'print(str.upper("image"), helper.twice(21), math.floor(2.5), args())\n')
    image = os.path.join(tmp, "app.vbi")

    r = run(vb, "compile", app)
    check("compile, default output", r.returncode == 0 and os.path.exists(image), r.stderr)
    expected = b'IMAGE 42 2 ["a", "b c"]\n'
    r = run(vb, image, "a", "b c")
    check("run the image", r.returncode == 0 and r.stdout == expected, (r.returncode, r.stdout, r.stderr))
    # The image holds the helper module: it runs without the sources.
    os.remove(os.path.join(tmp, "helper.vb"))
    moved = os.path.join(tmp, "elsewhere.vbi")
    os.rename(image, moved)
    r = run(vb, moved, "a", "b c", cwd="/")
    check("the image needs no source", r.returncode == 0 and r.stdout == expected, (r.returncode, r.stdout, r.stderr))
    os.rename(moved, image)
    write(os.path.join(tmp, "helper.vb"), "fn twice(x) { x * 2 }\n")

    r = run(vb, "disasm", image)
    out = r.stdout.decode()
    check("disasm of an image", r.returncode == 0 and out.startswith("image ") and "unsigned" in out
          and "stdlib by reference" in out and "function twice" in out and "MulK" in out, out)

    bad = os.path.join(tmp, "bad.vb")
    write(bad, "let x = (1 + )\n")
    r = run(vb, "compile", bad, "-o", os.path.join(tmp, "bad.vbi"))
    check("compile error", r.returncode == 1 and b"bad.vb:1:" in r.stderr
          and not os.path.exists(os.path.join(tmp, "bad.vbi")), r.stderr)
    r = run(vb, "compile")
    check("compile without a file", one_line_error(r, "vb compile needs a program"), r.stderr)
    r = run(vb, "compile", app, "-o", os.path.join(tmp, "no", "such", "dir.vbi"))
    check("compile to an unwritable place", one_line_error(r, "cannot write"), r.stderr)

    data = open(image, "rb").read()
    write(os.path.join(tmp, "short.vbi"), data[: len(data) // 2])
    r = run(vb, os.path.join(tmp, "short.vbi"))
    check("truncated image", one_line_error(r, "short.vbi", "at byte", "truncated"), r.stderr)
    flipped = bytearray(data)
    flipped[len(data) - 5] ^= 0x40
    write(os.path.join(tmp, "flipped.vbi"), bytes(flipped))
    r = run(vb, os.path.join(tmp, "flipped.vbi"))
    check("altered image", one_line_error(r, "content hash"), r.stderr)
    newer = bytearray(data)
    newer[9] = 99
    write(os.path.join(tmp, "newer.vbi"), bytes(newer))
    r = run(vb, os.path.join(tmp, "newer.vbi"))
    check("another format version", one_line_error(r, "format version 99"), r.stderr)

    key = os.path.join(tmp, "key")
    r = run(vb, "keygen", key)
    check("keygen", r.returncode == 0 and os.path.exists(key) and os.path.exists(key + ".pub"), r.stderr)
    check("secret key is private", stat.S_IMODE(os.stat(key).st_mode) == 0o600, oct(os.stat(key).st_mode))
    r = run(vb, "keygen", key)
    check("keygen never overwrites", one_line_error(r, "cannot create"), r.stderr)

    r = run(vb, "--trust", key + ".pub", image)
    check("--trust refuses an unsigned image", one_line_error(r, "not signed"), r.stderr)
    r = run(vb, "sign", "--key", key + ".pub", image)
    check("sign needs the secret key", one_line_error(r, "public key"), r.stderr)
    hash_before = run(vb, "disasm", image).stdout.splitlines()[0]
    r = run(vb, "sign", "--key", key, image)
    check("sign", r.returncode == 0, r.stderr)
    listing = run(vb, "disasm", image).stdout
    check("signing keeps the name", listing.splitlines()[0] == hash_before and b"signed by" in listing, listing[:200])
    r = run(vb, "--trust", key + ".pub", image, "a", "b c")
    check("--trust runs a signed image", r.returncode == 0 and r.stdout == expected, (r.stdout, r.stderr))
    r = run(vb, "--trust", key, image, "a", "b c")
    check("--trust with the secret key file", r.returncode == 0 and r.stdout == expected, r.stderr)
    other = os.path.join(tmp, "other")
    run(vb, "keygen", other)
    r = run(vb, "--trust", other + ".pub", image)
    check("--trust refuses another signer", one_line_error(r, "not by the trusted key"), r.stderr)
    r = run(vb, "--trust", app, image)
    check("--trust with a file that is no key", one_line_error(r, "not a vb key file"), r.stderr)
    r = run(vb, "--trust", key + ".pub", app)
    check("--trust refuses source", one_line_error(r, "not an image"), r.stderr)
    signed = open(image, "rb").read()
    forged = bytearray(signed)
    forged[-1] ^= 1
    write(os.path.join(tmp, "forged.vbi"), bytes(forged))
    r = run(vb, os.path.join(tmp, "forged.vbi"))
    check("a forged signature", one_line_error(r, "signature does not verify"), r.stderr)

    # An image compiled against another stdlib is refused by name, not run.
    stale = os.path.join(tmp, "stale.vbi")
    r = run(vb, "compile", app, "-o", stale)
    data = bytearray(open(stale, "rb").read())
    # The Meta section: id, length, entry, module count, then the prelude version
    # as a text of 16 hex digits.
    prelude_at = 48 + 4
    assert data[prelude_at] == 16, data[48:60]
    version = bytes(data[prelude_at + 1: prelude_at + 17])
    data[prelude_at + 1: prelude_at + 17] = b"0" * 16
    body = bytes(data[48:])
    data[16:48] = hashlib.blake2b(body, digest_size=32).digest()
    write(stale, bytes(data))
    r = run(vb, stale)
    check("another prelude version", one_line_error(r, "prelude version 0000000000000000", version.decode()), r.stderr)

    if failures:
        print("\n".join(failures))
        return 1
    print("image cli: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
