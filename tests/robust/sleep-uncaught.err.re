sleep-uncaught\.scm:4:1: sleep: expected finite number of milliseconds, got \+inf\.0
backtrace \(innermost first\):
  <top level> at sleep-uncaught\.scm:4:1
