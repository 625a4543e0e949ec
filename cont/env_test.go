package cont

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A record released to the pool and then marked as escaped through a
// stale pointer (a frame pushed after its scope ended, popped from a
// captured continuation) must come out of the pool unmarked: the mark
// would stop MarkEscaped at the new record and leave its new enclosing
// records unmarked, to be recycled while a closure still uses them.
func TestPoolForgetsMarksMadeWhileFree(t *testing.T) {
	var pool EnvPool
	for n := 1; n <= 4; n++ {
		released := pool.New(nil, n)
		pool.Recycle(released)
		MarkEscaped(released) // the stale pointer

		parent := NewEnv(nil, 5)
		child := pool.New(parent, n)
		if child != released {
			t.Fatalf("size %d: the pool did not reuse the released record", n)
		}
		MarkEscaped(child) // a closure made in child
		got := []bool{child.Escaped, parent.Escaped}
		if diff := cmp.Diff([]bool{true, true}, got); diff != "" {
			t.Errorf("size %d: escaped marks of (child parent) (-want +got):\n%s", n, diff)
		}
		pool = EnvPool{}
	}
}

func TestPoolNeverRecyclesEscaped(t *testing.T) {
	var pool EnvPool
	e := pool.New(nil, 1)
	MarkEscaped(e)
	pool.Recycle(e)
	if got := pool.New(nil, 1); got == e {
		t.Error("an escaped record was recycled")
	}
}

// TestPoolClearsSlots: a record comes out of the pool with every slot
// nil, whatever its size, so the pool keeps nothing alive and a new
// scope never sees an old value (Recycle clears slot by slot).
func TestPoolClearsSlots(t *testing.T) {
	var pool EnvPool
	for n := 0; n <= len(pool.free); n++ {
		e := pool.New(nil, n)
		for i := range e.Vals {
			e.Vals[i] = "old"
		}
		pool.Recycle(e)
		got := pool.New(nil, n)
		want := make([]any, n)
		vals := make([]any, len(got.Vals))
		for i, v := range got.Vals {
			vals[i] = v
		}
		if diff := cmp.Diff(want, vals); diff != "" {
			t.Errorf("size %d: slots of a recycled record (-want +got):\n%s", n, diff)
		}
	}
}
