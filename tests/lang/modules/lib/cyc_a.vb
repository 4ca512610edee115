# helper module (not a test): half of an import cycle cyc_a -> cyc_b -> cyc_a
import "cyc_b.vb" as b
fn a() { 1 }
