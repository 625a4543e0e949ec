package prims

// The tests read their arguments with package reader, so that a case is
// one line of Scheme text; prims itself imports only value.

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"contigo/reader"
	"contigo/value"
)

// table returns the primitives by name, with no interrupt requested.
func table() map[string]*value.Primitive {
	var stop int32
	m := map[string]*value.Primitive{}
	for _, p := range Table(&stop) {
		m[p.Name] = p
	}
	return m
}

// readArgs reads the data of src.
func readArgs(t *testing.T, src string) []V {
	t.Helper()
	r := reader.New(src, "test")
	var args []V
	for {
		v, err := r.Read()
		if errors.Is(err, io.EOF) {
			return args
		}
		if err != nil {
			t.Fatalf("reading %q: %v", src, err)
		}
		args = append(args, v)
	}
}

// call applies the primitive name to the data of args and returns the
// written result, or "error: " and the message.
func call(t *testing.T, prims map[string]*value.Primitive, name, args string) string {
	t.Helper()
	p, ok := prims[name]
	if !ok {
		t.Fatalf("no primitive %s", name)
	}
	v, err := p.Call(readArgs(t, args))
	if err != nil {
		return "error: " + err.Error()
	}
	if mv, ok := v.(*value.MultipleValues); ok {
		parts := make([]string, len(mv.Vals))
		for i, x := range mv.Vals {
			parts[i] = value.WriteString(x)
		}
		return "values " + strings.Join(parts, " ")
	}
	return value.WriteString(v)
}

