package eval

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"contigo/value"
)

// TestQueueRing pushes and pops across the ring's wrap and its growth
// (its length stays a power of two, which the masks rely on), and checks
// what %enqueue! says of the limit.
func TestQueueRing(t *testing.T) {
	q := &queue{limit: 3}
	var got, want []int64
	var over []bool
	next := int64(0)
	push := func() {
		v, err := enqueue(q, value.Int(next))
		if err != nil {
			t.Fatal(err)
		}
		over = append(over, v.(bool))
		want = append(want, next)
		next++
	}
	pop := func() {
		got = append(got, int64(q.pop().(value.Fixnum)))
	}
	for round := 0; round < 5; round++ {
		for i := 0; i < 6+round*5; i++ {
			push()
		}
		for i := 0; i < 4+round*3; i++ {
			pop()
		}
		if n := len(q.items); n&(n-1) != 0 {
			t.Fatalf("ring of %d slots, not a power of two", n)
		}
	}
	for q.n > 0 {
		pop()
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("popped (-pushed +popped):\n%s", diff)
	}
	if diff := cmp.Diff([]bool{false, false, false, true, true, true}, over[:6]); diff != "" {
		t.Errorf("over the limit (-want +got):\n%s", diff)
	}
}
