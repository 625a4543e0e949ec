package scheme

import (
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"contigo/value"
)

// bigCmp compares big numbers by value.
var bigCmp = cmp.Options{
	cmp.Comparer(func(a, b *big.Int) bool { return a == nil && b == nil || a != nil && b != nil && a.Cmp(b) == 0 }),
	cmp.Comparer(func(a, b *big.Rat) bool { return a == nil && b == nil || a != nil && b != nil && a.Cmp(b) == 0 }),
	cmp.Comparer(func(a, b big.Int) bool { return a.Cmp(&b) == 0 }),
}

// newTest makes an interpreter for a test, failing it if that fails.
func newTest(t *testing.T, opts Options) *Interp {
	t.Helper()
	in, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// eval evaluates src, failing the test on an error.
func mustEval(t *testing.T, in *Interp, src string) Value {
	t.Helper()
	v, err := in.EvalString(src)
	if err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	return v
}

func bigInt(s string) *big.Int {
	n, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic(s)
	}
	return n
}

type (
	named string
	level int8
	flag  bool
	ratio float32
	phase complex64
	mask  uint16
	raw   []byte
)

func TestValueOf(t *testing.T) {
	tests := []struct {
		name string
		in   any
		want string // as write prints it
	}{
		{"nil", nil, ""},
		{"true", true, "#t"},
		{"int", 42, "42"},
		{"int8", int8(-8), "-8"},
		{"int64 min", int64(math.MinInt64), "-9223372036854775808"},
		{"uint64 max", uint64(math.MaxUint64), "18446744073709551615"},
		{"uint8", uint8(255), "255"},
		{"named int", level(3), "3"},
		{"named bool", flag(true), "#t"},
		{"named float", ratio(0.5), "0.5"},
		{"named complex", phase(1i), "+1.0i"},
		{"named uint", mask(7), "7"},
		{"named bytes", raw{1}, "#u8(1)"},
		{"big int", bigInt("123456789012345678901234567890"), "123456789012345678901234567890"},
		{"small big int", big.NewInt(7), "7"},
		{"rat", big.NewRat(3, 6), "1/2"},
		{"integral rat", big.NewRat(6, 3), "2"},
		{"float", 2.5, "2.5"},
		{"float32", float32(0.5), "0.5"},
		{"integral float", 3.0, "3.0"},
		{"infinity", math.Inf(-1), "-inf.0"},
		{"complex", complex(1, -2), "1.0-2.0i"},
		{"string", "hi \"there\"", `"hi \"there\""`},
		{"named string", named("x"), `"x"`},
		{"symbol", Symbol("hello"), "hello"},
		{"odd symbol", Symbol("two words"), "|two words|"},
		{"char", Char('λ'), `#\λ`},
		{"rune is a number", 'a', "97"},
		{"bytes", []byte{1, 2, 255}, "#u8(1 2 255)"},
		{"empty slice", []any{}, "()"},
		{"slice", []any{1, "a", Symbol("b"), true}, `(1 "a" b #t)`},
		{"typed slice", []int{1, 2, 3}, "(1 2 3)"},
		{"nested", [][]string{{"a"}, {}}, `(("a") ())`},
		{"vector", Vector{1, Vector{2}, []any{3}}, "#(1 #(2) (3))"},
		{"array", [2]float64{1, 2}, "#(1.0 2.0)"},
		{"scheme value", value.List(value.Int(1), value.Int(2)), "(1 2)"},
		{"eof", value.EOF, "#<eof>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := ValueOf(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			got := WriteString(v)
			if tt.in == nil {
				got = ""
				if v != value.Value(value.Unspecified) {
					got = WriteString(v)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ValueOf(%#v) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// TestValueOfMap checks that a Go map becomes an equal? hash table whose
// entries are in the order of the sorted keys.
func TestValueOfMap(t *testing.T) {
	in := newTest(t, Options{})
	tests := []struct {
		name string
		m    any
		want string // the table's alist, as write prints it
	}{
		{"string keys", map[string]int{"b": 2, "a": 1, "c": 3}, `(("a" . 1) ("b" . 2) ("c" . 3))`},
		{"int keys", map[int]string{10: "x", -1: "y", 2: "z"}, `((-1 . "y") (2 . "z") (10 . "x"))`},
		{"symbol keys", map[Symbol]bool{"no": false, "yes": true}, "((no . #f) (yes . #t))"},
		{"nested", map[string][]int{"xs": {1, 2}}, `(("xs" 1 2))`},
		{"empty", map[string]int{}, "()"},
		{"bool keys", map[bool]int{true: 1, false: 0}, "((#f . 0) (#t . 1))"},
		{"float keys", map[float64]int{2.5: 1, -1: 2}, "((-1.0 . 2) (2.5 . 1))"},
		{"uint keys", map[uint8]int{9: 1, 3: 2}, "((3 . 2) (9 . 1))"},
		{"mixed keys", map[any]int{"b": 1, 2: 2, "a": 3, 1: 4}, `((1 . 4) (2 . 2) ("a" . 3) ("b" . 1))`},
		{"array keys", map[[2]int]int{{2, 1}: 1, {1, 2}: 2}, "((#(1 2) . 2) (#(2 1) . 1))"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := in.Define("t", tt.m); err != nil {
				t.Fatal(err)
			}
			got := WriteString(mustEval(t, in, "(hash-table->alist t)"))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	if err := in.Define("t", map[string]int{"a": 1}); err != nil {
		t.Fatal(err)
	}
	if got := WriteString(mustEval(t, in, `(hash-table-ref/default t (string #\a) 'missing)`)); got != "1" {
		t.Errorf("lookup by an equal? string: got %s, want 1", got)
	}
}

func TestValueOfErrors(t *testing.T) {
	tests := []struct {
		name string
		in   any
		want string
	}{
		{"struct", struct{ X int }{1}, "cannot convert Go value of type struct { X int } to Scheme"},
		{"chan", make(chan int), "cannot convert Go value of type chan int to Scheme"},
		{"func", func() {}, "cannot convert Go value of type func() to Scheme"},
		{"nil big", (*big.Int)(nil), "cannot convert a nil *big.Int to Scheme"},
		{"nil string", (*value.String)(nil), "cannot convert a nil *value.String to Scheme"},
		{"inside a slice", []any{1, make(chan int)}, "cannot convert Go value of type chan int to Scheme"},
		{"inside a map", map[string]any{"f": func() {}}, "cannot convert Go value of type func() to Scheme"},
		{"func", Func(nil), "cannot convert a Func to Scheme without its interpreter: use Interp.NewFunc"},
		{"zero procedure", Procedure{}, "cannot convert the zero Procedure to Scheme"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := ValueOf(tt.in)
			if err == nil {
				t.Fatalf("got %s, want error %q", WriteString(v), tt.want)
			}
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestToGo(t *testing.T) {
	in := newTest(t, Options{})
	tests := []struct {
		src  string // a Scheme expression
		want any
	}{
		{"42", int64(42)},
		{"-9223372036854775808", int64(math.MinInt64)},
		{"(expt 2 100)", bigInt("1267650600228229401496703205376")},
		{"(/ 1 3)", big.NewRat(1, 3)},
		{"1.5", 1.5},
		{"(make-rectangular 1.0 2.0)", complex(1, 2)},
		{"#t", true},
		{"#f", false},
		{`"héllo"`, "héllo"},
		{"'sym", Symbol("sym")},
		{`#\x`, Char('x')},
		{"'()", []any{}},
		{`'(1 "two" (3.0 #(4)))`, []any{int64(1), "two", []any{3.0, Vector{int64(4)}}}},
		{"(vector)", Vector{}},
		{"#u8(0 1 2)", []byte{0, 1, 2}},
		{`(let ((t (make-equal-hash-table))) (hash-table-set! t "a" '(1 2)) (hash-table-set! t 'b 2) t)`,
			map[any]any{"a": []any{int64(1), int64(2)}, Symbol("b"): int64(2)}},
		{"(if #f #f)", nil},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			got, err := ToGo(mustEval(t, in, tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, bigCmp); diff != "" {
				t.Errorf("ToGo(%s) (-want +got):\n%s", tt.src, diff)
			}
		})
	}
}

// TestToGoItself checks the values that have no Go counterpart: ToGo
// returns them as they are.
func TestToGoItself(t *testing.T) {
	in := newTest(t, Options{})
	for _, src := range []string{"car", "(lambda (x) x)", "'(1 . 2)", "'(1 2 . 3)", "(make-rectangular 1 2)", "(eof-object)", "(current-output-port)"} {
		v := mustEval(t, in, src)
		got, err := ToGo(v)
		if err != nil {
			t.Errorf("ToGo(%s): %v", src, err)
			continue
		}
		if got != v {
			t.Errorf("ToGo(%s) = %#v, want the value itself", src, got)
		}
	}
}

func TestToGoErrors(t *testing.T) {
	in := newTest(t, Options{})
	tests := []struct {
		src  string
		want string
	}{
		{"(let ((l (list 1 2))) (set-cdr! (cdr l) l) l)", "cannot convert circular list to Go"},
		{"(let ((v (vector 1 2))) (vector-set! v 1 v) v)", "cannot convert circular structure to Go"},
		{"(let ((l (list 1 2))) (set-car! l l) l)", "cannot convert circular structure to Go"},
		{`(let ((t (make-equal-hash-table))) (hash-table-set! t '(1 2) 'x) t)`,
			"cannot convert hash table to Go: key (1 2) is a []interface {}, which cannot be a map key"},
		{`(let ((t (make-equal-hash-table))) (hash-table-set! t 'self t) t)`, "cannot convert circular structure to Go"},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			got, err := ToGo(mustEval(t, in, tt.src))
			if err == nil {
				t.Fatalf("got %#v, want error %q", got, tt.want)
			}
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestRoundTrip checks that data survives Go -> Scheme -> Go.
func TestRoundTrip(t *testing.T) {
	for _, x := range []any{
		int64(-5), bigInt("-99999999999999999999999"), big.NewRat(-7, 2), 0.25, complex(0, 1),
		"text", Symbol("s"), Char('\n'), true, []byte("bytes"),
		[]any{int64(1), []any{Symbol("a"), "b"}, Vector{}},
		Vector{[]any{}, Vector{int64(1)}},
		map[any]any{"k": []any{int64(1)}, int64(2): Symbol("two")},
	} {
		v, err := ValueOf(x)
		if err != nil {
			t.Fatalf("ValueOf(%#v): %v", x, err)
		}
		got, err := ToGo(v)
		if err != nil {
			t.Fatalf("ToGo(%s): %v", WriteString(v), err)
		}
		if diff := cmp.Diff(x, got, bigCmp); diff != "" {
			t.Errorf("round trip of %s (-want +got):\n%s", strings.TrimSpace(WriteString(v)), diff)
		}
	}
}
