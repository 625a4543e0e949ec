package macro

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"contigo/reader"
	"contigo/value"
)

// read parses one datum.
func read(t *testing.T, src string) value.Value {
	t.Helper()
	v, err := reader.New(src, "test").Read()
	if err != nil {
		t.Fatalf("reading %q: %v", src, err)
	}
	return v
}

func TestSyntaxRulesExpand(t *testing.T) {
	tests := []struct {
		name, spec, use string
		want            string // written form of the expansion (aliases print as their names)
		err             string // substring of the expected error, instead
	}{
		{name: "no operands", spec: `(syntax-rules () ((_) 'none))`, use: `(m)`, want: `(quote none)`},
		{name: "first matching rule", spec: `(syntax-rules () ((_) 0) ((_ x) 1) ((_ x y) 2))`, use: `(m a b)`, want: `2`},
		{name: "keyword position ignored", spec: `(syntax-rules () ((anything x) x))`, use: `(m 5)`, want: `5`},
		{name: "swap", spec: `(syntax-rules () ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp))))`, use: `(swap! x y)`,
			want: `(let ((tmp x)) (set! x y) (set! y tmp))`},
		{name: "ellipsis", spec: `(syntax-rules () ((_ x ...) (list x ...)))`, use: `(m 1 2 3)`, want: `(list 1 2 3)`},
		{name: "empty ellipsis", spec: `(syntax-rules () ((_ x ...) (list x ...)))`, use: `(m)`, want: `(list)`},
		{name: "ellipsis then fixed", spec: `(syntax-rules () ((_ x ... y z) '(y z x ...)))`, use: `(m 1 2 3 4)`, want: `(quote (3 4 1 2))`},
		{name: "too few for fixed", spec: `(syntax-rules () ((_ x ... y z) 'ok))`, use: `(m 1)`, err: "no rule of m matches (m 1)"},
		{name: "nested ellipses", spec: `(syntax-rules () ((_ (a b ...) ...) '((b ... a) ...)))`, use: `(m (1 2 3) (4) (5 6))`,
			want: `(quote ((2 3 1) (4) (6 5)))`},
		{name: "flatten with two ellipses", spec: `(syntax-rules () ((_ (a ...) ...) '(a ... ...)))`, use: `(m (1 2) () (3))`,
			want: `(quote (1 2 3))`},
		{name: "depth-0 variable inside ellipsis", spec: `(syntax-rules () ((_ k v ...) '((k v) ...)))`, use: `(m key 1 2)`,
			want: `(quote ((key 1) (key 2)))`},
		{name: "dotted pattern takes the rest", spec: `(syntax-rules () ((_ a . b) '(a b)))`, use: `(m 1 2 3)`, want: `(quote (1 (2 3)))`},
		{name: "dotted pattern on improper input", spec: `(syntax-rules () ((_ a . b) '(a b)))`, use: `(m 1 . 2)`, want: `(quote (1 2))`},
		{name: "ellipsis with dotted tail", spec: `(syntax-rules () ((_ a ... . r) '(r a ...)))`, use: `(m 1 2 . 3)`, want: `(quote (3 1 2))`},
		{name: "ellipsis with dotted tail, proper input", spec: `(syntax-rules () ((_ a ... . r) '(r a ...)))`, use: `(m 1 2)`, want: `(quote (() 1 2))`},
		{name: "proper pattern rejects improper input", spec: `(syntax-rules () ((_ a ...) 'ok))`, use: `(m 1 . 2)`, err: "no rule"},
		{name: "dotted template", spec: `(syntax-rules () ((_ a b) '(a . b)))`, use: `(m 1 2)`, want: `(quote (1 . 2))`},
		{name: "vector pattern", spec: `(syntax-rules () ((_ #(a b ...)) (list a '#(b ...))))`, use: `(m #(1 2 3))`, want: `(list 1 (quote #(2 3)))`},
		{name: "vector pattern, fixed length", spec: `(syntax-rules () ((_ #(a b)) 'two) ((_ #(a ...)) 'any))`, use: `(m #(1 2 3))`, want: `(quote any)`},
		{name: "vector pattern needs a vector", spec: `(syntax-rules () ((_ #(a ...)) 'v))`, use: `(m (1 2))`, err: "no rule"},
		{name: "vector template with ellipsis", spec: `(syntax-rules () ((_ x ...) #(0 x ... 9)))`, use: `(m 1 2)`, want: `#(0 1 2 9)`},
		{name: "underscore", spec: `(syntax-rules () ((_ _ x _) x))`, use: `(m 1 2 3)`, want: `2`},
		{name: "underscore as literal", spec: `(syntax-rules (_) ((m _ x) x) ((m y x) 'no))`, use: `(m 1 2)`, want: `(quote no)`},
		{name: "literal matches", spec: `(syntax-rules (else) ((_ else e) e) ((_ c e) 'test))`, use: `(m else 1)`, want: `1`},
		{name: "literal does not match other symbol", spec: `(syntax-rules (else) ((_ else e) e) ((_ c e) 'test))`, use: `(m other 1)`, want: `(quote test)`},
		{name: "literal needs an identifier", spec: `(syntax-rules (=>) ((_ a => b) 'arrow) ((_ a b c) 'plain))`, use: `(m 1 (=>) 2)`, want: `(quote plain)`},
		{name: "constants match with equal", spec: `(syntax-rules () ((_ 1 "s" #\c (2 3)) 'yes) ((_ . x) 'no))`, use: `(m 1 "s" #\c (2 3))`, want: `(quote yes)`},
		{name: "constant mismatch", spec: `(syntax-rules () ((_ 1) 'yes) ((_ . x) 'no))`, use: `(m 2)`, want: `(quote no)`},
		{name: "ellipsis escape", spec: `(syntax-rules () ((_ a) '(a (... ...))))`, use: `(m 1)`, want: `(quote (1 ...))`},
		{name: "ellipsis escape of a template", spec: `(syntax-rules () ((_ a) '(... (a ...))))`, use: `(m 1)`, want: `(quote (1 ...))`},
		{name: "custom ellipsis", spec: `(syntax-rules ::: () ((_ x :::) '(... x :::)))`, use: `(m 1 2)`, want: `(quote (... 1 2))`},
		{name: "custom ellipsis frees ...", spec: `(syntax-rules ::: () ((_ ... x) '(x ...)))`, use: `(m 1 2)`, want: `(quote (2 1))`},
		{name: "ellipsis as a literal", spec: `(syntax-rules (...) ((_ a ...) 'lit) ((_ . r) 'other))`, use: `(m 1 ...)`, want: `(quote lit)`},
		{name: "be-like-begin", spec: `(syntax-rules () ((be-like-begin name) (define-syntax name (syntax-rules () ((name expr (... ...)) (begin expr (... ...)))))))`,
			use:  `(be-like-begin sequence)`,
			want: `(define-syntax sequence (syntax-rules () ((sequence expr ...) (begin expr ...))))`},
		{name: "mismatched lengths", spec: `(syntax-rules () ((_ (a ...) (b ...)) '((a b) ...)))`, use: `(m (1 2) (3))`, err: "different numbers"},
		{name: "bad use", spec: `(syntax-rules () ((_ a) a))`, use: `(m)`, err: "no rule of m matches (m)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sr, err := ParseSyntaxRules("m", read(t, tt.spec), nil, nil)
			if err != nil {
				t.Fatalf("ParseSyntaxRules: %v", err)
			}
			out, err := sr.Expand(read(t, tt.use), nil)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("Expand: got %v, %s; want error containing %q", err, value.WriteString(out), tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Expand: %v", err)
			}
			if diff := cmp.Diff(tt.want, value.WriteString(out)); diff != "" {
				t.Errorf("expansion (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSyntaxRulesParseErrors(t *testing.T) {
	tests := []struct{ name, spec, err string }{
		{"not a list", `(syntax-rules . 5)`, "bad syntax-rules"},
		{"no literals", `(syntax-rules)`, "bad syntax-rules"},
		{"literal not identifier", `(syntax-rules (1) ((_) 1))`, "not an identifier"},
		{"rule shape", `(syntax-rules () ((_)))`, "expected (pattern template)"},
		{"pattern not a list", `(syntax-rules () (_ 1))`, "must be a list"},
		{"duplicate variable", `(syntax-rules () ((_ a a) 1))`, "appears twice"},
		{"two ellipses", `(syntax-rules () ((_ a ... b ...) 1))`, "more than one ellipsis"},
		{"leading ellipsis", `(syntax-rules () ((_ ... a) 1))`, "misplaced ..."},
		{"too few ellipses", `(syntax-rules () ((_ a ...) (f a)))`, "needs 1 ellipses"},
		{"nothing to repeat", `(syntax-rules () ((_ a) (f a ...)))`, "no pattern variable to repeat"},
		{"bare ellipsis in template", `(syntax-rules () ((_ a) ...))`, "misplaced ..."},
		{"bad escape", `(syntax-rules () ((_ a) (... a b)))`, "escape takes one template"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseSyntaxRules("m", read(t, tt.spec), nil, nil)
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Fatalf("got %v, want error containing %q", err, tt.err)
			}
		})
	}
}

// TestSyntaxRulesRenaming checks the hygiene hooks: introduced symbols
// become aliases recording the environment, one per symbol and expansion;
// what came from the input is inserted as is.
func TestSyntaxRulesRenaming(t *testing.T) {
	env := &struct{ name string }{"definition environment"}
	sr, err := ParseSyntaxRules("my-or", read(t,
		`(syntax-rules () ((_ e1 e2) (let ((temp e1)) (if temp temp e2))))`), env, nil)
	if err != nil {
		t.Fatal(err)
	}
	use := read(t, `(my-or x temp)`)
	userTemp := value.Intern("temp")
	expand := func() []value.Value {
		out, err := sr.Expand(use, nil)
		if err != nil {
			t.Fatal(err)
		}
		// (let ((temp x)) (if temp temp temp*)) where temp* is the user's.
		items, _ := value.ToSlice(out)
		binding := items[1].(*value.Pair).Car.(*value.Pair)
		body, _ := value.ToSlice(items[2])
		return []value.Value{items[0], binding.Car, binding.Cdr.(*value.Pair).Car, body[0], body[1], body[2], body[3]}
	}
	got := expand()
	let, temp1, x, ifSym, temp2, temp3, e2 := got[0], got[1], got[2], got[3], got[4], got[5], got[6]
	for _, id := range []value.Value{let, temp1, ifSym} {
		s := id.(*value.Symbol)
		orig, e, ok := s.Alias()
		if !ok || e != any(env) || orig != value.Intern(s.Name) {
			t.Errorf("%s: Alias() = %v, %v, %v; want an alias of the interned symbol with the macro's env", s.Name, orig, e, ok)
		}
	}
	if temp1 != temp2 || temp2 != temp3 {
		t.Errorf("the template's temp became different aliases in one expansion")
	}
	if temp1 == value.Value(userTemp) || e2 != value.Value(userTemp) {
		t.Errorf("the user's temp must be inserted as is and differ from the macro's")
	}
	if x != value.Value(value.Intern("x")) {
		t.Errorf("pattern variable substitution changed the input")
	}
	if again := expand(); again[1] == temp1 {
		t.Errorf("two expansions shared an alias")
	}
}

// TestSyntaxRulesLiteralCompare checks that literals are compared by the
// caller's function, with the literal first and the input second.
func TestSyntaxRulesLiteralCompare(t *testing.T) {
	sr, err := ParseSyntaxRules("m", read(t, `(syntax-rules (else) ((_ else) 'literal) ((_ x) 'variable))`), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var calls []string
	never := func(a, b *value.Symbol) bool {
		calls = append(calls, a.Name+" "+b.Name)
		return false
	}
	out, err := sr.Expand(read(t, `(m else)`), never)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff("(quote variable)", value.WriteString(out)); diff != "" {
		t.Errorf("shadowed literal (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"else else"}, calls); diff != "" {
		t.Errorf("comparisons (-want +got):\n%s", diff)
	}
	// An alias of else matches the literal under SameBase.
	alias := value.NewAlias(value.Intern("else"), nil)
	out, err = sr.Expand(value.List(value.Intern("m"), alias), nil)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff("(quote literal)", value.WriteString(out)); diff != "" {
		t.Errorf("aliased literal (-want +got):\n%s", diff)
	}
}

// TestSyntaxRulesAliasEllipsis checks that a transformer produced by
// another macro's expansion, whose ellipsis and underscore are aliases,
// still recognises them (by the Compare function).
func TestSyntaxRulesAliasEllipsis(t *testing.T) {
	a := func(name string) *value.Symbol { return value.NewAlias(value.Intern(name), nil) }
	ell, under, x := a("..."), a("_"), a("x")
	spec := value.List(a("syntax-rules"), value.Nil,
		value.List(value.List(under, x, ell), value.Cons(a("list"), value.List(x, ell))))
	sr, err := ParseSyntaxRules("m", spec, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	out, err := sr.Expand(read(t, `(m 1 2 3)`), nil)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff("(list 1 2 3)", value.WriteString(out)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
