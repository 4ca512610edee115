# import str without an alias gives the module under the name str
# expect: ABC
# expect: true
import str
print(str.upper("abc"))
print(str.starts_with("vb lang", "vb"))
