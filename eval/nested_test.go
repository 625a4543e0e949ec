package eval

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestErrorInMacroTransformer checks that an error raised while a macro
// is expanded (a nested run) reaches the handlers of the evaluation that
// asked for the expansion, as the same object.
func TestErrorInMacroTransformer(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"guard around eval", `
(define-macro (boom) (error "boom at expansion" 1))
(guard (e ((error-object? e) (list 'caught (error-object-message e) (error-object-irritants e))))
  (eval '(boom)))`, `(caught "boom at expansion" (1))`},
		{"raise of a non-error", `
(define-macro (throw) (raise 'sym))
(guard (e ((symbol? e) (list 'caught e))) (eval '(throw)))`, "(caught sym)"},
		{"guard inside the transformer still works", `
(define-macro (safe) (guard (e (#t ''recovered)) (car '())))
(eval '(safe))`, "recovered"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, evalAll(t, tc.src)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// setThread defines (set-thread! tag), which names the thread of control
// that runs from now on, as the scheduler does when it switches to a
// goroutine (switch.go).
const setThread = "(define (set-thread! tag) (%call/cc-raw (lambda (k) (%call-in-continuation k (lambda () #f) tag))))\n"

// TestContinuationThreads checks that an ordinary continuation can only be
// resumed by the thread of control that captured it, while a raw one
// (a scheduler switch) makes its thread current again.
func TestContinuationThreads(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"other thread is an error", `
(let ((k #f))
  (set-thread! 'g1)
  (call/cc (lambda (c) (set! k c)))
  (set-thread! 'g2)
  (guard (e ((error-object? e) (error-object-message e))) (k 1)))`,
			`"cannot resume a continuation captured in another goroutine (g1) from this one (g2)"`},
		// Goroutines started alike share one dynamic state: the thread
		// that runs is the machine's, and a continuation carries the
		// thread that captured it even when the state is shared.
		{"a state shared with another thread", `
(let ((k #f))
  (set-thread! 'g1)
  (call/cc (lambda (c) (set! k c)))
  (set-thread! 'g2)
  (%with-dynamic-state (%current-dynamic-state)
    (lambda () (guard (e ((error-object? e) (error-object-message e))) (k 1)))))`,
			`"cannot resume a continuation captured in another goroutine (g1) from this one (g2)"`},
		{"same thread resumes", `
(let ((k #f) (n 0))
  (set-thread! 'g1)
  (call/cc (lambda (c) (set! k c)))
  (set! n (+ n 1))
  (if (< n 3) (k 'again))
  n)`, "3"},
		{"raw continuation switches thread", `
(let ((k #f) (seen '()))
  (set-thread! 'g1)
  (%call/cc-raw (lambda (c) (set! k c)))
  (set! seen (cons (call/cc (lambda (c) c)) seen))
  (if (= (length seen) 1)
      (begin (set-thread! 'g2) (k #f)))
  (length seen))`, "2"},
		{"a dynamic state taken from another thread keeps this one running", `
(let ((k #f) (state #f))
  (set-thread! 'g1)
  (set! state (%current-dynamic-state))
  (set-thread! 'g2)
  (%with-dynamic-state state (lambda () (call/cc (lambda (c) (set! k c)))))
  (set-thread! 'g1)
  (guard (e ((error-object? e) (error-object-message e))) (k 1)))`,
			`"cannot resume a continuation captured in another goroutine (g2) from this one (g1)"`},
		{"parameterize and guard keep the thread", `
(let ((k #f) (p (make-parameter 1)))
  (set-thread! 'g1)
  (parameterize ((p 2))
    (guard (e (#t e))
      (call/cc (lambda (c) (set! k c)))))
  (set-thread! 'g2)
  (guard (e ((error-object? e) (error-object-message e))) (k 1)))`,
			`"cannot resume a continuation captured in another goroutine (g1) from this one (g2)"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, evalAll(t, setThread+tc.src)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
