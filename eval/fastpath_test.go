package eval

import (
	"bytes"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"contigo/value"
)

// runMode runs src as a program, form by form, on an interpreter with or
// without the evaluator's fast paths (general.go), and returns what it
// printed followed by the error that stopped it, if any.
func runMode(t testing.TB, src string, general bool) string {
	t.Helper()
	var out bytes.Buffer
	in, err := newInterp(Options{Stdout: &out, MaxDepth: 100000}, general)
	if err != nil {
		t.Fatal(err)
	}
	forms, srcmap, err := ReadForms(src, "test.scm")
	if err != nil {
		t.Fatal(err)
	}
	var failure string
	for _, f := range forms {
		if _, err := in.Eval(f, srcmap); err != nil {
			failure = "error: " + err.Error()
			break
		}
	}
	if err := in.Flush(); err != nil {
		t.Fatal(err)
	}
	return out.String() + failure
}

// fastPathPrograms exercise every fast path of the evaluator where it can
// disagree with the general path: inlined primitive calls (PrimCall) and
// their demotion, direct closure calls and their fallback, (k v) resumes,
// the inlined call/cc and its re-check, set! evaluated at once, unchecked
// letrec reads and the recycling of environment records. want is the
// answer R7RS gives; both modes must print it.
var fastPathPrograms = []struct{ name, src, want string }{
	{"a built-in rebound to another built-in", `
(define (len x) (string-length x))
(define (len-of-first x) (string-length (car x)))
(display (list (len "abc") (len-of-first '("ab"))))
(define string-length vector-length)
(display (list (len (vector 1 2 3 4)) (len-of-first (list (vector 1)))))`, "(3 2)(4 1)"},
	{"statement ifs whose tests need no step", `
(define n 0)
(define (f x)
  (if (> x 0) (set! n (+ n x)))
  (if (< x 0) (set! n (- n 1)) (set! n (* n 2)))
  (if (cdr (list x)) (set! n (+ n 100)))
  (if #f (set! n 0))
  n)
(display (list (f 1) (f -1) (f 3)))`, "(102 201 508)"},
	{"statement if whose branch needs a step, re-entered", `
(define (h)
  (let ((k #f) (n 0) (log '()))
    (if (= n 0) (call/cc (lambda (c) (set! k c) 'first)) 'no)
    (set! n (+ n 1))
    (if (< n 3) (begin (set! log (cons n log)) (k 'again)))
    (list n log)))
(display (h))`, "(3 (2 1))"},
	{"statement if whose test has an effect, evaluated once", `
(define p (open-input-string "abc"))
(define (r) (if (read-char p) (begin (display "[") (display "]"))) (read-char p))
(display (r))`, "[]b"},
	{"statement if with a failing test", `
(define (e x)
  (if (car x) 'a)
  'b)
(e 5)`, "error: test.scm:3:7: car: expected pair, got 5"},
	{"statement if with a failing branch", `
(define (e x)
  (if x (vector-ref x 10))
  'b)
(e (vector 1))`, "error: test.scm:3:9: vector-ref: index 10 out of range [0, 1)"},
	{"statement if whose test's built-in is redefined", `
(define hits 0)
(define (p x) (if (pair? x) (set! hits (+ hits 1))) hits)
(p '(1))
(p 2)
(define pair? (lambda (x) #t))
(p 3)
(display hits)`, "2"},
	{"builtin redefined then restored", `
(define (sqt x) (do ((i 0 (+ i 1))) ((> (* i i) x) (- i 1))))
(define old-+ +)
(define + (lambda (x y) (list y x)))
(set! + old-+)
(display (sqt 900))`, "30"},
	{"operator evaluated once when the direct call falls back", `
(define p (open-input-string "abcdef"))
(define v (make-vector 128 list))
((vector-ref v (char->integer (read-char p))) 1 2)
(display (read-char p))`, "b"},
	{"operands before the operator, direct", `
(define p (open-input-string "abcdef"))
(define v (make-vector 128 (lambda (c) c)))
(display ((vector-ref v (char->integer (read-char p))) (read-char p)))`, "a"},
	{"operands before the operator, direct to a primitive", `
(define p (open-input-string "abcdef"))
(define v (make-vector 128 list))
(display ((vector-ref v (char->integer (read-char p))) (read-char p) (read-char p)))`, "(a b)"},
	{"a failing operand reported before an unbound operator", `
(define (f) (no-such-procedure (car '())))
(f)`, "error: test.scm:2:32: car: expected pair, got ()"},
	{"demoted operand of a direct call", `
(define (add1 x) (+ x 1))
(define (g n) (add1 (* n 2)))
(display (g 5))
(define * (lambda (a b) (- a b)))
(display (g 5))`, "114"},
	{"demoted operand of (k v)", `
(define (h k) (k (+ 1 2)))
(display (call/cc h))
(define + (lambda (a b) (list a b)))
(display (call/cc h))`, "3(1 2)"},
	{"demoted nested inline calls", `
(define (g x) (* (+ x 1) 2))
(display (g 1))
(define + (lambda (a b) (- a b)))
(display (g 1))
(set! + (lambda (a b) (* 10 a b)))
(display (g 1))`, "4020"},
	{"redefined to another primitive", `
(define (f l) (car l))
(display (f '(1 2)))
(set! car cdr)
(display (f '(1 2)))`, "1(2)"},
	{"redefined to a non-procedure", `
(define (f l) (car l))
(define car 5)
(f '(1))`, "error: test.scm:2:15: not a procedure: 5"},
	{"redefined in the middle of a loop", `
(define calls 0)
(define (loop i acc)
  (if (= i 10) acc
      (begin
        (if (= i 5) (let ((old +)) (set! + (lambda (a b) (set! calls (old calls 1)) (old a b)))))
        (loop (+ i 1) (+ acc i)))))
(display (loop 0 0))
(display " ")
(display calls)`, "45 10"},
	{"arity error of an inlined primitive", `
(define (f) (car '(1) '(2)))
(f)`, "error: test.scm:2:13: car: expected 1 argument, got 2"},
	{"arity error of a primitive through a variable", `
(define g car)
(define (f) (g '(1) '(2)))
(f)`, "error: test.scm:3:13: car: expected 1 argument, got 2"},
	{"closure arity error on the direct path", `
(define (one a) a)
(define (f) (one 1 2))
(f)`, "error: test.scm:3:13: one: expected 1 argument, got 2"},
	{"rest parameters on the direct path", `
(define (f . r) r)
(define (g a . r) (list a r))
(display (list (f) (f 1 2) (g 1) (g 1 2 3)))`, "(() (1 2) (1 ()) (1 (2 3)))"},
	{"continuation called with no or two values", `
(display (call-with-values (lambda () (call/cc (lambda (k) (k 1 2)))) list))
(display (call-with-values (lambda () (call/cc (lambda (k) (k)))) list))`, "(1 2)()"},
	{"call/cc rebound to a closure", `
(define (g) (+ 1 (call/cc (lambda (k) (k 1)))))
(define log '())
(set! call/cc (lambda (f) (set! log (cons 'mine log)) (call-with-current-continuation f)))
(display (list (g) log))`, "(2 (mine))"},
	{"call/cc rebound, then restored", `
(define (g) (+ 1 (call/cc (lambda (k) (k 1)))))
(define saved call/cc)
(set! call/cc (lambda (f) (saved f)))
(display (g))
(set! call/cc saved)
(display (g))`, "22"},
	{"call/cc rebound to a non-procedure", `
(define (g) (+ 1 (call/cc (lambda (k) (k 1)))))
(set! call/cc 'nope)
(g)`, "error: test.scm:2:18: not a procedure: nope"},
	{"call/cc re-entered", `
(define saved #f)
(define n 0)
(define (f) (+ 100 (call/cc (lambda (k) (set! saved k) 0))))
(define (run)
  (let ((r (f)))
    (display r) (display " ")
    (set! n (+ n 1))
    (if (< n 3) (saved (* n 10)))))
(run)`, "100 110 120 "},
	{"set! of a global evaluated at once, value error first", `
(define (f) (set! no-such-variable (car '())))
(f)`, "error: test.scm:2:36: car: expected pair, got ()"},
	{"set! of an unbound global", `
(define (f) (set! no-such-variable 1))
(f)`, "error: test.scm:2:13: set!: unbound variable no-such-variable"},
	{"set! of a local evaluated at once", `
(define (f x) (set! x (+ x 1)) (set! x (* x 2)) x)
(display (f 3))`, "8"},
	{"letrec read before initialisation", `
(define (f) (letrec ((a (lambda () b)) (c (a)) (b 1)) c))
(f)`, "error: test.scm:2:25: variable b used before its definition"},
	{"unchecked letrec reads", `
(define (f) (letrec ((ev? (lambda (n) (if (= n 0) #t (od? (- n 1))))) (od? (lambda (n) (if (= n 0) #f (ev? (- n 1))))) (z 'zero)) (list (ev? 10) (od? 7) z)))
(display (f))`, "(#t #t zero)"},
	{"letrec init re-entered through a continuation", `
(define k #f)
(define n 0)
(define (f) (letrec ((a (call/cc (lambda (c) (set! k c) 1))) (b (lambda () a))) (b)))
(define (run) (let ((r (f))) (display r) (set! n (+ n 1)) (if (< n 3) (k (* 10 n)))))
(run)`, "11020"},
	{"environment kept by a closure made in tail position", `
(define (make x) (let ((y (* x 2))) (lambda () (list x y))))
(define a (make 1))
(define b (make 2))
(display (list (a) (b)))`, "((1 2) (2 4))"},
	{"environment kept by a continuation captured in a tail call", `
(define saved '())
(define (grab v) (call/cc (lambda (c) (set! saved (cons c saved)) v)))
(define (f x) (let ((y (+ x 1))) (grab y)))
(define (g) (let ((r (f 1))) (display r) r))
(g)
(define (spin i) (if (> i 0) (let ((z (list i))) (spin (- i 1)))))
(spin 100)
(define (run) (if (< (length saved) 3) ((car saved) 99)))
(run)`, "299"},
	{"let-values records recycled at tail positions", `
(define (split n) (values n (* n n)))
(define (f n) (let-values (((a b) (split n))) (list a b)))
(define (g n) (let-values (((a b) (split n))) (lambda () (list a b))))
(define c1 (g 2))
(define c2 (g 3))
(display (list (f 4) (c1) (c2)))`, "((4 16) (2 4) (3 9))"},
	{"environment kept by a continuation captured in a let-values", `
(define saved '())
(define (grab v) (call/cc (lambda (c) (set! saved (cons c saved)) v)))
(define (h x) (let-values (((y z) (values (+ x 1) x))) (grab (+ y z))))
(define (g) (let ((r (h 1))) (display r) r))
(g)
(define (spin i) (if (> i 0) (let-values (((z) (values (list i)))) (spin (- i 1)))))
(spin 100)
(define (run) (if (< (length saved) 3) ((car saved) 99)))
(run)`, "399"},
	{"deep recursion through direct calls", `
(define (count n) (if (= n 0) 0 (+ 1 (count (- n 1)))))
(display (count 10000))`, "10000"},
	{"let with side-effecting inits in order", `
(define p (open-input-string "xyz"))
(display (let ((a (read-char p)) (b (read-char p))) (list a b)))`, "(x y)"},
	{"case and cond => with a redefined primitive", `
(define (f x) (case x ((1) => (lambda (v) (+ v 1))) (else 0)))
(define (g x) (cond ((assv x '((1 . one))) => cdr) (else 'none)))
(display (list (f 1) (g 1)))
(define + (lambda (a b) 'plus))
(define cdr (lambda (p) 'cdr))
(display (list (f 1) (g 1)))`, "(2 one)(plus cdr)"},
	{"fixnum arithmetic at the edges and past them", `
(define big 9223372036854775807)
(define small -9223372036854775808)
(define (f x y) (list (+ x y) (- x y) (= x y) (< x y) (> x y) (<= x y) (>= x y)))
(display (f big 1)) (display (f small 1)) (display (f 1023 1)) (display (f -1024 1))
(display (f 3 3)) (display (f 1.5 2)) (display (f 2 1/2)) (display (+ big big))
(display (list (- small 1) (+ 1 2) (< 1 2.5) (= 1 1.0)))
(display (guard (e (#t (error-object-message e))) (+ 1 'a)))
(display (guard (e (#t (error-object-message e))) (< "a" 1)))`,
		"(9223372036854775808 9223372036854775806 #f #f #t #f #t)" +
			"(-9223372036854775807 -9223372036854775809 #f #t #f #t #f)" +
			"(1024 1022 #f #f #t #f #t)(-1023 -1025 #f #t #f #t #f)(6 0 #t #f #f #t #t)" +
			"(3.5 -0.5 #f #t #f #t #f)(5/2 3/2 #f #f #t #f #t)18446744073709551614" +
			"(-9223372036854775809 3 #t #t)+: expected number, got a<: expected number, got \"a\""},
	{"an inlined built-in replaced by another primitive", `
(define (f a b) (+ a b))
(define (g a) (< a 10))
(display (list (f 5 3) (g 5)))
(set! + -)
(set! < >)
(display (list (f 5 3) (g 5)))`, "(8 #t)(2 #f)"},
	{"three-argument primitives inline, their errors and their demotion", `
(define v (make-vector 3 0))
(define (put! i x) (vector-set! v i x))
(put! 0 'a)
(put! 2 (list 1 2))
(display v)
(define (safe i) (guard (e ((error-object? e) (display (error-object-message e)) (newline)))
                   (put! i 'z)))
(safe 3)
(define (bad) (guard (e ((error-object? e) (display (error-object-message e)) (newline)))
                (vector-set! 'no 0 1)))
(bad)
(define (sub3 a b c) (substring "hello" b c))
(display (sub3 #f 1 3))
(define old vector-set!)
(set! vector-set! (lambda (vec i x) (old vec i (list 'boxed x))))
(put! 1 'b)
(display v)`, "#(a 0 (1 2))vector-set!: index 3 out of range [0, 3)\n" +
		"vector-set!: expected vector, got no\nel#(a (boxed b) (1 2))"},
	{"record fields read and set inline", `
(define r (%record 'k 1 2))
(define (set-field! x i v) (%record-set! x i v))
(define (field x i) (%record-ref x i))
(set-field! r 1 'new)
(display (list (field r 0) (field r 1) (%record-ref r 1)))
(display (guard (e (#t (error-object-message e))) (set-field! r 2 'x)))
(display (guard (e (#t (error-object-message e))) (field 'no 0)))`,
		"(1 new new)%record-set!: index 2 out of range [0, 2)%record-ref: expected record, got no"},
	{"primitive call on operands that need a step", `
(define (id x) x)
(define (f a b) (list (+ (id a) (id b)) (- a (id b)) (< (id a) b) (car (id (cons a b)))))
(display (f 5 3))
(display (f 9223372036854775807 1))
(display (f 1.5 2))
(set! + -)
(display (f 5 3))`, "(8 2 #f 5)(9223372036854775808 9223372036854775806 #f 9223372036854775807)(3.5 -0.5 #t 1.5)(2 2 #f 5)"},
	{"primitive call on steps: operator read after the operands", `
(define (id x) x)
(define old+ +)
(define (swap!) (set! + (lambda (a b) (list 'sum a b))) 1)
(define (f) (+ (swap!) (id 2)))
(display (f))
(set! + old+)
(display (f))`, "(sum 1 2)(sum 1 2)"},
	{"primitive call on steps: errors at the call", `
(define (id x) x)
(define (f) (+ (id 1) (id 'a)))
(define (g) (car (id 5)))
(display (guard (e (#t (error-object-message e))) (f)))
(g)`, "+: expected number, got aerror: test.scm:4:13: car: expected pair, got 5"},
	{"primitive call on steps re-entered through each operand", `
(define (id x) x)
(define k #f)
(define n 0)
(define (run first)
  (let ((r (if first
               (+ (call/cc (lambda (c) (set! k c) 1)) (id 100))
               (+ (id 100) (call/cc (lambda (c) (set! k c) 1))))))
    (display r) (display " ")
    (set! n (+ n 1))
    (if (< n 3) (k (* 10 n)))))
(run #t)
(set! n 0)
(run #f)`, "101 110 120 101 110 120 "},
	{"operands evaluated into the record made ahead", `
(define (id x) x)
(define (tak x y z) (if (not (< y x)) z (tak (tak (- x 1) y z) (tak (- y 1) z x) (tak (- z 1) x y))))
(define (pair a b) (lambda () (list a b)))
(define (pairs) (list (pair (id 1) (id 2)) (pair (id 3) (id 4))))
(display (list (tak 18 12 6) (map (lambda (p) (p)) (pairs))))`, "(7 ((1 2) (3 4)))"},
	{"record made ahead: the operator rebound by an operand", `
(define (id x) x)
(define (f a b) (list 'f a b))
(define (g a b) (list 'g a b))
(define (make-h) (lambda (a b) (list 'h a b)))
(define (call) (f (id 1) (id 2)))
(define (to x) (set! f x) 2)
(define (call-to x) (f (id 1) (to x)))
(display (list (call) (call-to g) (call-to (make-h)) (call-to cons) (call-to list)))
(call-to (lambda (a) a))`, "((f 1 2) (g 1 2) (h 1 2) (1 . 2) (1 2))error: test.scm:8:21: #<procedure>: expected 1 argument, got 2"},
	{"record made ahead: an operand's continuation re-entered", `
(define (id x) x)
(define (f a b c) (lambda () (list a b c)))
(define k #f)
(define n 0)
(define saved '())
(define (run)
  (let ((p (f (id 1) (call/cc (lambda (c) (set! k c) 2)) (id 3))))
    (set! saved (cons p saved))
    (set! n (+ n 1))
    (if (< n 3) (k (* 10 n)))
    (display (map (lambda (p) (p)) saved))))
(run)`, "((1 20 3) (1 10 3) (1 2 3))"},
	{"dynamic-wind and guard", `
(define log '())
(define (note x) (set! log (cons x log)))
(guard (e (#t (note (list 'caught e))))
  (dynamic-wind (lambda () (note 'in)) (lambda () (raise 'oops)) (lambda () (note 'out))))
(display (reverse log))`, "(in out (caught oops))"},
	// Continuations captured in the root dynamic state (rootK).
	{"root continuation resumed inside dynamic-wind", `
(define (test)
  (let ((k #f) (n 0) (log '()))
    (let ((v (call/cc (lambda (c) (set! k c) 0))))
      (set! log (cons v log))
      (set! n (+ n 1))
      (if (< n 3)
          (dynamic-wind (lambda () (set! log (cons 'in log)))
                        (lambda () (k n))
                        (lambda () (set! log (cons 'out log))))))
    (reverse log)))
(display (test))`, "(0 in out 1 in out 2)"},
	{"root continuation resumed inside a handler drops it", `
(define (test)
  (let ((k #f) (n 0))
    (call/cc (lambda (c) (set! k c)))
    (set! n (+ n 1))
    (if (= n 1)
        (with-exception-handler (lambda (e) 'leaked) (lambda () (k #f))))
    (raise-continuable 'r)))
(display (test))`, "error: test.scm:8:5: uncaught exception: r"},
	{"root continuation captured inside a handler, resumed outside", `
(define k #f)
(define n 0)
(define (test)
  (with-exception-handler
    (lambda (e) (list 'handled e))
    (lambda ()
      (let ((v (call/cc (lambda (c) (set! k c) 0))))
        (set! n (+ n 1))
        (list v (raise-continuable 'r))))))
(define (run)
  (let ((r (test)))
    (if (< n 2) (k 1) r)))
(display (run))`, "(1 (handled r))"},
	{"root continuation as a value", `
(define (test)
  (let ((k (call/cc (lambda (c) c))))
    (if (procedure? k) (k (list (procedure? k) k)) k)))
(display (test))`, "(#t #<continuation>)"},
	// Inlined calls of small procedures (LeafCall).
	{"leaf procedure redefined", `
(define (inc x) (+ x 1))
(define (f n) (list (inc n)))
(display (f 5))
(define (inc x) (- x 1))
(display (f 5))
(set! inc list)
(display (f 5))`, "(6)(4)((5))"},
	{"leaf procedure set to a non-procedure", `
(define (inc x) (+ x 1))
(define (f n) (list (inc n)))
(display (f 1))
(set! inc 7)
(f 1)`, "(2)error: test.scm:3:21: not a procedure: 7"},
	{"primitive of a leaf body redefined", `
(define (inc x) (+ x 1))
(define (f n) (list (inc n) n))
(display (f 1))
(define + (lambda (a b) (list a b)))
(display (f 1))`, "(2 1)((1 1) 1)"},
	{"leaf call demoted as the operand of an inline call", `
(define (dbl x) (* x 2))
(define (f n) (+ (dbl n) 1))
(display (f 3))
(define (dbl x) (* x 3))
(display (f 3))
(define dbl (lambda (x) (call/cc (lambda (k) (k (- x))))))
(display (f 3))`, "710-2"},
	{"nested leaf calls and a leaf's operand demoted", `
(define (succ n) (+ n 1))
(define (pred n) (- n 1))
(define (f x) (succ (succ (pred x))))
(display (f 10))
(define (pred n) (* n 100))
(display (f 10))`, "111002"},
	{"leaf reading variables of its closure and globals", `
(define d 10)
(define add-d (let ((e 100)) (lambda (x) (+ x d e))))
(define (f x) (add-d (add-d x)))
(display (f 1))
(set! d 20)
(display (f 1))`, "221241"},
	{"leaf called with the wrong number of operands", `
(define (inc x) (+ x 1))
(define (f n) (list (inc n n)))
(f 1)`, "error: test.scm:3:21: inc: expected 1 argument, got 2"},
	{"error in a leaf body, operand and tail", `
(define (first x) (car x))
(define (g x) (list (first x)))
(define (h x) (first x))
(display (guard (e (#t (error-object-message e))) (g 5)))
(display (guard (e (#t (error-object-message e))) (h '(7))))
(h 5)`, "car: expected pair, got 57error: test.scm:2:19: car: expected pair, got 5"},
	{"leaf calls of one, two and three operands, nested", `
(define (inc x) (+ x 1))
(define (add2 a b) (+ a b))
(define (add3 a b c) (+ a (+ b c)))
(define (f x) (list (add2 (add2 x 1) (add2 (inc x) 2)) (add3 (inc x) (add2 x x) (add3 x x (inc x)))))
(display (f 10))`, "(24 62)"},
	{"leaf calls after an error in a leaf body", `
(define (first x) (car x))
(define (pair-up a b) (cons a b))
(define (g x) (list (first x) (pair-up x x)))
(display (guard (e (#t 'caught)) (g 5)))
(display (g '(1)))`, "caught(1 ((1) 1))"},
	{"leaf record recycled only after its value is used", `
(define (pair-of x) (cons x x))
(define (f a b) (list (pair-of a) (pair-of b)))
(display (f 1 2))`, "((1 . 1) (2 . 2))"},
}

