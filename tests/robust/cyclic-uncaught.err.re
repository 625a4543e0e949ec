cyclic-uncaught\.scm:7:23: memq: not a proper list: #0=\(1 2 \. #0#\)
backtrace \(innermost first\):
  find-five at cyclic-uncaught\.scm:7:23
  <top level> at cyclic-uncaught\.scm:8:10
