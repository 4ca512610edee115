# names are checked at compile time, even inside a function that is never called
# expect-error: undefined name 'nowhere'
# expect-error: undefined_in_uncalled_fn.vb:4:
fn never_called() { nowhere + 1 }
print("never printed")
