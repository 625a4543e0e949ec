package eval

// This file defines the few primitives that the goroutine scheduler in
// prelude.scm needs beyond the core hooks (%call/cc-raw, dynamic states,
// the timer, the clock). Each exists because Scheme alone cannot do it
// well:
//
//   - %make-queue and friends: first-in, first-out queues in a ring
//     buffer. The run queue and the channels' wait queues are the
//     scheduler's busiest data structure; as Scheme lists they took about
//     a fifth of a channel round trip (profile of BenchmarkSchedPingPong),
//     as a primitive one call each and no allocation per item.
//   - %record and friends (tagged records, in package prims): goroutines,
//     channels and nurseries are records of a kind that prints only what
//     a user wants to see. As vectors they would print their continuations
//     and their cyclic links (goroutine → nursery → goroutine) at the
//     REPL, and goroutine? could not tell them from user vectors.
//   - %drop-records!: unlinking the ended goroutines from the list of
//     goroutines. The list has one link, so ended ones stay in it until
//     a pass drops them; in Scheme that pass cost spawn 4% of its
//     instructions.
//   - %make-condition: an error object with a kind, so that Go can
//     recognise an uncaught deadlock (prelude.IsDeadlock) and the contigo
//     command exit with status 2 as Go does.
//   - %continuation-backtrace: where a blocked goroutine is waiting, for
//     the deadlock report.
//   - %make-alarm-heap and friends (alarms.go): the heap of pending
//     alarms, small enough for a million timers.
//   - %idle-sleep: the scheduler's sleep when every goroutine waits on a
//     timer; unlike os-sleep it wakes early when Ctrl-C is pressed.
//
// The hooks that switch goroutines are in switch.go.

import (
	"math"
	"sync/atomic"
	"time"

	"contigo/prims"
	"contigo/value"
)

func (in *Interp) schedPrims() []*value.Primitive {
	return append(alarmPrims(),
		prim("%make-queue", 0, 0, makeQueue),
		prim1("%queue-empty?", queueEmpty),
		prim1("%queue-length", queueLength),
		prim2("%enqueue!", enqueue),
		&value.Primitive{Name: "%waitq-push!", Min: 3, Max: 3, Fn3: waitqPush},
		prim("%drop-records!", 4, 4, dropRecords),
		prim1("%queue-first", queueFirst),
		prim1("%dequeue!", dequeue),
		prim1("%queue->list", queueToList),
		prim1("%queue-clear!", queueClear),
		prim1("%queue-limit", queueLimit),
		prim2("%queue-limit-set!", setQueueLimit),
		prim("%make-condition", 2, -1, makeCondition),
		prim1("%condition-kind", conditionKind),
		prim1("%continuation-backtrace", continuationBacktrace),
		prim1("%origin", origin),
		prim1("%idle-sleep", in.idleSleep),
	)
}

// queue is a first-in, first-out queue of values in a ring buffer: the
// scheduler's run queue and the wait queues of channels. limit is a spare
// number for its user (the wait queues keep their purge limit there).
// The ring's length is a power of two (8, 16, ...), so positions wrap
// with a mask rather than a division.
type queue struct {
	items   []value.Value
	head, n int
	limit   int
}

// SchemeString implements value.Opaque.
func (q *queue) SchemeString() string { return "#<queue>" }

func (q *queue) push(x value.Value) {
	if q.n == len(q.items) {
		grown := make([]value.Value, max(8, 2*len(q.items)))
		for i := 0; i < q.n; i++ {
			grown[i] = q.items[(q.head+i)%len(q.items)]
		}
		q.items, q.head = grown, 0
	}
	q.items[(q.head+q.n)&(len(q.items)-1)] = x
	q.n++
}

func (q *queue) pop() value.Value {
	x := q.items[q.head]
	q.items[q.head] = nil
	q.head = (q.head + 1) & (len(q.items) - 1)
	q.n--
	return x
}

// toQueue is v as a queue, for the primitive who.
func toQueue(v V, who string) (*queue, error) {
	q, ok := v.(*queue)
	if !ok {
		return nil, value.TypeError(who, "queue", v)
	}
	return q, nil
}

