;;; Misuse of the library procedures of report sections 6.4-6.13 and of
;;; the SRFIs: the message names the procedure and the offending argument.
;;; Chunks are separated by "---" lines; see errors_test.go.

(define v (vector 1 2))
(vector-ref v 5)
;;; error: "library.scm:6:1: vector-ref: index 5 out of range \[0, 2\)$"
---
(string-ref "abc" 'x)
;;; error: "library.scm:9:1: string-ref: .*x"
---
(list-tail '(1 2) 3)
;;; error: "library.scm:12:1: list-tail: index 3 out of range"
---
(substring "hello" 2 10)
;;; error: "library.scm:15:1: substring: bad range \[2, 10\) for length 5$"
---
(bytevector-u8-set! (make-bytevector 2) 0 300)
;;; error: "library.scm:18:1: bytevector-u8-set!: expected byte \(exact integer 0-255\), got 300$"
---
(string-append "a" 'b)
;;; error: "library.scm:21:1: string-append: expected string, got b$"
---
(open-input-file "no/such/file.txt")
;;; error: "library.scm:24:1: open-input-file: cannot open file \(no such file or directory\) \"no/such/file.txt\"$"
---
(read (open-input-string "(1 2"))
;;; error: "library.scm:27:1: read: unterminated list$"
---
(write-u8 65 (current-output-port))
(display 'ok)
---
(display "x" (open-input-string ""))
;;; error: "library.scm:33:1: display: expected textual output port, got #<input-port string>$"
---
(hash-table-set! (make-hash-table string=?) 1 'one)
;;; error: "library.scm:36:1: hash-table-set!: expected string key, got 1$"
---
(hash-table-ref (make-hash-table) 'missing)
;;; error: "library.scm:39:1: hash-table-ref: key not found missing$"
---
(format #f "~a ~a" 1)
;;; error: "library.scm:42:1: format: not enough arguments for ~a"
---
(char-upcase "a")
;;; error: "library.scm:45:1: char-upcase: expected character, got \"a\"$"
---
(vector-copy! (vector 1 2) 1 #(a b c))
;;; error: "library.scm:48:1: vector-copy!: 3 elements do not fit at index 1 of a destination of length 2$"