// TestPrimitives calls primitives with arguments written in Scheme.
func TestPrimitives(t *testing.T) {
	prims := table()
	for _, tc := range []struct{ name, args, want string }{
		// Numbers: fast paths, the tower, variadic forms.
		{"+", "", "0"},
		{"+", "1 2 3", "6"},
		{"+", "9223372036854775807 1", "9223372036854775808"},
		{"+", `"a"`, `error: +: expected number, got "a"`},
		{"-", "5", "-5"},
		{"-", "10 1 2", "7"},
		{"*", "", "1"},
		{"*", "4294967296 4294967296", "18446744073709551616"},
		{"/", "2", "1/2"},
		{"/", "1 2 2", "1/4"},
		{"<", "1 2 3", "#t"},
		{"<", "1 3 2", "#f"},
		{"<", `1 0 "x"`, `error: <: expected number, got "x"`},
		{"=", "1", "#t"},
		{"=", "1 1.0", "#t"},
		{">=", "3 3 1", "#t"},
		{"max", "1 2.0", "2.0"},
		{"max", "3 2.0", "3.0"},
		{"min", "1 2.0", "1.0"},
		{"max", "1/2 1/3", "1/2"},
		{"min", "1 2", "1"},
		{"max", `1 "a"`, `error: max: expected number, got "a"`},
		{"max", "1+2i 3", "error: max: expected real number, got 1+2i"},
		{"floor/", "7 -2", "values -4 -1"},
		{"truncate/", "7 -2", "values -3 1"},
		{"floor-quotient", "7 -2", "-4"},
		{"gcd", "", "0"},
		{"gcd", "12 18", "6"},
		{"lcm", "4 6", "12"},
		{"exact-integer-sqrt", "17", "values 4 1"},
		{"log", "1", "0"},
		{"atan", "1 1", "0.7853981633974483"},
		{"make-rectangular", "1 2", "1+2i"},
		{"make-rectangular", "1+i 2", "error: make-rectangular: expected real number, got 1+i"},
		{"square", "12", "144"},
		{"expt", "2 100", "1267650600228229401496703205376"},
		{"rational?", "+inf.0", "#f"},
		{"rational?", "1.5", "#t"},
		{"exact?", "1/2", "#t"},
		{"exact?", "a", "error: exact?: expected number, got a"},
		{"nan?", "+nan.0", "#t"},
		{"zero?", "0.0", "#t"},
		{"zero?", "a", "error: zero?: expected number, got a"},
		{"positive?", "1+i", "error: positive?: expected real number, got 1+i"},
		{"odd?", "3.0", "#t"},
		{"even?", "100000000000000000000", "#t"},
		{"even?", "1.5", "error: even?: expected integer, got 1.5"},
		{"exact-nonnegative-integer?", "-1", "#f"},
		{"string->number", `"ff" 16`, "255"},
		{"string->number", `"zz"`, "#f"},
		{"string->number", `"1" 3`, "error: string->number: bad radix 3"},
		{"number->string", "255 16", `"ff"`},
		// Pairs and lists.
		{"cons", "1 2", "(1 . 2)"},
		{"car", "5", "error: car: expected pair, got 5"},
		{"cadr", "(1 2 3)", "2"},
		{"cdddr", "(1 2 3 4)", "(4)"},
		{"caddr", "(1 2)", "error: caddr: expected pair of the right shape, got (1 2)"},
		{"length", "(1 2 3)", "3"},
		{"length", "(1 2 . 3)", "error: length: expected proper list, got (1 2 . 3)"},
		{"length", "#0=(1 2 . #0#)", "error: length: not a proper list: #0=(1 2 . #0#)"},
		{"reverse", "(1 2 3)", "(3 2 1)"},
		{"append", "(1) (2) 3", "(1 2 . 3)"},
		{"append", "", "()"},
		{"list-tail", "(1 2 3) 2", "(3)"},
		{"list-tail", "(1 2) 3", "error: list-tail: index 3 out of range [0, 2)"},
		{"list-tail", "#0=(1 2 . #0#) 5", "#0=(2 1 . #0#)"},
		{"list-ref", "(a b c) 2", "c"},
		{"list-ref", "#0=(a b . #0#) 5", "b"},
		{"list-ref", "(a b) 2", "error: list-ref: index 2 out of range [0, 2)"},
		{"list-copy", "(1 2 . 3)", "(1 2 . 3)"},
		{"last-pair", "(1 2 3)", "(3)"},
		{"memq", "c (a b c d)", "(c d)"},
		{"memv", "1.5 (1 1.5)", "(1.5)"},
		{"memq", "z (a b)", "#f"},
		{"memq", "z (a . b)", "error: memq: expected list, got (a . b)"},
		{"%member", "z #0=(a . #0#)", "error: member: not a proper list: #0=(a . #0#)"},
		{"assq", "b ((a 1) (b 2))", "(b 2)"},
		{"assv", "b (5)", "error: assv: expected association list, got (5)"},
		{"%assoc", `"b" (("a" . 1) ("b" . 2))`, `("b" . 2)`},
		{"make-list", "2 x", "(x x)"},
		{"list-set!", "(1 2) 5 0", "error: list-set!: index 5 out of range [0, 2)"},
		{"boolean=?", "#t #t #f", "#f"},
		{"boolean=?", "#t 1", "error: boolean=?: expected boolean, got 1"},
		{"%check-list", `"f" #0=(a . #0#)`, "error: f: not a proper list: #0=(a . #0#)"},
		// Symbols, characters, strings.
		{"symbol=?", "a a a", "#t"},
		{"string->symbol", `"hi"`, "hi"},
		{"char<?", `#\a #\b #\c`, "#t"},
		{"char-ci=?", `#\a #\A`, "#t"},
		{"char<?", `#\b #\a 1`, "error: char<?: expected character, got 1"},
		{"char-upcase", `#\ä`, `#\Ä`},
		{"digit-value", `#\x0664`, "4"},
		{"integer->char", "55296", "error: integer->char: 55296 is not a Unicode scalar value"},
		{"string<?", `"abc" "abd"`, "#t"},
		{"string-ci=?", `"Straße" "STRASSE"`, "#t"},
		{"string-upcase", `"straße"`, `"STRASSE"`},
		{"substring", `"hello" 1 3`, `"el"`},
		{"string-copy", `"hello" 3 9`, "error: string-copy: bad range [3, 9) for length 5"},
		{"string-append", `"a" "b"`, `"ab"`},
		{"string->list", `"abc" 1`, `(#\b #\c)`},
		{"list->string", `(#\a 1)`, "error: list->string: expected character, got 1"},
		{"string-ref", `"abc" 3`, "error: string-ref: index 3 out of range [0, 3)"},
		{"make-string", "2 #\\z", `"zz"`},
		{"make-string", "-1", "error: make-string: expected non-negative exact integer, got -1"},
		// Vectors and bytevectors.
		{"vector-ref", "#(1 2) 1", "2"},
		{"vector-ref", "#(1 2) 2", "error: vector-ref: index 2 out of range [0, 2)"},
		{"vector->list", "#(1 2 3) 1 2", "(2)"},
		{"vector->string", `#(#\a #\b)`, `"ab"`},
		{"vector-append", "#(1) #(2)", "#(1 2)"},
		{"vector-copy!", "#(1 2) 1 #(7 8 9)", "error: vector-copy!: 3 elements do not fit at index 1 of a destination of length 2"},
		{"bytevector", "1 256", "error: bytevector: expected byte (exact integer 0-255), got 256"},
		{"utf8->string", "#u8(104 105)", `"hi"`},
		{"utf8->string", "#u8(255)", "error: utf8->string: invalid UTF-8 at byte 0"},
		{"string->utf8", `"é"`, "#u8(195 169)"},
		{"bytevector-append", "#u8(1) #u8(2)", "#u8(1 2)"},
		// Hash tables, boxes, iota, errors.
		{"hash-table-ref/default", "5 1 2", "error: hash-table-ref/default: expected hash table, got 5"},
		{"make-hash-table", "car", "error: make-hash-table: unsupported equivalence procedure car (use equal?, eqv?, eq?, string=?, string-ci=? or =)"},
		{"string-hash", `"abc" 1`, "0"},
		{"hash", "x 0", "error: hash: expected positive exact integer bound, got 0"},
		{"unbox", "5", "error: unbox: expected box, got 5"},
		{"iota", "3", "(0 1 2)"},
		{"iota", "3 1 0.5", "(1.0 1.5 2.0)"},
		{"error", `"bad" 1 2`, "error: bad 1 2"},
		{"error-object-message", "5", "error: error-object-message: expected error object, got 5"},
		{"record-type-name", "5", "error: record-type-name: expected record type, got 5"},
		{"%record", "5", "error: %record: expected symbol, got 5"},
		{"%record-ref", "5 0", "error: %record-ref: expected record, got 5"},
	} {
		if got := call(t, prims, tc.name, tc.args); got != tc.want {
			t.Errorf("(%s %s) (-want +got):\n%s", tc.name, tc.args, cmp.Diff(tc.want, got))
		}
	}
}

