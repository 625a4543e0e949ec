;; How data print: the unspecified value inside data, and records with
;; their fields (issue 13).
(write (list (if #f #f) 1)) (newline)
(write (list (if #f #f))) (newline)
(write (vector 1 (if #f #f))) (newline)
(display (list 'a (if #f #f))) (newline)
(define-record-type <point> (make-point x y) point? (x point-x) (y point-y))
(write (make-point 1 2)) (newline)
(display (make-point "a" #\b)) (newline)
(write (make-point "a" #\b)) (newline)
(write (list (make-point 1 (make-point 2 3)))) (newline)
;; A field the constructor does not set.
(define-record-type node (make-node left) node? (left node-left) (next node-next set-node-next!))
(write (make-node 'l)) (newline)
;; A cycle through a record is written with datum labels.
(define n (make-node 'a))
(set-node-next! n n)
(write n) (newline)
(define m (make-node 'b))
(set-node-next! m (list 1 m))
(write m) (newline)
