# stdlib/math.vb — module `math`. The functions are natives (vm/builtins/math.cpp:
# sqrt floor ceil abs min max sin cos tan exp log pow); this file adds the constants.

let pi = 3.141592653589793
let e = 2.718281828459045
let inf = 1.0 / 0.0
let nan = 0.0 / 0.0
