;;; prelude.scm: placeholder until the concurrency issue
