runaway\.scm:6:\d+: out of memory \(limit 100 MB\)
backtrace \(innermost first\):
  loop at runaway\.scm:6:\d+
