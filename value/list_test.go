package value

import "testing"

// TestListTail checks that lists built in one allocation are the lists
// that consing one pair at a time builds, for every length around the
// special cases, and that their pairs stay independent under mutation.
func TestListTail(t *testing.T) {
	for n := 0; n <= 5; n++ {
		vals := make([]Value, n)
		for i := range vals {
			vals[i] = Int(int64(i))
		}
		for _, tail := range []Value{Nil, Int(99)} {
			var want Value = tail
			for i := n - 1; i >= 0; i-- {
				want = Cons(vals[i], want)
			}
			got := ListTail(vals, tail)
			if !Equal(got, want) {
				t.Errorf("ListTail(%d values, %s) = %s, want %s", n, WriteString(tail), WriteString(got), WriteString(want))
			}
			if tail == Value(Nil) && !Equal(List(vals...), want) {
				t.Errorf("List(%d values) = %s, want %s", n, WriteString(List(vals...)), WriteString(want))
			}
		}
	}
	l := List(Int(1), Int(2), Int(3)).(*Pair)
	second := l.Cdr.(*Pair)
	second.Cdr = Int(7) // (set-cdr! (cdr l) 7)
	l.Car = Int(0)
	if got := WriteString(l); got != "(0 2 . 7)" {
		t.Errorf("after mutation: %s, want (0 2 . 7)", got)
	}
}
