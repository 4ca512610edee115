# stdlib/time.vb — module `time`: clocks. All are natives: now() (float seconds
# since the epoch) and millis() (monotonic int) in vm/builtins/io_time.cpp, and
# sleep(ms), which parks only the calling process, with the scheduler.
