# an uncaught raised map with kind and msg prints like a runtime error
# expect-error: error[:not_found]: no such file
# expect-error: uncaught_raise_map.vb:5 in find
# expect-error: uncaught_raise_map.vb:6 in <main>
fn find(name) { raise {kind: :not_found, msg: "no such file"} }
print(find("a.txt"))
