# helper module (not a test): imports util.vb relative to its own directory, and math
import "util.vb" as util
import math
fn circle_area(r) { math.pi * r * r }
fn perimeter(w, h) { util.double(util.add(w, h)) }
