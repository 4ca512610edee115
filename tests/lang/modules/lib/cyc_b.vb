# helper module (not a test): other half of the import cycle
import "cyc_a.vb" as a
fn b() { 2 }
