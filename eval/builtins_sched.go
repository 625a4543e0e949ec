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
//   - %record and friends: goroutines, channels and nurseries are records
//     of a kind that prints only what a user wants to see. As vectors they
//     would print their continuations and their cyclic links (goroutine →
//     nursery → goroutine) at the REPL, and goroutine? could not tell them
//     from user vectors.
//   - %make-condition: an error object with a kind, so that main.go can
//     recognise an uncaught deadlock and exit with status 2 as Go does.
//   - %continuation-backtrace: where a blocked goroutine is waiting, for
//     the deadlock report.
//   - %idle-sleep: the scheduler's sleep when every goroutine waits on a
//     timer; unlike os-sleep it wakes early when Ctrl-C is pressed.
//   - %goroutine-continuation and %call-in-continuation: what a blocked
//     goroutine keeps alive (see installSchedControls).

import (
	"math"
	"sync/atomic"
	"time"

	"contigo/cont"
	"contigo/value"
)

// installSchedControls defines the two hooks of the scheduler that act on
// the machine (see control.go for the others). They exist for memory: a
// goroutine blocked on a channel should keep alive little more than its
// record, its waiter and its continuation (issue 4: at most 1 KB each,
// for 100,000 goroutines).
//
//   - (%goroutine-continuation base tag) returns the continuation a
//     goroutine started now begins in: base's frames, and a dynamic state
//     of its own, outside every dynamic-wind (the shared root of
//     threads), with the current parameter bindings, and with one
//     exception handler. A raise that reaches that handler leaves for
//     that continuation, as an ordinary continuation does (the after
//     thunks of the extents it leaves run, with the handler still
//     installed), and delivers (tag . obj) there. Installed with
//     with-exception-handler, the handler would cost every goroutine a
//     frame, an environment, a closure, a continuation and a dynamic
//     state; here goroutines started with the same parameter bindings
//     share them all.
//   - (%call-in-continuation k thunk [thread]) calls thunk in the raw
//     continuation k, with k's dynamic state, and no wind thunk runs: a
//     goroutine is resumed (or started) by calling the scheduler's resume
//     procedure on top of its own continuation. What it does after waking
//     (releasing the lock, raising a cancellation) then costs no frame
//     while it is blocked. With thread, it also names the thread of
//     control that runs from now on, as %set-current-thread! does (#f:
//     the main program); k's own thread is not used, since goroutines
//     start on shared continuations.
func (in *Interp) installSchedControls() {
	// The continuation made last, and what it was made from.
	var last struct {
		params *cont.ParamBinding
		base   *Continuation
		tag    V
		k      *RawContinuation
	}
	for _, c := range []*Control{
		{"%goroutine-continuation", 2, 2, func(m *Machine, args []V, s *site) {
			base, ok := asContinuation(args[0])
			if !ok {
				m.fail(value.TypeError("%goroutine-continuation", "continuation", args[0]), s)
			}
			tag := args[1]
			// The values the creator set privately are inherited too.
			params := m.in.private.inherit(m.dyn.Thread, m.dyn.Params)
			if last.k == nil || last.params != params || last.base != base || last.tag != tag {
				d := &cont.Dynamic{Wind: m.dyn.Fresh().Wind, Params: params}
				k := &RawContinuation{Continuation{k: base.k, dyn: d}}
				var h *Control
				h = &Control{"%goroutine-base-handler", 1, 1, func(m *Machine, args []V, s *site) {
					m.dyn = m.dyn.WithHandlers(&cont.Handler{Proc: h, Next: m.dyn.Handlers})
					// An ordinary continuation, of the raising
					// goroutine: the after thunks run.
					escape := &Continuation{k: base.k, dyn: d.WithThread(m.dyn.Thread)}
					m.resumeContinuation(escape, &value.Pair{Car: tag, Cdr: args[0]})
				}}
				d.Handlers = &cont.Handler{Proc: h}
				last.params, last.base, last.tag, last.k = params, base, tag, k
			}
			m.ret(last.k)
		}},
		{"%call-in-continuation", 2, 3, func(m *Machine, args []V, s *site) {
			k, ok := asContinuation(args[0])
			if !ok {
				m.fail(value.TypeError("%call-in-continuation", "continuation", args[0]), s)
			}
			m.k = k.k
			m.dyn = k.dyn
			m.entry = nil // another goroutine's (see resumeRaw)
			if len(args) == 3 {
				m.dyn = m.dyn.WithThread(threadTag(args[2]))
			}
			m.apply(args[1], nil, s)
		}},
	} {
		in.Define(c.Name, c)
	}
}

