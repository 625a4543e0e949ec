package prims

import (
	"math/big"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"contigo/value"
)

// TestStoppable checks the mechanism huge products and powers run
// under: one long Go call (here a stand-in that takes 5 s) is abandoned
// as soon as the interrupt flag is set, and the primitive reports
// value.ErrStopped; an operation that ends first returns its result.
func TestStoppable(t *testing.T) {
	var flag int32
	timer := time.AfterFunc(50*time.Millisecond, func() { atomic.StoreInt32(&flag, 1) })
	defer timer.Stop()
	release := make(chan struct{})
	defer value.WaitConversions()
	defer close(release) // ends the abandoned stand-in
	start := time.Now()
	a := interruptible{&flag}
	v, err := a.stoppable(func() (V, error) {
		select {
		case <-release:
		case <-time.After(5 * time.Second):
		}
		return value.Int(1), nil
	})
	if took := time.Since(start); err != value.ErrStopped || v != nil || took > 2*time.Second {
		t.Errorf("got %v, %v after %v; want ErrStopped well before the operation ends", v, err, took)
	}
	flag = 0
	if v, err := a.stoppable(func() (V, error) { return value.Int(42), nil }); err != nil || v != value.Int(42) {
		t.Errorf("got %v, %v; want 42", v, err)
	}
}

// TestHugeProductAnswersInterrupt runs products and powers past
// longArithBits, and number->string of a huge number, with the interrupt
// already requested: they give up at once instead of computing.
func TestHugeProductAnswersInterrupt(t *testing.T) {
	flag := int32(1)
	table := map[string]*value.Primitive{}
	for _, p := range Table(&flag) {
		table[p.Name] = p
	}
	n, _ := new(big.Int).SetString(strings.Repeat("f", longArithBits/4), 16)
	for _, tc := range []struct {
		name string
		args []V
	}{
		{"*", []V{n, n}},
		{"square", []V{n}},
		{"expt", []V{value.Int(3), value.Int(longArithBits)}},
		{"number->string", []V{n}},
	} {
		if _, err := table[tc.name].Call(tc.args); err != value.ErrStopped {
			t.Errorf("%s: got %v, want ErrStopped", tc.name, err)
		}
	}
}
