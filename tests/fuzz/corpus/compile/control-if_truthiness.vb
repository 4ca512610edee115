# conditions use truthiness: only false and nil skip the branch
# expect: 0
# expect: empty
# expect: skip nil
# expect: skip false
if 0 { print("0") }
if "" { print("empty") }
if nil { print("nil") } else { print("skip nil") }
if false { print("false") } else { print("skip false") }