// TestRowsArity checks each row against the promise value.Primitive.Call
// relies on: Fn1, Fn2 and Fn3 only where the arity allows one, two or
// three arguments, and Fn wherever they do not cover every count.
func TestRowsArity(t *testing.T) {
	for _, p := range Table(new(int32)) {
		allows := func(n int) bool { return n >= p.Min && (p.Max < 0 || n <= p.Max) }
		if p.Fn1 != nil && !allows(1) || p.Fn2 != nil && !allows(2) || p.Fn3 != nil && !allows(3) {
			t.Errorf("%s: a one-, two- or three-argument entry outside its arity %d..%d", p.Name, p.Min, p.Max)
		}
		covered := p.Min == p.Max && (p.Min == 1 && p.Fn1 != nil || p.Min == 2 && p.Fn2 != nil || p.Min == 3 && p.Fn3 != nil) ||
			p.Min == 1 && p.Max == 2 && p.Fn1 != nil && p.Fn2 != nil
		if p.Fn == nil && !covered {
			t.Errorf("%s: no entry point for some counts in %d..%d", p.Name, p.Min, p.Max)
		}
	}
}

// TestRecords makes a record type, its constructor, predicate, accessor
// and modifier, and a tagged record, and checks how they print.
func TestRecords(t *testing.T) {
	prims := table()
	get := func(name string, args ...V) V {
		t.Helper()
		v, err := prims[name].Call(args)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return v
	}
	sym := value.Intern
	typ := get("%make-record-type", sym("<point>"), value.List(sym("x"), sym("y")))
	mk := get("%record-constructor", typ, value.List(value.Int(1)), sym("make-y")).(*value.Primitive)
	isPoint := get("%record-predicate", typ, sym("point?")).(*value.Primitive)
	getY := get("%record-accessor", typ, value.Int(1), sym("point-y")).(*value.Primitive)
	setX := get("%record-modifier", typ, value.Int(0), sym("set-point-x!")).(*value.Primitive)
	p, _ := mk.Call([]V{value.Int(7)})
	setX.Call([]V{p, value.Int(3)})
	y, _ := getY.Call([]V{p})
	yes, _ := isPoint.Call([]V{p})
	g := get("%record", sym("goroutine"), value.Int(3), value.Nil)
	_, wrong := getY.Call([]V{g})
	got := []string{
		value.WriteString(p), value.WriteString(y), value.WriteString(yes),
		value.WriteString(g), value.WriteString(get("%record?", g, sym("goroutine"))),
		value.WriteString(get("record?", g)), value.WriteString(get("record?", p)),
		value.WriteString(value.List(g, g)), wrong.Error(),
	}
	want := []string{
		"#<point x: 3 y: 7>", "7", "#t",
		"#<goroutine 3>", "#t",
		"#f", "#t",
		"(#<goroutine 3> #<goroutine 3>)", "point-y: expected record of type point, got #<goroutine 3>",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
}

// TestTicketsAndWaiters goes through the life of a ticket and a waiter:
// a waiter is live while its ticket is, and both print what they are.
func TestTicketsAndWaiters(t *testing.T) {
	prims := table()
	do := func(name string, args ...V) V {
		t.Helper()
		v, err := prims[name].Call(args)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return v
	}
	g := do("%record", value.Intern("goroutine"), value.Int(3))
	ticket := do("%make-ticket", g)
	w := do("%make-waiter", ticket, value.Int(-1), value.Int(7))
	got := []string{
		value.WriteString(do("%ticket-goroutine", ticket)),
		value.WriteString(do("%waiter-ticket", w)),
		value.WriteString(do("%waiter-index", w)),
		value.WriteString(do("%waiter-value", w)),
		value.WriteString(do("%waiter-live?", w)),
		value.WriteString(w),
	}
	do("%kill-ticket!", ticket)
	got = append(got, value.WriteString(do("%ticket-goroutine", do("%make-ticket", false))), value.WriteString(do("%ticket-live?", ticket)), value.WriteString(do("%waiter-live?", w)))
	want := []string{"#<goroutine 3>", "#<ticket live>", "-1", "7", "#t", "#<waiter index: -1 value: 7>", "#f", "#f", "#f"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for _, tc := range []struct{ name, args, want string }{
		{"%ticket-live?", "(#t . g)", "error: %ticket-live?: expected ticket, got (#t . g)"},
		{"%waiter-index", "5", "error: %waiter-index: expected waiter, got 5"},
		{"%make-waiter", "5 -1 #f", "error: %make-waiter: expected ticket, got 5"},
		{"%make-ticket", "g", "error: %make-ticket: expected goroutine or #f, got g"},
		{"%ticket-goroutine", "#f", "error: %ticket-goroutine: expected ticket, got #f"},
	} {
		if got := call(t, prims, tc.name, tc.args); got != tc.want {
			t.Errorf("(%s %s) (-want +got):\n%s", tc.name, tc.args, cmp.Diff(tc.want, got))
		}
	}
}
