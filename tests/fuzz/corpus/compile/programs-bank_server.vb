# a bank-account server process: clients send requests, errors come back as values, concurrent deposits add up
# expect: (:ok, 0)
# expect: (:ok, 0)
# expect: (:error, "account alice exists")
# expect: (:ok, 100)
# expect: (:error, "amount must be positive")
# expect: (:ok, 70)
# expect: (:error, "insufficient funds: 0 < 1")
# expect: (:ok, (20, 50))
# expect: (:error, "insufficient funds")
# expect: (:error, "no account carol")
# expect: (:error, "bad request")
# expect: (:ok, 0)
# expect: [1, 2, 3, 4, 5]
# expect: (:ok, 150)
# expect: :ok {"alice": 20, "bob": 50, "shared": 150}
fn bank() {
  let accounts = {}
  while true {
    let (from, req) = v.receive()
    let reply = match req {
      (:open, name) => {
        if name in accounts {
          (:error, "account ${name} exists")
        } else {
          accounts[name] = 0
          (:ok, 0)
        }
      }
      (:deposit, name, amount) if amount > 0 => {
        if name not in accounts { (:error, "no account ${name}") } else {
          accounts[name] += amount
          (:ok, accounts[name])
        }
      }
      (:deposit, _, _) => (:error, "amount must be positive"),
      (:withdraw, name, amount) => {
        let balance = get(accounts, name)
        if balance == nil {
          (:error, "no account ${name}")
        } else if balance < amount {
          (:error, "insufficient funds: ${balance} < ${amount}")
        } else {
          accounts[name] = balance - amount
          (:ok, accounts[name])
        }
      }
      (:transfer, src, dst, amount) => {
        if src not in accounts or dst not in accounts {
          (:error, "unknown account")
        } else if accounts[src] < amount {
          (:error, "insufficient funds")
        } else {
          accounts[src] -= amount
          accounts[dst] += amount
          (:ok, (accounts[src], accounts[dst]))
        }
      }
      (:balance, name) => if name in accounts { (:ok, accounts[name]) } else { (:error, "no account ${name}") },
      :report => (:ok, accounts),
      _ => (:error, "bad request"),
    }
    v.reply(from, reply)
  }
}
let b = spawn(bank)
print(v.send(b, (:open, "alice")))
print(v.send(b, (:open, "bob")))
print(v.send(b, (:open, "alice")))
print(v.send(b, (:deposit, "alice", 100)))
print(v.send(b, (:deposit, "alice", -5)))
print(v.send(b, (:withdraw, "alice", 30)))
print(v.send(b, (:withdraw, "bob", 1)))
print(v.send(b, (:transfer, "alice", "bob", 50)))
print(v.send(b, (:transfer, "alice", "bob", 500)))
print(v.send(b, (:balance, "carol")))
print(v.send(b, :nonsense))
print(v.send(b, (:open, "shared")))
fn client(bank, main, id) {
  for i in 0..10 { v.send(bank, (:deposit, "shared", id)) }
  v.datagram(main, (:done, id))
}
let me = v.self()
for id in 1..=5 { spawn(client, b, me, id) }
let finished = []
for i in 0..5 {
  let (from, (tag, id)) = v.receive()
  push(finished, id)
}
print(sort(finished))
print(v.send(b, (:balance, "shared")))
let (status, accounts) = v.send(b, :report)
print(status, accounts)
