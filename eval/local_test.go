package eval

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"

	"contigo/cont"
	"contigo/value"
)

// evalAll runs src and returns the written value of its last form.
func evalAll(t *testing.T, src string) string {
	t.Helper()
	in, err := New(Options{Stdout: &bytes.Buffer{}})
	if err != nil {
		t.Fatal(err)
	}
	forms, srcmap, err := ReadForms(src, "test")
	if err != nil {
		t.Fatal(err)
	}
	var last value.Value
	for _, f := range forms {
		if last, err = in.Eval(f, srcmap); err != nil {
			t.Fatalf("%v", err)
		}
	}
	return value.WriteString(last)
}

// TestLocalEnvRecycling checks that recycling the environment records of
// local procedures never recycles one a captured continuation can reach.
func TestLocalEnvRecycling(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"re-enter after many calls", `
(define saved #f)
(define (grab v) (call/cc (lambda (c) (if (not saved) (set! saved c)) v)))
(define (g a b) (+ (grab b) a))   ; local; reads a from its record after re-entry
(define (burn n acc) (if (= n 0) acc (burn (- n 1) (+ acc (g n n)))))
(let ((results '()) (count 0))
  (set! results (cons (g 1 2) results))
  (set! count (+ count 1))
  (burn 1000 0)                     ; many g records come and go
  (if (< count 3) (saved (* count 100)))
  (reverse results))`, "(3 101 201)"},
		{"escape then re-enter", `
(define k #f)
(define (h x y z) (+ (call/cc (lambda (c) (if (not k) (set! k c)) z)) x y))
(define (spin n) (if (= n 0) 'done (begin (h n n n) (spin (- n 1)))))
(let ((n 0) (out '()))
  (set! out (cons (h 1 2 3) out))
  (spin 500)
  (set! n (+ n 1))
  (if (= n 1) (k 10))
  out)`, "(13 6)"},
		{"recursive local procedures", `
(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(define (tak x y z) (if (not (< y x)) z (tak (tak (- x 1) y z) (tak (- y 1) z x) (tak (- z 1) x y))))
(list (fib 20) (tak 18 12 6))`, "(6765 7)"},
		{"generator through local procedures", `
(define (make-gen lst)
  (define return #f)
  (define resume #f)
  (define (yield v) (call/cc (lambda (k) (set! resume k) (return v))))
  (define (walk l) (if (pair? l) (begin (yield (car l)) (walk (cdr l))) (return 'done)))
  (lambda ()
    (call/cc (lambda (r)
      (set! return r)
      (if resume (resume #f) (walk lst))))))
(define (add3 a b c) (+ a b c))   ; local, called between yields
(define g (make-gen '(1 2 3 4)))
(let loop ((acc '()))
  (let ((v (g)))
    (add3 1 2 3)
    (if (eq? v 'done) (reverse acc) (loop (cons v acc)))))`, "(1 2 3 4)"},
		{"closure over a let record", `
(define keep #f)
(define (make-adder! n) (let ((k (* n 1))) (set! keep (lambda (x) (+ x k))) 'made))
(make-adder! 5)
(define (burn n) (if (= n 0) 0 (let ((y n)) (burn (- n 1)))))
(burn 1000)
(keep 1)`, "6"},
		{"closure over a call/cc scope", `
(define keep #f)
(define (f n) (call/cc (lambda (k) (set! keep (lambda () (list n k))) 'made)))
(f 3)
(define (burn n) (if (= n 0) 0 (call/cc (lambda (k) (burn (- n 1))))))
(burn 1000)
(car (keep))`, "3"},
		{"continuation captured inside a let", `
(define saved #f)
(define (h a)
  (let ((b (* a 2)))
    (let ((c (call/cc (lambda (k) (if (not saved) (set! saved k)) 0))))
      (+ a b c))))
(define (burn n) (if (= n 0) 0 (let ((x n) (y n)) (let ((z x)) (burn (- n 1))))))
(let ((out '()) (n 0))
  (set! out (cons (h 1) out))
  (burn 1000)
  (set! n (+ n 1))
  (if (< n 3) (saved (* n 100)))
  out)`, "(203 103 3)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, evalAll(t, tc.src)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestLocalReadsAgree checks that the nodes reading a variable at a fixed
// depth (Local0, Local1, Local2) read what LocalN's walk up the records
// reads, for every slot of every depth they serve.
func TestLocalReadsAgree(t *testing.T) {
	// Three records, innermost first, each slot holding depth*10+slot.
	var env *cont.Env
	for depth := 2; depth >= 0; depth-- {
		e := cont.NewEnv(env, 3)
		for i := range e.Vals {
			e.Vals[i] = value.Int(int64(depth*10 + i))
		}
		env = e
	}
	m := &Machine{env: env}
	for depth, fixed := range []func(i int) Node{
		func(i int) Node { return &Local0{i: i} },
		func(i int) Node { return &Local1{i: i} },
		func(i int) Node { return &Local2{i: i} },
	} {
		for i := 0; i < 3; i++ {
			want, _ := (&LocalN{depth: depth, i: i}).evalNow(m)
			got, _ := fixed(i).evalNow(m)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("depth %d slot %d (-LocalN +fixed):\n%s", depth, i, diff)
			}
			if want != value.Int(int64(depth*10+i)) {
				t.Errorf("depth %d slot %d: LocalN read %v", depth, i, want)
			}
		}
	}
}