// nonEmpty is v as a queue with an item, for the primitive who.
func nonEmpty(v V, who string) (*queue, error) {
	q, err := toQueue(v, who)
	if err == nil && q.n == 0 {
		err = value.Errorf("%s: empty queue", who)
	}
	return q, err
}

// makeQueue is (%make-queue).
func makeQueue(args []V) (V, error) { return &queue{}, nil }

// queueEmpty is (%queue-empty? q).
func queueEmpty(x V) (V, error) {
	q, err := toQueue(x, "%queue-empty?")
	return err == nil && q.n == 0, err
}

// queueLength is (%queue-length q).
func queueLength(x V) (V, error) {
	q, err := toQueue(x, "%queue-length")
	if err != nil {
		return nil, err
	}
	return value.Int(int64(q.n)), nil
}

// enqueue is (%enqueue! q item). It returns whether q now holds more
// items than its limit: a wait queue purges its dead waiters then, and
// learns it without two more calls (%queue-length, %queue-limit) at
// every blocking operation.
func enqueue(x, item V) (V, error) {
	q, err := toQueue(x, "%enqueue!")
	if err != nil {
		return nil, err
	}
	q.push(item)
	return q.n > q.limit, nil
}

// waitqPush is (%waitq-push! record i waiter): it pushes waiter on the
// wait queue in field i of record (a channel's recvq or sendq) and
// returns whether the queue is now longer than its limit (time to drop
// its dead waiters). A channel starts with the shared, always empty queue
// %no-waiters in both fields (a queue whose limit is negative): the
// first push gives it a queue of its own, with the limit 8. Two queues
// cost a channel 96 bytes, and most channels that after makes are never
// waited on; done in Scheme, the test of which queue it is cost
// ping-pong 3% of its instructions.
func waitqPush(r, i, w V) (V, error) {
	rec, ok := r.(*prims.Record)
	j, ok2 := i.(value.Fixnum)
	if !ok || !ok2 || j < 0 || int(j) >= len(rec.Fields) {
		return nil, value.Errorf("%%waitq-push!: expected a record and one of its fields, got %s and %s",
			value.WriteShort(r, 60), value.WriteShort(i, 60))
	}
	q, err := toQueue(rec.Fields[j], "%waitq-push!")
	if err != nil {
		return nil, err
	}
	if q.limit < 0 {
		q = &queue{limit: 8}
		rec.Fields[j] = q
	}
	q.push(w)
	return q.n > q.limit, nil
}

// dropRecords is (%drop-records! first next state gone): in the list of
// records linked through field next from first, it unlinks every record
// but first whose field state is gone (eq?), clearing its link so that a
// reference kept to it keeps no other record alive. It returns the last
// record left and how many are left: (last . count).
func dropRecords(args []V) (V, error) {
	first, ok := args[0].(*prims.Record)
	next, ok2 := args[1].(value.Fixnum)
	state, ok3 := args[2].(value.Fixnum)
	if !ok || !ok2 || !ok3 || !validField(first, next) || !validField(first, state) {
		return nil, value.Errorf("%%drop-records!: expected a record and two of its fields, got %s, %s and %s",
			value.WriteShort(args[0], 60), value.WriteShort(args[1], 60), value.WriteShort(args[2], 60))
	}
	prev, kept := first, int64(1)
	for {
		r, ok := prev.Fields[next].(*prims.Record)
		if !ok || r.Type != first.Type {
			return &value.Pair{Car: prev, Cdr: value.Int(kept)}, nil
		}
		if r.Fields[state] == args[3] {
			prev.Fields[next] = r.Fields[next]
			r.Fields[next] = false
		} else {
			prev, kept = r, kept+1
		}
	}
}

// validField tells whether i indexes a field of r.
func validField(r *prims.Record, i value.Fixnum) bool { return i >= 0 && int(i) < len(r.Fields) }

// queueFirst is (%queue-first q).
func queueFirst(x V) (V, error) {
	q, err := nonEmpty(x, "%queue-first")
	if err != nil {
		return nil, err
	}
	return q.items[q.head], nil
}

// dequeue is (%dequeue! q): it removes the first item and returns it.
func dequeue(x V) (V, error) {
	q, err := nonEmpty(x, "%dequeue!")
	if err != nil {
		return nil, err
	}
	return q.pop(), nil
}

