package eval

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"contigo/value"
)

// expandDefs are the macros the macroexpand-all tests use.
const expandDefs = `
(define-syntax my-or
  (syntax-rules ()
    ((_) #f)
    ((_ e) e)
    ((_ e r ...) (let ((t e)) (if t t (my-or r ...))))))
(define-syntax swap!
  (syntax-rules ()
    ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp)))))
(define-syntax my-list (syntax-rules () ((_ x) (list x))))
(define-syntax twice-bound
  (syntax-rules ()
    ((_ body) (let ((x 1)) (let ((x 2)) body x)))))
(define-macro (my-unless c . body) ` + "`(if ,c #f (begin ,@body)))" + `
`

func TestMacroexpandAll(t *testing.T) {
	tests := []struct{ name, form, want string }{
		{"not a macro use", `(f x 1)`, `(f x 1)`},
		{"a symbol", `x`, `x`},
		{"nested uses, no renaming needed", `(my-or a b c)`,
			`(let ((t a)) (if t t (let ((t b)) (if t t c))))`},
		{"a macro's temporary renamed when the user's t is used inside",
			`(my-or x t)`, `(let ((t.1 x)) (if t.1 t.1 t))`},
		{"a user's variable captured by a macro's binding is renamed... the macro's",
			`(let ((t 5)) (my-or #f t))`, `(let ((t 5)) (let ((t.1 #f)) (if t.1 t.1 t)))`},
		{"swap! of the macro's own temporary name",
			`(let ((tmp 1) (y 2)) (swap! tmp y))`,
			`(let ((tmp 1) (y 2)) (let ((tmp.1 tmp)) (set! tmp y) (set! y tmp.1)))`},
		{"a free identifier of a template captured by a user's binding",
			`(let ((list 5)) (my-list list))`, `(let ((list.1 5)) (list list.1))`},
		{"one alias bound twice in nested scopes",
			`(let ((x 0)) (twice-bound x))`,
			`(let ((x 0)) (let ((x.2 1)) (let ((x.1 2)) x x.1)))`},
		{"define-macro", `(my-unless (> x 0) (display x) (newline))`,
			`(if (> x 0) #f (begin (display x) (newline)))`},
		{"quote is left alone", `(list '(my-or a b) (quote (swap! x y)))`,
			`(list '(my-or a b) '(swap! x y))`},
		{"quasiquote: only the unquoted parts",
			"`(my-or ,(my-or a b) ,@(my-list (my-or c)) (unquote-splicing z) . ,(my-or d))",
			"`(my-or ,(let ((t a)) (if t t b)) ,@(list c) ,@z unquote d)"},
		{"nested quasiquote", "`(a `(b ,(my-or x) ,,(my-or y)))", "`(a `(b ,(my-or x) ,,y))"},
		{"case datums untouched, clause bodies expanded",
			`(case (my-or k) ((my-or swap!) (my-or 1)) (else => (lambda (v) (my-or v))))`,
			`(case k ((my-or swap!) 1) (else => (lambda (v) v)))`},
		{"cond with else and =>", `(cond ((my-or a) => f) ((my-or b)) (else (my-or c)))`,
			`(cond (a => f) (b) (else c))`},
		{"lambda and define bodies", `(define (f x) (define y (my-or x)) (lambda args (my-or y)))`,
			`(define (f x) (define y x) (lambda args y))`},
		{"curried define", `(define ((adder n) m) (my-or n m))`,
			`(define ((adder n) m) (let ((t n)) (if t t m)))`},
		{"a local binding shadows a macro", `(lambda (my-or) (my-or 1 2))`, `(lambda (my-or) (my-or 1 2))`},
		{"derived forms stay as written",
			`(let loop ((i 0)) (let* ((a (my-or i)) (b a)) (letrec ((c (lambda () b))) (do ((j 0 (+ j 1))) ((= j 1) (my-or j)) (when a (unless b (loop c)))))))`,
			`(let loop ((i 0)) (let* ((a i) (b a)) (letrec ((c (lambda () b))) (do ((j 0 (+ j 1))) ((= j 1) j) (when a (unless b (loop c)))))))`},
		{"let-values, receive, case-lambda, parameterize",
			`(list (let-values (((a . b) (my-or v))) (my-or a)) (receive (x) (my-or 1) (my-or x)) (case-lambda ((x) (my-or x)) (r (my-or r))) (parameterize ((p (my-or 1))) (my-or 2)))`,
			`(list (let-values (((a . b) v)) a) (receive (x) 1 x) (case-lambda ((x) x) (r r)) (parameterize ((p 1)) 2))`},
		{"internal define-syntax", `(let () (define-syntax sq (syntax-rules () ((_ x) (* x x)))) (sq 3))`,
			`(let () (define-syntax sq (syntax-rules () ((_ x) (* x x)))) (* 3 3))`},
		{"let-syntax", `(let-syntax ((inc (syntax-rules () ((_ x) (+ x 1))))) (inc 41))`,
			`(let-syntax ((inc (syntax-rules () ((_ x) (+ x 1))))) (+ 41 1))`},
		{"top-level define-syntax and define-macro apply to the forms after them",
			"(begin (define-syntax sq (syntax-rules () ((_ x) (* x x)))) (define-macro (dbl x) `(+ ,x ,x)) (sq (dbl 2)))",
			"(begin (define-syntax sq (syntax-rules () ((_ x) (* x x)))) (define-macro (dbl x) `(+ ,x ,x)) (* (+ 2 2) (+ 2 2)))"},
		{"a macro expanding into definitions", `(define-values (q r) (floor/ 7 2))`, ``},
		{"vectors are constants", `(f #(my-or 1))`, `(f #(my-or 1))`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := evalAll(t, expandDefs+"(macroexpand-all '"+tc.form+")")
			if tc.want == "" {
				// The expansion has generated names: check its shape.
				if !strings.HasPrefix(got, "(begin (define ") || !strings.Contains(got, "(define q ") || !strings.Contains(got, "(define r ") {
					t.Errorf("not expanded into definitions: %s", got)
				}
				return
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(macroexpand-all '%s) (-want +got):\n%s", tc.form, diff)
			}
		})
	}
}

