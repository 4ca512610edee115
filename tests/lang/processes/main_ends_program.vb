# the program ends when the main process ends, even if other processes still run
# expect: main finished
fn server() { while true { v.receive() } }
fn busy() { while true {} }
spawn(server)
spawn(busy)
print("main finished")
