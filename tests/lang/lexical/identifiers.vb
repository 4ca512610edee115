# identifiers: letters, digits and underscores, not starting with a digit
# expect: 10
# expect: 5
let _x = 1
let camelCase2 = 2
let snake_case_3 = 3
let A = 4
print(_x + camelCase2 + snake_case_3 + A)
let letter_ = 5
print(letter_)
