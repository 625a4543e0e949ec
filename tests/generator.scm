;;; Generators built on re-entering continuations: each call to the
;;; generator jumps back into the suspended producer, which jumps back out
;;; with the next element.

(define (show . xs) (for-each display xs) (newline))

;; (make-generator proc) returns a thunk that yields, one call at a time,
;; the values proc passes to its yield argument, then 'done forever.
(define (make-generator proc)
  (define return #f)
  (define resume #f)
  (define (yield v)
    (call-with-current-continuation
      (lambda (k)
        (set! resume k)
        (return v))))
  (lambda ()
    (call-with-current-continuation
      (lambda (r)
        (set! return r)
        (if resume
            (resume 'go)
            (begin
              (proc yield)
              (let forever ()
                (return 'done)
                (forever))))))))

;; A tree walker: the leaves of a tree of pairs, left to right.
(define (tree-walker tree)
  (make-generator
    (lambda (yield)
      (let walk ((t tree))
        (cond ((null? t) 'skip)
              ((pair? t) (walk (car t)) (walk (cdr t)))
              (else (yield t)))))))

(define (collect gen)
  (let loop ((acc '()))
    (let ((x (gen)))
      (if (eq? x 'done)
          (reverse acc)
          (loop (cons x acc))))))

(show (collect (tree-walker '((1 2) (3 (4 (5))) () 6))))

;; A finished generator keeps answering done.
(define g (tree-walker '(a)))
(show (list (g) (g) (g)))

;; Two generators interleaved: the continuations of each are independent.
(define ga (tree-walker '(1 (2 3))))
(define gb (tree-walker '((a b) c)))
(show (list (ga) (gb) (ga) (gb) (ga) (gb) (ga) (gb)))

(define (same-fringe? a b)
  (let ((ga (tree-walker a))
        (gb (tree-walker b)))
    (let loop ()
      (let* ((x (ga))
             (y (gb)))
        (cond ((not (eqv? x y)) #f)
              ((eq? x 'done) #t)
              (else (loop)))))))

(show (same-fringe? '(1 (2 3) ((4))) '((1 2) 3 4)))
(show (same-fringe? '(1 2 3) '(1 2 4)))
(show (same-fringe? '(1 2) '(1 2 3)))
(show (same-fringe? '() '(() (()))))

;; Same fringe of two big trees, walking both lazily.
(define (left-comb n)
  (let loop ((i 1) (t '()))
    (if (> i n) t (loop (+ i 1) (list t i)))))
(define (right-comb n)
  (let loop ((i n) (t '()))
    (if (= i 0) t (loop (- i 1) (cons i t)))))
(show (same-fringe? (left-comb 10000) (right-comb 10000)))

;; Generators over library iterators written in Scheme (for-each,
;; vector-for-each, string-for-each) and an infinite one.
(show (collect (make-generator (lambda (yield) (for-each yield '(x y z))))))
(show (collect (make-generator (lambda (yield) (vector-for-each yield #(1 2 3))))))
(show (collect (make-generator (lambda (yield) (string-for-each yield "abc")))))

(define naturals
  (make-generator
    (lambda (yield)
      (let loop ((n 0))
        (yield n)
        (loop (+ n 1))))))
(show (let loop ((i 0) (acc '()))
        (if (= i 10) (reverse acc) (loop (+ i 1) (cons (naturals) acc)))))
(show (naturals))
