# comments start with # and run to the end of the line; # inside a string is text
# expect: 3
# expect: a # not a comment
# expect: done
let x = 1 # a trailing comment
# a full-line comment
   # an indented comment
let y = 2   ## two hashes are still one comment
print(x + y) # print(999)
print("a # not a comment")
# print("never printed")
print("done")
