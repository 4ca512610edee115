# test.ok, test.equal and test.raises return nil when the check holds
# expect: nil
# expect: nil
# expect: nil
# expect: nil
# expect: all passed
import test
print(test.ok(true))
print(test.ok(1 < 2, "one is less than two"))
print(test.equal([1, 2], [1, 2]))
print(test.raises(fn() { 1 // 0 }, :zero_division))
test.equal(1, 1.0)
print("all passed")