// TestMacroexpandAllRoundTrip checks that expanded code, printed and read
// back, computes what the original does: the renaming keeps hygiene.
func TestMacroexpandAllRoundTrip(t *testing.T) {
	forms := []string{
		`(let ((t 5)) (my-or #f t))`,
		`(let ((tmp 1) (y 2)) (swap! tmp y) (list tmp y))`,
		`(let ((list (lambda (x) 'mine))) (my-list 1))`,
		`(let ((x 0)) (twice-bound x))`,
		`(let ((if list)) (my-or #f 7))`,
	}
	for _, form := range forms {
		t.Run(form, func(t *testing.T) {
			direct := evalAll(t, expandDefs+form)
			expanded := evalAll(t, expandDefs+"(macroexpand-all '"+form+")")
			again := evalAll(t, expandDefs+expanded)
			if direct != again {
				t.Errorf("%s gives %s, its expansion %s gives %s", form, direct, expanded, again)
			}
		})
	}
}

func TestMacroexpandAllDefinesNothing(t *testing.T) {
	got := evalAll(t, "(macroexpand-all '(begin (define x 1) (define-syntax m (syntax-rules () ((_) 1))) (define-macro (dm) 2) (define (f) 3)))\n"+
		"(map (lambda (thunk) (guard (e (#t 'unbound)) (thunk))) (list (lambda () x) (lambda () f)))")
	if diff := cmp.Diff("(unbound unbound)", got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	in, err := New(Options{Stdout: &bytes.Buffer{}})
	if err != nil {
		t.Fatal(err)
	}
	form := readForm(t, "(begin (define-syntax m (syntax-rules () ((_) 1))) (define-macro (dm) 2))")
	if _, err := in.MacroexpandAll(form, nil); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"m", "dm"} {
		if g, _ := in.globalOf(value.Intern(name)); g != nil && (g.Macro != nil || g.Value != nil) {
			t.Errorf("%s was defined", name)
		}
	}
}

func TestMacroexpandAllErrors(t *testing.T) {
	tests := []struct{ name, form, want string }{
		{"syntax-error", `(let-syntax ((bad (syntax-rules () ((_ x) (syntax-error "bad use of bad" x))))) (bad 1))`, "test:1:81: bad use of bad 1"},
		{"improper list", `(f . x)`, "bad syntax (not a proper list): (f . x)"},
		{"bad parameter", `(lambda (1) x)`, "bad syntax: parameter must be a symbol, got 1"},
		{"no rule matches", `(my-or . 1)`, "bad syntax"},
		{"define in an expression", `(if x (define y 1))`, "define is only allowed at top level or at the start of a body"},
		{"error in a define-macro transformer", `(my-unless)`, "my-unless"},
	}
	in, err := New(Options{Stdout: &bytes.Buffer{}})
	if err != nil {
		t.Fatal(err)
	}
	if err := in.Load(expandDefs, "defs"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			forms, src, err := ReadForms(tc.form, "test")
			if err != nil {
				t.Fatal(err)
			}
			out, err := in.MacroexpandAll(forms[0], src)
			if err == nil {
				t.Fatalf("got %s, want an error", value.WriteString(out))
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not contain %q", err.Error(), tc.want)
			}
		})
	}
}

func readForm(t *testing.T, src string) value.Value {
	t.Helper()
	forms, _, err := ReadForms(src, "test")
	if err != nil || len(forms) != 1 {
		t.Fatalf("reading %q: %v", src, err)
	}
	return forms[0]
}
