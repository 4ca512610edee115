# stdlib/str.vb — module `str`: string functions. All are natives
# (vm/builtins/str.cpp): split join find count replace upper lower trim
# starts_with ends_with repeat chars ord chr. Indices are byte offsets; chars,
# ord and chr work by code point; upper, lower and trim touch ASCII only.
