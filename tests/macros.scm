;;; define-macro, gensym, macroexpand, and quasiquote (report 4.2.8).

(define (show . xs) (for-each display xs) (newline))
(define (show-w x) (write x) (newline))

;;;; define-macro

(define-macro (swap! a b)
  (let ((tmp (gensym)))
    `(let ((,tmp ,a))
       (set! ,a ,b)
       (set! ,b ,tmp))))

(define x 1)
(define y 2)
(swap! x y)
(show (list x y))

;; The gensym keeps the macro's temporary from capturing a user variable
;; called tmp.
(define tmp 5)
(define other 6)
(swap! tmp other)
(show (list tmp other))

;; swap! on local variables and vector elements' holders.
(show (let ((p 'left) (q 'right)) (swap! p q) (list p q)))

(define-macro (while test . body)
  (let ((loop (gensym "loop")))
    `(let ,loop ()
       (when ,test
         ,@body
         (,loop)))))

(define i 0)
(define acc '())
(while (< i 5)
  (set! acc (cons i acc))
  (set! i (+ i 1)))
(show acc)

;; while loops in constant space (the expansion is a named let).
(define j 0)
(while (< j 1000000) (set! j (+ j 1)))
(show j)

;; A recursive macro with gensym: each argument is evaluated at most
;; once and the temporary does not capture t.
(define-macro (my-or . args)
  (cond ((null? args) #f)
        ((null? (cdr args)) (car args))
        (else
         (let ((t (gensym)))
           `(let ((,t ,(car args)))
              (if ,t ,t (my-or ,@(cdr args))))))))

(show (my-or #f #f 3))
(define t 5)
(show (my-or #f t))
(show (my-or))
(show (my-or #f))
(define evaluations 0)
(show (my-or (begin (set! evaluations (+ evaluations 1)) 'first) 'second))
(show evaluations)

;; gensym makes fresh, uninterned symbols.
(show (symbol? (gensym)) " " (eq? (gensym) (gensym)))
(show (eq? (gensym "x") 'x))

;; Macros can call procedures defined earlier, at expansion time.
(define (make-adder-form n) `(lambda (x) (+ x ,n)))
(define-macro (adder n) (make-adder-form n))
(show ((adder 10) 5))

;; Macros can expand into definitions.
(define-macro (define-getter name val)
  `(define (,name) ,val))
(define-getter get-five 5)
(show (get-five))

;; Inside a body, a macro use expanding into a definition is an internal
;; definition.
(define (uses-getter)
  (define-getter inner 'inner-value)
  (inner))
(show (uses-getter))

;; A macro with a dotted parameter list and destructuring in its body.
(define-macro (my-let bindings . body)
  `((lambda ,(map car bindings) ,@body) ,@(map cadr bindings)))
(show (my-let ((a 1) (b 2)) (+ a b)))

;; Macro arguments are not evaluated.
(define-macro (quote-it x) `(quote ,x))
(show-w (quote-it (undefined-procedure 1 2)))

;;;; macroexpand-1 and macroexpand

(define-macro (my-unless c . body) `(if ,c #f (begin ,@body)))
(define-macro (my-when-not c . body) `(my-unless ,c ,@body))
(show-w (macroexpand-1 '(my-when-not x 1 2)))
(show-w (macroexpand '(my-when-not x 1 2)))
(show-w (macroexpand-1 '(my-unless x 1 2)))
(show-w (macroexpand-1 '(+ 1 2)))
(show-w (macroexpand '(+ 1 2)))
(show-w (macroexpand-1 'a-symbol))
(show-w (macroexpand-1 42))

;; swap!'s expansion: the temporary is a fresh symbol.
(define swap-expansion (macroexpand-1 '(swap! p q)))
(show-w (car swap-expansion))
(define swap-temp (car (car (cadr swap-expansion))))
(show (symbol? swap-temp) " " (eq? swap-temp 'tmp))
(show (equal? (cddr swap-expansion) `((set! p q) (set! q ,swap-temp))))

;;;; quasiquote (report 4.2.8)

(show-w `(list ,(+ 1 2) 4))
(show-w (let ((name 'a)) `(list ,name ',name)))
(show-w `(a ,(+ 1 2) ,@(map abs '(4 -5 6)) b))
(show-w `((foo ,(- 10 3)) ,@(cdr '(c)) . ,(car '(cons))))
(show-w `#(10 5 ,(sqrt 4) ,@(map sqrt '(16 9)) 8))
(show-w (let ((foo '(foo bar)) (@baz 'baz))
          `(list ,@foo , @baz)))
(show-w `(a `(b ,(+ 1 2) ,(foo ,(+ 1 3) d) e) f))
(show-w (let ((name1 'x)
              (name2 'y))
          `(a `(b ,,name1 ,',name2 d) e)))
(show-w `(1 `,(+ 1 ,(+ 2 3)) 4))
(show-w (quasiquote (list (unquote (+ 1 2)) 4)))
(show-w '(quasiquote (list (unquote (+ 1 2)) 4)))

;; More: splicing at the ends, empty splices, dotted tails, vectors.
(show-w `(,@'() . tail))
(show-w `(1 ,@'(2 3) . 4))
(show-w `(,@(list 1 2) ,@(list) ,@(list 3)))
(show-w `#(1 ,(+ 1 1) ,@(list 3 4)))
(show-w `#())
(show-w `(1 #(,(* 2 3) x) "s" #\c))
(show-w `#(#(,(+ 1 1))))
(show-w `,(+ 2 3))
(show-w `(nested (deeper ,(list 'a 'b) ,@(list 'c 'd))))
;; Splicing builds new pairs in front of the spliced list.
(define tail-list (list 7 8))
(show (eq? `(1 ,@tail-list) tail-list) " " (equal? `(1 ,@tail-list) '(1 7 8)))
;; Quasiquote in a loop builds fresh structure each time.
(define (fresh n) `(,n))
(show (eq? (fresh 1) (fresh 1)))