// queueToList is (%queue->list q).
func queueToList(x V) (V, error) {
	q, err := toQueue(x, "%queue->list")
	if err != nil {
		return nil, err
	}
	items := make([]V, q.n)
	for i := range items {
		items[i] = q.items[(q.head+i)%len(q.items)]
	}
	return value.List(items...), nil
}

// queueClear is (%queue-clear! q).
func queueClear(x V) (V, error) {
	q, err := toQueue(x, "%queue-clear!")
	if err != nil {
		return nil, err
	}
	clear(q.items)
	q.head, q.n = 0, 0
	return value.Unspecified, nil
}

// queueLimit is (%queue-limit q).
func queueLimit(x V) (V, error) {
	q, err := toQueue(x, "%queue-limit")
	if err != nil {
		return nil, err
	}
	return value.Int(int64(q.limit)), nil
}

// setQueueLimit is (%queue-limit-set! q n).
func setQueueLimit(x, n V) (V, error) {
	q, err := toQueue(x, "%queue-limit-set!")
	if err != nil {
		return nil, err
	}
	l, err := value.IntegerToInt(n, "%queue-limit-set!")
	if err != nil {
		return nil, err
	}
	q.limit = l
	return value.Unspecified, nil
}

// makeCondition is (%make-condition kind message irritant ...): an error
// object of the given kind (a string).
func makeCondition(args []V) (V, error) {
	kind, err := str(args[0], "%make-condition")
	if err != nil {
		return nil, err
	}
	msg, err := str(args[1], "%make-condition")
	if err != nil {
		return nil, err
	}
	return &value.ErrorObject{Kind: kind.String(), Message: msg.String(),
		Irritants: append([]V(nil), args[2:]...)}, nil
}

// conditionKind is (%condition-kind obj): the kind of an error object as
// a string, or #f.
func conditionKind(x V) (V, error) {
	if e, ok := x.(*value.ErrorObject); ok && e.Kind != "" {
		return value.NewString(e.Kind), nil
	}
	return false, nil
}

// origin is (%origin proc): where the procedure proc was written, as "by
// NAME at FILE:LINE:COL" (NAME the procedure around it, or <top level>;
// just "at ..." inside an anonymous one), or #f for a primitive or a
// procedure of the library. It is the "created by" line of a goroutine,
// whose thunk is the lambda of its go form. The string is made once per
// lambda expression, so goroutines started at one place share it.
func origin(x V) (V, error) {
	c, ok := x.(*Closure)
	if !ok || !c.lam.pos.IsValid() || isLibPos(c.lam.pos) {
		return false, nil
	}
	if c.lam.origin == nil {
		name := c.lam.site.name
		switch name {
		case "":
			name = "by <top level> "
		case "#<lambda>":
			name = "" // an anonymous procedure says nothing
		default:
			name = "by " + name + " "
		}
		c.lam.origin = value.NewString(name + "at " + c.lam.pos.String())
	}
	return c.lam.origin, nil
}

// idleSleep is (%idle-sleep ms): it flushes the output and sleeps ms
// milliseconds, returning early when the user presses Ctrl-C (the
// machine then stops at its next poll).
func (in *Interp) idleSleep(a V) (V, error) {
	f, ok := value.ToFloat(a)
	if !ok {
		return nil, value.TypeError("%idle-sleep", "number of milliseconds", a)
	}
	in.Flush()
	in.sleep(f)
	return value.Unspecified, nil
}

// sleep sleeps ms milliseconds (capped at about 292 years, where
// time.Duration ends; NaN and negative numbers sleep not at all),
// returning early (false) when the user presses Ctrl-C.
func (in *Interp) sleep(ms float64) bool {
	d := time.Duration(math.MaxInt64)
	if !(ms > 0) {
		d = 0
	} else if ms < float64(math.MaxInt64/int64(time.Millisecond)) {
		d = time.Duration(ms * float64(time.Millisecond))
	}
	start := time.Now()
	deadline := start.Add(d)
	if d > 0 && !deadline.After(start) { // the clock overflowed
		deadline = start.Add(time.Duration(math.MaxInt64 / 2))
	}
	for atomic.LoadInt32(&in.interrupted) == 0 {
		left := time.Until(deadline)
		if left <= 0 {
			return true
		}
		time.Sleep(min(left, 20*time.Millisecond))
	}
	return false
}