// recordKind describes the records of one kind of the concurrency
// library (%record-kind): its name, and what of a record it prints. A
// record prints as Guile's records do, with only the fields a user wants
// to see, never those holding continuations or cyclic links: a channel
// as #<chan 3 len: 0 cap: 1 closed: #f>, its id field after the name.
type recordKind struct {
	name    string
	id      int             // the field printed after the name, or -1
	printed []*value.Symbol // the other fields printed, by name
	index   []int           // and their indices
	size    int             // how many fields a record has
}

// SchemeString implements value.Opaque.
func (k *recordKind) SchemeString() string { return "#<record-kind " + k.name + ">" }

// record is an object of the concurrency library: goroutines, channels,
// nurseries and the rest, fields of a kind.
type record struct {
	kind   *recordKind
	fields []value.Value
}

// PrintFields implements value.Fielded.
func (r *record) PrintFields() (string, []*value.Symbol, []value.Value) {
	name := r.kind.name
	if r.kind.id >= 0 {
		name += " " + value.WriteString(r.fields[r.kind.id])
	}
	vals := make([]value.Value, len(r.kind.index))
	for i, j := range r.kind.index {
		vals[i] = r.fields[j]
	}
	return name, r.kind.printed, vals
}

// newRecord makes a record of kind k with fields vals (copied), in one
// allocation when it is small: a channel's waiter is made at every
// blocking operation.
func newRecord(k *recordKind, vals []value.Value) *record {
	switch len(vals) {
	case 2:
		b := &struct {
			r record
			f [2]value.Value
		}{}
		copy(b.f[:], vals)
		b.r = record{k, b.f[:]}
		return &b.r
	case 3:
		b := &struct {
			r record
			f [3]value.Value
		}{}
		copy(b.f[:], vals)
		b.r = record{k, b.f[:]}
		return &b.r
	}
	return &record{k, append([]value.Value(nil), vals...)}
}

// makeRecordKind is (%record-kind name (field ...) (printed ...)): the
// kind of records with those fields, printing those of printed; if the
// first of printed is id, it is printed after the name, bare.
func makeRecordKind(args []V) (V, error) {
	name, ok := args[0].(*value.Symbol)
	if !ok {
		return nil, value.TypeError("%record-kind", "symbol", args[0])
	}
	fields, ok1 := value.ToSlice(args[1])
	printed, ok2 := value.ToSlice(args[2])
	if !ok1 || !ok2 {
		return nil, value.Errorf("%%record-kind: expected lists of field names")
	}
	k := &recordKind{name: name.Name, id: -1, size: len(fields)}
	for n, p := range printed {
		i := 0
		for i < len(fields) && fields[i] != p {
			i++
		}
		if i == len(fields) {
			return nil, value.Errorf("%%record-kind: %s is not a field of %s", value.WriteString(p), name.Name)
		}
		if n == 0 && p == value.Intern("id") {
			k.id = i
			continue
		}
		k.printed = append(k.printed, p.(*value.Symbol))
		k.index = append(k.index, i)
	}
	return k, nil
}

// queue is a first-in, first-out queue of values in a ring buffer: the
// scheduler's run queue and the wait queues of channels. limit is a spare
// number for its user (the wait queues keep their purge limit there).
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
	q.items[(q.head+q.n)%len(q.items)] = x
	q.n++
}

