;;; srfi.scm: the Scheme half of the everyday SRFIs, loaded after core.scm:
;;; SRFI 1 (lists), sorting (SRFI 132 names, with the older argument
;;; orders too), and the hash table procedures of SRFI 69 and 125 that
;;; call procedures. The data work is done by Go primitives
;;; (builtins_srfi.go, hashtable.go): iota, format, boxes and the hash
;;; tables themselves.

;;;; SRFI 1: constructors

(define (xcons a b) (cons b a))

(define (list-tabulate n proc)
  (let loop ((i (- n 1)) (acc '()))
    (if (< i 0)
        acc
        (loop (- i 1) (cons (proc i) acc)))))

(define (circular-list x . xs)
  (let ((l (cons x xs)))
    (set-cdr! (last-pair l) l)
    l))

;;;; SRFI 1: predicates

(define proper-list? list?)

(define (circular-list? x)
  (let loop ((slow x) (fast x))
    (and (pair? fast)
         (let ((fast (cdr fast)))
           (and (pair? fast)
                (let ((fast (cdr fast)) (slow (cdr slow)))
                  (or (eq? fast slow) (loop slow fast))))))))

(define (dotted-list? x)
  (let loop ((slow x) (fast x))
    (cond ((null? fast) #f)
          ((not (pair? fast)) #t)
          (else
           (let ((fast (cdr fast)))
             (cond ((null? fast) #f)
                   ((not (pair? fast)) #t)
                   (else
                    (let ((fast (cdr fast)) (slow (cdr slow)))
                      (and (not (eq? fast slow)) (loop slow fast))))))))))

(define (null-list? l)
  (cond ((pair? l) #f)
        ((null? l) #t)
        (else (error "null-list?: argument is not a list" l))))

(define (not-pair? x) (not (pair? x)))

(define (list= elt= . lists)
  (define (two= a b)
    (cond ((null? a) (null? b))
          ((null? b) #f)
          (else (and (elt= (car a) (car b)) (two= (cdr a) (cdr b))))))
  (or (null? lists)
      (let loop ((ls lists))
        (or (null? (cdr ls))
            (and (two= (car ls) (cadr ls)) (loop (cdr ls)))))))

;;;; SRFI 1: selectors

(define (first x) (car x))
(define (second x) (cadr x))
(define (third x) (caddr x))
(define (fourth x) (cadddr x))
(define (fifth x) (car (cddddr x)))
(define (sixth x) (cadr (cddddr x)))
(define (seventh x) (caddr (cddddr x)))
(define (eighth x) (cadddr (cddddr x)))
(define (ninth x) (car (cddddr (cddddr x))))
(define (tenth x) (cadr (cddddr (cddddr x))))

(define (car+cdr p) (values (car p) (cdr p)))

(define (take lis k)
  (let loop ((l lis) (k k) (acc '()))
    (if (zero? k)
        (reverse acc)
        (if (pair? l)
            (loop (cdr l) (- k 1) (cons (car l) acc))
            (error "take: list too short" lis)))))

(define (drop lis k)
  (if (zero? k)
      lis
      (if (pair? lis)
          (drop (cdr lis) (- k 1))
          (error "drop: list too short" lis))))

(define take! take)

(define (take-right lis k)
  (let loop ((lag lis) (lead (drop lis k)))
    (if (pair? lead)
        (loop (cdr lag) (cdr lead))
        lag)))

(define (drop-right lis k)
  (let loop ((lag lis) (lead (drop lis k)) (acc '()))
    (if (pair? lead)
        (loop (cdr lag) (cdr lead) (cons (car lag) acc))
        (reverse acc))))

(define drop-right! drop-right)

(define (split-at lis k)
  (let loop ((l lis) (k k) (acc '()))
    (if (zero? k)
        (values (reverse acc) l)
        (if (pair? l)
            (loop (cdr l) (- k 1) (cons (car l) acc))
            (error "split-at: list too short" lis)))))

(define split-at! split-at)

(define (last lis) (car (last-pair (%check-list 'last lis))))

;;;; SRFI 1: miscellaneous

(define (length+ x)
  (if (circular-list? x) #f (length x)))

(define append! append)
(define reverse! reverse)

(define (append-reverse rev-head tail)
  (%check-list 'append-reverse rev-head)
  (%append-reverse rev-head tail))

(define (%append-reverse rev-head tail)
  (if (pair? rev-head)
      (%append-reverse (cdr rev-head) (cons (car rev-head) tail))
      tail))

(define append-reverse! append-reverse)

(define (concatenate lists) (apply append lists))
(define concatenate! concatenate)

(define (zip l . ls) (apply map list l ls))
(define (unzip1 l) (map car l))
(define (unzip2 l) (values (map car l) (map cadr l)))
(define (unzip3 l) (values (map car l) (map cadr l) (map caddr l)))

(define (count pred l . ls)
  (if (null? ls)
      (let loop ((l (%check-list 'count l)) (n 0))
        (if (pair? l)
            (loop (cdr l) (if (pred (car l)) (+ n 1) n))
            n))
      (let loop ((ls (cons l ls)) (n 0))
        (if (%all-pairs? ls)
            (loop (%cdrs ls) (if (apply pred (%cars ls)) (+ n 1) n))
            n))))

;;;; SRFI 1: fold, unfold and map

(define (fold kons knil l . ls)
  (if (null? ls)
      (let loop ((l (%check-list 'fold l)) (acc knil))
        (if (pair? l)
            (loop (cdr l) (kons (car l) acc))
            acc))
      (let loop ((ls (cons l ls)) (acc knil))
        (if (%all-pairs? ls)
            (loop (%cdrs ls) (apply kons (append (%cars ls) (list acc))))
            acc))))

(define (fold-right kons knil l . ls)
  (if (null? ls)
      (let loop ((l (reverse (%check-list 'fold-right l))) (acc knil))
        (if (pair? l)
            (loop (cdr l) (kons (car l) acc))
            acc))
      (let loop ((rows (reverse (apply map list l ls))) (acc knil))
        (if (pair? rows)
            (loop (cdr rows) (apply kons (append (car rows) (list acc))))
            acc))))

(define (pair-fold kons knil l)
  (let loop ((l (%check-list 'pair-fold l)) (acc knil))
    (if (pair? l)
        (let ((next (cdr l)))
          (loop next (kons l acc)))
        acc)))

(define (pair-fold-right kons knil l)
  (let loop ((pairs (let collect ((l (%check-list 'pair-fold-right l)) (acc '()))
                      (if (pair? l) (collect (cdr l) (cons l acc)) acc)))
             (acc knil))
    (if (pair? pairs)
        (loop (cdr pairs) (kons (car pairs) acc))
        acc)))

(define (reduce f ridentity l)
  (%check-list 'reduce l)
  (if (pair? l)
      (fold f (car l) (cdr l))
      ridentity))

;; reduce-right is fold-right over all but the last element, starting from
;; the last: (f x1 (f x2 ... (f xn-1 xn))).
(define (reduce-right f ridentity l)
  (%check-list 'reduce-right l)
  (if (pair? l)
      (let ((r (reverse l)))
        (let loop ((rest (cdr r)) (acc (car r)))
          (if (pair? rest)
              (loop (cdr rest) (f (car rest) acc))
              acc)))
      ridentity))

(define (unfold stop? mapper successor seed . tail-gen)
  (let loop ((seed seed) (acc '()))
    (if (stop? seed)
        (append-reverse acc (if (pair? tail-gen) ((car tail-gen) seed) '()))
        (loop (successor seed) (cons (mapper seed) acc)))))

(define (unfold-right stop? mapper successor seed . tail)
  (let loop ((seed seed) (acc (if (pair? tail) (car tail) '())))
    (if (stop? seed)
        acc
        (loop (successor seed) (cons (mapper seed) acc)))))

(define (append-map f l . ls)
  (if (null? ls) (%check-list 'append-map l))
  (apply append (apply map f l ls)))

(define append-map! append-map)
(define map! map)
(define map-in-order map)

(define (pair-for-each f l)
  (let loop ((l (%check-list 'pair-for-each l)))
    (if (pair? l)
        (let ((next (cdr l)))
          (f l)
          (loop next)))))

(define (filter-map f l . ls)
  (if (null? ls) (%check-list 'filter-map l))
  (let loop ((rows (if (null? ls) (map list l) (apply map list l ls))) (acc '()))
    (if (pair? rows)
        (let ((v (apply f (car rows))))
          (loop (cdr rows) (if v (cons v acc) acc)))
        (reverse acc))))

;;;; SRFI 1: filtering and partitioning

(define (filter pred l)
  (let loop ((l (%check-list 'filter l)) (acc '()))
    (if (pair? l)
        (loop (cdr l) (if (pred (car l)) (cons (car l) acc) acc))
        (reverse acc))))

(define (remove pred l)
  (filter (lambda (x) (not (pred x))) (%check-list 'remove l)))

(define (partition pred l)
  (let loop ((l (%check-list 'partition l)) (in '()) (out '()))
    (if (pair? l)
        (if (pred (car l))
            (loop (cdr l) (cons (car l) in) out)
            (loop (cdr l) in (cons (car l) out)))
        (values (reverse in) (reverse out)))))

(define filter! filter)
(define remove! remove)
(define partition! partition)

;;;; SRFI 1: searching

(define (find pred l)
  (let ((tail (find-tail pred (%check-list 'find l))))
    (and tail (car tail))))

(define (find-tail pred l)
  (let loop ((l (%check-list 'find-tail l)))
    (and (pair? l)
         (if (pred (car l)) l (loop (cdr l))))))

(define (any pred l . ls)
  (if (null? ls)
      (and (pair? l)
           (let loop ((l (%check-list 'any l)))
             (if (pair? (cdr l))
                 (or (pred (car l)) (loop (cdr l)))
                 (pred (car l)))))
      (let loop ((ls (cons l ls)))
        (and (%all-pairs? ls)
             (or (apply pred (%cars ls)) (loop (%cdrs ls)))))))

(define (every pred l . ls)
  (if (null? ls)
      (or (not (pair? l))
          (let loop ((l (%check-list 'every l)))
            (if (pair? (cdr l))
                (and (pred (car l)) (loop (cdr l)))
                (pred (car l)))))
      (let loop ((ls (cons l ls)) (last #t))
        (if (%all-pairs? ls)
            (let ((v (apply pred (%cars ls))))
              (and v (loop (%cdrs ls) v)))
            last))))

(define (list-index pred l . ls)
  (let loop ((ls (cons l ls)) (i 0))
    (and (%all-pairs? ls)
         (if (apply pred (%cars ls))
             i
             (loop (%cdrs ls) (+ i 1))))))

(define (take-while pred l)
  (let loop ((l (%check-list 'take-while l)) (acc '()))
    (if (and (pair? l) (pred (car l)))
        (loop (cdr l) (cons (car l) acc))
        (reverse acc))))

(define take-while! take-while)

(define (drop-while pred l)
  (let loop ((l (%check-list 'drop-while l)))
    (if (and (pair? l) (pred (car l)))
        (loop (cdr l))
        l)))

(define (span pred l)
  (let loop ((l (%check-list 'span l)) (acc '()))
    (if (and (pair? l) (pred (car l)))
        (loop (cdr l) (cons (car l) acc))
        (values (reverse acc) l))))

(define (break pred l)
  (span (lambda (x) (not (pred x))) (%check-list 'break l)))

(define span! span)
(define break! break)

(define (delete x l . maybe=)
  (let ((same? (if (pair? maybe=) (car maybe=) equal?)))
    (filter (lambda (y) (not (same? x y))) (%check-list 'delete l))))

(define delete! delete)

;; With one of the built-in equivalences the elements already seen are
;; kept in a hash table, so removing duplicates takes linear time.
(define (delete-duplicates l . maybe=)
  (let ((same? (if (pair? maybe=) (car maybe=) equal?)))
    (if (memq same? (list equal? eqv? eq?))
        (let ((seen (make-hash-table same?)))
          (let loop ((l (%check-list 'delete-duplicates l)) (acc '()))
            (cond ((not (pair? l)) (reverse acc))
                  ((hash-table-contains? seen (car l)) (loop (cdr l) acc))
                  (else (hash-table-set! seen (car l) #t)
                        (loop (cdr l) (cons (car l) acc))))))
        (let loop ((l (%check-list 'delete-duplicates l)) (acc '()))
          (if (pair? l)
              (loop (cdr l)
                    (if (any (lambda (y) (same? y (car l))) acc)
                        acc
                        (cons (car l) acc)))
              (reverse acc))))))

(define delete-duplicates! delete-duplicates)

;;;; SRFI 1: association lists

(define (alist-cons key datum alist) (cons (cons key datum) alist))

(define (alist-copy alist)
  (map (lambda (entry) (cons (car entry) (cdr entry))) alist))

(define (alist-delete key alist . maybe=)
  (let ((same? (if (pair? maybe=) (car maybe=) equal?)))
    (filter (lambda (entry) (not (same? key (car entry)))) alist)))

(define alist-delete! alist-delete)

;;;; SRFI 1: lists as sets

(define (lset<= = . lists)
  (or (null? lists)
      (let loop ((ls lists))
        (or (null? (cdr ls))
            (and (every (lambda (x) (member x (cadr ls) =)) (car ls))
                 (loop (cdr ls)))))))

(define (lset= = . lists)
  (or (null? lists)
      (let loop ((ls lists))
        (or (null? (cdr ls))
            (and (every (lambda (x) (member x (cadr ls) =)) (car ls))
                 (every (lambda (x) (member x (car ls) =)) (cadr ls))
                 (loop (cdr ls)))))))

;; lset-adjoin and lset-union add new elements at the front, as the
;; reference implementation does.
(define (lset-adjoin = l . elts)
  (fold (lambda (x acc) (if (member x acc =) acc (cons x acc)))
        l elts))

(define (lset-union = . lists)
  (reduce (lambda (l acc)
            (cond ((null? l) acc)
                  ((null? acc) l)
                  ((eq? l acc) acc)
                  (else
                   (fold (lambda (x acc)
                           (if (any (lambda (y) (= y x)) acc) acc (cons x acc)))
                         acc l))))
          '() lists))

(define (lset-intersection = l . lists)
  (filter (lambda (x) (every (lambda (other) (member x other =)) lists)) l))

(define (lset-difference = l . lists)
  (filter (lambda (x) (not (any (lambda (other) (member x other =)) lists))) l))

(define (lset-xor = . lists)
  (fold (lambda (b a)
          (append (lset-difference = a b) (lset-difference = b a)))
        '() lists))

(define lset-union! lset-union)
(define lset-intersection! lset-intersection)
(define lset-difference! lset-difference)
(define lset-xor! lset-xor)

;;;; Sorting (SRFI 132, SRFI 95 and the common (sort sequence less?))
;;
;; Every sort is a stable merge sort of a list: top-down, splitting by
;; count, merging destructively the fresh pairs it made (never those of
;; the argument). Vectors are sorted through a list. The procedures
;; accept the ordering before or after the sequence.

;; Merges the sorted lists a and b, reusing their pairs; on equal
;; elements, those of a come first.
(define (%merge! a b less?)
  (let ((head (cons #f '())))
    (let loop ((tail head) (a a) (b b))
      (cond ((null? a) (set-cdr! tail b))
            ((null? b) (set-cdr! tail a))
            ((less? (car b) (car a)) (set-cdr! tail b) (loop b a (cdr b)))
            (else (set-cdr! tail a) (loop a (cdr a) b))))
    (cdr head)))

;; Returns a new sorted list of the elements of lis.
(define (%list-sort lis less?)
  (define rest lis)
  ;; Sorts the next n (at least 1) elements of rest and advances it.
  (define (step n)
    (cond ((> n 2)
           (let* ((h (quotient n 2))
                  (a (step h)))
             (%merge! a (step (- n h)) less?)))
          ((= n 2)
           (let ((x (car rest)) (y (cadr rest)))
             (set! rest (cddr rest))
             (if (less? y x) (list y x) (list x y))))
          (else
           (let ((x (car rest)))
             (set! rest (cdr rest))
             (list x)))))
  (if (null? lis) '() (step (length lis))))

;; Sorts v[start, end) in place.
(define (%sort! v less? start end)
  (let loop ((i start) (l (%list-sort (vector->list v start end) less?)))
    (if (pair? l)
        (begin (vector-set! v i (car l)) (loop (+ i 1) (cdr l))))))

;; (%sort-args who a b) returns the sequence and the ordering of a call
;; that may give them in either order.
(define (%sort-args who a b)
  (define (check seq less?)
    (if (or (vector? seq) (list? seq))
        (values seq less?)
        (error (string-append (symbol->string who) ": expected a list or vector") seq)))
  (cond ((procedure? a) (check b a))
        ((procedure? b) (check a b))
        (else (error (string-append (symbol->string who) ": expected a procedure") a b))))

(define (sort a b)
  (call-with-values (lambda () (%sort-args 'sort a b))
    (lambda (seq less?)
      (if (vector? seq)
          (list->vector (%list-sort (vector->list seq) less?))
          (%list-sort seq less?)))))

(define (sort! a b)
  (call-with-values (lambda () (%sort-args 'sort! a b))
    (lambda (seq less?)
      (if (vector? seq)
          (begin (%sort! seq less? 0 (vector-length seq)) seq)
          (%list-sort seq less?)))))

(define (list-sort a b)
  (call-with-values (lambda () (%sort-args 'list-sort a b)) %list-sort))

(define list-sort! list-sort)
(define list-stable-sort list-sort)
(define stable-sort sort)
(define stable-sort! sort!)

(define (vector-sort a b . range)
  (call-with-values (lambda () (%sort-args 'vector-sort a b))
    (lambda (v less?)
      (let* ((start (if (pair? range) (car range) 0))
             (end (if (and (pair? range) (pair? (cdr range))) (cadr range) (vector-length v))))
        (list->vector (%list-sort (vector->list v start end) less?))))))

(define (vector-sort! a b . range)
  (call-with-values (lambda () (%sort-args 'vector-sort! a b))
    (lambda (v less?)
      (let ((start (if (pair? range) (car range) 0))
            (end (if (and (pair? range) (pair? (cdr range))) (cadr range) (vector-length v))))
        (%sort! v less? start end)))))

(define vector-stable-sort vector-sort)
(define vector-stable-sort! vector-sort!)

(define (%merge-lists a b less?)
  (let loop ((a a) (b b) (acc '()))
    (cond ((null? a) (append-reverse acc b))
          ((null? b) (append-reverse acc a))
          ((less? (car b) (car a)) (loop a (cdr b) (cons (car b) acc)))
          (else (loop (cdr a) b (cons (car a) acc))))))

;; (merge list1 list2 less?) as SRFI 95, (list-merge less? list1 list2)
;; as SRFI 132.
(define (merge a b less?) (%merge-lists a b less?))
(define merge! merge)
(define (list-merge less? a b) (%merge-lists a b less?))
(define list-merge! list-merge)

(define (sorted? a b)
  (call-with-values (lambda () (%sort-args 'sorted? a b))
    (lambda (seq less?)
      (let ((l (if (vector? seq) (vector->list seq) seq)))
        (or (null? l)
            (let loop ((prev (car l)) (l (cdr l)))
              (or (null? l)
                  (and (not (less? (car l) prev))
                       (loop (car l) (cdr l))))))))))

(define (list-sorted? a b) (sorted? a b))
(define (vector-sorted? a b) (sorted? a b))

;;;; Hash tables (SRFI 69, SRFI 125)

(define (make-eq-hash-table . size) (make-hash-table eq?))
(define (make-eqv-hash-table . size) (make-hash-table eqv?))
(define (make-equal-hash-table . size) (make-hash-table equal?))
(define (make-string-hash-table . size) (make-hash-table string=?))

;; (hash-table-ref table key [failure [success]])
(define (hash-table-ref table key . opt)
  (let ((entry (%hash-table-entry table key)))
    (cond (entry
           (if (and (pair? opt) (pair? (cdr opt)))
               ((cadr opt) (cdr entry))
               (cdr entry)))
          ((and (pair? opt) (car opt)) ((car opt)))
          (else (error "hash-table-ref: key not found" key)))))

;; (hash-table-update! table key updater [failure [success]])
(define (hash-table-update! table key updater . opt)
  (let* ((entry (%hash-table-entry table key))
         (current (cond (entry
                         (if (and (pair? opt) (pair? (cdr opt)))
                             ((cadr opt) (cdr entry))
                             (cdr entry)))
                        ((and (pair? opt) (car opt)) ((car opt)))
                        (else (error "hash-table-update!: key not found" key)))))
    (hash-table-set! table key (updater current))))

(define (hash-table-update!/default table key updater default)
  (hash-table-set! table key (updater (hash-table-ref/default table key default))))

(define (hash-table-intern! table key failure)
  (let ((entry (%hash-table-entry table key)))
    (if entry
        (cdr entry)
        (let ((v (failure)))
          (hash-table-set! table key v)
          v))))

;; The procedures that visit every entry work on a snapshot of the
;; entries, so the procedure may change the table.
(define (hash-table-walk table proc)
  (for-each (lambda (e) (proc (car e) (cdr e))) (%hash-table-entries table)))

;; SRFI 125 order (proc table); SRFI 69 order (table proc) accepted too.
(define (hash-table-for-each a b)
  (if (hash-table? a) (hash-table-walk a b) (hash-table-walk b a)))

;; SRFI 69 (hash-table-fold table kons knil) or SRFI 125
;; (hash-table-fold kons knil table).
(define (hash-table-fold a b c)
  (let ((table (if (hash-table? a) a c))
        (kons (if (hash-table? a) b a))
        (knil (if (hash-table? a) c b)))
    (fold (lambda (e acc) (kons (car e) (cdr e) acc)) knil (%hash-table-entries table))))

(define (hash-table-map->list proc table)
  (map (lambda (e) (proc (car e) (cdr e))) (%hash-table-entries table)))

(define (hash-table-map! proc table)
  (for-each (lambda (e) (hash-table-set! table (car e) (proc (car e) (cdr e))))
            (%hash-table-entries table)))

(define (hash-table-prune! proc table)
  (for-each (lambda (e) (if (proc (car e) (cdr e)) (hash-table-delete! table (car e))))
            (%hash-table-entries table)))

(define (hash-table-find proc table failure)
  (let loop ((es (%hash-table-entries table)))
    (if (pair? es)
        (or (proc (caar es) (cdar es)) (loop (cdr es)))
        (failure))))

;; (hash-table-count table) is the number of entries (SRFI 69 usage);
;; (hash-table-count pred table) counts those satisfying pred (SRFI 125).
(define (hash-table-count a . b)
  (if (null? b)
      (%hash-table-size a)
      (count (lambda (e) (a (car e) (cdr e))) (%hash-table-entries (car b)))))

(define (hash-table-entries table)
  (values (hash-table-keys table) (hash-table-values table)))

(define (hash-table-pop! table)
  (let ((es (%hash-table-entries table)))
    (if (null? es)
        (error "hash-table-pop!: table is empty" table)
        (begin
          (hash-table-delete! table (caar es))
          (values (caar es) (cdar es))))))
