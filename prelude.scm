;;; prelude.scm: Go's goroutines, channels and select, and Trio's
;;; nurseries, written in Scheme with first-class continuations and
;;; define-macro.
;;;
;;; This file is the argument of the project: a language with call/cc and
;;; macros can give itself lightweight threads as a library. Everything
;;; below is ordinary Scheme. It uses only a few hooks of the core:
;;;
;;;   (%call/cc-raw f)   like call/cc, but the continuation, when invoked,
;;;                      reinstates its dynamic state (dynamic-wind point,
;;;                      exception handlers, parameter bindings) without
;;;                      running any before/after thunks: a thread switch.
;;;   (%goroutine-continuation base tag)
;;;                      the continuation a new goroutine starts in: the
;;;                      frames of base, and a dynamic state of its own,
;;;                      outside every dynamic-wind, with its creator's
;;;                      parameters and a base handler that leaves for it
;;;                      with (tag . raised-object).
;;;   (%call-in-continuation k thunk thread)
;;;                      call thunk in the raw continuation k, as thread
;;;                      (the running goroutine, #f for the main
;;;                      program): how a goroutine is started and resumed.
;;;   (set-timer n), (timer-interrupt-handler f)
;;;                      call f after n more evaluation steps, in the
;;;                      current continuation: preemption.
;;;   (current-jiffy), (monotonic-ms), (%idle-sleep ms)
;;;                      the clock, and sleeping when every goroutine waits.
;;;   %record, %make-queue, %make-condition, %blame!,
;;;   %continuation-backtrace
;;;                      opaque objects, fast queues, error objects of a
;;;                      kind, errors blamed on the caller, where a goroutine
;;;                      waits (eval/builtins_sched.go says why each exists).
;;;
;;; A goroutine is a record holding a continuation. Blocking saves the
;;; current continuation in the goroutine and invokes the continuation of
;;; the next runnable one; waking puts a goroutine back on the run queue.
;;;
;;; The sections come in dependency order: helpers, queues and heaps,
;;; goroutines and the scheduler, timers, channels, select, nurseries, and
;;; the hooks that main.go and the REPL call. The scheduler's loop and the
;;; timers need each other; the scheduler section says where it calls
;;; forward. Names that start with % are internal.

;;;; Helpers

