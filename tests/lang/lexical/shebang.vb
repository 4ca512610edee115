#!/usr/bin/env vb
# a shebang first line is an ordinary comment
# expect: ok
print("ok")
