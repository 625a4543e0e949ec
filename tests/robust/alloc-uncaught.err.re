alloc-uncaught\.scm:5:18: make-vector: out of memory making an object of 1000000000000 elements \(limit 100 MB\)
backtrace \(innermost first\):
  grow at alloc-uncaught\.scm:5:18