;; (%define-record tag field ...) defines, as macros, a constructor
;; (%make-TAG field ...), a predicate (%TAG? x), and for each field a getter
;; (%TAG-FIELD r) and a setter (%TAG-FIELD-set! r v). They are macros so
;; that the scheduler's hot paths pay no procedure call for a field access:
;; each use expands into a call of a primitive. Records print as
;; #<TAG FIELD0> (e.g. #<goroutine 3>) and never show their other fields,
;; which hold continuations and cycles.
(define-macro (%define-record tag . fields)
  (define (name . parts)
    (string->symbol
      (apply string-append
             (map (lambda (p) (if (symbol? p) (symbol->string p) p)) parts))))
  (let loop ((fs fields) (i 0)
             (out (list `(define-macro (,(name "%make-" tag) . args)
                           (cons '%record (cons '',tag args)))
                        `(define-macro (,(name "%" tag "?") x)
                           (list '%record? x '',tag)))))
    (if (null? fs)
        `(begin ,@(reverse out))
        (loop (cdr fs) (+ i 1)
              (cons `(define-macro (,(name "%" tag "-" (car fs) "-set!") r v)
                       (list '%record-set! r ,i v))
                    (cons `(define-macro (,(name "%" tag "-" (car fs)) r)
                             (list '%record-ref r ,i))
                          out))))))

;; (%define-inline (name arg ...) body ...) is a procedure whose calls
;; are expanded in place, for the scheduler's small, hot helpers: a call
;; costs no procedure call, and usually no environment record either.
;; An argument that is a variable, a constant, or a read of fields
;; ((car x), (vector-ref v 2), (%chan-recvq ch): accessors applied to
;; such arguments) is substituted for its parameter, and so is a new
;; pair or vector of such things for a parameter used once (reads more
;; than one deep are substituted only where used once). Any other
;; argument is bound by a let, so that it is still evaluated once, before
;; the body.
;; So the body may refer only to its parameters and to global names, must
;; not rebind its parameters, and must not change what a caller's field
;; read reads before using it.
(define-macro (%define-inline spec . body)
  `(define-macro (,(car spec) . actuals)
     (%inline-expand ',(car spec) ',(cdr spec) actuals ',body)))

(define (%inline-expand name params actuals body)
  (define (mentions? x sym)
    (if (pair? x) (or (mentions? (car x) sym) (mentions? (cdr x) sym)) (eq? x sym)))
  ;; Whether the body binds sym (let, named let, lambda, do), so that a
  ;; variable sym substituted into it could be captured.
  (define (binds? x sym)
    (and (pair? x)
         (or (and (memq (car x) '(let let* letrec letrec* do)) (pair? (cdr x))
                  (let* ((named (symbol? (cadr x)))
                         (bindings (if named (if (pair? (cddr x)) (caddr x) '()) (cadr x))))
                    (or (and named (eq? (cadr x) sym))
                        (and (list? bindings) (assq sym (filter-pairs bindings))))))
             (and (eq? (car x) 'lambda) (pair? (cdr x)) (mentions? (cadr x) sym))
             (binds? (car x) sym)
             (binds? (cdr x) sym))))
  (define (filter-pairs l)
    (cond ((null? l) '()) ((pair? (car l)) (cons (car l) (filter-pairs (cdr l)))) (else (filter-pairs (cdr l)))))
  ;; How many field reads deep a is. A deep read used several times is
  ;; bound by a let instead: one record costs less than many reads.
  (define (depth a)
    (let ((a (macroexpand a)))
      (if (pair? a) (+ 1 (apply max 0 (map depth (cdr a)))) 0)))
  (define (constant? a)
    (or (number? a) (boolean? a) (string? a) (char? a)
        (and (pair? a) (eq? (car a) 'quote))))
  (define (field-read? a)
    (let ((a (macroexpand a)))
      (or (constant? a)
          (and (symbol? a) (not (binds? body a)))
          (and (pair? a) (memq (car a) '(car cdr vector-ref %record-ref))
               (list? a)
               (let loop ((args (cdr a)))
                 (or (null? args) (and (field-read? (car args)) (loop (cdr args)))))))))
  (define (occurrences x sym)
    (cond ((eq? x sym) 1)
          ((pair? x) (+ (occurrences (car x) sym) (occurrences (cdr x) sym)))
          (else 0)))
  ;; An allocation of field reads, for a parameter the body uses once, may
  ;; be made where it is used: nothing it reads can change before.
  (define (single-use-allocation? a p)
    (and (pair? a) (memq (car a) '(cons list vector)) (list? a)
         (let loop ((args (cdr a)))
           (or (null? args) (and (field-read? (car args)) (loop (cdr args)))))
         (= (occurrences body p) 1)))
  (define (substitute x subst)
    (cond ((symbol? x) (let ((b (assq x subst))) (if b (cdr b) x)))
          ((and (pair? x) (eq? (car x) 'quote)) x)
          ((pair? x) (cons (substitute (car x) subst) (substitute (cdr x) subst)))
          (else x)))
  (if (not (= (length actuals) (length params)))
      (error (string-append (symbol->string name) ": wrong number of arguments in")
             (cons name actuals)))
  (let loop ((ps params) (as actuals) (binds '()) (subst '()))
    (if (null? ps)
        (let ((b (substitute body subst)))
          (cond ((pair? binds) `(let ,(reverse binds) ,@b))
                ((null? (cdr b)) (car b))
                (else `(begin ,@b))))
        (let ((a (macroexpand (car as))))
          (if (or (and (field-read? a)
                       (or (< (depth a) 2) (<= (occurrences body (car ps)) 1)))
                  (single-use-allocation? a (car ps)))
              (loop (cdr ps) (cdr as) binds (cons (cons (car ps) a) subst))
              (loop (cdr ps) (cdr as) (cons (list (car ps) a) binds) subst))))))

;; The values of (if #f #f) and (eof-object), as variables: arguments of
;; inline procedures that are variables cost nothing.
(define %unspecified (if #f #f))
(define %eof (eof-object))

;; The lock. Scheduler code (queues, channels, the run queue) must not be
;; interrupted half-way by preemption, which would switch to a goroutine
;; that sees the half-updated state. Every operation sets %lock while it
;; works; the timer handler does nothing while it is set. A goroutine
;; that blocks switches away with the lock held; the goroutine switched
;; to releases it when it resumes.
(define %lock #f)

;; %fail raises an error object with message msg from library code: the
;; lock is released first, and the error is blamed on the user's call (its
;; position and backtrace start at the innermost call outside this file).
(define (%fail msg . irritants)
  (set! %lock #f)
  (raise (%blame! (apply %make-condition "" msg irritants))))

;; Macros report bad syntax with %syntax-error: the error then carries no
;; position of this file, and the compiler gives it the position of the
;; form being expanded.
(define (%syntax-error msg form)
  (raise (%blame! (%make-condition "" msg form))))

(define (%type-error who what x)
  (%fail (string-append who ": expected " what ", got "
                        (let ((p (open-output-string))) (write x p) (get-output-string p)))))

;; A pseudo-random generator for select's fair choice: Park and Miller's
;; minimal standard generator (x <- 48271 x mod 2^31-1), which stays within
;; fixnums. It starts from a constant seed, so runs are reproducible;
;; (select-random-seed! n) changes the seed.
(define %random-state 1)
(define (select-random-seed! n)
  (if (not (exact-integer? n)) (%type-error "select-random-seed!" "exact integer" n))
  (set! %random-state (+ 1 (modulo n 2147483646))))
;; (%random n) is uniform on 0..n-1 (for small n).
(define (%random n)
  (set! %random-state (modulo (* 48271 %random-state) 2147483647))
  (quotient (* %random-state n) 2147483647))

;; The scheduler trace: with (trace-scheduler #t), every scheduling event
;; is printed on the error port, one per line ("sched: block 1 chan
;; receive #<chan 1>"). When the trace is off, each event costs one test
;; of %trace?.
(define %trace? #f)
(define (trace-scheduler on?) (set! %trace? on?))
(define (%trace . items)
  (let ((p (current-error-port)))
    ;; What the program printed so far comes first, so that on a terminal
    ;; the events interleave with the output in the order they happened.
    (flush-output-port (current-output-port))
    (display "sched:" p)
    (for-each (lambda (x) (display " " p) (display x p)) items)
    (newline p)
    (flush-output-port p)))

;;;; Queues and heaps

;; Queues (first in, first out) are primitives, rings of values in Go
;; (eval/builtins_sched.go): (%make-queue), (%queue-empty? q),
;; (%queue-length q), (%enqueue! q x), (%queue-first q), (%dequeue! q),
;; (%queue->list q), (%queue-clear! q), and (%queue-limit q),
;; (%queue-limit-set! q n), a spare number the wait queues of channels
;; use. They are the scheduler's busiest data structure: written in Scheme
;; (a list with a pointer to its last pair), they took about a fifth of
;; the time of a round trip over a channel.
(define (%queue-remove! q x)
  (let ((items (%queue->list q)))
    (%queue-clear! q)
    (for-each (lambda (y) (if (not (eq? y x)) (%enqueue! q y))) items)))

;; A heap is a binary min-heap in a vector that doubles when full: a
;; vector #(items size less?). Insertion and removal of the minimum are
;; O(log n), so 100,000 sleeping goroutines are cheap.
(define (%make-heap less?) (vector (make-vector 16 #f) 0 less?))
(%define-inline (%heap-empty? h) (eqv? (vector-ref h 1) 0))
(define (%heap-min h) (vector-ref (vector-ref h 0) 0))
(define (%heap-insert! h x)
  (let ((n (vector-ref h 1)) (less? (vector-ref h 2)))
    (if (= n (vector-length (vector-ref h 0)))
        (vector-set! h 0 (vector-append (vector-ref h 0) (make-vector n #f))))
    (let ((v (vector-ref h 0)))
      (vector-set! h 1 (+ n 1))
      ;; Sift up: move parents down until x fits.
      (let loop ((i n))
        (let ((parent (quotient (- i 1) 2)))
          (if (and (> i 0) (less? x (vector-ref v parent)))
              (begin (vector-set! v i (vector-ref v parent))
                     (loop parent))
              (vector-set! v i x)))))))
(define (%heap-pop! h)
  (let* ((v (vector-ref h 0)) (less? (vector-ref h 2))
         (top (vector-ref v 0)) (n (- (vector-ref h 1) 1)) (x (vector-ref v n)))
    (vector-set! v n #f)
    (vector-set! h 1 n)
    ;; Sift down: the last item goes to the root, then below its
    ;; smaller child until it fits.
    (if (> n 0)
        (let loop ((i 0))
          (let* ((l (+ (* 2 i) 1)) (r (+ l 1))
                 (c (if (and (< r n) (less? (vector-ref v r) (vector-ref v l))) r l)))
            (if (and (< l n) (less? (vector-ref v c) x))
                (begin (vector-set! v i (vector-ref v c))
                       (loop c))
                (vector-set! v i x)))))
    top))

;;;; Goroutines and the scheduler

;; A goroutine:
;;   id          1 for the main program, then counting up
;;   state       running, runnable or done; or, while it is blocked, what
;;               it waits for: chan-send, chan-receive, select, sleep,
;;               nursery, or idle (goroutine 1 at the REPL prompt)
;;   k           the raw continuation that resumes it, while it is not
;;               running (before it starts, the one it starts in)
;;   ticket      a pair (live . goroutine) for its next blocking
;;               operation: the waiters and the timer of the operation hold
;;               it. Waking the goroutine kills it (its car becomes #f), so
;;               the operation's other waiters die with it, and gives the
;;               goroutine a new one.
;;   wake-index  how the last blocking operation ended: the number of the
;;               select clause that fired (-1 or -2 for a single
;;               operation, 0 for others), or, when the goroutine must
;;               raise an error as it resumes, the symbol cancelled,
;;               deadlock or send-closed
;;   wake-value  the value the blocking operation returns (the value
;;               received, for example); before it starts, its thunk
;;   nursery     the nursery it belongs to
;;   cancel      #f, or the nursery whose cancellation reached it
;;   prev, next  links of the list of live goroutines (for listings)
;; Each field costs every goroutine 16 bytes, so there are few.
(%define-record goroutine id state k ticket wake-index wake-value nursery cancel prev next)
(%define-inline (%blocked? g)
  (not (memq (%goroutine-state g) '(running runnable done))))

;; A nursery (see ;;;; Nurseries for the form) is the group a goroutine
;; belongs to:
;;   id, opener  its number and the goroutine that opened it (#f: root)
;;   parent      the nursery that was current when it was opened
;;   live        how many of its goroutines have not ended
;;   waiter      the opener, while it waits for live to reach 0
;;   error       #f, or a list holding the first uncaught error
;;   cancelled   whether it has been cancelled
;;   open        #f once it has closed: no more goroutines may join
;;   in-body     whether the opener is still running the body
(%define-record nursery id opener parent live waiter error cancelled open in-body)

(define %nurseries-made 1)
(define %root-nursery (%make-nursery 1 #f #f 0 #f #f #f #t #f))
;; The nursery that go attaches to: a parameter, so that it follows the
;; dynamic extent of a nursery form, and children inherit it from their
;; creator's dynamic state.
(define %current-nursery (make-parameter %root-nursery))

;; Goroutine 1 is the main program (or the REPL). It has no thunk: its
;; continuation is whatever the program is doing.
(define %main (%make-goroutine 1 'running #f #f #f #f %root-nursery #f #f #f))
(%goroutine-ticket-set! %main (cons #t %main))
(define %goroutines-made 1)
(define %current %main)     ; the running goroutine
(define %last %main)        ; the end of the list of live goroutines
(define %run-queue (%make-queue))

(define (current-goroutine) %current)
(define (goroutine? x) (%goroutine? x))
(define (goroutine-id g)
  (if (not (%goroutine? g)) (%type-error "goroutine-id" "goroutine" g))
  (%goroutine-id g))

;; A cancelled goroutine raises a cancellation, not an error object (so a
;; guard testing error-object? lets it through), carrying the nursery
;; whose cancellation it is. It prints as #<cancelled N>, N the nursery's
;; number.
(%define-record cancelled id scope)
(define (%raise-cancelled g)
  (let ((scope (%goroutine-cancel g)))
    (set! %lock #f)
    (raise (%make-cancelled (%nursery-id scope) scope))))
;; Every channel operation, select, sleep and yield is a checkpoint: a
;; cancelled goroutine raises its cancellation there, and again at each
;; checkpoint until it has left the cancelled nursery.
(define-macro (%checkpoint)
  '(if (%goroutine-cancel %current) (%raise-cancelled %current)))

;; The list of live goroutines, in the order they were started.
;; (Procedures that end in a primitive call, rather than in a set!,
;; recycle their environment record at once.)
(define (%register! g)
  (%goroutine-prev-set! g %last)
  (set! %last g)
  (%goroutine-next-set! (%goroutine-prev g) g))
(define (%unregister! g)
  (let ((prev (%goroutine-prev g)) (next (%goroutine-next g)))
    (%goroutine-next-set! prev next)
    (if next (%goroutine-prev-set! next prev) (set! %last prev))
    (%goroutine-prev-set! g #f)
    (%goroutine-next-set! g #f)))
(define (%for-each-goroutine f)
  (let loop ((g %main))
    (if g (let ((next (%goroutine-next g))) (f g) (loop next)))))

;;; Switching

;; (%park! waiting obj) stops the running goroutine, whose waiters (if
;; any) are already in place, and runs others until some goroutine wakes
;; it; it returns the goroutine's wake-value. waiting is what it waits for
;; (or runnable, as after yield), obj the channel, for the trace. The lock
;; is held on entry and released on return. This is the only place a
;; goroutine stops: the raw continuation saved here is resumed by
;; %schedule, so no dynamic-wind thunk runs on a switch. (The goroutine
;; that stops is %current, and it is %current again when it resumes.)
;;
;; What a goroutine does as it wakes is done by %resume, which the
;; scheduler calls on top of the saved continuation: so an operation that
;; parks in tail position, returning what its waker left in wake-value,
;; keeps nothing of its own alive while it is blocked (no frame, no
;; environment): only its caller's frames.
(%define-inline (%park! waiting obj)
  (%goroutine-state-set! %current waiting)
  (if %trace? (%trace-park waiting obj))
  (%call/cc-raw %switch))
;; Both fields are read, and an error's wake-index reset, before the
;; lock is released: from then on a preemption may switch away and back.
;; Nothing else writes them while the goroutine runs (only %wake! does,
;; and only to a blocked goroutine), so the select macro can still read
;; wake-value after select has returned.
(define (%resume)
  (let ((v (%goroutine-wake-value %current)) (why (%goroutine-wake-index %current)))
    (if (symbol? why)
        (%woken-to-raise why v)
        (begin (set! %lock #f) v))))
(define (%trace-park waiting obj)
  (cond ((eq? waiting 'runnable) (%trace "yield" (%goroutine-id %current)))
        (obj (%trace "block" (%goroutine-id %current) (%waiting-label waiting) obj))
        (else (%trace "block" (%goroutine-id %current) (%waiting-label waiting)))))
;; Raise what the waker said to raise. (Yield and preemption resume a
;; goroutine without setting wake-index: it must not say to raise again
;; then.) Each branch releases the lock.
(define (%woken-to-raise why v)
  (%goroutine-wake-index-set! %current 0)
  (case why
    ((deadlock) (set! %lock #f) (raise (%blame! v)))
    ((send-closed) (%fail "send: send on closed channel"))
    (else (%raise-cancelled %current))))

;; (%wake! g index value) ends g's pending blocking operation with the
;; given outcome and makes g runnable. Its other waiters die with the
;; operation's ticket.
(%define-inline (%wake! g index value)
  (if %trace? (%trace "wake" (%goroutine-id g) "by" (%goroutine-id %current)))
  (set-car! (%goroutine-ticket g) #f)
  (%goroutine-ticket-set! g (cons #t g))
  (%goroutine-wake-index-set! g index)
  (%goroutine-wake-value-set! g value)
  (%goroutine-state-set! g 'runnable)
  (%enqueue! %run-queue g))

;; (%schedule) runs the next runnable goroutine; it never returns. Due
;; timers are fired first (%fire-due-timers!, in ;;;; Timers). With
;; nothing to run, %idle (also there) decides: sleep until a timer, go
;; back to the REPL, or report a deadlock. A goroutine that has not
;; started yet starts the same way (see %goroutine-base).
(%define-inline (%schedule-next)
  (if (not (%heap-empty? %timers)) (%fire-due-timers!))
  (if (%queue-empty? %run-queue)
      (%idle)
      (begin
        (if %trace? (%trace "switch" (%goroutine-id %current) "->"
                            (%goroutine-id (%queue-first %run-queue))))
        (set! %current (%dequeue! %run-queue))
        (%goroutine-state-set! %current 'running)
        ;; The machine knows which goroutine runs (#f: the main
        ;; program), so that an ordinary continuation is resumed only by
        ;; the goroutine that captured it.
        (if (eq? %current %main)
            (%call-in-continuation (%goroutine-k %current) %resume #f)
            (%call-in-continuation (%goroutine-k %current) %resume %current)))))
(define (%schedule) (%schedule-next))
;; %park! switches with (%call/cc-raw %switch).
(define (%switch k)
  (%goroutine-k-set! %current k)
  (%schedule-next))

;; (%escape k obj) is what the base handler of a nursery does with a
;; raised obj: leave through the ordinary continuation k, passing
;; (%raised . obj), so that the after thunks of the extents it leaves
;; run. The handler stays installed while they run: an after thunk that
;; raises in turn leaves through k with its own object, and the remaining
;; after thunks still run. (A goroutine's base handler does the same in
;; Go: see %goroutine-continuation.)
(define %raised (list 'raised))
(define (%escape k obj)
  (with-exception-handler
    (lambda (obj) (%escape k obj))
    (lambda () (k (cons %raised obj)))))
(%define-inline (%raised? outcome) (and (pair? outcome) (eq? (car outcome) %raised)))

;; Every goroutine runs its thunk on top of %goroutine-base, a raw
;; continuation captured once, below, whose two frames every goroutine
;; shares: given a thunk (a goroutine's, which the scheduler's %resume
;; returns the first time), it calls it (%goroutine-start); given
;; anything else, the outcome of a goroutine, it ends the running one
;; (%goroutine-end). Starting each new goroutine on the stack of the one
;; that happened to switch to it would make every goroutine's
;; continuation hold all the earlier ones.
;;
;; A new goroutine's k is %goroutine-base with a dynamic state of its
;; own (%goroutine-continuation): outside every dynamic-wind, with its
;; creator's parameters, and with a base handler. An uncaught raise of
;; obj leaves for that continuation like an ordinary one, so the
;; goroutine's dynamic-wind after thunks run (with the base handler still
;; installed: an after thunk that raises in turn leaves with its own
;; object, and the remaining after thunks still run), and arrives as
;; (%raised . obj). The goroutine then ends and its nursery hears of the
;; outcome: the thunk's value, or (%raised . obj). So a blocked goroutine
;; keeps alive no frame or environment of the scheduler: only its
;; record, its waiters, its continuation and the frames of its own
;; pending calls.
(define %loading (list 'loading))   ; what the base receives when captured
(define (%goroutine-start x)
  (if (procedure? x)
      (begin
        (%goroutine-wake-value-set! %current %unspecified)
        (x))
      x))
(define (%goroutine-end outcome)
  (if (not (eq? outcome %loading)) (%goroutine-exit %current outcome)))
(define %goroutine-base #f)
(%goroutine-end
  (%goroutine-start
    (%call/cc-raw (lambda (k) (set! %goroutine-base k) %loading))))

(define (%goroutine-exit g outcome)
  (set! %lock #t)
  (if %trace? (%trace "exit" (%goroutine-id g)
                      (cond ((not (%raised? outcome)) "ok")
                            ((%cancelled? (cdr outcome)) "cancelled")
                            (else "error"))))
  (%goroutine-state-set! g 'done)
  (%unregister! g)
  (%child-ended! (%goroutine-nursery g) g outcome)
  (%schedule))

;;; Nursery bookkeeping: the part the scheduler needs

;; (%within? n m): nursery n was opened inside nursery m, or is m.
(define (%within? n m)
  (and n (or (eq? n m) (%within? (%nursery-parent n) m))))

;; The outermost cancelled nursery around n (or n), or found if none.
(define (%outermost-cancelled n found)
  (if n
      (%outermost-cancelled (%nursery-parent n) (if (%nursery-cancelled n) n found))
      found))

;; Cancelling a goroutine marks it (keeping the outer scope if it was
;; already cancelled) and, if it waits at a checkpoint, wakes it so that
;; it raises the cancellation at once. A goroutine waiting for its own
;; nursery's children is not woken: those are cancelled too, and it must
;; wait for them.
(define (%cancel-goroutine! g scope)
  (let ((c (%goroutine-cancel g)))
    (if (or (not c) (%within? c scope))
        (%goroutine-cancel-set! g scope)))
  (if %trace? (%trace "cancel" (%goroutine-id g)))
  (if (memq (%goroutine-state g) '(chan-send chan-receive select sleep))
      (%wake! g 'cancelled #f)))

;; Cancelling a nursery cancels its opener while that is in the body, and
;; every goroutine started within it, in nested nurseries too.
(define (%cancel-nursery! n)
  (if (not (%nursery-cancelled n))
      (begin
        (%nursery-cancelled-set! n #t)
        (if (%nursery-in-body n) (%cancel-goroutine! (%nursery-opener n) n))
        (%for-each-goroutine
          (lambda (g)
            (if (%within? (%goroutine-nursery g) n) (%cancel-goroutine! g n)))))))

;; A nursery keeps its first uncaught error, which cancels everything in
;; it. The root nursery has no opener to raise it again: the program
;; fails (%goroutine-failed, in ;;;; The program and the REPL).
(define (%nursery-failed! n obj g)
  (cond ((eq? n %root-nursery) (%goroutine-failed obj g))
        ((not (%nursery-error n))
         (%nursery-error-set! n (list obj))
         (%cancel-nursery! n))))

(define (%child-ended! n g outcome)
  (%nursery-live-set! n (- (%nursery-live n) 1))
  (if (and (%raised? outcome) (not (%cancelled? (cdr outcome))))
      (%nursery-failed! n (cdr outcome) g))
  (if (and (eqv? (%nursery-live n) 0) (%nursery-waiter n))
      (let ((opener (%nursery-waiter n)))
        (%nursery-waiter-set! n #f)
        (%wake! opener 0 %unspecified))))

;;; Starting goroutines, yielding, preemption

;; (spawn thunk) starts a goroutine running thunk in the current nursery
;; and returns it. It runs when the scheduler gets to it: the creator goes
;; on first, as in Go.
(define (spawn thunk)
  (if (not (procedure? thunk)) (%type-error "spawn" "procedure" thunk))
  (let ((n (%current-nursery)))
    (if (not (%nursery-open n))
        (%fail "go: the nursery is closed (its body and goroutines have ended)"))
    (set! %lock #t)
    (set! %goroutines-made (+ %goroutines-made 1))
    (let* ((k (%goroutine-continuation %goroutine-base %raised))
           (cancel (%outermost-cancelled n #f))
           (g (%make-goroutine %goroutines-made 'runnable k #f #f thunk n cancel #f #f)))
      (%goroutine-ticket-set! g (cons #t g))
      (%nursery-live-set! n (+ (%nursery-live n) 1))
      (%register! g)
      (%enqueue! %run-queue g)
      (if %trace? (%trace "spawn" (%goroutine-id g) "by" (%goroutine-id %current)))
      (if (not %preempting) (%start-preemption!))
      (set! %lock #f)
      g)))
(define %spawn spawn)

;; (go body ...) starts a goroutine running body, in body's lexical scope.
(define-macro (go . body)
  `(%spawn (lambda () ,@(if (null? body) '((if #f #f)) body))))

;; (yield) lets the other runnable goroutines run first.
(define (yield)
  (%checkpoint)
  (set! %lock #t)
  (%requeue-current!)
  %unspecified)

;; Put the running goroutine at the end of the run queue and switch, if
;; anything else could run; else go on. The lock is held on entry and
;; released on return; the value is of no use.
(define (%requeue-current!)
  (if (not (%heap-empty? %timers)) (%fire-due-timers!))
  (if (%queue-empty? %run-queue)
      (set! %lock #f)
      (begin
        (%enqueue! %run-queue %current)
        (%park! 'runnable #f))))

;; Preemption: the timer interrupts whatever runs after a time slice of
;; about %time-slice steps (about a millisecond). If the lock is held, the
;; interrupted code is scheduler code: retry a little later. Else
;; preemption is a checkpoint, and the running goroutine yields if others
;; are runnable. The timer is started with the first goroutine and runs
;; on across switches (re-arming it at every switch cost ping-pong a
;; quarter of its speed).
;;
;; Slices vary at random, by up to %slice-spread steps either way: with a
;; fixed slice, a loop whose period divides it would be interrupted at
;; the same point of the loop every time. That would hide the races real
;; preemption exposes (chapter 6 of the course shows one), or always
;; interrupt a goroutine where it holds something the others wait for.
;; Setting %slice-spread to 0 makes slices exact (for tests). A slice is
;; never under %min-slice steps: one shorter than a switch would let no
;; goroutine do any work of its own.
(define %time-slice 20000)
(define %slice-spread 10000)
(define %slice-seed 12345)
(define %min-slice 500)
(define (%next-slice)
  (if (eqv? %slice-spread 0)
      (max %time-slice %min-slice)
      (begin
        ;; A linear congruential generator (the C standard's example):
        ;; not the one select draws from, so preemption does not change
        ;; select's choices for a given seed.
        (set! %slice-seed (modulo (+ (* %slice-seed 1103515245) 12345) 2147483648))
        (max %min-slice
             (+ (- %time-slice %slice-spread)
                (modulo (quotient %slice-seed 65536) (+ (* 2 %slice-spread) 1)))))))
(define %preempting #f)
(define (%start-preemption!)
  (set! %preempting #t)
  (timer-interrupt-handler %preempt)
  (set-timer (%next-slice)))
(define (%preempt)
  (if %lock
      (set-timer 50)
      (begin
        (set-timer (%next-slice))
        (%checkpoint)
        (set! %lock #t)
        (if (and %trace? (not (%queue-empty? %run-queue)))
            (%trace "preempt" (%goroutine-id %current)))
        (%requeue-current!))))

;;; Listing goroutines

(define (%waiting-label state)
  (case state
    ((chan-send) "chan send")
    ((chan-receive) "chan receive")
    (else (symbol->string state))))

;; (goroutines) describes the live goroutines: a list of (id state
;; waiting), where state is running, runnable or blocked, and waiting
;; says, as Go's tracebacks do, what a blocked one waits for: "chan
;; receive", "chan send", "select", "sleep", "nursery" or "idle" (#f if it
;; is not blocked).
(define (goroutines)
  ;; From the last to the first, so that the list comes out in order.
  (let loop ((g %last) (out '()))
    (if g
        (loop (%goroutine-prev g)
              (cons (list (%goroutine-id g)
                          (if (%blocked? g) 'blocked (%goroutine-state g))
                          (and (%blocked? g) (%waiting-label (%goroutine-state g))))
                    out))
        out)))

;; The Go-style report of every goroutine, for a deadlock: one block per
;; goroutine, blank lines between them, each listing where it waits:
;;   goroutine 3 [chan send]:
;;     worker at prog.scm:4:5
(define (%goroutine-report)
  (let ((p (open-output-string)))
    (%for-each-goroutine
      (lambda (g)
        (let ((state (%goroutine-state g)))
          (if (not (eq? g %main)) (newline p))
          (display "goroutine " p)
          (display (%goroutine-id g) p)
          (display " [" p)
          (display (if (%blocked? g) (%waiting-label state) state) p)
          (display "]:" p)
          (newline p)
          (for-each (lambda (line) (display "  " p) (display line p) (newline p))
                    (%continuation-backtrace (%goroutine-k g))))))
    (get-output-string p)))

;;;; Timers

;; Sleeping goroutines and pending (after ms) channels wait in a heap of
;; timers ordered by deadline (in microseconds, the unit of current-jiffy),
;; then by creation, so that sleeps with the same deadline end in order. A
;; timer is a vector #(deadline serial ticket action): it wakes the
;; ticket's goroutine if the ticket is still live, or, if there is no
;; ticket, calls action with the clock in milliseconds.
(define %timers-made 0)
(define %timers
  (%make-heap
    (lambda (a b)
      (or (< (vector-ref a 0) (vector-ref b 0))
          (and (= (vector-ref a 0) (vector-ref b 0))
               (< (vector-ref a 1) (vector-ref b 1)))))))

(define (%add-timer! ms ticket action)
  (set! %timers-made (+ %timers-made 1))
  (%heap-insert! %timers
                 (vector (+ (current-jiffy) (exact (ceiling (* ms 1000))))
                         %timers-made ticket action)))

(define (%timer-live? t)
  (let ((ticket (vector-ref t 2)))
    (or (not ticket) (car ticket))))

(define (%fire-due-timers!)
  (let ((now (current-jiffy)))
    (let loop ()
      (if (and (not (%heap-empty? %timers))
               (<= (vector-ref (%heap-min %timers) 0) now))
          (let ((t (%heap-pop! %timers)))
            (if (%timer-live? t)
                (let ((ticket (vector-ref t 2)))
                  (if ticket
                      (%wake! (cdr ticket) 0 %unspecified)
                      ((vector-ref t 3) (monotonic-ms)))))
            (loop))))))

;; The deadline of the next live timer, dropping dead ones; #f if none.
(define (%next-deadline)
  (cond ((%heap-empty? %timers) #f)
        ((%timer-live? (%heap-min %timers)) (vector-ref (%heap-min %timers) 0))
        (else (%heap-pop! %timers) (%next-deadline))))

;; (sleep ms) blocks the running goroutine for at least ms milliseconds.
;; (sleep 0) is a checkpoint and lets others run, like yield.
(define (sleep ms)
  (if (not (and (real? ms) (< ms +inf.0))) (%type-error "sleep" "finite number of milliseconds" ms))
  (%checkpoint)
  (set! %lock #t)
  (if (<= ms 0)
      (%requeue-current!)
      (begin
        (%add-timer! ms (%goroutine-ticket %current) #f)
        (%park! 'sleep #f))))

;; Nothing is runnable (the lock is held). If goroutine 1 waits at the
;; REPL prompt, it resumes: the prompt comes back while other goroutines
;; sleep or wait. Else, if a timer is pending, the whole process sleeps
;; until it is due. Else every goroutine is blocked for good: deadlock.
(define (%idle)
  (cond ((eq? (%goroutine-state %main) 'idle)
         (%wake! %main 0 %unspecified)
         (%schedule))
        ((%next-deadline)
         => (lambda (deadline)
              (%idle-sleep (/ (- deadline (current-jiffy)) 1000.))
              (%schedule)))
        (else (%deadlock!))))

;; The deadlock error is raised in goroutine 1 (blocked, since nothing
;; runs), so guard can catch it. The report of where each goroutine waits
;; is kept for main.go, which prints it if the error is not caught.
(define %deadlock-report "")
(define (%deadlock!)
  (set! %deadlock-report (%goroutine-report))
  (%wake! %main 'deadlock
          (%make-condition "deadlock" "all goroutines are asleep - deadlock!"))
  (%schedule))

;;;; Channels

;; A channel:
;;   id           a number, for printing: #<chan 3>
;;   cap          its capacity (0: unbuffered)
;;   buf, head, count
;;                its buffer: a ring of cap slots, the index of the oldest
;;                value, how many values it holds
;;   closed       whether close-chan was called
;;   recvq, sendq wait queues of blocked receivers and senders
(%define-record chan id cap buf head count closed recvq sendq)

;; A waiter is a goroutine blocked on one channel, in one of the channel's
;; wait queues. It holds the ticket of the goroutine's operation, and an
;; index: the number of its select clause, or, outside select, -1 (recv
;; and send) or -2 (for-range's receive). A receiver waits as (ticket .
;; index), a sender as (ticket index . value). Once the operation is over
;; (another select clause fired, or the goroutine was cancelled), the
;; ticket is dead, and so is the waiter; it is dropped when met. The
;; waker leaves in the goroutine's wake-value what its operation returns
;; (see %park!); only close-chan needs the index to know what that is.
(%define-inline (%waiter-live? w) (car (car w)))
;; Wake a waiter's goroutine: its operation (clause) is done.
(%define-inline (%wake-receiver! w value) (%wake! (cdr (car w)) (cdr w) value))
(%define-inline (%wake-sender! w value) (%wake! (cdr (car w)) (car (cdr w)) value))

;; A wait queue is a queue whose limit is set. Dead waiters left behind by
;; select would pile up in a channel that never becomes ready (a quit
;; channel polled in a loop), so when the queue grows past its limit, the
;; dead are dropped and the limit becomes twice the live count.
(define (%make-waitq) (let ((q (%make-queue))) (%queue-limit-set! q 8) q))
(%define-inline (%waitq-push! q w)
  (%enqueue! q w)
  (if (> (%queue-length q) (%queue-limit q)) (%waitq-purge! q)))
(define (%waitq-purge! q)
  ;; Take each waiter from the front and put the live ones back at the
  ;; end: the queue keeps its order and allocates nothing.
  (let loop ((n (%queue-length q)) (live 0))
    (if (> n 0)
        (let ((w (%dequeue! q)))
          (if (%waiter-live? w)
              (begin (%enqueue! q w) (loop (- n 1) (+ live 1)))
              (loop (- n 1) live)))
        (%queue-limit-set! q (max 8 (* 2 live))))))
;; Drop the dead waiters at the front of q.
(define (%drop-dead! q)
  (if (and (not (%queue-empty? q)) (not (%waiter-live? (%queue-first q))))
      (begin (%dequeue! q) (%drop-dead! q))))

(define %chans-made 0)
;; (make-chan) is unbuffered; (make-chan n) has a buffer of n values.
(define (make-chan . size)
  (let ((cap (if (pair? size) (car size) 0)))
    (if (not (exact-nonnegative-integer? cap))
        (%type-error "make-chan" "non-negative exact integer" cap))
    (set! %chans-made (+ %chans-made 1))
    (%make-chan %chans-made cap (and (> cap 0) (make-vector cap #f)) 0 0 #f
                (%make-waitq) (%make-waitq))))
(define (chan? x) (%chan? x))
(define (chan-len ch)
  (if (not (%chan? ch)) (%type-error "chan-len" "channel" ch))
  (%chan-count ch))
(define (chan-cap ch)
  (if (not (%chan? ch)) (%type-error "chan-cap" "channel" ch))
  (%chan-cap ch))

(define (%buffer-push! ch v)
  (let ((cap (%chan-cap ch)) (n (%chan-count ch)))
    (vector-set! (%chan-buf ch) (modulo (+ (%chan-head ch) n) cap) v)
    (%chan-count-set! ch (+ n 1))))
(define (%buffer-pop! ch)
  (let* ((buf (%chan-buf ch)) (h (%chan-head ch)) (v (vector-ref buf h)))
    (vector-set! buf h #f)
    (%chan-head-set! ch (if (= (+ h 1) (%chan-cap ch)) 0 (+ h 1)))
    (%chan-count-set! ch (- (%chan-count ch) 1))
    v))

;; What a receive gets from a closed, drained channel (the public
;; procedures turn it into the eof object): a unique marker.
(define %closed (list 'closed))

;; The operations follow fibers: first try to complete at once (a waiting
;; partner, or the buffer), else block. The lock is held throughout. The
;; tests of the hot paths are calls of primitives only, which the
;; evaluator computes without pushing a frame; a dead waiter at the front
;; of a queue sends the operation the slow way: drop it, and try again.

;; A receive that completes at once: take a value from the buffer (a
;; blocked sender may then put its own in), or from a waiting sender.
;; These release the lock and return the value.
(define (%recv-buffered! ch)
  (let ((v (%buffer-pop! ch)))
    (%refill-from-sender! ch)
    (set! %lock #f)
    v))
(define (%refill-from-sender! ch)
  (cond ((%queue-empty? (%chan-sendq ch)) #f)
        ((%waiter-live? (%queue-first (%chan-sendq ch)))
         (let ((w (%dequeue! (%chan-sendq ch))))
           (%buffer-push! ch (cdr (cdr w)))
           (%wake-sender! w %unspecified)))
        (else (%drop-dead! (%chan-sendq ch)) (%refill-from-sender! ch))))
(define (%recv-from-sender! ch)
  (let ((w (%dequeue! (%chan-sendq ch))))
    (%wake-sender! w %unspecified)
    (set! %lock #f)
    (cdr (cdr w))))

;; Block until a receiver takes v (or close-chan comes, which makes the
;; sender raise an error as it resumes: see %woken-to-raise). It parks in
;; tail position: a blocked sender keeps no frame of its own.
(%define-inline (%send-block! ch v)
  (%waitq-push! (%chan-sendq ch) (cons (%goroutine-ticket %current) (cons -1 v)))
  (%park! 'chan-send ch))

;; (send ch v) blocks until a receiver takes v, or there is room in the
;; buffer. A blocked sender whose channel gets closed raises an error.
(define (send ch v)
  (if (not (%chan? ch)) (%type-error "send" "channel" ch))
  (%checkpoint)
  (set! %lock #t)
  (cond ((%chan-closed ch) (%fail "send: send on closed channel"))
        ((%queue-empty? (%chan-recvq ch))
         (if (< (%chan-count ch) (%chan-cap ch))
             (begin (%buffer-push! ch v) (set! %lock #f))
             (%send-block! ch v)))
        ((%waiter-live? (%queue-first (%chan-recvq ch)))
         (%wake-receiver! (%dequeue! (%chan-recvq ch)) v)
         (set! %lock #f))
        (else (%drop-dead! (%chan-recvq ch)) (send ch v))))

;; Block until a sender (or close-chan) brings a value, which %park!
;; returns. index is the waiter's (-1 or -2; see above). It parks in tail
;; position: a blocked receiver keeps no frame of its own.
(%define-inline (%recv-block! ch index)
  (%waitq-push! (%chan-recvq ch) (cons (%goroutine-ticket %current) index))
  (%park! 'chan-receive ch))

;; (%recv ch who closed index again) receives a value, or returns closed
;; if ch is closed and drained. recv (closed: the eof object, index -1)
;; and for-range (closed: %closed, index -2) use it; again is the
;; procedure that receives again (recv or %recv-or-closed).
(%define-inline (%recv ch who closed index again)
  (if (not (%chan? ch)) (%type-error who "channel" ch))
  (%checkpoint)
  (set! %lock #t)
  (cond ((> (%chan-count ch) 0) (%recv-buffered! ch))
        ((%queue-empty? (%chan-sendq ch))
         (if (%chan-closed ch)
             (begin (set! %lock #f) closed)
             (%recv-block! ch index)))
        ((%waiter-live? (%queue-first (%chan-sendq ch))) (%recv-from-sender! ch))
        (else (%drop-dead! (%chan-sendq ch)) (again ch))))

;; (recv ch) blocks until a value arrives and returns it. On a closed
;; channel whose buffer is empty, it returns the eof object at once.
(define (recv ch) (%recv ch "recv" %eof -1 recv))
(define (%recv-or-closed ch) (%recv ch "for-range" %closed -2 %recv-or-closed))

;; (close-chan ch): no more values will be sent. Blocked receivers wake
;; with the eof object, blocked senders with an error.
(define (close-chan ch)
  (if (not (%chan? ch)) (%type-error "close-chan" "channel" ch))
  (set! %lock #t)
  (if (%chan-closed ch) (%fail "close-chan: close of closed channel"))
  (%chan-closed-set! ch #t)
  ;; A receiver in recv gets the eof object; in for-range or select,
  ;; %closed. A sender in send raises an error as it resumes; in select,
  ;; it gets %closed, and select raises the error.
  (let wake-all ((q (%chan-recvq ch)))
    (%drop-dead! q)
    (if (not (%queue-empty? q))
        (let ((w (%dequeue! q)))
          (%wake-receiver! w (if (eqv? (cdr w) -1) %eof %closed))
          (wake-all q))))
  (let wake-all ((q (%chan-sendq ch)))
    (%drop-dead! q)
    (if (not (%queue-empty? q))
        (let ((w (%dequeue! q)))
          (if (eqv? (car (cdr w)) -1)
              (%wake! (cdr (car w)) 'send-closed #f)
              (%wake-sender! w %closed))
          (wake-all q))))
  (set! %lock #f))

;; A body as one expression: (let () body ...) if it defines things, so
;; that the definitions are local, else (begin body ...).
(define (%body->expression body)
  (define (definition? form)
    (and (pair? form) (memq (car form) '(define define-values define-record-type define-syntax))))
  (cond ((null? body) '(if #f #f))
        ((let loop ((b body)) (and (pair? b) (or (definition? (car b)) (loop (cdr b)))))
         `(let () ,@body))
        (else `(begin ,@body))))

;; (for-range (x ch) body ...) receives until ch is closed, like Go's
;; for x := range ch. x is bound afresh on each iteration (as in Go 1.22),
;; so closures made in body capture each value.
(define-macro (for-range spec . body)
  (if (not (and (list? spec) (= (length spec) 2) (symbol? (car spec))))
      (%syntax-error "for-range: expected (for-range (var channel) body ...), got" spec))
  (let ((ch (gensym "ch")) (loop (gensym "loop")))
    ;; The let inside the loop makes the fresh binding of each iteration.
    ;; The receive is expanded in place (%recv is inline).
    `(let ((,ch ,(cadr spec)))
       (let ,loop ()
         (let ((,(car spec) (%recv ,ch "for-range" %closed -2 %recv-or-closed)))
           (if (eq? ,(car spec) %closed)
               (if #f #f)
               (begin ,(%body->expression body) (,loop))))))))

;; Send v without blocking: to a waiting receiver, else into the buffer,
;; which must have room. The lock is held.
(define (%offer! ch v)
  (%drop-dead! (%chan-recvq ch))
  (if (%queue-empty? (%chan-recvq ch))
      (%buffer-push! ch v)
      (%wake-receiver! (%dequeue! (%chan-recvq ch)) v)))

;; (after ms) returns a channel that receives the clock's milliseconds
;; once, ms milliseconds from now. Its buffer holds the value, so the
;; timer never blocks.
(define (after ms)
  (if (not (and (real? ms) (< ms +inf.0))) (%type-error "after" "finite number of milliseconds" ms))
  (let ((ch (make-chan 1)))
    (set! %lock #t)
    (%add-timer! (max ms 0) #f (lambda (now) (%offer! ch now)))
    (set! %lock #f)
    ch))

;;;; Select

;; (select clause ...) waits on several channel operations at once:
;;   ((recv ch var) body ...)   var (optional) is bound to the value
;;                              received, the eof object if ch is closed
;;   ((send ch expr) body ...)
;;   (else body ...)            taken at once if no operation is ready
;; The channels and values are evaluated once, in order; then %select
;; performs one operation, and returns the number of the clause that fired
;; (-1 for else); then the macro runs that clause's body.
(define-macro (select . clauses)
  (define (bad c)
    (%syntax-error "select: bad clause (expected ((recv ch [var]) body ...), ((send ch v) body ...) or (else body ...)):" c))
  (define (body-of c) (if (null? (cdr c)) '((if #f #f)) (cdr c)))
  ;; binds: the let* bindings of channels and values, reversed; ops: the
  ;; operation vector's items, reversed; cases: the case clauses, reversed.
  (let loop ((cs clauses) (i 0) (binds '()) (ops '()) (cases '()) (else-body #f))
    (if (null? cs)
        (let ((index (gensym "index")))
          `(let* ,(reverse binds)
             (let ((,index (%select (vector ,@(reverse ops)) ,(if else-body #t #f))))
               (case ,index
                 ,@(reverse cases)
                 (else ,@(or else-body '((if #f #f))))))))
        (let ((c (car cs)))
          (if (not (and (pair? c) (list? c))) (bad c))
          (let ((head (car c)))
            (cond ((eq? head 'else)
                   (if (pair? (cdr cs)) (%syntax-error "select: else must be the last clause:" c))
                   (loop (cdr cs) i binds ops cases (body-of c)))
                  ((and (list? head) (pair? head) (eq? (car head) 'recv)
                        (<= 2 (length head) 3))
                   (let ((ch (gensym "ch")))
                     (loop (cdr cs) (+ i 1) (cons (list ch (cadr head)) binds)
                           (append (list #f ch #f) ops)
                           (cons `((,i) ,(if (= (length head) 3)
                                              `(let ((,(caddr head) (%select-value))) ,@(body-of c))
                                              `(begin ,@(body-of c))))
                                 cases)
                           else-body)))
                  ((and (list? head) (pair? head) (eq? (car head) 'send) (= (length head) 3))
                   (let ((ch (gensym "ch")) (v (gensym "v")))
                     (loop (cdr cs) (+ i 1)
                           (cons (list v (caddr head)) (cons (list ch (cadr head)) binds))
                           (append (list v ch #t) ops)
                           (cons `((,i) ,@(body-of c)) cases)
                           else-body)))
                  (else (bad c))))))))

;; The value a recv clause received, for the macro's expansion.
(define (%select-value)
  (let ((v (%goroutine-wake-value %current)))
    (if (eq? v %closed) (eof-object) v)))

;; ops holds, for clause i, its kind at 3i (#t: send, #f: recv), its
;; channel at 3i+1 and the value to send at 3i+2. As in Go, when several
;; operations are ready one is chosen uniformly at random: count the
;; ready ones, draw one, and perform it. If none is ready and there is no
;; else, block on all of them (fibers' try-then-block): a waiter in every
;; channel, all with the goroutine's ticket, so that the first to fire
;; kills the others.
(define (%select ops has-else)
  (let ((n (quotient (vector-length ops) 3)))
    (do ((i 0 (+ i 1))) ((= i n))
      (let ((ch (vector-ref ops (+ (* 3 i) 1))))
        (if (not (%chan? ch)) (%type-error "select" "channel" ch))))
    (%checkpoint)
    (set! %lock #t)
    (let ((ready (let count ((i 0) (r 0))
                   (if (= i n)
                       r
                       (count (+ i 1) (if (%op-ready? ops i) (+ r 1) r))))))
      (cond ((> ready 0)
             (let find ((i 0) (k (%random ready)))
               (cond ((not (%op-ready? ops i)) (find (+ i 1) k))
                     ((> k 0) (find (+ i 1) (- k 1)))
                     (else (%perform-op! ops i) i))))
            (has-else (set! %lock #f) -1)
            (else (%select-block! ops n))))))

;; Whether operation i could complete now. (A send on a closed channel
;; "completes" by raising an error.) Dead waiters at the front of the
;; queue it looks at are dropped first, so that a waiter found there is
;; live.
(define (%op-ready? ops i)
  (let ((ch (vector-ref ops (+ (* 3 i) 1))))
    (if (vector-ref ops (* 3 i))
        (begin (%drop-dead! (%chan-recvq ch))
               (or (%chan-closed ch)
                   (not (%queue-empty? (%chan-recvq ch)))
                   (< (%chan-count ch) (%chan-cap ch))))
        (begin (%drop-dead! (%chan-sendq ch))
               (or (> (%chan-count ch) 0)
                   (not (%queue-empty? (%chan-sendq ch)))
                   (%chan-closed ch))))))

;; Perform ready operation i now; the lock is released.
(define (%perform-op! ops i)
  (let ((ch (vector-ref ops (+ (* 3 i) 1))))
    (if (vector-ref ops (* 3 i))
        (cond ((%chan-closed ch) (%fail "select: send on closed channel"))
              ((%queue-empty? (%chan-recvq ch)) (%buffer-push! ch (vector-ref ops (+ (* 3 i) 2))))
              (else (%wake-receiver! (%dequeue! (%chan-recvq ch)) (vector-ref ops (+ (* 3 i) 2)))))
        (%goroutine-wake-value-set!
          %current
          (cond ((> (%chan-count ch) 0) (%recv-buffered! ch))
                ((not (%queue-empty? (%chan-sendq ch))) (%recv-from-sender! ch))
                (else %closed))))
    (set! %lock #f)))

(define (%select-block! ops n)
  (let ((ticket (%goroutine-ticket %current)))
    (do ((i 0 (+ i 1))) ((= i n))
      (let ((ch (vector-ref ops (+ (* 3 i) 1))))
        (if (vector-ref ops (* 3 i))
            (%waitq-push! (%chan-sendq ch) (cons ticket (cons i (vector-ref ops (+ (* 3 i) 2)))))
            (%waitq-push! (%chan-recvq ch) (cons ticket i)))))
    (%park! 'select #f)
    (let ((i (%goroutine-wake-index %current)))
      (if (and (vector-ref ops (* 3 i)) (eq? (%goroutine-wake-value %current) %closed))
          (%fail "select: send on closed channel"))
      i)))

;;;; Nurseries

;; (nursery body ...) runs body; every goroutine started by go within its
;; dynamic extent (in this goroutine, and in its children unless they open
;; their own nursery) belongs to it, and the form returns body's values
;; only once all of them have ended. The first uncaught error, of body or
;; of a goroutine, cancels the others (they raise a cancellation at their
;; next checkpoint, so their dynamic-wind after thunks run) and is raised
;; again, the same object, once all have ended.
(define-macro (nursery . body)
  `(%nursery (lambda () ,@(if (null? body) '((if #f #f)) body))))

(define (%nursery thunk)
  (let* ((g %current)
         (n (begin
              (set! %nurseries-made (+ %nurseries-made 1))
              (%make-nursery %nurseries-made g (%current-nursery) 0 #f #f #f #t #t)))
         ;; How body ended: the list of its values, or (%raised . obj).
         ;; The handler escapes with an ordinary continuation, so the
         ;; after thunks between the raise and here run.
         (outcome
          (call-with-current-continuation
            (lambda (leave)
              (with-exception-handler
                (lambda (obj) (%escape leave obj))
                (lambda ()
                  (call-with-values
                    (lambda () (parameterize ((%current-nursery n)) (thunk)))
                    list)))))))
    (set! %lock #t)
    (%nursery-in-body-set! n #f)
    (if (%raised? outcome)
        (let ((obj (cdr outcome)))
          ;; The nursery's own cancellation stops here. An error, or the
          ;; cancellation of an outer nursery, cancels what is inside.
          (cond ((not (%cancelled? obj)) (%nursery-failed! n obj g))
                ((not (eq? (%cancelled-scope obj) n)) (%cancel-nursery! n)))))
    (%wait-for-children n g)
    (%nursery-open-set! n #f)
    (if (eq? (%goroutine-cancel g) n) (%goroutine-cancel-set! g #f))
    (let ((err (%nursery-error n)))
      (cond (err (raise (car err)))
            ((not (%raised? outcome)) (apply values outcome))
            ((eq? (%cancelled-scope (cdr outcome)) n) (if #f #f))
            (else (raise (cdr outcome)))))))

;; Block g until every goroutine of n has ended. The lock is held on entry
;; and released on return. This wait is not a checkpoint: the children
;; are cancelled with their parent, and it must outlive them.
(define (%wait-for-children n g)
  (if (> (%nursery-live n) 0)
      (begin
        (%nursery-waiter-set! n g)
        (%park! 'nursery #f)
        (set! %lock #t)
        (%wait-for-children n g))
      (set! %lock #f)))

;;;; The program and the REPL

;; A file's top level runs as goroutine 1, whose goroutines belong to the
;; root nursery. After the last form, main.go calls %program-end, which
;; waits for them; a deadlock is reported from here as from anywhere.
(define (%program-end)
  (set! %lock #t)
  (%wait-for-children %root-nursery %main))

;; An uncaught error in a goroutine of the root nursery ends a program at
;; once, as a panic does in Go: its message, the goroutine and its
;; backtrace go to the error port, and the exit status is 1. At the REPL
;; the error is reported and the session goes on.
(define %interactive #f)
(define (%interactive!) (set! %interactive #t))
(define (%goroutine-failed obj g)
  (let ((p (current-error-port)))
    (display (condition->string obj) p)
    (newline p)
    (display "in goroutine " p)
    (display (%goroutine-id g) p)
    (newline p)
    (display (%without-prelude-lines (error-object-backtrace obj)) p)
    (if (not %interactive) (exit 1))))

;; The backtrace of a goroutine ends in the frames of %goroutine-base,
;; which say nothing to the user: drop the lines that point into this file.
(define (%without-prelude-lines text)
  (define marker " at prelude.scm:")
  (define (has-marker? line)
    (let ((n (string-length line)) (m (string-length marker)))
      (let loop ((i 0))
        (and (<= (+ i m) n)
             (or (string=? (substring line i (+ i m)) marker)
                 (loop (+ i 1)))))))
  (let ((in (open-input-string text)) (out (open-output-string)))
    (let loop ()
      (let ((line (read-line in)))
        (if (eof-object? line)
            (get-output-string out)
            (begin
              (if (not (has-marker? line))
                  (begin (display line out) (newline out)))
              (loop)))))))

;; The REPL calls %repl-settle after each evaluation: the runnable
;; goroutines run until every one is blocked, asleep or done, and then
;; the prompt comes back.
(define (%repl-settle)
  (%recover-main!)
  (set! %lock #t)
  (if (not (%heap-empty? %timers)) (%fire-due-timers!))
  (if (%queue-empty? %run-queue)
      (set! %lock #f)
      (%park! 'idle #f)))

;; An evaluation stopped by an error or by Ctrl-C may have left goroutine
;; 1 blocked, or another goroutine running with its continuation lost.
;; %recover-main! makes goroutine 1 the running one again, and ends the
;; goroutine that was interrupted.
(define (%recover-main!)
  (let ((g %current))
    (if (not (eq? g %main))
        (begin
          (%goroutine-state-set! g 'done)
          (%unregister! g)
          (%child-ended! (%goroutine-nursery g) g #f)
          (set! %current %main)))
    (if (not (eq? (%goroutine-state %main) 'running))
        (begin
          (set-car! (%goroutine-ticket %main) #f)
          (%goroutine-ticket-set! %main (cons #t %main))
          (%queue-remove! %run-queue %main)
          (%goroutine-state-set! %main 'running)
          (%goroutine-k-set! %main #f)))
    (set! %lock #f)))
