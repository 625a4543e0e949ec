package prims

// This file defines SRFI 111 boxes, SRFI 1's iota, the state of
// promises (force itself, which calls the promise's thunk, is in eval's
// core.scm) and the clocks.

import (
	"time"

	"contigo/value"
)

var boxRows = []value.Primitive{
	{Name: "box", Min: 1, Max: 1, Fn1: box},
	{Name: "box?", Min: 1, Max: 1, Fn1: isBox},
	{Name: "unbox", Min: 1, Max: 1, Fn1: unbox},
	{Name: "set-box!", Min: 2, Max: 2, Fn2: setBox},
	{Name: "iota", Min: 1, Max: 3, Fn: iotaList},
}

// Box is a SRFI 111 box.
type Box struct{ v V }

// SchemeString implements value.Opaque.
func (b *Box) SchemeString() string { return "#<box>" }

func box(a V) (V, error)   { return &Box{a}, nil }
func isBox(a V) (V, error) { _, ok := a.(*Box); return ok, nil }

func unbox(a V) (V, error) {
	b, ok := a.(*Box)
	if !ok {
		return nil, value.TypeError("unbox", "box", a)
	}
	return b.v, nil
}

func setBox(a, v V) (V, error) {
	b, ok := a.(*Box)
	if !ok {
		return nil, value.TypeError("set-box!", "box", a)
	}
	b.v = v
	return value.Unspecified, nil
}

// iotaList is SRFI 1's (iota count [start [step]]).
func iotaList(args []V) (V, error) {
	n, err := SizeArg(args[0], "iota", 48)
	if err != nil {
		return nil, err
	}
	var start, step V = value.Int(0), value.Int(1)
	for i, p := range []*V{&start, &step} {
		if len(args) > i+1 {
			if !value.IsNumber(args[i+1]) {
				return nil, value.TypeError("iota", "number", args[i+1])
			}
			*p = args[i+1]
		}
	}
	// Built from the end, with no slice of the items: the list is all
	// that (iota 10000000) allocates.
	var l V = value.Nil
	for i := n - 1; i >= 0; i-- {
		// start + i*step, not repeated addition, so that inexact steps
		// do not accumulate rounding errors.
		x, err := Mul2(value.Int(int64(i)), step)
		if err == nil {
			x, err = Add2(start, x)
		}
		if err != nil {
			return nil, err
		}
		l = value.Cons(x, l)
	}
	return l, nil
}

var promiseRows = []value.Primitive{
	{Name: "%make-lazy-promise", Min: 1, Max: 1, Fn1: makeLazyPromise},
	{Name: "%make-ready-promise", Min: 1, Max: 1, Fn1: makeReadyPromise},
	{Name: "make-promise", Min: 1, Max: 1, Fn1: makePromise},
	{Name: "promise?", Min: 1, Max: 1, Fn1: isPromise},
	{Name: "%promise-done?", Min: 1, Max: 1, Fn1: isPromiseDone},
	{Name: "%promise-value", Min: 1, Max: 1, Fn1: promiseValue},
	{Name: "%promise-update!", Min: 2, Max: 2, Fn2: promiseUpdate},
}

// promise is the state shared by a chain of promises (report 7.3's
// reference implementation: delay-force replaces the box).
type promise struct{ box *promiseBox }

type promiseBox struct {
	done  bool
	value V // the value when done, else the thunk
}

// SchemeString implements value.Opaque.
func (p *promise) SchemeString() string { return "#<promise>" }

func makeLazyPromise(thunk V) (V, error) { return &promise{&promiseBox{value: thunk}}, nil }
func makeReadyPromise(v V) (V, error)    { return &promise{&promiseBox{done: true, value: v}}, nil }

func makePromise(v V) (V, error) {
	if p, ok := v.(*promise); ok {
		return p, nil
	}
	return makeReadyPromise(v)
}

func isPromise(a V) (V, error) { _, ok := a.(*promise); return ok, nil }

func isPromiseDone(a V) (V, error) {
	p, ok := a.(*promise)
	if !ok {
		return nil, value.TypeError("force", "promise", a)
	}
	return p.box.done, nil
}

func promiseValue(a V) (V, error) { return a.(*promise).box.value, nil }

func promiseUpdate(newer, old V) (V, error) {
	n, ok := newer.(*promise)
	if !ok {
		return nil, value.TypeError("force", "promise", newer)
	}
	o := old.(*promise)
	o.box.done, o.box.value = n.box.done, n.box.value
	n.box = o.box
	return value.Unspecified, nil
}

var timeRows = []value.Primitive{
	{Name: "monotonic-ms", Min: 0, Max: 0, Fn: monotonicMS},
	{Name: "current-second", Min: 0, Max: 0, Fn: currentSecond},
	{Name: "current-jiffy", Min: 0, Max: 0, Fn: currentJiffy},
	{Name: "jiffies-per-second", Min: 0, Max: 0, Fn: jiffiesPerSecond},
}

var startTime = time.Now()

func monotonicMS([]V) (V, error) { return value.Int(time.Since(startTime).Milliseconds()), nil }
func currentJiffy([]V) (V, error) {
	return value.Int(time.Since(startTime).Microseconds()), nil
}
func jiffiesPerSecond([]V) (V, error) { return value.Int(1_000_000), nil }
func currentSecond([]V) (V, error) {
	return value.Flonum(float64(time.Now().UnixNano()) / 1e9), nil
}
