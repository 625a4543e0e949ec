package eval

// This file defines the heap of alarms that the scheduler in prelude.scm
// keeps its sleeping goroutines and pending timers in (see ";;; Tickets
// and alarms" there):
//
//	(%make-alarm-heap)                 a new, empty heap
//	(%ticket? x)                       whether x is a ticket (prims/waiters.go)
//	(%heap-empty? h)                   whether h holds no alarm
//	(%heap-insert! h deadline ticket action)
//	(%heap-pop-due! h now)             what the next due, live alarm says to do, or #f
//	(%heap-next h)                     the deadline of the next live alarm, or #f
//
// Deadlines are exact integers in the unit of current-jiffy. An alarm is
// live while its ticket is #f or a live ticket. %heap-pop-due! drops the dead
// alarms it meets and returns the first live one due by now: its action,
// or its ticket when the action is #f (a sleeping goroutine's alarm,
// which the scheduler answers by waking the ticket's goroutine).
//
// It is in Go for memory: a million pending timers are a million alarms.
// In Scheme each was a record of four fields (96 bytes), two boxed
// numbers, and for a timer or (after ms) a closure and its environment
// record (some 300 bytes in all); here it is one 48-byte slot of a slice,
// and the action is the channel or timer itself rather than a closure.

import (
	"math"
	"math/big"

	"contigo/prims"
	"contigo/value"
)

func alarmPrims() []*value.Primitive {
	return []*value.Primitive{
		prim("%make-alarm-heap", 0, 0, func([]V) (V, error) { return &alarmHeap{}, nil }),
		prim1("%ticket?", func(x V) (V, error) { _, ok := x.(*prims.Ticket); return ok, nil }),
		prim1("%heap-empty?", heapEmpty),
		prim("%heap-insert!", 4, 4, heapInsert),
		prim2("%heap-pop-due!", heapPopDue),
		prim1("%heap-next", heapNext),
	}
}

// alarmHeap is a binary min-heap of alarms, by deadline, then by order
// of insertion, so that alarms with the same deadline go off in the
// order they were set.
type alarmHeap struct {
	items []alarm
	made  int64 // alarms inserted so far: the next one's serial
	// limit is the size past which an insertion first sweeps out the
	// dead alarms (see sweep).
	limit int
}

// An alarm is one entry of the heap (see the file comment).
type alarm struct {
	deadline, serial int64
	ticket, action   V
}

// SchemeString implements value.Opaque.
func (h *alarmHeap) SchemeString() string { return "#<alarms>" }

func (a *alarm) live() bool {
	t, ok := a.ticket.(*prims.Ticket)
	return !ok || t.Live()
}

func (h *alarmHeap) less(i, j int) bool {
	a, b := &h.items[i], &h.items[j]
	return a.deadline < b.deadline || (a.deadline == b.deadline && a.serial < b.serial)
}

func (h *alarmHeap) push(a alarm) {
	if len(h.items) >= h.limit {
		h.sweep()
	}
	h.items = append(h.items, a)
	h.up(len(h.items) - 1)
}

func (h *alarmHeap) up(i int) {
	for i > 0 {
		parent := (i - 1) / 2
		if !h.less(i, parent) {
			break
		}
		h.items[i], h.items[parent] = h.items[parent], h.items[i]
		i = parent
	}
}

func (h *alarmHeap) down(i int) {
	n := len(h.items)
	for {
		l := 2*i + 1
		if l >= n {
			break
		}
		c := l
		if r := l + 1; r < n && h.less(r, l) {
			c = r
		}
		if !h.less(c, i) {
			break
		}
		h.items[i], h.items[c] = h.items[c], h.items[i]
		i = c
	}
}

