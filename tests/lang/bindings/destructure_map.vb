# let with map patterns: shorthand names, renamed keys, string keys; extra keys are fine
# expect: ada 36
# expect: ada
# expect: 1
let person = {name: "ada", age: 36, city: "london"}
let {name, age} = person
print(name, age)
let {name: who} = person
print(who)
let {"id": id} = {"id": 1, "other": 2}
print(id)
