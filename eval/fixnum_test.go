package eval

import (
	"io"
	"math"
	"math/big"
	"strings"
	"testing"

	"contigo/value"
)

// TestFixCallAgrees checks FixCall against the primitive it inlines, on
// fixnums at the edges of overflow and of the small-integer cache and on
// what the fast path hands over: other numbers and non-numbers. Each
// call is compiled twice, with constant operands and with locals, and
// must compile to a FixCall, give the primitive's value, or fail with
// its error.
func TestFixCallAgrees(t *testing.T) {
	in, err := New(Options{Stdout: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	huge, _ := new(big.Int).SetString("100000000000000000000", 10)
	grid := []value.Value{
		value.Int(0), value.Int(1), value.Int(-1), value.Int(2), value.Int(1023), value.Int(1024),
		value.Int(-1024), value.Int(-1025), value.Int(math.MaxInt64), value.Int(math.MaxInt64 - 1),
		value.Int(math.MinInt64), value.Int(math.MinInt64 + 1), value.Flonum(1.5), value.Flonum(math.NaN()),
		huge, big.NewRat(1, 3), value.NewString("a"),
	}
	for name := range fixOpNames {
		sym := value.Intern(name)
		p := in.globals[sym].Value.(*value.Primitive)
		for _, a := range grid {
			for _, b := range grid {
				want, wantErr := p.Fn2(a, b)
				forms := []value.Value{
					value.List(sym, a, b),
					value.List(value.List(value.Intern("lambda"), value.List(value.Intern("x"), value.Intern("y")),
						value.List(sym, value.Intern("x"), value.Intern("y"))), a, b),
				}
				for _, form := range forms {
					node, err := in.compileTop(form, nil, value.Pos{})
					if err != nil {
						t.Fatal(err)
					}
					if !containsFixCall(node) {
						t.Fatalf("%s did not compile to a FixCall", value.WriteString(form))
					}
					got, err := in.Eval(form, nil)
					desc := value.WriteString(form)
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
}

func containsFixCall(n Node) bool {
	switch x := n.(type) {
	case *FixCall:
		return true
	case *TailValue:
		return containsFixCall(x.inner)
	case *Lambda:
		return containsFixCall(x.body)
	case *App:
		for _, a := range x.all {
			if containsFixCall(a) {
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
