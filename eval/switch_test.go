package eval

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestOneShotContinuation resumes a %call/1cc-raw continuation, which
// then reuses its frames as if it had never been captured: the pending
// calls below it return normally, it prints as a raw continuation, and a
// second resume is an error rather than a run on frames since reused.
// In a run that is not nested, refuse is not called.
func TestOneShotContinuation(t *testing.T) {
	src := `
(define saved #f)
(define (f x) (+ 1 (%call/1cc-raw (lambda (k) (set! saved k) (k (* x 10))) car 'refused)))
(define first (list (f 1) (f 2) saved))
(define second (guard (e ((error-object? e) (error-object-message e))) (saved 5)))
(list first second)`
	want := `((11 21 #<thread-continuation>) "a one-shot continuation (%call/1cc-raw) resumed a second time")`
	if diff := cmp.Diff(want, evalAll(t, src)); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}
