# helper module (not a test): names starting with _ are private
let _secret = 42
fn _helper(x) { x + _secret }
fn public(x) { _helper(x) }
