;;; prelude.scm: Go's goroutines, channels and select, and Trio's
;;; nurseries, written in Scheme with first-class continuations.
;;;
;;; The idea. A thread that waits is nothing but what it will do when it
;;; resumes: a continuation. So a language with call/cc can give itself
;;; lightweight threads as a library. A goroutine is a record holding a
;;; continuation; to block is to save the current continuation in the
;;; running goroutine's record and invoke the continuation of the next
;;; runnable one; to wake a goroutine is to put its record back on the
;;; run queue. The rest of Go and Trio follows with a few data
;;; structures. A channel is a buffer and two queues of goroutines waiting
;;; to send or to receive. select tries each of its operations and, if
;;; none can complete now, leaves a waiter in every channel: the first to
;;; fire wakes the goroutine and kills the others. A nursery counts its
;;; live goroutines, and its opener waits for the count to reach zero. A
;;; cancellation is an error a goroutine raises at its next blocking
;;; operation.
;;;
;;; Everything below is ordinary Scheme, on a few hooks of the core that
;;; know nothing of goroutines:
;;;
;;;   (%call/cc-raw f)   like call/cc, but the continuation, when invoked,
;;;                      reinstates its dynamic state (dynamic-wind point,
;;;                      exception handlers, parameter bindings) without
;;;                      running any before/after thunks: a thread switch.
;;;   (%call/1cc-raw f refuse arg)
;;;                      the same for a continuation resumed once (a
;;;                      blocked goroutine's), which costs no copy of its
;;;                      frames; in a run nested in a call from Go, where
;;;                      no switch may leave, it calls (refuse arg).
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
;;;   (%set-time-slice us), (set-timer n), (timer-interrupt-handler f)
;;;                      call f after us more microseconds (or n more
;;;                      evaluation steps), in the current continuation:
;;;                      preemption.
;;;   (current-jiffy), (monotonic-ms), (%idle-sleep ms)
;;;                      the clock, and sleeping when every goroutine waits.
;;;   (%interrupt-handler f), (%halt-interrupted)
;;;                      call f on Ctrl-C instead of stopping the machine,
;;;                      and stop it: Ctrl-C stops the foreground only.
;;;   %record, %make-queue, %make-condition, %origin,
;;;   %continuation-backtrace
;;;                      records that print what a user wants to see, fast
;;;                      queues, error objects of a kind, where a goroutine
;;;                      waits (eval/builtins_sched.go says why each exists).
;;;
;;; Two macros of eval/inline.scm keep the scheduler fast without
;;; cluttering it: (%define-record kind (field ...) (printed ...)) makes
;;; records whose accessors cost no procedure call, and
;;; (%define-inline (name arg ...) body ...) a procedure expanded where it
;;; is called.
;;;
;;; The sections build up in order, each using only what is above it
;;; (prelude/order_test.go checks it): helpers; queues and heaps; the
;;; records of goroutines and nurseries; the trace; switching between
;;; goroutines; nurseries' bookkeeping; starting goroutines, yielding and
;;; preemption; sleeping; channels; select and events; nurseries; cancel
;;; scopes; Go's timers, sync and context; goroutine handles; and the
;;; hooks that main.go and the REPL call. The scheduler's loop is a cycle
;;; (running out of goroutines, it idles, and idling wakes one): the few
;;; procedures it calls before they are defined are named in a comment
;;; "Defined below:", with the section that defines them. Names that start
;;; with % are internal.

;;;; Helpers

;; The values of (if #f #f) and (eof-object), as variables: arguments of
;; inline procedures that are variables cost nothing.
(define %unspecified (if #f #f))
(define %eof (eof-object))

;; The critical section. Scheduler code (queues, channels, the run queue)
;; must not be interrupted half-way by preemption, which would switch to
;; a goroutine that sees the half-updated state. Every operation sets
;; %critical while it works, and the timer handler does nothing while it
;; is set. It is a flag, not a lock: there is one thread of control, and
;; nothing waits for it. A goroutine that blocks switches away inside the
;; critical section; the goroutine switched to leaves it when it resumes.
(define %critical #f)

;; (%atomic body ...) runs body, which must not block, as one step that
;; preemption cannot split, and returns its value. The library's own
;; data (a wait group's counter, a once's state, a mailbox's queue) is
;; shared by goroutines that preemption may switch between any two steps:
;; each read-modify-write of it is atomic, as Go's sync package makes it.
;; Not for use inside the critical section (it leaves it).
(define-macro (%atomic . body)
  (let ((v (gensym "v")))
    `(begin (set! %critical #t)
            (let ((,v (begin ,@body))) (set! %critical #f) ,v))))

;; %fail raises an error object with message msg from library code,
;; leaving the critical section first. (The machine blames an error
;; raised here on the user's call: its position and backtrace start
;; there.)
(define (%fail msg . irritants)
  (set! %critical #f)
  (raise (apply %make-condition "" msg irritants)))

;; Macros report bad syntax with %syntax-error: the error then carries no
;; position of this file, and the compiler gives it the position of the
;; form being expanded.
(define (%syntax-error msg form)
  (raise (%make-condition "" msg form)))

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

;; A body as one expression: (let () body ...) if it defines things, so
;; that the definitions are local, else (begin body ...).
(define (%body->expression body)
  (define (definition? form)
    (and (pair? form) (memq (car form) '(define define-values define-record-type define-syntax))))
  (cond ((null? body) '(if #f #f))
        ((let loop ((b body)) (and (pair? b) (or (definition? (car b)) (loop (cdr b)))))
         `(let () ,@body))
        (else `(begin ,@body))))

;; A body for a thunk: (if #f #f) when it is empty.
(define (%thunk-body body) (if (null? body) '((if #f #f)) body))

;; l without its first x.
(define (%remove-once x l)
  (cond ((null? l) '())
        ((eq? (car l) x) (cdr l))
        (else (cons (car l) (%remove-once x (cdr l))))))

;;;; Queues and heaps

;; Queues (first in, first out) are primitives, rings of values in Go
;; (eval/builtins_sched.go): (%make-queue), (%queue-empty? q),
;; (%queue-length q), (%enqueue! q x), (%queue-first q), (%dequeue! q),
;; (%queue->list q), (%queue-clear! q), and (%queue-limit q),
;; (%queue-limit-set! q n), a spare number the wait queues of channels
;; use (%enqueue! returns whether the queue is longer than it). They are
;; the scheduler's busiest data structure: written in Scheme (a list with
;; a pointer to its last pair), they took about a fifth of the time of a
;; round trip over a channel.
(define (%queue-remove! q x)
  (let ((items (%queue->list q)))
    (%queue-clear! q)
    (for-each (lambda (y) (if (not (eq? y x)) (%enqueue! q y))) items)))

;; The heap of alarms (see ;;; Tickets and alarms) is a primitive too
;; (eval/alarms.go): (%make-alarm-heap), (%heap-empty? h),
;; (%heap-insert! h deadline ticket action), (%heap-pop-due! h now) and
;; (%heap-next h). A million pending timers are a million alarms: as
;; records in a heap written in Scheme they took some 300 bytes each,
;; in Go 48.

;;;; Goroutines and nurseries: the records

;; A goroutine:
;;   id          1 for the main program, then counting up
;;   state       running, runnable or done; or, while it is blocked, what
;;               it waits for: chan-send, chan-receive, select, sleep,
;;               nursery, or idle (goroutine 1 at the REPL prompt)
;;   k           the raw continuation that resumes it, while it is not
;;               running (before it starts, the one it starts in)
;;   ticket      the ticket of its next blocking operation (see ;;;;
;;               Switching): the waiters and the timer of the operation
;;               hold it, and die with it when the goroutine wakes
;;   wake-index  how the last blocking operation ended: the number of the
;;               select clause that fired (-1 or -2 for a single
;;               operation, 0 for others), or, when the goroutine must
;;               raise an error as it resumes, the symbol cancelled,
;;               deadlock or send-closed
;;   wake-value  the value the blocking operation returns (the value
;;               received, for example); before it starts, its thunk
;;   place       (nursery . origin): the nursery it belongs to, and
;;               where it was created, for reports ("created by NAME at
;;               FILE:L:C": see %origin), or #f. Goroutines started in a
;;               loop share one pair (see spawn).
;;   cancel      #f, or the nursery whose cancellation reached it
;;   next        the link of the list of goroutines started (for
;;               listings), which ended ones leave lazily
;; Each field costs every goroutine 16 bytes, so there are few. It prints
;; as #<goroutine 3 state: runnable>.
(%define-record goroutine (id state k ticket wake-index wake-value place cancel next)
  (id state))
(define-macro (%goroutine-nursery g) `(car (%goroutine-place ,g)))
(define-macro (%goroutine-origin g) `(cdr (%goroutine-place ,g)))
(%define-inline (%blocked? g)
  (not (memq (%goroutine-state g) '(running runnable done))))

;; A nursery (see ;;;; Nurseries for the form) is the group a goroutine
;; belongs to:
;;   id, opener  its number and the goroutine that opened it (#f: root)
;;   parent      the nursery that was current when it was opened
;;   live        how many of its goroutines have not ended
;;   waiter      the opener, while it waits for live to reach 0
;;   error       #f, or the list of the uncaught errors, newest first
;;   cancelled   whether it has been cancelled
;;   open        #f once it has closed: no more goroutines may join
;;   in-body     whether the opener is still running the body
;;   origin      where it was opened, for reports (see %origin), or #f
(%define-record nursery (id opener parent live waiter error cancelled open in-body origin)
  (id live cancelled))

(define %nurseries-made 1)
(define %root-nursery (%make-nursery 1 #f #f 0 #f #f #f #t #f #f))
;; The nursery that go attaches to: a parameter, so that it follows the
;; dynamic extent of a nursery form, and children inherit it from their
;; creator's dynamic state.
(define %current-nursery (make-parameter %root-nursery))

;; Goroutine 1 is the main program (or the REPL). It has no thunk: its
;; continuation is whatever the program is doing.
(define %main (%make-goroutine 1 'running #f #f #f #f (cons %root-nursery #f) #f #f))
(%goroutine-ticket-set! %main (%make-ticket %main))
(define %goroutines-made 1)
(define %current %main)     ; the running goroutine
(define %last %main)        ; the end of the list of goroutines
(define %run-queue (%make-queue))

(define (current-goroutine) %current)
(define (goroutine? x) (%goroutine? x))
(define (goroutine-id g)
  (if (not (%goroutine? g)) (%type-error "goroutine-id" "goroutine" g))
  (%goroutine-id g))

;; The list of goroutines, in the order they were started, from %main
;; (which never leaves it) to %last. It is singly linked: a second link
;; would cost every goroutine 16 bytes more. So a goroutine that ends
;; (state done) stays in the list, and the walks skip it. Once the ended
;; outnumber the live, one pass drops every ended goroutine (the core's
;; %drop-records!, which also clears their links, so that a handle kept
;; on one keeps no other alive). Each end costs O(1) on average.
(define %live 1)            ; live goroutines
(define %listed 1)          ; goroutines in the list, live or ended
(define (%register! g)
  (%goroutine-next-set! %last g)
  (set! %last g)
  (set! %live (+ %live 1))
  (set! %listed (+ %listed 1)))
(define (%drop-ended!)
  (let ((last+kept (%drop-records! %main (%goroutine-next-index) (%goroutine-state-index) 'done)))
    (set! %last (car last+kept))
    (set! %listed (cdr last+kept))))
(define (%unregister! g)
  (set! %live (- %live 1))
  (if (> (- %listed %live) %live) (%drop-ended!)))
(define (%for-each-goroutine f)
  (let loop ((g %main))
    (if g
        (let ((next (%goroutine-next g)))
          (if (not (eq? (%goroutine-state g) 'done)) (f g))
          (loop next)))))

;;; Listing goroutines

(define (%waiting-label state)
  (case state
    ((chan-send) "chan send")
    ((chan-receive) "chan receive")
    ((chan-send-nil) "chan send (nil chan)")
    ((chan-receive-nil) "chan receive (nil chan)")
    (else (symbol->string state))))

;; (goroutines) describes the live goroutines: a list of (id state
;; waiting), where state is running, runnable or blocked, and waiting
;; says, as Go's tracebacks do, what a blocked one waits for: "chan
;; receive", "chan send", "select", "sleep", "nursery" or "idle" (#f if it
;; is not blocked).
(define (goroutines)
  (let* ((head (list #f)) (tail head))
    (%for-each-goroutine
      (lambda (g)
        (set-cdr! tail (list (list (%goroutine-id g)
                                   (if (%blocked? g) 'blocked (%goroutine-state g))
                                   (and (%blocked? g) (%waiting-label (%goroutine-state g))))))
        (set! tail (cdr tail))))
    (cdr head)))

;; (goroutine-count) is how many goroutines are live, the main program
;; included, as Go's runtime.NumGoroutine().
(define (goroutine-count) %live)

;; The line saying where g was created, as Go's tracebacks do.
(define (%display-created-by g p indent)
  (if (%goroutine-origin g)
      (begin (display indent p) (display "created " p) (display (%goroutine-origin g) p)
             (newline p))))

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
          ;; A goroutine waiting for a nursery's children has its
          ;; nursery in wake-value: where it was opened is where it
          ;; waits.
          (if (and (eq? state 'nursery) (%nursery? (%goroutine-wake-value g))
                   (%nursery-origin (%goroutine-wake-value g)))
              (begin (display "  nursery opened " p) (display (%nursery-origin (%goroutine-wake-value g)) p)
                     (newline p)))
          (for-each (lambda (line) (display "  " p) (display line p) (newline p))
                    (%continuation-backtrace (%goroutine-k g)))
          (%display-created-by g p "  "))))
    (get-output-string p)))

;;;; The trace

;; The scheduler trace: with (trace-scheduler #t), every scheduling event
;; is printed on the error port, one per line, with the position in the
;; user's code where it happened (if known) and the time since the trace
;; began ("sched: block 1 chan receive #<chan 1> at f.scm:8:1 (0.153 ms)").
;; contigo --trace-html records the events instead (%trace-record!), for
;; a timeline (internal/timeline). When the trace is off, each event
;; costs one test of %trace?.
(define %trace? #f)
(define %trace-print? #f)
;; The recorded events, newest first, while recording (else #f): vectors
;; #(microseconds position nursery opener kind item ...), position a
;; string "file:line:col" or #f, nursery and opener the numbers of a
;; spawned goroutine's nursery and of the goroutine that opened it (0
;; for the root nursery; #f for other events), every item a string.
;; Past %trace-limit events, the rest are only counted (%trace-left-out):
;; a long run must not fill the memory, and its picture would be
;; unreadable anyway.
(define %trace-log #f)
(define %trace-limit 20000)
(define %trace-count 0)
(define %trace-left-out 0)
(define %trace-epoch 0)
;; Where each traced goroutine was started, by id: events of a goroutine
;; with no pending call of the user's (a call in tail position leaves
;; none) are placed there.
(define %trace-origins (make-hash-table))
(define (%trace-switch!)
  (let ((on? (or %trace-print? (and %trace-log #t))))
    (if (and on? (not %trace?)) (set! %trace-epoch (current-jiffy)))
    (set! %trace? on?)))
(define (trace-scheduler on?) (set! %trace-print? on?) (%trace-switch!))
(define (%trace-record! on?)
  (set! %trace-log (if on? '() #f))
  (set! %trace-count 0)
  (set! %trace-left-out 0)
  (%trace-switch!))
;; The goroutine numbered id, which was just started (so it is probably
;; the last of the list), if it has not ended.
(define (%trace-goroutine id)
  (let loop ((g (if (eqv? (%goroutine-id %last) id) %last %main)))
    (cond ((not g) #f)
          ((eqv? (%goroutine-id g) id) (and (not (eq? (%goroutine-state g) 'done)) g))
          (else (loop (%goroutine-next g))))))
;; What the trace says of an event besides its items (see %trace): a
;; vector #(where nursery opener). A spawned goroutine is placed at its
;; first form (the go form's body); other events at the innermost pending
;; call of the user's, or else where the running goroutine was started.
(define (%trace-context items)
  (let ((g (and (equal? (car items) "spawn") (%trace-goroutine (cadr items)))))
    (if g
        (let ((where (%procedure-position (%goroutine-wake-value g)))
              (n (%goroutine-nursery g)))
          (hash-table-set! %trace-origins (%goroutine-id g) where)
          (vector where (%nursery-id n)
                  (if (%nursery-opener n) (%goroutine-id (%nursery-opener n)) 0)))
        (vector (or (%trace-where (eq? %current %main))
                    (hash-table-ref/default %trace-origins (%goroutine-id %current) #f))
                #f #f))))
(define (%trace-print items where t)
  (let ((p (current-error-port)))
    ;; What the program printed so far comes first, so that on a terminal
    ;; the events interleave with the output in the order they happened.
    (flush-output-port (current-output-port))
    (display "sched:" p)
    (for-each (lambda (x) (display " " p) (display x p)) items)
    (if where (begin (display " at " p) (display where p)))
    (display " (" p)
    (display (quotient t 1000) p)
    (display "." p)
    (let ((us (remainder t 1000)))
      (if (< us 100) (display "0" p))
      (if (< us 10) (display "0" p))
      (display us p))
    (display " ms)" p)
    (newline p)
    (flush-output-port p)))
(define (%trace-event items)
  (let ((t (- (current-jiffy) %trace-epoch))
        (context (%trace-context items)))   ; #(where nursery opener)
    (cond ((not %trace-log))
          ((>= %trace-count %trace-limit) (set! %trace-left-out (+ %trace-left-out 1)))
          (else
           (set! %trace-count (+ %trace-count 1))
           (set! %trace-log
                 (cons (apply vector t (vector-ref context 0) (vector-ref context 1)
                              (vector-ref context 2)
                              (map (lambda (x)
                                     (if (string? x)
                                         x
                                         (let ((p (open-output-string)))
                                           (display x p)
                                           (get-output-string p))))
                                   items))
                       %trace-log))))
    (if %trace-print? (%trace-print items (vector-ref context 0) t))))

(define (%trace . items)
  (if (and %trace-log (>= %trace-count %trace-limit) (not %trace-print?))
      (set! %trace-left-out (+ %trace-left-out 1))
      (%trace-event items)))


;;;; Switching between goroutines

;;; Cancellation, as a goroutine meets it

;; A cancelled goroutine raises a cancellation, not an error object (so a
;; guard testing error-object? lets it through), carrying the nursery
;; whose cancellation it is. It prints as #<cancelled N>, N the nursery's
;; number.
(%define-record cancelled (id scope) (id))
;; The goroutines running a with-shield body (once per nesting): their
;; cancellation waits until they leave it. Shields are rare, so a list.
(define %shielded '())
;; Raising it marks the goroutine (wake-index #t, until its next blocking
;; operation) so that preemption does not raise it again: the after
;; thunks that the cancellation runs must not be cut short at an
;; arbitrary step. A blocking operation in them raises it again, as a
;; checkpoint in a finally block does in Trio (with-shield prevents it).
(define (%raise-cancelled g)
  (let ((scope (%goroutine-cancel g)))
    (if (not (memq g %shielded))
        (begin
          (%goroutine-wake-index-set! g #t)
          (set! %critical #f)
          (raise (%make-cancelled (%nursery-id scope) scope))))))
;; Every channel operation, select, sleep and yield is a checkpoint: a
;; cancelled goroutine raises its cancellation there, and again at each
;; checkpoint until it has left the cancelled nursery.
(define-macro (%checkpoint)
  '(if (%goroutine-cancel %current) (%raise-cancelled %current)))

;;; Tickets and alarms

;; A ticket, (%make-ticket g), is the right to end one blocking
;; operation of goroutine g. Every waiter of the operation (one per
;; channel a select waits on) and its alarm hold the ticket; the first to
;; fire wakes the goroutine, which kills the ticket (%kill-ticket!), so
;; the others find it dead (%ticket-live?) and drop themselves. The
;; goroutine then gets a new ticket for its next operation. Other alarms
;; (a Go timer's, a deadline's) hold a ticket of no goroutine,
;; (%make-ticket #f), that stops them when killed. Tickets, like the
;; waiters below, are the core's (prims/waiters.go): every blocked
;; goroutine keeps one of each, and there they take half the memory.
;; A ticket that is dead from the start, for a timer that is stopped:
(define %dead-ticket (%make-ticket #f))
(%kill-ticket! %dead-ticket)

;; Sleeping goroutines and pending timers wait in a heap of alarms, by
;; deadline (in microseconds, the unit of current-jiffy), then by
;; creation, so that sleeps with the same deadline end in order. An alarm
;; holds a ticket (or #f) and an action. Once due, an alarm whose ticket
;; is live (or that has none) goes off: with no action it wakes the
;; ticket's goroutine; else its action is a channel ((after ms): the
;; channel receives the clock in milliseconds), a timer or ticker (see
;; ;;;; Go's timers), or a procedure called with the clock (%ring!).
;; Actions are the objects themselves, not closures over them, so that a
;; pending timer costs little more than its channel.
(define %alarms (%make-alarm-heap))
;; The deadline of the next live alarm, dropping dead ones; #f if none.
(define (%next-deadline) (%heap-next %alarms))

;;; Waking and parking

;; (%wake! g index value) ends g's pending blocking operation with the
;; given outcome and makes g runnable. Its other waiters die with the
;; operation's ticket.
(%define-inline (%wake! g index value)
  (if %trace? (%trace "wake" (%goroutine-id g) "by" (%goroutine-id %current)))
  (%kill-ticket! (%goroutine-ticket g))
  (%goroutine-ticket-set! g (%make-ticket g))
  (%goroutine-wake-index-set! g index)
  (%goroutine-wake-value-set! g value)
  (%goroutine-state-set! g 'runnable)
  (%enqueue! %run-queue g))

;; Fire the alarms due now, in order.
;; Defined below: %ring! (;;;; Go's timers and tickers, since an action
;; may be a channel or a timer).
(define (%fire-due-alarms!)
  (let ((now (current-jiffy)))
    (let loop ()
      (let ((a (%heap-pop-due! %alarms now)))
        (if a
            (begin
              (if (%ticket? a)
                  (%wake! (%ticket-goroutine a) 0 %unspecified)
                  (%ring! a (monotonic-ms)))
              (loop)))))))

;; Raise what the waker said to raise. (Yield and preemption resume a
;; goroutine without setting wake-index: it must not say to raise again
;; then.) Each branch leaves the critical section.
(define (%woken-to-raise why v)
  (%goroutine-wake-index-set! %current 0)
  (case why
    ((deadlock) (set! %critical #f) (raise v))
    ((interrupted) (set! %critical #f) (%halt-interrupted))
    ((send-closed) (%fail "send: send on closed channel"))
    (else (%raise-cancelled %current))))

;; What a goroutine does as it wakes, called by the scheduler on top of
;; its saved continuation: so an operation that parks in tail position,
;; returning what its waker left in wake-value, keeps nothing of its own
;; alive while it is blocked (no frame, no environment): only its
;; caller's frames. The wake-index is read, and an error's reset, before
;; the critical section is left: from then on a preemption may switch
;; away and back. Nothing else writes either field while the goroutine
;; runs (only %wake! does, and only to a blocked goroutine), so
;; wake-value may be read after that, as the select macro reads it after
;; select has returned. (A let of the two fields cost every wake a record
;; and a step: 3% of the pipeline's instructions.)
(define (%resume)
  (if (symbol? (%goroutine-wake-index %current))
      (%woken-to-raise (%goroutine-wake-index %current) (%goroutine-wake-value %current))
      (begin (set! %critical #f) (%goroutine-wake-value %current))))

;; %switched is set at each switch, so that preemption can tell whether
;; the running goroutine has had its whole slice (see %preempt). (A flag,
;; not a count: a count past the small integers costs an allocation at
;; every switch.)
(define %switched #f)

;; (%schedule-next) runs the next runnable goroutine; it never returns.
;; Due alarms are fired first. With nothing to run, %idle decides: sleep
;; until an alarm, go back to the REPL, or report a deadlock. A goroutine
;; that has not started yet starts the same way (see %goroutine-base).
;; Defined below: %idle (the scheduler's loop is a cycle).
(%define-inline (%schedule-next)
  (if (not (%heap-empty? %alarms)) (%fire-due-alarms!))
  (if (%queue-empty? %run-queue)
      (%idle)
      (begin
        (if %trace? (%trace "switch" (%goroutine-id %current) "->"
                            (%goroutine-id (%queue-first %run-queue))))
        (set! %current (%dequeue! %run-queue))
        (set! %switched #t)
        (%goroutine-state-set! %current 'running)
        ;; The machine knows which goroutine runs (#f: the main
        ;; program), so that an ordinary continuation is resumed only by
        ;; the goroutine that captured it.
        (if (eq? %current %main)
            (%call-in-continuation (%goroutine-k %current) %resume #f)
            (%call-in-continuation (%goroutine-k %current) %resume %current)))))
(define (%schedule) (%schedule-next))
;; %park! switches with (%call/1cc-raw %switch ...).
(define (%switch k)
  (%goroutine-k-set! %current k)
  (%schedule-next))

(define (%trace-park waiting chan-id)
  (cond ((eq? waiting 'runnable) (%trace "yield" (%goroutine-id %current)))
        (chan-id (%trace "block" (%goroutine-id %current) (%waiting-label waiting)
                         (string-append "#<chan " (number->string chan-id) ">")))
        (else (%trace "block" (%goroutine-id %current) (%waiting-label waiting)))))

;; (%park! waiting chan-id) stops the running goroutine, whose waiters
;; (if any) are already in place, and runs others until some goroutine
;; wakes it; it returns the goroutine's wake-value. waiting is what it
;; waits for (or runnable, as after yield), chan-id the number of the
;; channel, for the trace. It is called in the critical section, which
;; %resume leaves. This is the only place a goroutine stops: the raw
;; continuation saved here is resumed by %schedule, so no dynamic-wind
;; thunk runs on a switch. (The goroutine that stops is %current, and it
;; is %current again when it resumes.)
;;
;; A run nested in another (a Go function calling back into Scheme) ends
;; in Go, not in the goroutine's frames: no switch may leave it, as no
;; yield may cross a C call in Lua. There, %call/1cc-raw calls
;; %cannot-block! instead of switching: blocking is an error (the
;; operation's waiters die with its ticket) and yielding does nothing.
(define (%cannot-block! waiting)
  (%goroutine-state-set! %current 'running)
  (%kill-ticket! (%goroutine-ticket %current))
  (%goroutine-ticket-set! %current (%make-ticket %current))
  (%fail (string-append "cannot block (" (%waiting-label waiting)
                        ") in a call from Go back into Scheme")))
(%define-inline (%park! waiting chan-id)
  (%goroutine-state-set! %current waiting)
  (if %trace? (%trace-park waiting chan-id))
  (%call/1cc-raw %switch %cannot-block! waiting))

;;; When nothing can run

;; The deadlock error is raised in goroutine 1 (blocked, since nothing
;; runs), so guard can catch it. The report of where each goroutine waits
;; is kept for main.go, which prints it if the error is not caught.
(define %deadlock-report "")
(define (%deadlock!)
  (set! %deadlock-report (%goroutine-report))
  (if %trace? (%trace "deadlock"))
  (%wake! %main 'deadlock
          (%make-condition "deadlock" "all goroutines are asleep - deadlock!"))
  (%schedule))

;; Nothing is runnable (in the critical section). If goroutine 1 waits at
;; the REPL prompt, it resumes: the prompt comes back while other
;; goroutines sleep or wait. Else, if an alarm is pending, the whole
;; process sleeps until it is due. Else every goroutine is blocked for
;; good: deadlock.
(define (%idle)
  (cond ((eq? (%goroutine-state %main) 'idle)
         (%wake! %main 0 %unspecified)
         (%schedule))
        ((%next-deadline)
         => (lambda (deadline)
              (%idle-sleep (/ (- deadline (current-jiffy)) 1000.))
              (%schedule)))
        (else (%deadlock!))))

;;;; Nurseries' bookkeeping, and how goroutines end

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
        (begin
          ;; A new, outer cancellation is raised again, even by
          ;; preemption.
          (if (and (not (eq? c scope)) (eq? (%goroutine-wake-index g) #t))
              (%goroutine-wake-index-set! g 0))
          (%goroutine-cancel-set! g scope))))
  (if %trace? (%trace "cancel" (%goroutine-id g)))
  (if (and (memq (%goroutine-state g) '(chan-send chan-receive select sleep chan-send-nil chan-receive-nil))
           (not (memq g %shielded)))
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
    (%display-created-by g p "")
    (if (not %interactive) (exit 1))))

;; A nursery keeps every uncaught error of its body and goroutines
;; (newest first), including those raised by after thunks while they
;; were being cancelled; the first cancels everything in it. The root
;; nursery has no opener to raise them again: the program fails
;; (%goroutine-failed, above).
(define (%nursery-failed! n obj g)
  (cond ((eq? n %root-nursery) (%goroutine-failed obj g))
        ((not (%nursery-error n))
         (%nursery-error-set! n (list obj))
         (%cancel-nursery! n))
        (else (%nursery-error-set! n (cons obj (%nursery-error n))))))

;; Error groups (Trio's ExceptionGroup): when several goroutines of a
;; nursery fail, it raises one error object holding all their errors, in
;; the order they failed; a single failure is raised as itself.
(define (%nursery-errors->raisable errs)
  (if (null? (cdr errs))
      (car errs)
      (apply %make-condition "error-group"
             (string-append "nursery: " (number->string (length errs))
                            " goroutines failed; errors:")
             (reverse errs))))
(define (error-group? x) (equal? (%condition-kind x) "error-group"))
(define (error-group-errors e)
  (if (not (error-group? e)) (%type-error "error-group-errors" "error group" e))
  (error-object-irritants e))

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

;; One of n's goroutines, g, ended with outcome (its value, or
;; (%raised . obj)): an error fails the nursery, and the last to end
;; wakes the opener if it waits.
(define (%child-ended! n g outcome)
  (%nursery-live-set! n (- (%nursery-live n) 1))
  (if (and (%raised? outcome) (not (%cancelled? (cdr outcome))))
      (%nursery-failed! n (cdr outcome) g))
  (if (and (eqv? (%nursery-live n) 0) (%nursery-waiter n))
      (let ((opener (%nursery-waiter n)))
        (%nursery-waiter-set! n #f)
        (%wake! opener 0 %unspecified))))

;; A procedure the goroutine handles (see ;;;; Goroutine handles) set
;; to hear of every goroutine that ends, once they are used; else #f.
(define %exit-hook #f)

;; g ends with outcome: its value, or (%raised . obj).
(define (%goroutine-exit g outcome)
  (set! %critical #t)
  (%goroutine-state-set! g 'done)
  (if %trace? (%trace "exit" (%goroutine-id g)
                      (cond ((not (%raised? outcome)) "ok")
                            ((%cancelled? (cdr outcome)) "cancelled")
                            (else "error"))))
  (%unregister! g)
  (if %exit-hook (%exit-hook g))
  (%child-ended! (%goroutine-nursery g) g outcome)
  (%schedule))

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
;; A goroutine that is already done when it ends failed in the library's
;; own code as it ended (a bug, or a library procedure redefined by the
;; program): its base handler brought it here again, and would forever.
;; The program stops, as Go's runtime does at a fatal error.
(define (%ending-failed outcome)
  (let ((p (current-error-port)))
    (display "fatal error: the concurrency library failed as goroutine " p)
    (display (%goroutine-id %current) p)
    (display " ended: " p)
    (display (if (%raised? outcome) (condition->string (cdr outcome)) outcome) p)
    (newline p)
    (emergency-exit 2)))
(define (%goroutine-end outcome)
  (cond ((eq? outcome %loading) #f)
        ((eq? (%goroutine-state %current) 'done) (%ending-failed outcome))
        (else (%goroutine-exit %current outcome))))
(define %goroutine-base #f)
(%goroutine-end
  (%goroutine-start
    (%call/cc-raw (lambda (k) (set! %goroutine-base k) %loading))))


;;;; Starting goroutines, yielding, preemption

;; Put the running goroutine at the end of the run queue and switch, if
;; anything else could run; else go on. It is called in the critical
;; section, and leaves it; the value is of no use.
(define (%requeue-current!)
  (if (not (%heap-empty? %alarms)) (%fire-due-alarms!))
  (if (or (%queue-empty? %run-queue) (%nested-run?))
      (set! %critical #f)
      (begin
        (%enqueue! %run-queue %current)
        (%park! 'runnable #f))))

;; (yield) lets the other runnable goroutines run first.
(define (yield)
  (%checkpoint)
  (set! %critical #t)
  (%requeue-current!)
  %unspecified)

;; Preemption: the timer interrupts whatever runs after a time slice of
;; about %time-slice microseconds (%set-time-slice: by elapsed time, not
;; by evaluation steps, so a goroutine whose steps are slow primitives,
;; such as length of a long list, is preempted as soon as one that
;; computes with small steps). If the interrupted code is in the critical
;; section, it is retried a few steps later. Else preemption is a
;; checkpoint, and the running goroutine yields if others are runnable.
;; The timer is started with the first goroutine or alarm and runs on
;; across switches (re-arming it at every switch cost ping-pong a quarter
;; of its speed).
;;
;; Slices vary at random, by up to %slice-spread either way: with a
;; fixed slice, a loop whose period divides it would be interrupted at
;; the same point of the loop every time. That would hide the races real
;; preemption exposes (chapter 6 of the course shows one), or always
;; interrupt a goroutine where it holds something the others wait for.
;; With %slice-steps? set, slices count evaluation steps instead (set-timer)
;; and, with %slice-spread 0, are exact: a test can make preemption
;; strike at every step of a loop in turn. A slice is never under
;; %min-slice: one shorter than a switch would let no goroutine do any
;; work of its own.
(define %time-slice 1000)
(define %slice-spread 500)
(define %slice-seed 12345)
(define %min-slice 50)
(define %slice-steps? #f)
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
(define (%arm-slice!)
  (if %slice-steps? (set-timer (%next-slice)) (%set-time-slice (%next-slice))))

;; The REPL lets the goroutines run between prompts for a while (see
;; %repl-settle): %settle-until is the jiffy when it takes over again, or
;; #f. At a preemption, if that time is up, goroutine 1 becomes runnable
;; again (in the critical section).
(define %settle-until #f)
(define (%settle-check!)
  (if (and %settle-until (eq? (%goroutine-state %main) 'idle)
           (>= (current-jiffy) %settle-until))
      (%wake! %main 0 %unspecified)))

;; A slice is the running goroutine's: if a switch happened since it was
;; armed (the process idled, or goroutines blocked in turn), the one
;; running now gets a whole slice before it is preempted. Else a
;; goroutine that wakes after the process slept would be preempted at
;; once, at its first step.
(define %preempting #f)
(define %retries 0)
(define (%preempt)
  (if (and %settle-until (not %critical))
      (begin (set! %critical #t) (%settle-check!) (set! %critical #f)))
  ;; The critical section is entered before the timer is re-armed: a
  ;; slice shorter than this handler must not interrupt the handler
  ;; itself.
  ;; In a critical section, preemption retries a few steps later; by a
  ;; varying number of steps (12, 19, 26, ... modulo 53), since a fixed
  ;; one could divide the period of a loop that is mostly critical (a
  ;; goroutine yielding alone) and strike inside it for ever: the REPL's
  ;; time budget, checked here, would never end.
  (cond
    (%critical
     (set! %retries (+ %retries 1))
     (set-timer (+ 5 (modulo (* %retries 7) 53))))
    ((and %switched (not %slice-steps?))
     (set! %critical #t)
     (set! %switched #f)
     (%arm-slice!)
     (set! %critical #f))
    (else
     (set! %critical #t)
     (set! %switched #f)
     (%arm-slice!)
     (if (and (%goroutine-cancel %current)
              (not (eq? (%goroutine-wake-index %current) #t)))
         (%raise-cancelled %current))
     (set! %critical #t)
     (if (and %trace? (not (%queue-empty? %run-queue)))
         (%trace "preempt" (%goroutine-id %current)))
     (%requeue-current!))))
(define (%start-preemption!)
  (set! %preempting #t)
  (timer-interrupt-handler %preempt)
  (set! %switched #f)
  (%arm-slice!))

;; The last place made, shared by the next goroutine started in the same
;; nursery at the same place.
(define %last-place (cons #f #f))
;; (%spawn-from thunk origin-proc) starts thunk, created where
;; origin-proc was written (the user's procedure, when the library starts
;; a goroutine for it).
(define (%spawn-from thunk origin-proc)
  (if (not (procedure? thunk)) (%type-error "spawn" "procedure" thunk))
  (let ((n (%current-nursery)) (origin (%origin origin-proc)))
    (if (not (and (eq? (car %last-place) n) (eq? (cdr %last-place) origin)))
        (set! %last-place (cons n origin)))
    (if (not (%nursery-open n))
        (%fail "go: the nursery is closed (its body and goroutines have ended)"))
    (set! %critical #t)
    (set! %goroutines-made (+ %goroutines-made 1))
    (let* ((k (%goroutine-continuation %goroutine-base %raised))
           (cancel (%outermost-cancelled n #f))
           (g (%make-goroutine %goroutines-made 'runnable k #f #f thunk %last-place cancel #f)))
      (%goroutine-ticket-set! g (%make-ticket g))
      (%nursery-live-set! n (+ (%nursery-live n) 1))
      (%register! g)
      (%enqueue! %run-queue g)
      (if %trace? (%trace "spawn" (%goroutine-id g) "by" (%goroutine-id %current)))
      (if (not %preempting) (%start-preemption!))
      (set! %critical #f)
      g)))

;; (spawn thunk) starts a goroutine running thunk in the current nursery
;; and returns it. It runs when the scheduler gets to it: the creator goes
;; on first, as in Go.
(define (spawn thunk) (%spawn-from thunk thunk))
(define %spawn spawn)

;; (go body ...) starts a goroutine running body, in body's lexical scope.
(define-macro (go . body)
  `(%spawn (lambda () ,@(%thunk-body body))))

;;;; Sleeping

;; (%add-alarm! ms ticket action) sets an alarm ms milliseconds from now
;; (see ;;; Tickets and alarms). Preemption starts with the first alarm too, so
;; that an alarm goes off on time while the main program computes, even
;; if it never spawned a goroutine.
(define (%add-alarm! ms ticket action)
  (if (not %preempting) (%start-preemption!))
  (%heap-insert! %alarms (+ (current-jiffy) (exact (ceiling (* ms 1000))))
                 ticket action))

;; (sleep ms) blocks the running goroutine for at least ms milliseconds.
;; (sleep 0) is a checkpoint and lets others run, like yield.
(define (sleep ms)
  (if (not (and (real? ms) (< ms +inf.0))) (%type-error "sleep" "finite number of milliseconds" ms))
  (%checkpoint)
  (set! %critical #t)
  (if (<= ms 0)
      (%requeue-current!)
      (begin
        (%add-alarm! ms (%goroutine-ticket %current) #f)
        (%park! 'sleep #f))))


;;;; Channels

;; A channel:
;;   id           a number, for printing: #<chan 3 len: 0 cap: 1 closed: #f>
;;   cap          its capacity (0: unbuffered)
;;   buf, head, len
;;                its buffer: a ring of cap slots, the index of the oldest
;;                value, how many values it holds
;;   closed       whether close-chan was called
;;   recvq, sendq wait queues of blocked receivers and senders
(%define-record chan (id cap buf head len closed recvq sendq) (id len cap closed))

;; A waiter, (%make-waiter ticket index value), is a goroutine's offer to
;; take part in one operation on a channel, in one of the channel's wait
;; queues (prims/waiters.go; each of these is an accessor):
;;   ticket  the ticket of the goroutine's blocking operation: the waiter
;;           lives as long as the ticket does
;;   index   which operation it is: its number in a select (or sync), or
;;           -1 for recv and send, -2 for a receive that must tell a
;;           closed channel from a value (for-range, recv-ok)
;;   value   what a sender offers (#f for a receiver)
;; The partner that takes the offer wakes the goroutine with the index
;; and what its operation returns (the value, for a receiver). Once the
;; operation is over (another select clause fired, or the goroutine was
;; cancelled), the ticket is dead, and so is the waiter; it is dropped
;; when met: (%waiter-live? w) tells whether its ticket is live.
(%define-inline (%wake-waiter! w value)
  (%wake! (%ticket-goroutine (%waiter-ticket w)) (%waiter-index w) value))

;; A wait queue is a queue whose limit is set. Dead waiters left behind by
;; select would pile up in a channel that never becomes ready (a quit
;; channel polled in a loop), so when the queue grows past its limit, the
;; dead are dropped and the limit becomes twice the live count.
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
;; The wait queue of every channel that no goroutine has waited on yet:
;; always empty, shared, marked by a negative limit. A channel gets queues
;; of its own when a goroutine first waits on it: (%waitq-push! ch field
;; w), a primitive, pushes w on the wait queue in the field of ch, making
;; the queue if need be, and says whether the queue has grown past its
;; limit. Two queues cost a channel 96 bytes, a fifth of what a pending
;; timer keeps alive, and most channels that after makes are never waited
;; on.
(define %no-waiters (%make-queue))
(%queue-limit-set! %no-waiters -1)

(define %chans-made 0)
;; (make-chan) is unbuffered; (make-chan n) has a buffer of n values.
(define (make-chan . size)
  (let ((cap (if (pair? size) (car size) 0)))
    (if (not (exact-nonnegative-integer? cap))
        (%type-error "make-chan" "non-negative exact integer" cap))
    (set! %chans-made (+ %chans-made 1))
    (%make-chan %chans-made cap (and (> cap 0) (make-vector cap #f)) 0 0 #f
                %no-waiters %no-waiters)))
(define (chan? x) (%chan? x))
(define (chan-len ch)
  (if (not (%chan? ch)) (%type-error "chan-len" "channel" ch))
  (%chan-len ch))
(define (chan-cap ch)
  (if (not (%chan? ch)) (%type-error "chan-cap" "channel" ch))
  (%chan-cap ch))

(define (%buffer-push! ch v)
  (let ((cap (%chan-cap ch)) (n (%chan-len ch)))
    (vector-set! (%chan-buf ch) (modulo (+ (%chan-head ch) n) cap) v)
    (%chan-len-set! ch (+ n 1))))
(define (%buffer-pop! ch)
  (let* ((buf (%chan-buf ch)) (h (%chan-head ch)) (v (vector-ref buf h)))
    (vector-set! buf h #f)
    (%chan-head-set! ch (if (= (+ h 1) (%chan-cap ch)) 0 (+ h 1)))
    (%chan-len-set! ch (- (%chan-len ch) 1))
    v))

;;; The operations: a try half and a block half

;; As fibers' operations are (operations.scm: a try function, then a
;; block function), each channel operation is written once, in two
;; halves, and send, recv, select, sync and the timers are built on them.
;; The try half completes the operation at once if a partner waits or
;; the buffer allows; else the block half leaves a waiter in the
;; channel's queue, and the goroutine parks until a partner (or
;; close-chan) takes it. select tries several operations, and blocks on
;; all of them with one ticket; for its fair choice it also needs to
;; know, without acting, whether an operation could complete now: its
;; ready test. All of them run in the critical section.
;;
;; The try halves are macros whose outcomes each use fills in (send
;; leaves the critical section, select records the value, a timer drops
;; a tick that finds the buffer full): so the tests of the hot paths are
;; calls of primitives only, which the evaluator computes without
;; pushing a frame, and the outcomes are in tail position. A dead waiter
;; at the front of a queue sends the operation the slow way: drop the
;; dead, and look again. The channel and the value must be variables.

;; What a receive gets from a closed, drained channel (recv turns it into
;; the eof object): a unique marker.
(define %closed (list 'closed))

;;; Send

;; Whether a send on ch could complete now, or fail, ch being closed.
(%define-inline (%send-ready? ch)
  (begin (%drop-dead! (%chan-recvq ch))
         (or (%chan-closed ch)
             (not (%queue-empty? (%chan-recvq ch)))
             (< (%chan-len ch) (%chan-cap ch)))))

;; (%send-try ch v done full): hand v to a waiting receiver, or put it in
;; the buffer if there is room, then do done; else do full. A send on a
;; closed channel is an error, which each use raises in its own words
;; (send, select) before trying.
(define-macro (%send-try ch v done full)
  (let ((to-receiver `(begin (%wake-waiter! (%dequeue! (%chan-recvq ,ch)) ,v) ,done))
        (to-buffer `(if (< (%chan-len ,ch) (%chan-cap ,ch))
                        (begin (%buffer-push! ,ch ,v) ,done)
                        ,full)))
    `(cond ((%queue-empty? (%chan-recvq ,ch)) ,to-buffer)
           ((%waiter-live? (%queue-first (%chan-recvq ,ch))) ,to-receiver)
           (else (%drop-dead! (%chan-recvq ,ch))
                 (if (%queue-empty? (%chan-recvq ,ch)) ,to-buffer ,to-receiver)))))

;; The block half: a waiter offering v, for the operation numbered index
;; of the blocking operation whose ticket is given.
(%define-inline (%send-block! ch v index ticket)
  (if (%waitq-push! ch (%chan-sendq-index) (%make-waiter ticket index v))
      (%waitq-purge! (%chan-sendq ch))))

;;; Receive

(%define-inline (%recv-ready? ch)
  (begin (%drop-dead! (%chan-sendq ch))
         (or (> (%chan-len ch) 0)
             (not (%queue-empty? (%chan-sendq ch)))
             (%chan-closed ch))))

;; Take the oldest value of the buffer (a blocked sender may then put its
;; own in), or the value of the first sender, which is live; each leaves
;; the critical section and returns the value.
(define (%recv-buffered! ch)
  (let ((v (%buffer-pop! ch)))
    (%drop-dead! (%chan-sendq ch))
    (if (not (%queue-empty? (%chan-sendq ch)))
        (let ((w (%dequeue! (%chan-sendq ch))))
          (%buffer-push! ch (%waiter-value w))
          (%wake-waiter! w %unspecified)))
    (set! %critical #f)
    v))
(define (%recv-from-sender! ch)
  (let ((w (%dequeue! (%chan-sendq ch))))
    (%wake-waiter! w %unspecified)
    (set! %critical #f)
    (%waiter-value w)))

;; (%recv-try ch closed empty): take a value (from the buffer, or from a
;; waiting sender), leave the critical section and return it; if ch is
;; closed and drained, do closed; else do empty.
(define-macro (%recv-try ch closed empty)
  `(cond ((> (%chan-len ,ch) 0) (%recv-buffered! ,ch))
         ((%queue-empty? (%chan-sendq ,ch)) (if (%chan-closed ,ch) ,closed ,empty))
         ((%waiter-live? (%queue-first (%chan-sendq ,ch))) (%recv-from-sender! ,ch))
         (else (%drop-dead! (%chan-sendq ,ch))
               (cond ((not (%queue-empty? (%chan-sendq ,ch))) (%recv-from-sender! ,ch))
                     ((%chan-closed ,ch) ,closed)
                     (else ,empty)))))

;; The block half: a waiter for the operation numbered index of the
;; blocking operation whose ticket is given.
(%define-inline (%recv-block! ch index ticket)
  (if (%waitq-push! ch (%chan-recvq-index) (%make-waiter ticket index #f))
      (%waitq-purge! (%chan-recvq ch))))

;; Closing wakes every waiter: a receiver gets the eof object (in recv)
;; or %closed (for-range, recv-ok, select); a sender raises an error as
;; it resumes (in send) or gets %closed, and select raises the error.
(define (%close! ch)
  (%chan-closed-set! ch #t)
  (let wake-all ((q (%chan-recvq ch)))
    (%drop-dead! q)
    (if (not (%queue-empty? q))
        (let ((w (%dequeue! q)))
          (%wake-waiter! w (if (eqv? (%waiter-index w) -1) %eof %closed))
          (wake-all q))))
  (let wake-all ((q (%chan-sendq ch)))
    (%drop-dead! q)
    (if (not (%queue-empty? q))
        (let ((w (%dequeue! q)))
          (if (eqv? (%waiter-index w) -1)
              (%wake! (%ticket-goroutine (%waiter-ticket w)) 'send-closed #f)
              (%wake-waiter! w %closed))
          (wake-all q)))))

;;; send, recv, close-chan, for-range

;; #f is Go's nil channel: a send or receive on it blocks forever (only
;; cancellation, or the deadlock error, ends it). Anything else that is
;; not a channel is an error.
(define (%not-a-channel who x state)
  (if x
      (%type-error who "channel" x)
      (begin
        (%checkpoint)
        (set! %critical #t)
        (%park! state #f))))

;; (send ch v) blocks until a receiver takes v, or there is room in the
;; buffer. A blocked sender whose channel gets closed raises an error.
;; It parks in tail position: a blocked sender keeps no frame of its own.
(define (send ch v)
  (if (not (%chan? ch)) (%not-a-channel "send" ch 'chan-send-nil))
  (%checkpoint)
  (set! %critical #t)
  (if (%chan-closed ch)
      (%fail "send: send on closed channel")
      (%send-try ch v
                 (set! %critical #f)
                 (begin (%send-block! ch v -1 (%goroutine-ticket %current))
                        (%park! 'chan-send (%chan-id ch))))))

;; (%receive ch who index closed) receives a value, or returns closed
;; if ch is closed and drained; index is the waiter's (-1 or -2, see
;; above). It parks in tail position: a blocked receiver keeps no frame
;; of its own.
(%define-inline (%receive ch who index closed)
  (if (not (%chan? ch)) (%not-a-channel who ch 'chan-receive-nil))
  (%checkpoint)
  (set! %critical #t)
  (%recv-try ch
             (begin (set! %critical #f) closed)
             (begin (%recv-block! ch index (%goroutine-ticket %current))
                    (%park! 'chan-receive (%chan-id ch)))))

;; (recv ch) blocks until a value arrives and returns it. On a closed
;; channel whose buffer is empty, it returns the eof object at once.
(define (recv ch) (%receive ch "recv" -1 %eof))

;; (recv-ok ch) receives as recv does, and returns two values: the value,
;; and whether it came from a send (#f once ch is closed and drained: the
;; value is then the eof object). Go's v, ok := <-ch.
(define (recv-ok ch)
  (let ((v (%receive ch "recv-ok" -2 %closed)))
    (if (eq? v %closed) (values %eof #f) (values v #t))))

;; (close-chan ch): no more values will be sent. Blocked receivers wake
;; with the eof object, blocked senders with an error.
(define (close-chan ch)
  (if (not (%chan? ch)) (%type-error "close-chan" "channel" ch))
  (set! %critical #t)
  (if (%chan-closed ch) (%fail "close-chan: close of closed channel"))
  (%close! ch)
  (set! %critical #f))

;; (for-range (x ch) body ...) receives until ch is closed, like Go's
;; for x := range ch. x is bound afresh on each iteration (as in Go 1.22),
;; so closures made in body capture each value.
(define-macro (for-range spec . body)
  (if (not (and (list? spec) (= (length spec) 2) (symbol? (car spec))))
      (%syntax-error "for-range: expected (for-range (var channel) body ...), got" spec))
  ;; The loop is named for-range: its name in backtraces.
  (let ((ch (gensym "ch")) (loop (gensym "for-range")))
    ;; The let inside the loop makes the fresh binding of each iteration.
    ;; The receive is expanded in place (%receive is inline).
    `(let ((,ch ,(cadr spec)))
       (let ,loop ()
         (let ((,(car spec) (%receive ,ch "for-range" -2 %closed)))
           (if (eq? ,(car spec) %closed)
               (if #f #f)
               (begin ,(%body->expression body) (,loop))))))))

;; (after ms) returns a channel that receives the clock's milliseconds
;; once, ms milliseconds from now. Its buffer holds the value, so the
;; alarm never blocks. The alarm's action is the channel (see %ring!).
(define (after ms)
  (if (not (and (real? ms) (< ms +inf.0))) (%type-error "after" "finite number of milliseconds" ms))
  (let ((ch (make-chan 1)))
    (set! %critical #t)
    (%add-alarm! (max ms 0) #f ch)
    (set! %critical #f)
    ch))

;;;; Select and events

;; An operation is one channel operation that select and sync try and,
;; if none can complete, block on:
;;   kind   recv, send or always (an event ready at once)
;;   chan   the channel; #f is Go's nil channel: never ready, and waits
;;          on nothing (a select case on it is switched off)
;;   value  the value to send (always: the value it delivers)
;; Its ready test, try half and block half are those of its channel
;; operation (see ;;;; Channels).
(%define-record op (kind chan value) (kind chan value))

(define (%op-ready? op)
  (let ((ch (%op-chan op)))
    (case (%op-kind op)
      ((send) (and ch (%send-ready? ch)))
      ((recv) (and ch (%recv-ready? ch)))
      (else #t))))

;; Perform op, which is ready, leaving what it delivers in the running
;; goroutine's wake-value (a receive: the value, or %closed); this leaves
;; the critical section.
(define (%op-perform! op)
  (let ((ch (%op-chan op)) (v (%op-value op)))
    (%goroutine-wake-value-set!
      %current
      (case (%op-kind op)
        ((send)
         (if (%chan-closed ch) (%fail "select: send on closed channel"))
         (%send-try ch v %unspecified %unspecified))
        ((recv) (%recv-try ch %closed %closed))
        (else v)))
    (set! %critical #f)))

;; A waiter for op, operation number index, with the blocking
;; operation's ticket. A nil channel waits on nothing.
(define (%op-block! op index ticket)
  (let ((ch (%op-chan op)))
    (if ch
        (case (%op-kind op)
          ((send) (%send-block! ch (%op-value op) index ticket))
          ((recv) (%recv-block! ch index ticket))))))

;; Block on every operation of ops, with one ticket, so that the first
;; to fire kills the others; return the number of the one that fired.
(define (%select-block! ops n)
  (let ((ticket (%goroutine-ticket %current)))
    (do ((i 0 (+ i 1))) ((= i n))
      (%op-block! (vector-ref ops i) i ticket))
    (%park! 'select #f)
    (let ((i (%goroutine-wake-index %current)))
      (if (and (eq? (%op-kind (vector-ref ops i)) 'send)
               (eq? (%goroutine-wake-value %current) %closed))
          (%fail "select: send on closed channel"))
      i)))

;; (%select ops has-else) performs one of the operations of the vector
;; ops and returns its index, leaving what it received in the running
;; goroutine's wake-value (%select-value reads it), or -1 at once if
;; none is ready and has-else. As in Go, when several operations are
;; ready one is chosen uniformly at random: count the ready ones, draw
;; one, and perform it. If none is ready, block on all of them (fibers'
;; try-then-block).
(define (%select ops has-else)
  (let ((n (vector-length ops)))
    (do ((i 0 (+ i 1))) ((= i n))
      (let ((ch (%op-chan (vector-ref ops i))))
        (if (not (or (%chan? ch) (not ch) (eq? (%op-kind (vector-ref ops i)) 'always)))
            (%type-error "select" "channel or #f" ch))))
    (%checkpoint)
    (set! %critical #t)
    ;; A due alarm makes its channel ready: a loop polling (after ms)
    ;; with else sees it fire even when no goroutine ever runs.
    (if (not (%heap-empty? %alarms)) (%fire-due-alarms!))
    (let ((ready (let count ((i 0) (r 0))
                   (if (= i n)
                       r
                       (count (+ i 1) (if (%op-ready? (vector-ref ops i)) (+ r 1) r))))))
      (cond ((> ready 0)
             (let find ((i 0) (k (%random ready)))
               (cond ((not (%op-ready? (vector-ref ops i))) (find (+ i 1) k))
                     ((> k 0) (find (+ i 1) (- k 1)))
                     (else (%op-perform! (vector-ref ops i)) i))))
            (has-else (set! %critical #f) -1)
            (else (%select-block! ops n))))))

;; The value a recv clause received (the eof object if the channel was
;; closed), and whether it came from a send: for the macro's expansion.
(define (%select-value)
  (let ((v (%goroutine-wake-value %current)))
    (if (eq? v %closed) %eof v)))
(define (%select-ok?)
  (not (eq? (%goroutine-wake-value %current) %closed)))

;; (select clause ...) waits on several channel operations at once:
;;   ((recv ch) body ...)         ; or ((recv ch v) ...), ((recv ch v ok) ...):
;;                                ; v is bound to the value received (the eof
;;                                ; object if ch is closed), ok to whether it
;;                                ; came from a send (Go's v, ok := <-ch)
;;   ((send ch expr) body ...)
;;   (else body ...)              ; taken at once if no operation is ready
;; A channel #f is Go's nil channel: its clause is never chosen. The
;; channels and values are evaluated once, in order; then %select
;; performs one operation, and returns the number of the clause that
;; fired (-1 for else); then the macro runs that clause's body.
(define-macro (select . clauses)
  (define (bad c)
    (%syntax-error "select: bad clause (expected ((recv ch [var [ok]]) body ...), ((send ch v) body ...) or (else body ...)):" c))
  (define (body-of c) (%thunk-body (cdr c)))
  ;; binds: the let* bindings of channels and values, reversed; ops: the
  ;; operations, reversed; cases: the case clauses, reversed.
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
                        (<= 2 (length head) 4)
                        (or (< (length head) 3) (symbol? (caddr head)))
                        (or (< (length head) 4) (symbol? (cadddr head))))
                   (let ((ch (gensym "ch")))
                     (loop (cdr cs) (+ i 1) (cons (list ch (cadr head)) binds)
                           (cons `(%make-op 'recv ,ch #f) ops)
                           (cons `((,i) ,(case (length head)
                                           ((2) `(begin ,@(body-of c)))
                                           ((3) `(let ((,(caddr head) (%select-value))) ,@(body-of c)))
                                           (else `(let ((,(caddr head) (%select-value))
                                                        (,(cadddr head) (%select-ok?)))
                                                    ,@(body-of c)))))
                                 cases)
                           else-body)))
                  ((and (list? head) (pair? head) (eq? (car head) 'send) (= (length head) 3))
                   (let ((ch (gensym "ch")) (v (gensym "v")))
                     (loop (cdr cs) (+ i 1)
                           (cons (list v (caddr head)) (cons (list ch (cadr head)) binds))
                           (cons `(%make-op 'send ,ch ,v) ops)
                           (cons `((,i) ,@(body-of c)) cases)
                           else-body)))
                  (else (bad c))))))))

;;; Events

;; Concurrent ML's events (Racket's synchronizable events): first-class
;; values describing operations, combined before any is performed, and
;; performed by sync on the same operations as select. So a choice over
;; a list of channels made at run time is possible (Go needs
;; reflect.Select for it). An event is
;;   kind  op, wrap, choice, guard, after or never
;;   of    op: the operation; wrap: the event wrapped; choice: the list
;;         of events; guard: the thunk; after: the milliseconds
;;   with  wrap: the procedure applied to the result
(%define-record evt (kind of with) (kind))
(define (%evt-check who x)
  (if (not (%evt? x)) (%type-error who "event" x)))
(define (%chan-check who ch)
  (if (not (or (%chan? ch) (not ch))) (%type-error who "channel or #f" ch)))

;; (recv-evt ch): ready when a value can be received; its result is the
;; value (the eof object once ch is closed and drained).
(define (recv-evt ch)
  (%chan-check "recv-evt" ch)
  (%make-evt 'op (%make-op 'recv ch #f) #f))
;; (send-evt ch v): ready when v can be sent; its result is unspecified.
(define (send-evt ch v)
  (%chan-check "send-evt" ch)
  (%make-evt 'op (%make-op 'send ch v) #f))
;; (after-evt ms): ready ms milliseconds after sync starts waiting on it;
;; its result is the clock's milliseconds then.
(define (after-evt ms)
  (if (not (real? ms)) (%type-error "after-evt" "number of milliseconds" ms))
  (%make-evt 'after ms #f))
;; always-evt is always ready, and its result is itself; never-evt is
;; never ready (sync on it alone blocks forever).
(define always-evt (%make-evt 'op #f #f))
(%evt-of-set! always-evt (%make-op 'always #f always-evt))
(define never-evt (%make-evt 'never #f #f))
;; (wrap-evt evt f): ready when evt is; its result is f applied to evt's.
(define (wrap-evt evt f)
  (%evt-check "wrap-evt" evt)
  (if (not (procedure? f)) (%type-error "wrap-evt" "procedure" f))
  (%make-evt 'wrap evt f))
;; (guard-evt thunk): when synced, the event thunk returns (made anew for
;; each sync).
(define (guard-evt thunk)
  (if (not (procedure? thunk)) (%type-error "guard-evt" "procedure" thunk))
  (%make-evt 'guard thunk #f))
;; (choice-evt evt ...): ready when one of them is; its result is that
;; one's. A list of events made at run time: (apply choice-evt evts).
(define (choice-evt . evts)
  (for-each (lambda (e) (%evt-check "choice-evt" e)) evts)
  (%make-evt 'choice evts #f))
(define (evt? x) (%evt? x))

;; (sync evt) waits until one of the operations evt stands for is ready,
;; performs exactly that one (chosen at random among the ready ones, as
;; select does), and returns its result through its wraps.
(define (sync evt)
  (%evt-check "sync" evt)
  ;; Flatten evt into operations, each with the list of its wraps,
  ;; innermost first. Guards run, and after-evts start their alarms, now.
  (let loop ((todo (list (cons evt '()))) (ops '()) (wraps '()))
    (if (pair? todo)
        (let* ((e (car (car todo))) (ws (cdr (car todo))) (rest (cdr todo)))
          (case (%evt-kind e)
            ((op) (loop rest (cons (%evt-of e) ops) (cons ws wraps)))
            ((wrap) (loop (cons (cons (%evt-of e) (cons (%evt-with e) ws)) rest) ops wraps))
            ((choice) (loop (append (map (lambda (x) (cons x ws)) (%evt-of e)) rest) ops wraps))
            ((guard)
             (let ((g ((%evt-of e))))
               (%evt-check "guard-evt (the thunk's result)" g)
               (loop (cons (cons g ws) rest) ops wraps)))
            ((after) (loop rest (cons (%make-op 'recv (after (%evt-of e)) #f) ops) (cons ws wraps)))
            (else (loop rest ops wraps))))
        (let* ((ops (list->vector (reverse ops)))
               (wraps (list->vector (reverse wraps)))
               (i (%select ops #f)))
          (let apply-wraps ((v (if (eq? (%op-kind (vector-ref ops i)) 'recv) (%select-value)
                                   (%goroutine-wake-value %current)))
                            (ws (vector-ref wraps i)))
            (if (null? ws) v (apply-wraps ((car ws) v) (cdr ws))))))))

;;;; Nurseries

;; (nursery body ...) runs body; every goroutine started by go within its
;; dynamic extent (in this goroutine, and in its children unless they open
;; their own nursery) belongs to it, and the form returns body's values
;; only once all of them have ended. The first uncaught error, of body or
;; of a goroutine, cancels the others (they raise a cancellation at their
;; next checkpoint, so their dynamic-wind after thunks run) and is raised
;; again, the same object, once all have ended. Several errors are raised
;; as one error group (see %nursery-errors->raisable).

;; Block g until every goroutine of n has ended. It is called in the critical
;; section, and leaves it. This wait is not a checkpoint: the children
;; are cancelled with their parent, and it must outlive them.
(define (%wait-for-children n g)
  (if (> (%nursery-live n) 0)
      (begin
        (%nursery-waiter-set! n g)
        (%goroutine-wake-value-set! g n)
        (%park! 'nursery #f)
        (set! %critical #t)
        (%wait-for-children n g))
      (set! %critical #f)))

;; The body was left by a continuation: wait for the children, close,
;; and raise their errors.
(define (%nursery-left n g)
  (set! %critical #t)
  (%nursery-in-body-set! n #f)
  (%wait-for-children n g)
  (%nursery-open-set! n #f)
  (if (eq? (%goroutine-cancel g) n) (%goroutine-cancel-set! g #f))
  (if (%nursery-error n) (raise (%nursery-errors->raisable (%nursery-error n)))))

;; Run the body (proc n) of nursery n, opened by g, then wait for the
;; children, and return the body's values, (on-cancelled) if the
;; nursery's own cancellation ended it, or raise the errors.
(define (%nursery-run n g proc on-cancelled)
  (let* (;; How body ended: the list of its values, or (%raised . obj).
         ;; The handler escapes with an ordinary continuation, so the
         ;; after thunks between the raise and here run.
         (outcome
          (call-with-current-continuation
            (lambda (leave)
              (with-exception-handler
                ;; After thunks run with the handlers of the extent being
                ;; left: once the body has been left by a continuation,
                ;; what %nursery-left raises is for the handlers outside.
                (lambda (obj)
                  (if (%nursery-in-body n) (%escape leave obj) (raise-continuable obj)))
                (lambda ()
                  (call-with-values
                    (lambda () (parameterize ((%current-nursery n)) (proc n)))
                    list)))))))
    (set! %critical #t)
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
      (cond (err (raise (%nursery-errors->raisable err)))
            ((not (%raised? outcome)) (apply values outcome))
            ((eq? (%cancelled-scope (cdr outcome)) n) (on-cancelled))
            (else (raise (cdr outcome)))))))

;; (%open-nursery proc on-cancelled origin-proc) opens a nursery n, runs
;; (proc n) as its body, and returns its values; if the nursery's own
;; cancellation ended the body, it returns (on-cancelled) instead. Reports
;; say it was opened where the user's origin-proc was written. Nurseries and the
;; cancel scopes are made with it.
(define (%open-nursery proc on-cancelled origin-proc)
  (let* ((g %current)
         (n (begin
              (set! %nurseries-made (+ %nurseries-made 1))
              (%make-nursery %nurseries-made g (%current-nursery) 0 #f #f #f #t #t (%origin origin-proc)))))
    ;; Leaving the body by a continuation (call/cc, or a guard outside
    ;; that catches a raise-continuable) is leaving the nursery: as
    ;; Trio's nursery does when its block is left by return or break, it
    ;; waits for the children first, and raises their error if one
    ;; failed. The after thunk finds the body still running only then.
    (dynamic-wind
      (lambda () #f)
      (lambda () (%nursery-run n g proc on-cancelled))
      (lambda () (if (%nursery-in-body n) (%nursery-left n g))))))

(define (%nursery thunk) (%open-nursery (lambda (n) (thunk)) (lambda () %unspecified) thunk))
;; (nursery body ...): the form.
(define-macro (nursery . body)
  `(%nursery (lambda () ,@(%thunk-body body))))

;;;; Cancel scopes, shields, and starting a goroutine that reports back

;; Trio's cancel scopes, made of nurseries: the body runs as the body of
;; a nursery of its own, so the goroutines started inside it belong to
;; the scope, are cancelled with it, and are waited for. Cancelling the
;; scope cancels its body (at its next checkpoint) and its goroutines;
;; the cancellation stops at the scope, which then returns.

;; Cancel the scope n, unless it has closed.
(define (%cancel-scope! n)
  (set! %critical #t)
  (if (%nursery-open n) (%cancel-nursery! n))
  (set! %critical #f))

;; (cancel-scope proc): calls (proc cancel!), where (cancel!) cancels the
;; scope; returns proc's values, or #f if the scope was cancelled before
;; proc returned.
(define (cancel-scope proc)
  (if (not (procedure? proc)) (%type-error "cancel-scope" "procedure" proc))
  (%open-nursery (lambda (n) (proc (lambda () (%cancel-scope! n)))) (lambda () #f) proc))

;; (%deadline-scope ms proc on-timeout): proc runs in a scope cancelled
;; ms milliseconds from now. The timer dies with the scope, so it keeps
;; no sleeping process waiting for it.
(define (%deadline-scope who ms proc on-timeout)
  (if (not (real? ms)) (%type-error who "number of milliseconds" ms))
  (let ((ticket (%make-ticket #f)) (fired #f))
    (%open-nursery
      (lambda (n)
        (set! %critical #t)
        (%add-alarm! (max ms 0) ticket
                     (lambda (now)
                       (if (%nursery-open n)
                           (begin (set! fired #t) (%cancel-nursery! n)))))
        (set! %critical #f)
        (dynamic-wind
          (lambda () #f)
          proc
          (lambda () (%kill-ticket! ticket))))
      (lambda () (if fired (on-timeout) #f))
      proc)))

;; (move-on-after ms body ...): body's value, or #f if it had not ended
;; ms milliseconds from now (Trio's move_on_after).
(define-macro (move-on-after ms . body)
  `(%deadline-scope "move-on-after" ,ms (lambda () ,@(%thunk-body body))
                    (lambda () #f)))

;; (fail-after ms body ...): body's value, or an error whose message is
;; "TooSlowError" if it had not ended ms milliseconds from now (Trio's
;; fail_after).
(define-macro (fail-after ms . body)
  `(%deadline-scope "fail-after" ,ms (lambda () ,@(%thunk-body body))
                    (lambda () (%fail "TooSlowError"))))

;; Run thunk with the running goroutine shielded (see with-shield).
(define (%with-shield thunk)
  (let ((g %current))
    (dynamic-wind
      (lambda () (set! %shielded (cons g %shielded)))
      thunk
      (lambda () (set! %shielded (%remove-once g %shielded))))))

;; (with-shield body ...): body runs shielded from cancellation (Trio's
;; CancelScope(shield=True)): a cancellation that comes meanwhile is
;; raised at the first checkpoint after it. So cleanup code in an after
;; thunk may block: wait for a goroutine, release a lock by sending on a
;; channel.
(define-macro (with-shield . body)
  `(%with-shield (lambda () ,@(%thunk-body body))))

;; (nursery-start proc): Trio's nursery.start. proc runs in a new
;; goroutine of the current nursery and receives a procedure started;
;; nursery-start returns the value given to (started v) (or unspecified
;; for (started)). If proc fails before it calls started, nursery-start
;; raises the error, and the nursery is not failed; if it returns before,
;; nursery-start raises an error saying so.
(define (nursery-start proc)
  (if (not (procedure? proc)) (%type-error "nursery-start" "procedure" proc))
  (let ((reply (make-chan 1)))
    (%spawn-from
      (lambda ()
        (let ((state 'starting))
          (define (started . v)
            (if (not (eq? state 'starting)) (%fail "nursery-start: started called twice"))
            (set! state 'started)
            (send reply (cons 'ok (if (pair? v) (car v) %unspecified))))
          (let ((outcome
                 (call/cc
                   (lambda (k)
                     (with-exception-handler
                       (lambda (e)
                         (if (eq? state 'starting)
                             (begin (set! state 'failed) (k (cons 'failed e)))
                             (raise-continuable e)))
                       (lambda () (proc started) #f))))))
            (cond ((and outcome (eq? (car outcome) 'failed))
                   (send reply outcome))
                  ((eq? state 'starting)
                   (set! state 'returned)
                   (send reply (cons 'returned #f)))))))
      proc)
    (let ((r (recv reply)))
      (case (car r)
        ((ok) (cdr r))
        ((failed) (raise (cdr r)))
        (else (%fail "nursery-start: the procedure returned without calling started"))))))

;;;; Go's timers and tickers

;; Timers and tickers with Go 1.23's semantics. A timer's channel holds
;; at most the one value of its last firing, and stopping or resetting
;; the timer takes that value back, so no stale value is ever received
;; after timer-stop! or timer-reset! returns (Go 1.23's guarantee). A
;; ticker's channel holds one tick: a slow receiver loses the ticks it
;; was too slow for, and nothing is received after ticker-stop!.
;;   chan    the channel (capacity 1)
;;   ticket  a ticket of no goroutine, the arming of the pending firing;
;;           killed to stop
;;   period  the ticker's period in milliseconds (#f for a timer)
(%define-record timer (chan ticket period) ())
;; A ticker is a timer record of another kind, which prints its period.
(define %<ticker> (%record-kind 'ticker '(chan ticket period) '(period)))

(define (%arm-timer! t ms)
  (let ((ticket (%make-ticket #f)))
    (%timer-ticket-set! t ticket)
    (%add-alarm! (max ms 0) ticket t)))

;; An alarm of t went off (its ticket is t's, and live): a tick that
;; finds the buffer full is dropped.
(define (%fire-timer! t now)
  (let ((ch (%timer-chan t))) (%send-try ch now #t #f))
  (if (%timer-period t)
      (%arm-timer! t (%timer-period t))
      (%kill-ticket! (%timer-ticket t))))

;; (%ring! action now): an alarm with this action went off (see ;;;
;; Tickets and alarms).
(define (%ring! a now)
  (cond ((%chan? a) (%send-try a now #t #f))
        ((procedure? a) (a now))
        (else (%fire-timer! a now))))

;; Stop t's pending firing and take back an undelivered value; whether
;; either was there (in the critical section).
(define (%timer-disarm! t)
  (let* ((ticket (%timer-ticket t))
         (pending (%ticket-live? ticket))
         (ch (%timer-chan t))
         (undelivered (> (%chan-len ch) 0)))
    (%kill-ticket! ticket)
    (if undelivered (%buffer-pop! ch))
    (or pending undelivered)))

(define (%check-ms who ms)
  (if (not (and (real? ms) (>= ms 0))) (%type-error who "non-negative number of milliseconds" ms)))
(define (%check-timer who t)
  (if (not (%timer? t)) (%type-error who "timer" t)))
(define (%check-ticker who t)
  (if (not (%record? t %<ticker>)) (%type-error who "ticker" t)))

;; (make-timer ms): a timer whose channel receives the clock's
;; milliseconds once, ms from now (Go's time.NewTimer).
(define (make-timer ms)
  (%check-ms "make-timer" ms)
  (let ((t (%make-timer (make-chan 1) %dead-ticket #f)))
    (set! %critical #t)
    (%arm-timer! t ms)
    (set! %critical #f)
    t))
(define (timer? x) (%timer? x))
(define (timer-chan t) (%check-timer "timer-chan" t) (%timer-chan t))
;; (timer-stop! t): #t if this stopped t before its value was received,
;; #f if it had already been received or t was stopped.
(define (timer-stop! t)
  (%check-timer "timer-stop!" t)
  (set! %critical #t)
  (let ((r (%timer-disarm! t))) (set! %critical #f) r))
;; (timer-reset! t ms): t fires ms from now (once); the result is as
;; timer-stop!'s.
(define (timer-reset! t ms)
  (%check-timer "timer-reset!" t)
  (%check-ms "timer-reset!" ms)
  (set! %critical #t)
  (let ((r (%timer-disarm! t))) (%arm-timer! t ms) (set! %critical #f) r))

;; (make-ticker ms): a ticker whose channel receives the clock's
;; milliseconds every ms (Go's time.NewTicker); ms must be positive.
(define (make-ticker ms)
  (if (not (and (real? ms) (> ms 0))) (%type-error "make-ticker" "positive number of milliseconds" ms))
  (let ((t (%record %<ticker> (make-chan 1) %dead-ticket ms)))
    (set! %critical #t)
    (%arm-timer! t ms)
    (set! %critical #f)
    t))
(define (ticker? x) (%record? x %<ticker>))
(define (ticker-chan t) (%check-ticker "ticker-chan" t) (%timer-chan t))
;; (ticker-stop! t): no tick is received after it returns.
(define (ticker-stop! t)
  (%check-ticker "ticker-stop!" t)
  (set! %critical #t)
  (%timer-disarm! t)
  (set! %critical #f))
;; (ticker-reset! t ms): stops t and restarts it with period ms.
(define (ticker-reset! t ms)
  (%check-ticker "ticker-reset!" t)
  (if (not (and (real? ms) (> ms 0))) (%type-error "ticker-reset!" "positive number of milliseconds" ms))
  (set! %critical #t)
  (%timer-disarm! t)
  (%timer-period-set! t ms)
  (%arm-timer! t ms)
  (set! %critical #f))

;;;; Synchronisation: wait groups, mutexes, once, events, semaphores,
;;;; condition variables

;; All of them block through channels, so their waits are checkpoints,
;; show in deadlock reports, and wake on cancellation.

;; An event (Trio's Event) is a channel closed when it is set.
;;   chan  the channel; set?  whether it is set
(%define-record event (chan set?) (set?))
(define (make-event) (%make-event (make-chan) #f))
(define (event? x) (%event? x))
(define (%check-event who e) (if (not (%event? e)) (%type-error who "event" e)))
;; (event-set! e): wakes every goroutine waiting for e, now and later.
(define (event-set! e)
  (%check-event "event-set!" e)
  (if (%atomic (and (not (%event-set? e)) (begin (%event-set?-set! e #t) #t)))
      (close-chan (%event-chan e))))
(define (event-set? e) (%check-event "event-set?" e) (%event-set? e))
;; (event-wait e): blocks until e is set (returns at once if it is).
(define (event-wait e) (%check-event "event-wait" e) (recv (%event-chan e)) %unspecified)

;; A wait group (Go's sync.WaitGroup): a counter, and the event that the
;; waiters wait for while it is above zero.
(%define-record wait-group (count event) (count))
(define (make-wait-group) (%make-wait-group 0 #f))
(define (wait-group? x) (%wait-group? x))
(define (%check-wait-group who wg) (if (not (%wait-group? wg)) (%type-error who "wait group" wg)))
;; (wait-group-add! wg n): adds n (which may be negative) to the counter.
(define (wait-group-add! wg n)
  (%check-wait-group "wait-group-add!" wg)
  (if (not (exact-integer? n)) (%type-error "wait-group-add!" "exact integer" n))
  ;; The last wait-group-done! takes the waiters' event and sets it.
  (let ((e (%atomic
             (let ((c (+ (%wait-group-count wg) n)) (e (%wait-group-event wg)))
               (if (< c 0) (%fail "sync: negative WaitGroup counter"))
               (%wait-group-count-set! wg c)
               (and (= c 0) e (begin (%wait-group-event-set! wg #f) e))))))
    (if e (event-set! e))))
(define (wait-group-done! wg) (%check-wait-group "wait-group-done!" wg) (wait-group-add! wg -1))
;; (wait-group-wait wg): blocks until the counter is zero.
(define (wait-group-wait wg)
  (%check-wait-group "wait-group-wait" wg)
  (let ((e (%atomic
             (and (> (%wait-group-count wg) 0)
                  (or (%wait-group-event wg)
                      (let ((e (make-event))) (%wait-group-event-set! wg e) e))))))
    (if e (event-wait e))))

;; A mutex (SRFI 18's names, Go's sync.Mutex): a channel holding one
;; token while it is unlocked. owner is the goroutine holding it.
(%define-record mutex (token owner name) (name owner))
(define (make-mutex . name)
  (let ((m (%make-mutex (make-chan 1) #f (if (pair? name) (car name) #f))))
    (send (%mutex-token m) #t)
    m))
(define (mutex? x) (%mutex? x))
(define (%check-mutex who m) (if (not (%mutex? m)) (%type-error who "mutex" m)))
;; (mutex-lock! m): blocks until m is unlocked, then locks it.
(define (mutex-lock! m)
  (%check-mutex "mutex-lock!" m)
  (recv (%mutex-token m))
  (%mutex-owner-set! m %current)
  #t)
;; (mutex-unlock! m [cv]): unlocks m (any goroutine may, as in Go);
;; unlocking an unlocked mutex is an error. With a condition variable cv
;; (SRFI 18), it then waits on cv, as condition-variable-wait! does but
;; without locking m again.
;; Defined below: %cv-wait (condition variables wait with a mutex).
(define (mutex-unlock! m . cv)
  (%check-mutex "mutex-unlock!" m)
  (if (pair? cv)
      (%cv-wait (car cv) m #f)
      (begin
        (if (not (%atomic (and (%mutex-owner m) (begin (%mutex-owner-set! m #f) #t))))
            (%fail "sync: unlock of unlocked mutex"))
        (send (%mutex-token m) #t)
        #t)))
;; (mutex-try-lock! m): locks m if it is unlocked; whether it did.
(define (mutex-try-lock! m)
  (%check-mutex "mutex-try-lock!" m)
  (select ((recv (%mutex-token m)) (%mutex-owner-set! m %current) #t)
          (else #f)))
(define (mutex-name m) (%check-mutex "mutex-name" m) (%mutex-name m))
;; (mutex-state m): the goroutine holding it, or not-owned... SRFI 18
;; says not-abandoned; here: the owner, or 'unlocked.
(define (mutex-state m) (%check-mutex "mutex-state" m) (or (%mutex-owner m) 'unlocked))

;; A condition variable (SRFI 18's names, Go's sync.Cond): a queue of
;; one-value channels, one per waiter.
(%define-record condition-variable (waiters) ())
(define (make-condition-variable . name) (%make-condition-variable (%make-queue)))
(define (condition-variable? x) (%condition-variable? x))
(define (%cv-wait cv m relock?)
  (if (not (%condition-variable? cv)) (%type-error "condition-variable-wait!" "condition variable" cv))
  (%check-mutex "condition-variable-wait!" m)
  (let ((wake (make-chan 1)))
    (%atomic (%enqueue! (%condition-variable-waiters cv) wake))
    (mutex-unlock! m)
    (recv wake)
    (if relock? (mutex-lock! m))
    #t))
;; (condition-variable-wait! cv m): unlocks m, waits until signalled,
;; and locks m again (Go's cond.Wait; m must be locked).
(define (condition-variable-wait! cv m) (%cv-wait cv m #t))
;; (condition-variable-signal! cv) wakes one waiter, if any;
;; (condition-variable-broadcast! cv) wakes them all.
(define (condition-variable-signal! cv)
  (if (not (%condition-variable? cv)) (%type-error "condition-variable-signal!" "condition variable" cv))
  (let* ((q (%condition-variable-waiters cv))
         (wake (%atomic (and (not (%queue-empty? q)) (%dequeue! q)))))
    (if wake (send wake #t))))
(define (condition-variable-broadcast! cv)
  (if (not (%condition-variable? cv)) (%type-error "condition-variable-broadcast!" "condition variable" cv))
  (let* ((q (%condition-variable-waiters cv))
         (wakes (%atomic (let loop ((l '()))
                           (if (%queue-empty? q) (reverse l) (loop (cons (%dequeue! q) l)))))))
    (for-each (lambda (wake) (send wake #t)) wakes)))

;; A read-write mutex (Go's sync.RWMutex): any number of readers, or one
;; writer. A waiting writer keeps new readers out, so writers are not
;; starved.
(%define-record rw-mutex (lock cv readers writer waiting-writers) (readers writer))
(define (make-rw-mutex) (%make-rw-mutex (make-mutex) (make-condition-variable) 0 #f 0))
(define (rw-mutex? x) (%rw-mutex? x))
(define (%check-rw who m) (if (not (%rw-mutex? m)) (%type-error who "read-write mutex" m)))
(define (rw-mutex-rlock! m)
  (%check-rw "rw-mutex-rlock!" m)
  (mutex-lock! (%rw-mutex-lock m))
  (let loop ()
    (if (or (%rw-mutex-writer m) (> (%rw-mutex-waiting-writers m) 0))
        (begin (condition-variable-wait! (%rw-mutex-cv m) (%rw-mutex-lock m)) (loop))))
  (%rw-mutex-readers-set! m (+ (%rw-mutex-readers m) 1))
  (mutex-unlock! (%rw-mutex-lock m)))
(define (rw-mutex-runlock! m)
  (%check-rw "rw-mutex-runlock!" m)
  (mutex-lock! (%rw-mutex-lock m))
  (if (= (%rw-mutex-readers m) 0)
      (begin (mutex-unlock! (%rw-mutex-lock m)) (%fail "sync: RUnlock of unlocked RWMutex")))
  (%rw-mutex-readers-set! m (- (%rw-mutex-readers m) 1))
  (if (= (%rw-mutex-readers m) 0) (condition-variable-broadcast! (%rw-mutex-cv m)))
  (mutex-unlock! (%rw-mutex-lock m)))
(define (rw-mutex-lock! m)
  (%check-rw "rw-mutex-lock!" m)
  (mutex-lock! (%rw-mutex-lock m))
  (%rw-mutex-waiting-writers-set! m (+ (%rw-mutex-waiting-writers m) 1))
  (let loop ()
    (if (or (%rw-mutex-writer m) (> (%rw-mutex-readers m) 0))
        (begin (condition-variable-wait! (%rw-mutex-cv m) (%rw-mutex-lock m)) (loop))))
  (%rw-mutex-waiting-writers-set! m (- (%rw-mutex-waiting-writers m) 1))
  (%rw-mutex-writer-set! m #t)
  (mutex-unlock! (%rw-mutex-lock m)))
(define (rw-mutex-unlock! m)
  (%check-rw "rw-mutex-unlock!" m)
  (mutex-lock! (%rw-mutex-lock m))
  (if (not (%rw-mutex-writer m))
      (begin (mutex-unlock! (%rw-mutex-lock m)) (%fail "sync: Unlock of unlocked RWMutex")))
  (%rw-mutex-writer-set! m #f)
  (condition-variable-broadcast! (%rw-mutex-cv m))
  (mutex-unlock! (%rw-mutex-lock m)))

;; Once (Go's sync.Once): (once-do o thunk) calls thunk the first time
;; only; a concurrent caller waits until that call has returned. If
;; thunk raises, o counts as done (as in Go).
(%define-record once (state event) (state))
(define (make-once) (%make-once 'new (make-event)))
(define (once? x) (%once? x))
(define (once-do o thunk)
  (if (not (%once? o)) (%type-error "once-do" "once" o))
  (if (not (procedure? thunk)) (%type-error "once-do" "procedure" thunk))
  (case (%atomic (let ((s (%once-state o)))
                   (if (eq? s 'new) (%once-state-set! o 'running))
                   s))
    ((new)
     (dynamic-wind
       (lambda () #f)
       thunk
       (lambda () (%once-state-set! o 'done) (event-set! (%once-event o))))
     %unspecified)
    ((running) (event-wait (%once-event o)))
    (else %unspecified)))

;; A counting semaphore (Trio's Semaphore): acquire takes one unit,
;; waiting while there is none; release gives one back.
(%define-record semaphore (value cv lock) (value))
(define (make-semaphore n)
  (if (not (exact-nonnegative-integer? n)) (%type-error "make-semaphore" "non-negative exact integer" n))
  (%make-semaphore n (make-condition-variable) (make-mutex)))
(define (semaphore? x) (%semaphore? x))
(define (%check-sem who s) (if (not (%semaphore? s)) (%type-error who "semaphore" s)))
(define (semaphore-acquire! s)
  (%check-sem "semaphore-acquire!" s)
  (mutex-lock! (%semaphore-lock s))
  (let loop ()
    (if (= (%semaphore-value s) 0)
        (begin (condition-variable-wait! (%semaphore-cv s) (%semaphore-lock s)) (loop))))
  (%semaphore-value-set! s (- (%semaphore-value s) 1))
  (mutex-unlock! (%semaphore-lock s)))
(define (semaphore-release! s)
  (%check-sem "semaphore-release!" s)
  (mutex-lock! (%semaphore-lock s))
  (%semaphore-value-set! s (+ (%semaphore-value s) 1))
  (condition-variable-signal! (%semaphore-cv s))
  (mutex-unlock! (%semaphore-lock s)))
(define (semaphore-value s) (%check-sem "semaphore-value" s) (%semaphore-value s))

;;;; Go's context

;; A context carries a cancellation signal down a tree of calls:
;;   done      the channel closed when it is cancelled (#f, the nil
;;             channel, for the background context, which never is)
;;   err       #f, "context canceled" or "context deadline exceeded"
;;   children  the contexts derived from it that are not cancelled yet
;;   ticket    the deadline timer's ticket, or #f
(%define-record context (done err children ticket) (err))
(define %background (%make-context #f #f '() #f))
(define (background-context) %background)
(define (context? x) (%context? x))
(define (%check-context who c) (if (not (%context? c)) (%type-error who "context" c)))
(define (context-done c) (%check-context "context-done" c) (%context-done c))
(define (context-err c) (%check-context "context-err" c) (%context-err c))

;; Cancel c and its descendants with err (if c is not cancelled yet); the
;; critical section.
(define (%context-cancel! c err)
  (if (not (%context-err c))
      (begin
        (%context-err-set! c err)
        (if (%context-ticket c) (%kill-ticket! (%context-ticket c)))
        (%close! (%context-done c))
        (for-each (lambda (child) (%context-cancel! child err)) (%context-children c))
        (%context-children-set! c '()))))

(define (%derive-context who parent)
  (%check-context who parent)
  (let ((c (%make-context (make-chan) #f '() #f)))
    (%atomic
      (cond ((%context-err parent) (%context-cancel! c (%context-err parent)))
            ((%context-done parent)
             (%context-children-set! parent (cons c (%context-children parent))))))
    c))
(define (%cancel-proc c parent)
  (lambda ()
    (set! %critical #t)
    (%context-cancel! c "context canceled")
    (%context-children-set! parent (%remove-once c (%context-children parent)))
    (set! %critical #f)))

;; (context-with-cancel parent): two values, a context cancelled when
;; parent is or when the second value, a procedure of no arguments, is
;; called (Go's context.WithCancel).
(define (context-with-cancel parent)
  (let ((c (%derive-context "context-with-cancel" parent)))
    (values c (%cancel-proc c parent))))
;; (context-with-timeout parent ms): the same, also cancelled with
;; "context deadline exceeded" ms milliseconds from now.
(define (context-with-timeout parent ms)
  (%check-ms "context-with-timeout" ms)
  (let ((c (%derive-context "context-with-timeout" parent)))
    (if (not (%context-err c))
        (let ((ticket (%make-ticket #f)))
          (%context-ticket-set! c ticket)
          (set! %critical #t)
          (%add-alarm! ms ticket
                       (lambda (now) (%context-cancel! c "context deadline exceeded")))
          (set! %critical #f)))
    (values c (%cancel-proc c parent))))

;;;; Goroutine handles and mailboxes

;; Racket's thread operations on goroutines. What they need of a
;; goroutine (an event set when it ends, a mailbox) is kept in a side
;; table, made only for the goroutines they are used on, so a goroutine
;; costs nothing more for them. Once a handle is made, %goroutine-exit
;; hands every goroutine that ends to %handle-ended! (%exit-hook).
;;   ended    an event set when the goroutine ends
;;   mailbox  a queue of the values sent to it
;;   signal   a channel (capacity 1) that a send to an empty mailbox fills
(define %handles (make-hash-table eq?))
(%define-record handle (ended mailbox signal) ())
(define (%handle-ended! g)
  (let ((h (hash-table-ref/default %handles g #f)))
    (if h
        (begin
          (hash-table-delete! %handles g)
          (%event-set?-set! (%handle-ended h) #t)
          (%close! (%event-chan (%handle-ended h)))))))
;; g's handle, made on first use, in the critical section (preemption
;; between the lookup and the insertion would let two goroutines make two
;; handles, one of them lost).
(define (%handle-locked g)
  (or (hash-table-ref/default %handles g #f)
      (let ((h (%make-handle (make-event) (%make-queue) (make-chan 1))))
        (set! %exit-hook %handle-ended!)
        (hash-table-set! %handles g h)
        h)))
(define (%handle g) (%atomic (%handle-locked g)))

(define (%check-goroutine who g) (if (not (%goroutine? g)) (%type-error who "goroutine" g)))
(define (goroutine-dead? g)
  (%check-goroutine "goroutine-dead?" g)
  (eq? (%goroutine-state g) 'done))
;; (goroutine-wait g): blocks until g has ended.
(define (goroutine-wait g)
  (%check-goroutine "goroutine-wait" g)
  (if (eq? g %current) (%fail "goroutine-wait: a goroutine cannot wait for itself"))
  ;; Atomic: g must not end between the test and the making of its
  ;; handle, whose event would then never be set.
  (let ((ended (%atomic (and (not (eq? (%goroutine-state g) 'done))
                             (%handle-ended (%handle-locked g))))))
    (if ended (event-wait ended))))
;; (goroutine-kill! g): g is cancelled at once (at its next step if it
;; runs, now if it waits); its dynamic-wind after thunks run, and its
;; nursery does not count it as failed.
(define (goroutine-kill! g)
  (%check-goroutine "goroutine-kill!" g)
  (if (eq? g %main) (%fail "goroutine-kill!: cannot kill the main goroutine"))
  (if (not (goroutine-dead? g))
      (begin
        (set! %critical #t)
        (set! %nurseries-made (+ %nurseries-made 1))
        (%goroutine-cancel-set! g #f)
        (%cancel-goroutine! g (%make-nursery %nurseries-made #f #f 0 #f #f #t #f #f #f))
        (set! %critical #f)
        (%checkpoint))))
;; (goroutine-send g v): puts v in g's mailbox (unbounded: never blocks).
(define (goroutine-send g v)
  (%check-goroutine "goroutine-send" g)
  (if (not (goroutine-dead? g))
      (let ((h (%handle g)))
        (%atomic (%enqueue! (%handle-mailbox h) v))
        (select ((send (%handle-signal h) #t) #t) (else #t))))
  %unspecified)
;; (goroutine-receive): the oldest value in the running goroutine's
;; mailbox, waiting for one if it is empty.
(define (goroutine-receive)
  (let ((h (%handle %current)))
    (let loop ()
      (let ((m (%atomic (if (%queue-empty? (%handle-mailbox h))
                            %closed
                            (%dequeue! (%handle-mailbox h))))))
        (if (eq? m %closed)
            (begin (recv (%handle-signal h)) (loop))
            m)))))

;;;; The program and the REPL

;; A file's top level runs as goroutine 1, whose goroutines belong to the
;; root nursery. After the last form, main.go calls %program-end: as in
;; Go, the program ends with its main program, and the goroutines still
;; runnable, sleeping or blocked are dropped without a word (the trace
;; lists them: "drop ID STATE"). Their dynamic-wind after thunks do not
;; run, as Go runs no deferred calls of other goroutines at exit. To wait
;; for goroutines, a program opens a nursery or uses a wait group.
;;
;; Every program that ends this way compiles %program-end (its first
;; call, lazy.go), so its body holds no macro use: expanding the trace's
;; record reads and %blocked? there compiled the inliner, a third of the
;; start of a program that prints one number. %trace-drops has them.
(define (%trace-drops)
  (set! %critical #t)
  (%for-each-goroutine
    (lambda (g)
      (if (not (eq? g %main))
          (%trace "drop" (%goroutine-id g)
                  (if (%blocked? g) (%waiting-label (%goroutine-state g)) (%goroutine-state g))))))
  (set! %critical #f))
(define (%program-end)
  (if %trace? (%trace-drops)))

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
          (%kill-ticket! (%goroutine-ticket %main))
          (%goroutine-ticket-set! %main (%make-ticket %main))
          (%queue-remove! %run-queue %main)
          (%goroutine-state-set! %main 'running)
          (%goroutine-k-set! %main #f)))
    (set! %critical #f)))

;; The REPL is live: goroutines run between prompts. It calls
;; (%repl-settle [ms]) after each evaluation, and again and again while
;; the prompt waits for the user's line: the runnable goroutines run
;; until every one is blocked, asleep or done, or for at most ms
;; milliseconds (so that a spinning goroutine never keeps the prompt
;; from coming back); then goroutine 1, the REPL's, runs again. It
;; returns when there will be work for the goroutines: 0 if some are
;; runnable, the milliseconds to the next timer, or #f if nothing but
;; the user can make any goroutine run.
(define (%repl-settle . budget)
  (%recover-main!)
  (set! %critical #t)
  (if (not (%heap-empty? %alarms)) (%fire-due-alarms!))
  (if (%queue-empty? %run-queue)
      (set! %critical #f)
      (begin
        (set! %settle-until
              (and (pair? budget) (+ (current-jiffy) (exact (ceiling (* 1000 (car budget)))))))
        (%park! 'idle #f)
        (set! %settle-until #f)))
  (set! %critical #t)
  (let ((work (cond ((not (%queue-empty? %run-queue)) 0)
                    ((%next-deadline)
                     => (lambda (d) (max 0 (/ (- d (current-jiffy)) 1000.))))
                    (else #f))))
    (set! %critical #f)
    work))

;; Ctrl-C stops the evaluation in the foreground: goroutine 1's. If it
;; runs, the machine stops now. If another goroutine runs, that one goes
;; on, and goroutine 1 stops as soon as it would run again: at once if it
;; is blocked (it is woken to stop), at its turn if it is runnable. While
;; the REPL waits at its prompt there is no foreground evaluation: the
;; interrupt is dropped. In scheduler code, the interrupt comes back a
;; step later.
(define (%on-interrupt)
  (cond (%critical (%interrupt-later))
        ((eq? %current %main) (%halt-interrupted))
        ((eq? (%goroutine-state %main) 'idle) #f)
        (else
         (set! %critical #t)
         (if (%blocked? %main)
             (%wake! %main 'interrupted #f)
             (%goroutine-wake-index-set! %main 'interrupted))
         (set! %critical #f))))
(%interrupt-handler %on-interrupt)
