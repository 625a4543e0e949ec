;;; Escaping with call/cc from deep recursion, and re-entering
;;; continuations more than once.

(define (show . xs) (for-each display xs) (newline))

;; A 100000-deep nested list with the needle at the bottom.
(define (make-deep n leaf)
  (let loop ((i 0) (acc leaf))
    (if (= i n) acc (loop (+ i 1) (list 'x acc 'y)))))
(define deep (make-deep 100000 'needle))

;; The walk is not tail recursive: when the needle is found, 100000 frames
;; are pending, and return discards them all.
(define visited 0)
(define (find-leaf tree pred)
  (call-with-current-continuation
    (lambda (return)
      (let walk ((t tree))
        (set! visited (+ visited 1))
        (cond ((pred t) (return t))
              ((pair? t) (walk (car t)) (walk (cdr t)))
              (else #f)))
      'not-found)))

(show (find-leaf deep (lambda (x) (eq? x 'needle))))
(show (find-leaf deep (lambda (x) (eq? x 'missing))))
(show (> visited 400000))

;; Product with early exit: no multiplication happens once a zero is
;; found, even though the recursion is 100001 frames deep.
(define multiplications 0)
(define (product lst)
  (call-with-current-continuation
    (lambda (k)
      (let loop ((l lst))
        (cond ((null? l) 1)
              ((= (car l) 0) (k 0))
              (else
               (let ((r (loop (cdr l))))
                 (set! multiplications (+ multiplications 1))
                 (* (car l) r))))))))
(show (product '(1 2 3 4 5)))
(show multiplications)
(set! multiplications 0)
(show (product (append (make-list 100000 7) '(0 1 2))))
(show multiplications)

;; The escape continuation can also be stored and used after its
;; extent has returned: here it exits a loop from a helper.
(define (first-negative lst)
  (call-with-current-continuation
    (lambda (exit)
      (for-each (lambda (x) (if (negative? x) (exit x))) lst)
      #t)))
(show (first-negative '(54 0 37 -3 245 19)))
(show (first-negative '(1 2 3)))

;; Multi-shot: re-entering the same continuation several times, each
;; time with a new value.
(define (multi-shot)
  (let ((k #f) (n 0) (log '()))
    (let ((v (call-with-current-continuation (lambda (c) (set! k c) 0))))
      (set! log (cons v log))
      (set! n (+ n 1))
      (if (< n 5) (k (* n 10)))
      (list n (reverse log)))))
(show (multi-shot))

;; Counting re-entries: the continuation returns 1000 times.
(define (count-returns)
  (let ((entries 0) (k #f))
    (let ((x (call-with-current-continuation (lambda (c) (set! k c) 1))))
      (set! entries (+ entries 1))
      (if (< x 1000) (k (+ x 1)))
      (list x entries))))
(show (count-returns))

;; Re-entering a continuation with a pending computation around the
;; capture point: each re-entry redoes (+ 100 []).
(define (pending)
  (let ((saved #f) (results '()))
    (let ((r (+ 100 (call-with-current-continuation
                      (lambda (k) (set! saved k) 1)))))
      (set! results (cons r results))
      (if (< (length results) 3) (saved (* 10 (length results))))
      (reverse results))))
(show (pending))

;; Re-entering a continuation captured inside map: the list returned
;; first is not changed by the second return (report 6.10).
(define (map-reentry)
  (let ((k #f) (results '()))
    (let ((r (map (lambda (x)
                    (call-with-current-continuation
                      (lambda (c) (if (= x 2) (set! k c)) x)))
                  '(1 2 3))))
      (set! results (cons r results))
      (if (= (length results) 1) (k 20))
      (reverse results))))
(show (map-reentry))

;; map reuses its state pairs while no frame of it is captured
;; (eval/control_lists.go). Every position of the capture, one list
;; and two, each continuation re-entered twice: no list map returned
;; changes afterwards.
(define (map-reentry-at n i two?)
  (let ((k #f) (results '()))
    (let ((r (if two?
                 (map (lambda (x y)
                        (call-with-current-continuation
                          (lambda (c) (if (= x i) (set! k c)) (+ x y))))
                      (iota n) (iota n))
                 (map (lambda (x)
                        (call-with-current-continuation
                          (lambda (c) (if (= x i) (set! k c)) x)))
                      (iota n)))))
      (set! results (cons r results))
      (if (< (length results) 3) (k (* 100 (length results))))
      (reverse results))))
(for-each
  (lambda (two?)
    (for-each
      (lambda (n)
        (for-each (lambda (i) (write (map-reentry-at n i two?)) (newline))
                  (iota n)))
      '(1 2 3 4)))
  '(#f #t))
;; A generator's way: escape from inside map, come back later.
(define (map-escape)
  (let* ((back #f)
         (r (call-with-current-continuation
              (lambda (out)
                (map (lambda (x)
                       (if (= x 2)
                           (call-with-current-continuation
                             (lambda (c) (set! back c) (out 'escaped)))
                           x))
                     '(1 2 3))))))
    (if (eq? r 'escaped) (back 'resumed) r)))
(write (map-escape)) (newline)

;; A continuation accepts multiple values when its receiver does.
(show (call-with-values
        (lambda () (call-with-current-continuation (lambda (k) (k 1 2 3))))
        list))
;; Escaping from inside a deep non-tail recursion many times in a row
;; must not accumulate anything.
(define (escape-many n)
  (let loop ((i 0) (sum 0))
    (if (= i n)
        sum
        (loop (+ i 1)
              (+ sum (call-with-current-continuation
                       (lambda (k)
                         (let down ((d 100))
                           (if (= d 0) (k 1) (+ 1 (down (- d 1))))))))))))
(show (escape-many 10000))
