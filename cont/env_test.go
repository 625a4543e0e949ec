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
