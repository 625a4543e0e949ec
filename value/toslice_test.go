package value

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestToSlice checks ToSlice's two paths: a proper list, counted then
// copied, and anything else, read up to where it stops being a list.
func TestToSlice(t *testing.T) {
	circular := &Pair{Car: Fixnum(1)}
	circular.Cdr = &Pair{Car: Fixnum(2), Cdr: circular}
	for _, tc := range []struct {
		name string
		v    Value
		want []Value
		ok   bool
	}{
		{"empty", Nil, nil, true},
		{"one", List(Fixnum(1)), []Value{Fixnum(1)}, true},
		{"five", List(Fixnum(1), Fixnum(2), Fixnum(3), Fixnum(4), Fixnum(5)), []Value{Fixnum(1), Fixnum(2), Fixnum(3), Fixnum(4), Fixnum(5)}, true},
		{"improper", ListTail([]Value{Fixnum(1), Fixnum(2)}, Fixnum(3)), []Value{Fixnum(1), Fixnum(2)}, false},
		{"not a list", Fixnum(3), nil, false},
		{"circular", circular, []Value{Fixnum(1), Fixnum(2), Fixnum(1), Fixnum(2)}, false},
	} {
		got, ok := ToSlice(tc.v)
		if ok != tc.ok {
			t.Errorf("%s: ok %v, want %v", tc.name, ok, tc.ok)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, diff)
		}
	}
}
