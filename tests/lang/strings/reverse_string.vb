# reverse() on a string reverses by code point and returns a string
# expect: olleh
# expect: olléh
# expect: :string
# expect:
print(reverse("hello"))
print(reverse("héllo"))
print(type(reverse("ab")))
print(reverse(""))
