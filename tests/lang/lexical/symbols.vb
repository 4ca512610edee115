# symbols :name are interned values; {a: :b} is key a with value :b, {a:b} uses variable b
# expect: :name
# expect: :foo_bar1
# expect: true
# expect: false
# expect: true
# expect: false
# expect: :symbol
# expect: {a: :b}
# expect: {a: 7}
# expect: [:x, :y]
# expect: :ok
print(:name)
print(:foo_bar1)
print(:a == :a)
print(:a == :b)
print(:a is :a)
print(:a == "a")
print(type(:a))
let b = 7
print({a: :b})
print({a:b})
print([:x, :y])
let t = (:ok, 1)
print(t[0])