func (q *queue) pop() value.Value {
	x := q.items[q.head]
	q.items[q.head] = nil
	q.head = (q.head + 1) % len(q.items)
	q.n--
	return x
}

// preludeFile is the file name positions in the prelude carry.
const preludeFile = "prelude.scm"

func inPrelude(p value.Pos) bool { return p.File != nil && *p.File == preludeFile }

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

func (in *Interp) schedPrims() []*value.Primitive {
	rec := func(v V, who string) (*record, error) {
		r, ok := v.(*record)
		if !ok {
			return nil, value.TypeError(who, "record", v)
		}
		return r, nil
	}
	field := func(r *record, i V, who string) (int, error) {
		return index(i, who, len(r.fields))
	}
	toQueue := func(v V, who string) (*queue, error) {
		q, ok := v.(*queue)
		if !ok {
			return nil, value.TypeError(who, "queue", v)
		}
		return q, nil
	}
	nonEmpty := func(v V, who string) (*queue, error) {
		q, err := toQueue(v, who)
		if err == nil && q.n == 0 {
			err = value.Errorf("%s: empty queue", who)
		}
		return q, err
	}
	return []*value.Primitive{
		// Queues: (%make-queue), (%queue-empty? q), (%queue-length q),
		// (%enqueue! q x), (%queue-first q), (%dequeue! q) (removes and
		// returns the first item), (%queue->list q), (%queue-clear! q),
		// (%queue-limit q), (%queue-limit-set! q n).
		prim("%make-queue", 0, 0, func(args []V) (V, error) { return &queue{}, nil }),
		prim1("%queue-empty?", func(x V) (V, error) {
			q, err := toQueue(x, "%queue-empty?")
			return err == nil && q.n == 0, err
		}),
		prim1("%queue-length", func(x V) (V, error) {
			q, err := toQueue(x, "%queue-length")
			if err != nil {
				return nil, err
			}
			return value.Int(int64(q.n)), nil
		}),
		prim2("%enqueue!", func(x, item V) (V, error) {
			q, err := toQueue(x, "%enqueue!")
			if err != nil {
				return nil, err
			}
			q.push(item)
			return value.Unspecified, nil
		}),
		prim1("%queue-first", func(x V) (V, error) {
			q, err := nonEmpty(x, "%queue-first")
			if err != nil {
				return nil, err
			}
			return q.items[q.head], nil
		}),
		prim1("%dequeue!", func(x V) (V, error) {
			q, err := nonEmpty(x, "%dequeue!")
			if err != nil {
				return nil, err
			}
			return q.pop(), nil
		}),
		prim1("%queue->list", func(x V) (V, error) {
			q, err := toQueue(x, "%queue->list")
			if err != nil {
				return nil, err
			}
			items := make([]V, q.n)
			for i := range items {
				items[i] = q.items[(q.head+i)%len(q.items)]
			}
			return value.List(items...), nil
		}),
		prim1("%queue-clear!", func(x V) (V, error) {
			q, err := toQueue(x, "%queue-clear!")
			if err != nil {
				return nil, err
			}
			clear(q.items)
			q.head, q.n = 0, 0
			return value.Unspecified, nil
		}),
		prim1("%queue-limit", func(x V) (V, error) {
			q, err := toQueue(x, "%queue-limit")
			if err != nil {
				return nil, err
			}
			return value.Int(int64(q.limit)), nil
		}),
		prim2("%queue-limit-set!", func(x, n V) (V, error) {
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
		}),
		// (%record-kind name (field ...) (printed ...)): see makeRecordKind.
		prim("%record-kind", 3, 3, makeRecordKind),
		// (%record kind field ...) makes a record of that kind.
		prim("%record", 1, -1, func(args []V) (V, error) {
			k, ok := args[0].(*recordKind)
			if !ok {
				return nil, value.TypeError("%record", "record kind", args[0])
			}
			if len(args)-1 != k.size {
				return nil, value.Errorf("%%record: %s has %d fields, got %d", k.name, k.size, len(args)-1)
			}
			return newRecord(k, args[1:]), nil
		}),
		// (%record? x kind) tests whether x is a record of that kind.
		prim2("%record?", func(x, kind V) (V, error) {
			r, ok := x.(*record)
			return ok && r.kind == kind, nil
		}),
		prim2("%record-ref", func(x, i V) (V, error) {
			if r, ok := x.(*record); ok {
				if j, ok := i.(value.Fixnum); ok && j >= 0 && int(j) < len(r.fields) {
					return r.fields[j], nil
				}
			}
			r, err := rec(x, "%record-ref")
			if err != nil {
				return nil, err
			}
			j, err := field(r, i, "%record-ref")
			if err != nil {
				return nil, err
			}
			return r.fields[j], nil
		}),
		prim("%record-set!", 3, 3, func(args []V) (V, error) {
			if r, ok := args[0].(*record); ok {
				if j, ok := args[1].(value.Fixnum); ok && j >= 0 && int(j) < len(r.fields) {
					r.fields[j] = args[2]
					return value.Unspecified, nil
				}
			}
			r, err := rec(args[0], "%record-set!")
			if err != nil {
				return nil, err
			}
			j, err := field(r, args[1], "%record-set!")
			if err != nil {
				return nil, err
			}
			r.fields[j] = args[2]
			return value.Unspecified, nil
		}),
		// (%make-condition kind message irritant ...) makes an error
		// object of the given kind (a string).
		prim("%make-condition", 2, -1, func(args []V) (V, error) {
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
		}),
		// (%condition-kind obj) returns the kind of an error object as
		// a string, or #f.
		prim1("%condition-kind", func(x V) (V, error) {
			if e, ok := x.(*value.ErrorObject); ok && e.Kind != "" {
				return value.NewString(e.Kind), nil
			}
			return false, nil
		}),
		// (%continuation-backtrace k) lists, innermost first, the
		// pending calls of continuation k outside prelude.scm, as
		// strings "name at file:line:col".
		prim1("%continuation-backtrace", func(x V) (V, error) {
			c, ok := asContinuation(x)
			if !ok {
				return value.Nil, nil
			}
			var lines []V
			var last string
			for f := c.k; f != nil; f = f.Next {
				name, pos := f.Code.where()
				if !pos.IsValid() || inPrelude(pos) {
					continue
				}
				if name == "" {
					name = "<top level>"
				}
				line := name + " at " + pos.String()
				if line != last {
					lines = append(lines, value.NewString(line))
				}
				last = line
			}
			return value.List(lines...), nil
		}),
		// (%origin proc) describes where the procedure proc was
		// written, as "by NAME at FILE:LINE:COL" (NAME the procedure
		// around it, or <top level>; just "at ..." inside an anonymous
		// one), or #f for a primitive or a
		// procedure of prelude.scm: the "created by" line of a
		// goroutine, whose thunk is the lambda of its go form. The
		// string is made once per lambda expression, so goroutines
		// started at one place share it.
		prim1("%origin", func(x V) (V, error) {
			c, ok := x.(*Closure)
			if !ok || !c.lam.pos.IsValid() || inPrelude(c.lam.pos) {
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
		}),
		// (%idle-sleep ms) flushes the output and sleeps ms
		// milliseconds, returning early when the user presses Ctrl-C
		// (the machine then stops at its next poll).
		prim1("%idle-sleep", func(a V) (V, error) {
			f, ok := value.ToFloat(a)
			if !ok {
				return nil, value.TypeError("%idle-sleep", "number of milliseconds", a)
			}
			in.Flush()
			in.sleep(f)
			return value.Unspecified, nil
		}),
	}
}