// TestFastPathsAgree runs each program with and without the fast paths.
func TestFastPathsAgree(t *testing.T) {
	for _, tc := range fastPathPrograms {
		t.Run(tc.name, func(t *testing.T) {
			general := runMode(t, tc.src, true)
			fast := runMode(t, tc.src, false)
			if diff := cmp.Diff(tc.want, general); diff != "" {
				t.Errorf("general path (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.want, fast); diff != "" {
				t.Errorf("fast paths (-want +got):\n%s", diff)
			}
		})
	}
}

// TestGeneralModeHasNoFastNodes checks that general-path mode really
// compiles without the fast paths, so TestFastPathsAgree compares two
// different things, and that the same walk finds them all in normal mode.
func TestGeneralModeHasNoFastNodes(t *testing.T) {
	const src = `(define (inc n) (+ n 1))
(lambda (x k) (k (+ x 1) (vector-ref x 0)) (call/cc (lambda (c) c)) (car (k x)) (no-such-procedure (k x)) (letrec ((f (lambda () 1))) (f)) (if (< x 1) 1 2) (k (inc x)))`
	all := []string{"AppAhead", "CallCC", "IfCmp", "InlineCall", "LeafCall", "PrimCall", "PrimStep", "TailValue", "direct App", "unchecked letrec read"}
	for _, tc := range []struct {
		general bool
		want    []string
	}{{true, nil}, {false, all}} {
		if diff := cmp.Diff(tc.want, fastNodes(t, src, tc.general)); diff != "" {
			t.Errorf("general=%v: fast nodes (-want +got):\n%s", tc.general, diff)
		}
	}
}

// fastNodes runs the forms of src but the last, then compiles the last
// and lists the kinds of fast node in it.
func fastNodes(t *testing.T, src string, general bool) []string {
	in, err := newInterp(Options{Stdout: &bytes.Buffer{}}, general)
	if err != nil {
		t.Fatal(err)
	}
	forms, srcmap, err := ReadForms(src, "t")
	if err != nil {
		t.Fatal(err)
	}
	last := len(forms) - 1
	for _, f := range forms[:last] {
		if _, err := in.Eval(f, srcmap); err != nil {
			t.Fatal(err)
		}
	}
	node, err := in.compileTop(forms[last], srcmap, value.Pos{})
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	var walk func(n Node)
	inLetrec := false
	walk = func(n Node) {
		switch x := n.(type) {
		case generalNode:
			walk(x.Node)
		case *Lambda:
			walk(x.body)
		case *If:
			walk(x.test)
			walk(x.then)
			walk(x.els)
		case *IfCmp:
			found["IfCmp"] = true
			walk(&x.If)
		case *IfPred:
			walk(&x.If)
		case *IfEq:
			walk(&x.If)
		case *Seq:
			for _, b := range x.body {
				walk(b)
			}
		case *Block:
			inLetrec = true
			walk(x.body)
			inLetrec = false
		case *SetLocal:
			walk(x.val)
		case *App:
			if x.direct {
				found["direct App"] = true
			}
			for _, a := range x.all {
				walk(a)
			}
		case *AppAhead:
			found["AppAhead"] = true
			walk(&x.App)
		case *PrimCall:
			found["PrimCall"] = true
		case *InlineCall:
			found["InlineCall"] = true
		case *LeafCall:
			found["LeafCall"] = true
			for _, a := range x.args {
				walk(a)
			}
		case *PrimStep:
			found["PrimStep"] = true
			for _, a := range x.args {
				walk(a)
			}
		case *CallCC:
			found["CallCC"] = true
			walk(x.lam.body)
		case *TailValue:
			found["TailValue"] = true
			walk(x.inner)
		case *Local0:
			if inLetrec {
				found["unchecked letrec read"] = true
			}
		}
	}
	walk(node)
	var names []string
	for name := range found {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}
