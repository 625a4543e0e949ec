package eval

import (
	"io"
	"math"
	"math/big"
	"strings"
	"testing"

	"contigo/prims"
	"contigo/value"
)

// TestInlineCallAgrees checks InlineCall against the primitive it
// inlines, on what its written-out cases take (fixnums at the edges of
// overflow and of the small-integer cache, symbols, pairs, booleans, the
// empty list) and on what they hand over (other numbers, other types).
// Each call is compiled twice, with constant operands and with locals,
// and must compile to an InlineCall, give the primitive's value, or
// fail with its error.
func TestInlineCallAgrees(t *testing.T) {
	in, err := New(Options{Stdout: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	grid := agreementGrid(t, in)
	quote := func(v value.Value) value.Value { return value.List(value.Intern("quote"), v) }
	x, y := value.Intern("x"), value.Intern("y")
	for name, o := range inlineOpNames {
		sym := value.Intern(name)
		p := in.globals[sym].Value.(*value.Primitive)
		var cases [][]value.Value
		for _, a := range grid {
			if o.arity == 1 {
				cases = append(cases, []value.Value{a})
				continue
			}
			for _, b := range grid {
				if o.arity == 3 {
					// The value stored is the one field a's
					// field had: setting it changes nothing
					// the other cases see.
					c := value.Value(value.Intern("x"))
					if r, ok := a.(*prims.Record); ok {
						if j, ok := b.(value.Fixnum); ok && j >= 0 && int(j) < len(r.Fields) {
							c = r.Fields[j]
						}
					}
					cases = append(cases, []value.Value{a, b, c})
					continue
				}
				cases = append(cases, []value.Value{a, b})
			}
		}
		for _, args := range cases {
			var want value.Value
			var wantErr error
			var constForm, localForm value.Value
			if o.arity == 1 {
				want, wantErr = p.Fn1(args[0])
				constForm = value.List(sym, quote(args[0]))
				localForm = value.List(value.List(value.Intern("lambda"), value.List(x), value.List(sym, x)),
					quote(args[0]))
			} else if o.arity == 3 {
				z := value.Intern("z")
				want, wantErr = p.Fn3(args[0], args[1], args[2])
				constForm = value.List(sym, quote(args[0]), quote(args[1]), quote(args[2]))
				localForm = value.List(value.List(value.Intern("lambda"), value.List(x, y, z), value.List(sym, x, y, z)),
					quote(args[0]), quote(args[1]), quote(args[2]))
			} else {
				want, wantErr = p.Fn2(args[0], args[1])
				constForm = value.List(sym, quote(args[0]), quote(args[1]))
				localForm = value.List(value.List(value.Intern("lambda"), value.List(x, y), value.List(sym, x, y)),
					quote(args[0]), quote(args[1]))
			}
			for _, form := range []value.Value{constForm, localForm} {
				node, err := in.compileTop(form, nil, value.Pos{})
				if err != nil {
					t.Fatal(err)
				}
				desc := value.WriteString(form)
				if !containsInlineCall(node) {
					t.Fatalf("%s did not compile to an InlineCall", desc)
				}
				got, err := in.Eval(form, nil)
				switch {
				case wantErr != nil:
					if err == nil || !strings.Contains(err.Error(), wantErr.Error()) {
						t.Errorf("%s: got %v, %v; want the error %v", desc, value.WriteString(got), err, wantErr)
					}
				case err != nil:
					t.Errorf("%s: error %v, want %s", desc, err, value.WriteString(want))
				case !value.Eqv(got, want) && !(isNaN(got) && isNaN(want)):
					t.Errorf("%s = %s, want %s", desc, value.WriteString(got), value.WriteString(want))
				}
			}
		}
	}
}

// agreementGrid is what the agreement tests of the fast paths call the
// primitives on: fixnums at the edges of overflow and of the
// small-integer cache, other numbers, symbols, pairs, booleans, the empty
// list, and a record of each kind (the concurrency library's and
// define-record-type's: %record-ref and %record-set! take both).
func agreementGrid(t *testing.T, in *Interp) []value.Value {
	t.Helper()
	record, err := in.evalString(`(%record 'test-kind 'a 'b)`)
	if err != nil {
		t.Fatal(err)
	}
	userRecord, err := in.evalString(`(begin (define-record-type point (make-point x) point? (x point-x)) (make-point 5))`)
	if err != nil {
		t.Fatal(err)
	}
	huge, _ := new(big.Int).SetString("100000000000000000000", 10)
	return []value.Value{
		value.Int(0), value.Int(1), value.Int(-1), value.Int(2), value.Int(1023), value.Int(1024),
		value.Int(-1024), value.Int(-1025), value.Int(math.MaxInt64), value.Int(math.MaxInt64 - 1),
		value.Int(math.MinInt64), value.Int(math.MinInt64 + 1), value.Flonum(1.5), value.Flonum(0),
		value.Flonum(math.NaN()), huge, big.NewRat(1, 3), value.NewString("a"),
		value.Intern("x"), value.Intern("y"), value.Cons(value.Int(1), value.Int(2)), value.Nil,
		false, true, value.Char('a'), record, userRecord,
	}
}

func containsInlineCall(n Node) bool {
	switch x := n.(type) {
	case *InlineCall:
		return true
	case *TailValue:
		return containsInlineCall(x.inner)
	case *Lambda:
		return containsInlineCall(x.body)
	case *App:
		for _, a := range x.all {
			if containsInlineCall(a) {
				return true
			}
		}
	}
	return false
}

func isNaN(v value.Value) bool {
	f, ok := v.(value.Flonum)
	return ok && math.IsNaN(float64(f))
}
