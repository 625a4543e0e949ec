;;; The hooks the goroutine scheduler is built on (eval/control.go): raw
;;; continuations, dynamic states, the step timer, the clock and sleep.

(define (show . xs) (for-each display xs) (newline))

(define trace '())
(define (note x) (set! trace (cons x trace)))
(define (take-trace) (let ((t (reverse trace))) (set! trace '()) t))

;;;; %call/cc-raw: reinstating a continuation runs no wind thunks

;; capture is %call/cc-raw or call/cc. The continuation is captured inside
;; a dynamic-wind, the extent is left normally (after runs), then the
;; continuation is invoked once from outside.
(define (reenter-with capture)
  (let ((k #f) (n 0))
    (dynamic-wind
      (lambda () (note 'before))
      (lambda () (capture (lambda (c) (set! k c))) (note 'body))
      (lambda () (note 'after)))
    (set! n (+ n 1))
    (if (= n 1) (k #f))
    (take-trace)))

;; A normal continuation travels back in: before runs again.
(show (reenter-with call-with-current-continuation))
;; A raw one does not: only body and after run the second time (after,
;; because the thunk then returns normally out of the extent).
(show (reenter-with %call/cc-raw))

;; Escaping out with a raw continuation runs no after thunk either.
(show (%call/cc-raw
        (lambda (k)
          (dynamic-wind
            (lambda () (note 'in))
            (lambda () (k 'escaped-raw))
            (lambda () (note 'out))))))
(show (take-trace))

;; A raw continuation reinstates the parameter bindings of its capture.
(define p (make-parameter 'global))
(define raw-in-param #f)
(define param-log '())
(parameterize ((p 'bound))
  (%call/cc-raw (lambda (k) (set! raw-in-param k)))
  (set! param-log (cons (p) param-log)))
(if (< (length param-log) 2) (raw-in-param #f))
(show param-log " " (p))

;; Raw continuations pass values like normal ones.
(show (+ 1 (%call/cc-raw (lambda (k) (k 41)))))
(show (call-with-values (lambda () (%call/cc-raw (lambda (k) (k 1 2)))) list))

;;;; %with-dynamic-state, %fresh-dynamic-state, %current-dynamic-state

;; The thunk's value is returned and the previous state comes back.
(dynamic-wind
  (lambda () (note 'before))
  (lambda ()
    (note (%with-dynamic-state (%fresh-dynamic-state) (lambda () 'returned)))
    (note 'still-inside))
  (lambda () (note 'after)))
(show (take-trace))

;; A fresh state has its own root wind point: jumping from it to a
;; continuation captured inside an extent enters that extent (before runs),
;; and nothing is left on the way.
(dynamic-wind
  (lambda () (note 'before))
  (lambda ()
    (note (call-with-current-continuation
            (lambda (k)
              (%with-dynamic-state (%fresh-dynamic-state)
                (lambda () (k 'escaped)))))))
  (lambda () (note 'after)))
(show (take-trace))

;; The same jump without the fresh state stays inside the extent.
(dynamic-wind
  (lambda () (note 'before))
  (lambda ()
    (note (call-with-current-continuation (lambda (k) (k 'escaped)))))
  (lambda () (note 'after)))
(show (take-trace))

;; dynamic-wind inside a fresh state works as usual.
(show (%with-dynamic-state (%fresh-dynamic-state)
        (lambda ()
          (dynamic-wind
            (lambda () (note 'fresh-in))
            (lambda () 'fresh-value)
            (lambda () (note 'fresh-out))))))
(show (take-trace))

;; A fresh state keeps the parameter bindings (a child inherits them)...
(show (parameterize ((p 'inherited))
        (%with-dynamic-state (%fresh-dynamic-state) (lambda () (p)))))
;; ...and a guard inside it works.
(show (%with-dynamic-state (%fresh-dynamic-state)
        (lambda () (guard (e (#t (list 'caught-inside e))) (raise 'x)))))

;; %current-dynamic-state captures the parameter bindings, which come
;; back when the state is reinstated elsewhere.
(define saved-state (parameterize ((p 'saved)) (%current-dynamic-state)))
(show (p) " " (%with-dynamic-state saved-state (lambda () (p))) " " (p))

;; Handlers too: a raise inside the reinstated state reaches the handler
;; that was current when the state was captured.
(define handler-state
  (call-with-current-continuation
    (lambda (k)
      (with-exception-handler
        (lambda (e) (list 'saved-handler e))
        (lambda () (%current-dynamic-state))))))
(show (%with-dynamic-state handler-state (lambda () (raise-continuable 'probe))))

;;;; The timer

(define (sum-to n)
  (let loop ((i 0) (acc 0))
    (if (> i n) acc (loop (+ i 1) (+ acc i)))))
(define (count n) (if (= n 0) 0 (+ 1 (count (- n 1)))))

;; The handler runs every 1000 steps while a loop computes; it re-arms
;; the timer. The loop's result is unaffected. Everything here happens
;; inside one top-level form.
(define ticks 0)
(define (tick-handler)
  (set! ticks (+ ticks 1))
  (set-timer 1000))
(show (let ()
        (timer-interrupt-handler tick-handler)
        (set-timer 1000)
        (let* ((sum (sum-to 1000000))
               ;; Also in a deep non-tail recursion and through call/cc.
               (depth (count 100000))
               (escaped (call-with-current-continuation
                          (lambda (k)
                            (let loop ((i 0))
                              (if (= i 100000) (k 'escaped) (loop (+ i 1)))))))
               (left (set-timer 0)))
          (list sum depth escaped (exact-integer? left) (> ticks 100)))))

;; With the timer off, the handler is not called.
(show (let ((before ticks))
        (sum-to 100000)
        (= ticks before)))

;; The timer and its handler persist from one top-level form to the next.
(set! ticks 0)
(timer-interrupt-handler tick-handler)
(set-timer 1000)
(sum-to 1000000)
(set-timer 0)
(show (> ticks 100))

;; timer-interrupt-handler returns the previous handler; #f removes it.
(show (eq? (timer-interrupt-handler #f) tick-handler))
(show (timer-interrupt-handler))

;; Without re-arming, the timer fires once.
(define once 0)
(show (let ()
        (timer-interrupt-handler (lambda () (set! once (+ once 1))))
        (set-timer 500)
        (sum-to 100000)
        (timer-interrupt-handler #f)
        once))

;; set-timer returns the steps that were left: close to what was set when
;; little has run since.
(show (let ()
        (set-timer 1000000)
        (let ((left (set-timer 0)))
          (and (> left 0) (<= left 1000000)))))

;; The handler runs in the current continuation: it may capture it and
;; resume it later. Here it escapes once out of the loop, which is then
;; resumed and finishes.
(define (interrupt-and-resume)
  (let ((interrupted-k #f)
        (escape #f)
        (outcomes '()))
    (timer-interrupt-handler
      (lambda ()
        (if (not interrupted-k)
            (call-with-current-continuation
              (lambda (k)
                (set! interrupted-k k)
                (escape 'interrupted))))))
    (let ((outcome (call-with-current-continuation
                     (lambda (top)
                       (set! escape top)
                       (set-timer 2000)
                       (sum-to 100000)))))
      (set! outcomes (cons outcome outcomes))
      (if (eq? outcome 'interrupted) (interrupted-k #f))
      (set-timer 0)
      (timer-interrupt-handler #f)
      (reverse outcomes))))
(show (interrupt-and-resume))

;;;; The clock and sleep

(define t0 (monotonic-ms))
(show (exact-integer? t0) " " (>= t0 0))
(os-sleep 50)
(define t1 (monotonic-ms))
(show (>= (- t1 t0) 50))
(os-sleep 0)
(show (>= (monotonic-ms) t1))
