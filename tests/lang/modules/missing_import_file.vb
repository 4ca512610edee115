# importing a file that does not exist is a compile error naming the file
# expect-error: nosuch.vb
# expect-error: missing_import_file.vb:4
import "lib/nosuch.vb" as n
print("never printed")
