package eval

// This file implements map and for-each as control procedures: each
// element is one call of the procedure on a frame that records what is
// left to do. The frames hold immutable state, so a continuation captured
// inside the procedure and resumed later sees the list as it was, and
// never changes a list map has already returned (report 6.10).
//
// map builds its results most recent first and reverses them at the end.
// While no frame of the walk has been captured, nothing but the walk can
// see those pairs, so map reuses each step's state pair for its result
// and reverses in place: one pair per element, the result's own, where an
// immutable walk needs three. Once a frame is found captured (its Shared
// mark, seen as it is resumed), the walk turns immutable for good.

import "contigo/value"

// listWalk is the code of map and for-each frames: the procedure being
// applied, and whether results are collected.
type listWalk struct {
	f       value.Value
	collect bool // map, not for-each
	// captured is set once a frame of this walk was resumed shared: a
	// continuation may hold its state, which must not change from then
	// on.
	captured bool
	s        *site
}

func (w *listWalk) where() (string, value.Pos) { return w.s.where() }

// walkState is the frame value of a walk over several lists: the tails
// still to visit (the first elements being the current call's arguments)
// and the results so far, most recent first.
type walkState struct {
	rests []value.Value
	acc   value.Value
}

func mapProc(m *Machine, args []value.Value, s *site)     { startWalk(m, args, s, true) }
func forEachProc(m *Machine, args []value.Value, s *site) { startWalk(m, args, s, false) }

func startWalk(m *Machine, args []value.Value, s *site, collect bool) {
	name := "for-each"
	if collect {
		name = "map"
	}
	f := args[0]
	if !isProcedure(f) {
		m.fail(value.ArgError(name, 1, "procedure", f), s)
	}
	circular := 0
	for i, l := range args[1:] {
		if _, ok := l.(*value.Pair); !ok && l != value.Value(value.Nil) {
			m.fail(value.ArgError(name, i+2, "list", l), s)
		}
		if circular == i && value.IsCircular(l) {
			circular++
		}
	}
	// The walk ends with the shortest list: it never would if all are
	// circular (and map would cons until memory ran out).
	if circular == len(args)-1 {
		m.fail(value.NotProperList(name, args[1]), s)
	}
	w := &listWalk{f: f, collect: collect, s: s}
	if len(args) == 2 {
		w.step1(m, args[1], value.Nil)
		return
	}
	w.stepN(m, &walkState{rests: append([]value.Value(nil), args[1:]...), acc: value.Nil})
}

// step1 handles the common one-list case: the frame value is the pair
// whose car is being processed, paired with the results for map.
func (w *listWalk) step1(m *Machine, l, acc value.Value) {
	p, ok := l.(*value.Pair)
	if !ok {
		w.finish(m, acc)
		return
	}
	if w.collect {
		m.push(w, &value.Pair{Car: p, Cdr: acc}, 1)
	} else {
		m.push(w, p, 1)
	}
	m.apply1(w.f, p.Car, w.s)
}

func (w *listWalk) stepN(m *Machine, st *walkState) {
	args := make([]value.Value, len(st.rests))
	for i, l := range st.rests {
		p, ok := l.(*value.Pair)
		if !ok {
			w.finish(m, st.acc)
			return
		}
		args[i] = p.Car
	}
	m.push(w, st, 2)
	m.apply(w.f, args, w.s)
}

func (w *listWalk) resume(m *Machine, f *Frame) {
	if f.I == 1 {
		if w.collect {
			// st is (the pair being mapped . the results so far).
			st := f.Val.(*value.Pair)
			p := st.Car.(*value.Pair)
			if f.Shared {
				w.captured = true
			}
			if w.captured {
				w.step1(m, p.Cdr, &value.Pair{Car: m.val, Cdr: st.Cdr})
				return
			}
			st.Car = m.val // only this frame ever held st
			w.step1(m, p.Cdr, st)
			return
		}
		w.step1(m, f.Val.(*value.Pair).Cdr, nil)
		return
	}
	st := f.Val.(*walkState)
	if f.Shared {
		w.captured = true // the results so far are st.acc's pairs
	}
	next := &walkState{rests: make([]value.Value, len(st.rests)), acc: st.acc}
	for i, l := range st.rests {
		next.rests[i] = l.(*value.Pair).Cdr
	}
	if w.collect {
		next.acc = &value.Pair{Car: m.val, Cdr: st.acc}
	}
	w.stepN(m, next)
}

func (w *listWalk) finish(m *Machine, acc value.Value) {
	if !w.collect {
		m.ret(value.Unspecified)
		return
	}
	var out value.Value = value.Nil
	if !w.captured {
		for acc != value.Value(value.Nil) {
			p := acc.(*value.Pair)
			acc, p.Cdr = p.Cdr, out
			out = p
		}
		m.ret(out)
		return
	}
	for acc != value.Value(value.Nil) {
		p := acc.(*value.Pair)
		out = &value.Pair{Car: p.Car, Cdr: out}
		acc = p.Cdr
	}
	m.ret(out)
}
