# stdlib/v.vb — module `v`: message transactions between processes (the local
# half of the V kernel). Every function is native (vm/proc/messaging.cpp); this
# file exists so that `v` is a module like any other. It needs no import.
