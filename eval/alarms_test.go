package eval

import (
	"math"
	"math/big"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"contigo/prims"
	"contigo/value"
)

// ticketPrims are the primitives on tickets, by name (prims/waiters.go).
var ticketPrims = func() map[string]*value.Primitive {
	m := map[string]*value.Primitive{}
	for _, p := range prims.Table(nil) {
		m[p.Name] = p
	}
	return m
}()

// newTicket is a live ticket of no goroutine.
func newTicket(t *testing.T) V {
	t.Helper()
	x, err := ticketPrims["%make-ticket"].Call([]V{false})
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// kill kills a ticket.
func kill(t *testing.T, x V) {
	t.Helper()
	if _, err := ticketPrims["%kill-ticket!"].Call([]V{x}); err != nil {
		t.Fatal(err)
	}
}

// popAll pops every alarm due by now, returning the actions' numbers.
func popAll(t *testing.T, h V, now int64) []int {
	t.Helper()
	var got []int
	for {
		a, err := heapPopDue(h, value.Int(now))
		if err != nil {
			t.Fatal(err)
		}
		if a == false {
			return got
		}
		got = append(got, int(a.(*value.Vector).Items[0].(value.Fixnum)))
	}
}

// TestAlarmHeapOrder checks that alarms come out by deadline, those of
// the same deadline in the order they were set, that alarms with a dead
// ticket never come out, and that none comes out before it is due.
func TestAlarmHeapOrder(t *testing.T) {
	var h V = &alarmHeap{}
	type entry struct{ deadline, i int }
	var want []entry
	for i := 0; i < 20000; i++ {
		d := (i * 48271) % 1009 // many alarms share a deadline
		var ticket V = false
		switch i % 3 {
		case 1:
			ticket = newTicket(t)
		case 2:
			ticket = newTicket(t)
			kill(t, ticket)
		}
		if _, err := heapInsert([]V{h, value.Int(int64(d)), ticket, &value.Vector{Items: []V{value.Int(int64(i))}}}); err != nil {
			t.Fatal(err)
		}
		if i%3 != 2 {
			want = append(want, entry{d, i})
		}
	}
	sort.Slice(want, func(a, b int) bool {
		return want[a].deadline < want[b].deadline || (want[a].deadline == want[b].deadline && want[a].i < want[b].i)
	})
	var wantEarly, wantLate []int
	for _, e := range want {
		if e.deadline <= 500 {
			wantEarly = append(wantEarly, e.i)
		} else {
			wantLate = append(wantLate, e.i)
		}
	}
	if diff := cmp.Diff(wantEarly, popAll(t, h, 500)); diff != "" {
		t.Errorf("due by 500 (-want +got):\n%s", diff)
	}
	next, _ := heapNext(h)
	if next != value.Int(int64(want[len(wantEarly)].deadline)) {
		t.Errorf("next deadline %v, want %d", next, want[len(wantEarly)].deadline)
	}
	if diff := cmp.Diff(wantLate, popAll(t, h, math.MaxInt64)); diff != "" {
		t.Errorf("the rest (-want +got):\n%s", diff)
	}
	if empty, _ := heapEmpty(h); empty != true {
		t.Error("heap not empty after popping everything")
	}
	if c := cap(h.(*alarmHeap).items); c > 2048 {
		t.Errorf("emptied heap keeps a slice of %d alarms", c)
	}
	if next, _ := heapNext(h); next != false {
		t.Errorf("next deadline of an empty heap: %v", next)
	}
}

// TestAlarmHeapSleeper checks that an alarm with no action returns its
// ticket (the scheduler wakes the ticket's goroutine), that a ticket is
// %ticket? and an action not, and that killing
// the ticket after the alarm was set cancels it, also for %heap-next.
func TestAlarmHeapSleeper(t *testing.T) {
	h := &alarmHeap{}
	live, killed := newTicket(t), newTicket(t)
	huge := new(big.Int).Lsh(big.NewInt(1), 100)
	for _, args := range [][]V{{h, value.Int(5), killed, false}, {h, value.Int(7), live, false}, {h, huge, false, value.Int(3)}} {
		if _, err := heapInsert(args); err != nil {
			t.Fatal(err)
		}
	}
	kill(t, killed)
	if next, _ := heapNext(h); next != value.Int(7) {
		t.Errorf("next deadline %v, want 7", next)
	}
	if a, _ := heapPopDue(h, value.Int(6)); a != false {
		t.Errorf("popped %v before it was due", a)
	}
	if a, _ := heapPopDue(h, value.Int(7)); a != live {
		t.Errorf("popped %v, want the live ticket", a)
	}
	for _, p := range alarmPrims() {
		if p.Name != "%ticket?" {
			continue
		}
		for x, want := range map[V]V{live: true, value.Int(3): false, value.Cons(true, false): false} {
			if got, _ := p.Call([]V{x}); got != want {
				t.Errorf("(%%ticket? %v) = %v", x, got)
			}
		}
	}
	if next, _ := heapNext(h); next != value.Int(math.MaxInt64) {
		t.Errorf("a deadline past int64 is %v, want the largest", next)
	}
}

// TestAlarmHeapErrors checks the primitives' argument errors.
func TestAlarmHeapErrors(t *testing.T) {
	h := &alarmHeap{}
	for _, tc := range []struct {
		args []V
		want string
	}{
		{[]V{false, value.Int(1), false, value.Int(1)}, "alarm heap"},
		{[]V{h, value.Flonum(1.5), false, value.Int(1)}, "exact integer"},
		{[]V{h, value.Int(1), value.Cons(true, false), value.Int(1)}, "ticket"},
		{[]V{h, value.Int(1), false, false}, "action"},
		{[]V{h, value.Int(1), newTicket(t), newTicket(t)}, "action"},
	} {
		_, err := heapInsert(tc.args)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%%heap-insert! %v: error %v, want one about %q", tc.args, err, tc.want)
		}
	}
	if len(h.items) != 0 {
		t.Errorf("bad calls inserted %d alarms", len(h.items))
	}
}

// TestAlarmHeapSweep checks that dead alarms do not pile up: a timer
// reset again and again (each reset kills the ticket of the last alarm)
// leaves the heap no bigger than a small multiple of the live alarms,
// and the sweeps keep the order.
func TestAlarmHeapSweep(t *testing.T) {
	h := &alarmHeap{}
	var keep []int
	for i := 0; i < 100000; i++ {
		ticket := newTicket(t)
		if _, err := heapInsert([]V{h, value.Int(int64(1e9 - i)), ticket, &value.Vector{Items: []V{value.Int(int64(i))}}}); err != nil {
			t.Fatal(err)
		}
		if i%1000 == 0 { // every thousandth stays pending
			keep = append([]int{i}, keep...) // later ones are due first
		} else {
			kill(t, ticket)
		}
		if len(h.items) > 2*len(keep)+minSweep {
			t.Fatalf("after %d insertions the heap holds %d alarms, %d of them live", i+1, len(h.items), len(keep))
		}
	}
	if diff := cmp.Diff(keep, popAll(t, h, math.MaxInt64)); diff != "" {
		t.Errorf("live alarms (-want +got):\n%s", diff)
	}
}
