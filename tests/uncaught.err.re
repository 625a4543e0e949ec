uncaught\.scm:9:7: not positive: -2
backtrace \(innermost first\):
  check-positive at uncaught\.scm:9:7
  sum-checked at uncaught\.scm:14:\d+
  report at uncaught\.scm:16:\d+
  <top level> at uncaught\.scm:20:7
