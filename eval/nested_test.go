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