// sweep removes the dead alarms and sets the next limit at twice the
// live ones. A stopped or reset timer leaves its alarm dead in the heap
// until its deadline: a timeout loop that resets a timer of an hour
// for every value would otherwise keep an alarm for each value for an
// hour. Sweeping when the heap has doubled costs O(1) per insertion.
func (h *alarmHeap) sweep() {
	live := h.items[:0]
	for _, a := range h.items {
		if a.live() {
			live = append(live, a)
		}
	}
	clear(h.items[len(live):])
	h.items = live
	for i := len(live)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
	h.limit = max(minSweep, 2*len(live))
}

// minSweep is the size below which the heap is never swept.
const minSweep = 256

// pop removes the first alarm. The slice shrinks when it is mostly
// empty, so that a burst of a million timers does not keep its memory.
func (h *alarmHeap) pop() alarm {
	top := h.items[0]
	n := len(h.items) - 1
	h.items[0] = h.items[n]
	h.items[n] = alarm{}
	h.items = h.items[:n]
	h.down(0)
	if c := cap(h.items); c > 1024 && 4*n < c {
		h.items = append(make([]alarm, 0, c/2), h.items...)
	}
	return top
}

// dropDead removes the dead alarms at the top.
func (h *alarmHeap) dropDead() {
	for len(h.items) > 0 && !h.items[0].live() {
		h.pop()
	}
}

func toAlarmHeap(v V, who string) (*alarmHeap, error) {
	h, ok := v.(*alarmHeap)
	if !ok {
		return nil, value.TypeError(who, "alarm heap", v)
	}
	return h, nil
}

// jiffies is the exact integer x as a deadline, a huge one (an alarm
// centuries away) as the largest.
func jiffies(x V, who string) (int64, error) {
	switch n := x.(type) {
	case value.Fixnum:
		return int64(n), nil
	case *big.Int:
		if n.Sign() < 0 {
			return math.MinInt64, nil
		}
		return math.MaxInt64, nil
	}
	return 0, value.TypeError(who, "exact integer", x)
}

// heapEmpty is (%heap-empty? h).
func heapEmpty(x V) (V, error) {
	h, err := toAlarmHeap(x, "%heap-empty?")
	return err == nil && len(h.items) == 0, err
}

// heapInsert is (%heap-insert! h deadline ticket action).
func heapInsert(args []V) (V, error) {
	h, err := toAlarmHeap(args[0], "%heap-insert!")
	if err != nil {
		return nil, err
	}
	d, err := jiffies(args[1], "%heap-insert!")
	if err != nil {
		return nil, err
	}
	ticket, action := args[2], args[3]
	if _, ok := ticket.(*prims.Ticket); !ok && ticket != false {
		return nil, value.TypeError("%heap-insert!", "ticket or #f", ticket)
	}
	// The action comes back from %heap-pop-due! in place of the ticket
	// when it is #f, so it must not look like one.
	if _, ok := action.(*prims.Ticket); ok || (action == false && ticket == false) {
		return nil, value.TypeError("%heap-insert!", "action (not a ticket; #f only with a ticket)", action)
	}
	h.made++
	h.push(alarm{deadline: d, serial: h.made, ticket: ticket, action: action})
	return value.Unspecified, nil
}

// heapPopDue is (%heap-pop-due! h now).
func heapPopDue(x, now V) (V, error) {
	h, err := toAlarmHeap(x, "%heap-pop-due!")
	if err != nil {
		return nil, err
	}
	t, err := jiffies(now, "%heap-pop-due!")
	if err != nil {
		return nil, err
	}
	for len(h.items) > 0 && h.items[0].deadline <= t {
		a := h.pop()
		if !a.live() {
			continue
		}
		if a.action == false {
			return a.ticket, nil
		}
		return a.action, nil
	}
	return false, nil
}

// heapNext is (%heap-next h).
func heapNext(x V) (V, error) {
	h, err := toAlarmHeap(x, "%heap-next")
	if err != nil {
		return nil, err
	}
	h.dropDead()
	if len(h.items) == 0 {
		return false, nil
	}
	return value.Int(h.items[0].deadline), nil
}
