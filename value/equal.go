package value

import (
	"bytes"
	"math"
	"math/big"
	"math/bits"
	"slices"
	"sync/atomic"
	"unsafe"
)

// Eq implements eq?: identity for heap objects, and value comparison for
// the objects other Schemes keep immediate (fixnums of any size,
// characters, booleans). Flonums compare as for eqv?.
func Eq(a, b Value) bool {
	switch x := a.(type) {
	case *Symbol:
		y, ok := b.(*Symbol)
		return ok && x == y
	case *Pair:
		y, ok := b.(*Pair)
		return ok && x == y
	case Fixnum:
		y, ok := b.(Fixnum)
		return ok && x == y
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case Char:
		y, ok := b.(Char)
		return ok && x == y
	case Flonum:
		y, ok := b.(Flonum)
		return ok && eqvFloat(float64(x), float64(y))
	case *String:
		y, ok := b.(*String)
		return ok && x == y
	case *Vector:
		y, ok := b.(*Vector)
		return ok && x == y
	case *Empty:
		y, ok := b.(*Empty)
		return ok && x == y
	}
	return identical(a, b)
}

// identical compares a and b with Go's ==, which is pointer identity for
// pointer types, treating values Go cannot compare as distinct.
func identical(a, b Value) (same bool) {
	defer func() {
		if recover() != nil {
			same = false
		}
	}()
	return a == b
}

// eqvFloat reports whether two flonums are eqv?: the same bits, so 0. and
// -0. differ, except that all NaNs are eqv? to each other.
func eqvFloat(x, y float64) bool {
	return math.Float64bits(x) == math.Float64bits(y) || (x != x && y != y)
}

// Eqv implements eqv?: eq?, plus numeric equality between numbers of the
// same exactness (flonums compared as by eqvFloat).
func Eqv(a, b Value) bool {
	switch x := a.(type) {
	case Fixnum:
		switch y := b.(type) {
		case Fixnum:
			return x == y
		case *big.Int:
			return y.IsInt64() && y.Int64() == int64(x)
		}
		return false
	case *big.Int:
		switch y := b.(type) {
		case *big.Int:
			return x.Cmp(y) == 0
		case Fixnum:
			return x.IsInt64() && x.Int64() == int64(y)
		}
		return false
	case *big.Rat:
		y, ok := b.(*big.Rat)
		return ok && x.Cmp(y) == 0
	case *Complex:
		y, ok := b.(*Complex)
		return ok && Eqv(x.Re, y.Re) && Eqv(x.Im, y.Im)
	}
	return Eq(a, b)
}

// equalBudget bounds the work (nodes visited plus comparisons deferred)
// Equal does before it starts guarding against cycles, so that comparing
// ordinary data costs no bookkeeping.
const equalBudget = 1 << 16

// equalSample is how often, in steps along cdr chains, Equal checks for
// cycles once guarding, until it finds one; it must be a power of two.
const equalSample = 64

// Equal implements equal?: structural equality of pairs, vectors,
// strings and bytevectors, eqv? on everything else. It walks iteratively,
// so long lists and deep nesting do not grow the Go stack, and it
// terminates on circular structure.
//
// The walk descends into cars and keeps the cdrs (and vector elements)
// still to compare on a stack, so that the stack grows only with the
// nesting depth of the data. Once the budget is spent it starts merging
// the nodes compared into equivalence classes with union-find, after
// Adams and Dybvig's algorithm (as in Chez Scheme): a pair of nodes
// found already in the same class is taken as equal, which is sound
// because the nodes of a class are all being compared with each other.
// It then checks every descent into a car or a vector element, every
// vector, and every equalSample-th step along cdr chains (every step once
// a check has found shared structure); nodes whose components are all
// leaves cannot be on a cycle and are not checked. Each check
// either merges two classes, which can happen only finitely often, or
// abandons the current node; once no merges remain, every push onto the
// stack is followed by an abandoned descent and the pop of what was
// pushed, and some step in every equalSample cdr steps abandons its chain
// and pops, so the stack empties and the walk ends.
func Equal(a, b Value) bool {
	switch a.(type) {
	case *Pair, *Vector:
	default:
		return equalLeaf(a, b)
	}
	w := equalWalk{budget: equalBudget, sampleMask: equalSample - 1}
	return w.run(a, b)
}

// EqualStop is Equal that gives up, reporting ok = false, as soon as it
// finds *stop non-zero, which it polls every few thousand steps: comparing
// huge structures then answers an interrupt.
func EqualStop(a, b Value, stop *int32) (equal, ok bool) {
	switch a.(type) {
	case *Pair, *Vector:
	default:
		return equalLeaf(a, b), true
	}
	w := equalWalk{budget: equalBudget, sampleMask: equalSample - 1, stop: stop}
	equal = w.run(a, b)
	return equal && !w.stopped, !w.stopped
}

// equalLeaf compares values that contain no other values.
func equalLeaf(a, b Value) bool {
	switch x := a.(type) {
	case *String:
		y, ok := b.(*String)
		return ok && (x == y || slices.Equal(x.R, y.R))
	case *Bytevector:
		y, ok := b.(*Bytevector)
		return ok && (x == y || bytes.Equal(x.B, y.B))
	}
	return Eqv(a, b)
}

type equalWalk struct {
	// stop, when set, is polled every pollSteps steps; the walk gives
	// up (stopped) once it is non-zero.
	stop    *int32
	polls   int
	stopped bool

	stack  []equalTask
	budget int
	guard  bool   // union-find is on
	steps  uint64 // cdr steps taken while guarding

	// sampleMask selects the cdr steps checked: every equalSample-th
	// until a check first finds shared or circular structure, then all.
	sampleMask uint64

	// Union-find over the pairs and vectors seen: ids maps their
	// addresses to node ids, which index parent and rank.
	ids    addrTable
	parent []int32
	rank   []uint8
}

// equalTask is a comparison deferred on the stack.
type equalTask struct {
	a, b Value
	cdr  bool // continues a cdr chain rather than descending
}

// spend charges n units of work and turns on the guard when the budget
// runs out.
func (w *equalWalk) spend(n int) {
	w.budget -= n
	if w.budget < 0 && !w.guard {
		w.guard = true
		w.ids.init(1 << 12)
	}
}

func (w *equalWalk) node(x Value) int32 {
	var addr uintptr
	switch p := x.(type) {
	case *Pair:
		addr = uintptr(unsafe.Pointer(p))
	case *Vector:
		addr = uintptr(unsafe.Pointer(p))
	}
	id, ok := w.ids.getOrAdd(addr, int32(len(w.parent)))
	if ok {
		return w.find(id)
	}
	w.parent = append(w.parent, id)
	w.rank = append(w.rank, 0)
	return id
}

func (w *equalWalk) find(id int32) int32 {
	for w.parent[id] != id {
		w.parent[id] = w.parent[w.parent[id]] // path halving
		id = w.parent[id]
	}
	return id
}

// addrTable is an open-addressing hash table from object addresses to
// ids. It holds addresses as integers, so the garbage collector need not
// scan it; the objects stay alive (and, the Go heap being non-moving, in
// place) because the values being compared reference them.
type addrTable struct {
	keys  []uintptr // 0 marks an empty slot
	vals  []int32
	n     int
	shift uint // 64 - log2(len(keys))
}

func (t *addrTable) init(size int) {
	t.keys = make([]uintptr, size)
	t.vals = make([]int32, size)
	t.n = 0
	t.shift = uint(64 - bits.TrailingZeros(uint(size)))
}

// getOrAdd returns the id stored for addr and true, or stores id for it
// and returns id and false.
func (t *addrTable) getOrAdd(addr uintptr, id int32) (int32, bool) {
	mask := len(t.keys) - 1
	i := int((uint64(addr) * 0x9e3779b97f4a7c15) >> t.shift)
	for {
		switch t.keys[i] {
		case addr:
			return t.vals[i], true
		case 0:
			t.keys[i], t.vals[i] = addr, id
			t.n++
			if t.n*4 > len(t.keys)*3 {
				t.grow()
			}
			return id, false
		}
		i = (i + 1) & mask
	}
}

func (t *addrTable) grow() {
	keys, vals := t.keys, t.vals
	t.init(2 * len(keys))
	for i, k := range keys {
		if k != 0 {
			t.getOrAdd(k, vals[i])
		}
	}
}

// seen reports whether the containers x and y are already in the same
// class, and merges their classes otherwise.
func (w *equalWalk) seen(x, y Value) bool {
	nx, ny := w.node(x), w.node(y)
	if nx == ny {
		w.sampleMask = 0
		return true
	}
	switch {
	case w.rank[nx] < w.rank[ny]:
		w.parent[nx] = ny
	case w.rank[nx] > w.rank[ny]:
		w.parent[ny] = nx
	default:
		w.parent[ny] = nx
		w.rank[nx]++
	}
	return false
}

// push defers comparing x and y.
func (w *equalWalk) push(x, y Value, cdr bool) {
	w.stack = append(w.stack, equalTask{x, y, cdr})
	if !w.guard {
		w.spend(1)
	}
}

// isContainer reports whether v can contain other values that equal?
// compares.
func isContainer(v Value) bool {
	switch v.(type) {
	case *Pair, *Vector:
		return true
	}
	return false
}

// run compares a and b, then each pair of values the walk left on the
// stack.
func (w *equalWalk) run(a, b Value) bool {
	descent := true // how the walk reached a, b
	for {
		if !w.walk(a, b, descent) {
			return false
		}
		n := len(w.stack)
		if n == 0 {
			return true
		}
		t := w.stack[n-1]
		w.stack = w.stack[:n-1]
		a, b, descent = t.a, t.b, !t.cdr
	}
}

// The outcomes of one step of the walk.
const (
	stepDiffer = iota // a and b differ
	stepDone          // a and b are equal as far as this walk goes
	stepNext          // go on with the next a and b
)

// walk compares a and b down a chain of cars and cdrs, pushing the
// other branches on the stack. It reports false when they differ or the
// interrupt flag stopped the walk.
func (w *equalWalk) walk(a, b Value, descent bool) bool {
	for {
		if w.stop != nil {
			if w.polls++; w.polls%pollSteps == 0 && atomic.LoadInt32(w.stop) != 0 {
				w.stopped = true
				return false
			}
		}
		switch x := a.(type) {
		case *Pair:
			var step int
			if a, b, descent, step = w.pair(x, b, descent); step != stepNext {
				return step == stepDone
			}
		case *Vector:
			return w.vector(x, b)
		default:
			return equalLeaf(a, b)
		}
	}
}

// pair compares the pair x with b, and returns what to compare next.
func (w *equalWalk) pair(x *Pair, b Value, descent bool) (Value, Value, bool, int) {
	y, ok := b.(*Pair)
	if !ok {
		return nil, nil, false, stepDiffer
	}
	if x == y {
		return nil, nil, false, stepDone
	}
	carC, cdrC := isContainer(x.Car), isContainer(x.Cdr)
	if !w.guard {
		w.spend(1)
	} else if carC || cdrC {
		// A pair whose car and cdr are leaves cannot be on a cycle and
		// needs no check.
		if !descent {
			w.steps++
		}
		if (descent || w.steps&w.sampleMask == 0) && w.seen(x, y) {
			return nil, nil, false, stepDone
		}
	}
	if !carC {
		if !equalLeaf(x.Car, y.Car) {
			return nil, nil, false, stepDiffer
		}
		return x.Cdr, y.Cdr, false, stepNext
	}
	if cdrC {
		w.push(x.Cdr, y.Cdr, true)
	} else if !equalLeaf(x.Cdr, y.Cdr) {
		return nil, nil, false, stepDiffer
	}
	return x.Car, y.Car, true, stepNext
}

// vector compares the vector x with b, pushing the elements that are
// containers on the stack.
func (w *equalWalk) vector(x *Vector, b Value) bool {
	y, ok := b.(*Vector)
	if !ok || len(x.Items) != len(y.Items) {
		return false
	}
	if x == y {
		return true
	}
	// Compare the leaves up to the first container; a vector with none
	// cannot be on a cycle.
	first := -1
	for i, it := range x.Items {
		if isContainer(it) {
			first = i
			break
		}
		if !equalLeaf(it, y.Items[i]) {
			return false
		}
	}
	if first < 0 {
		return true
	}
	if !w.guard {
		w.spend(1)
	} else if w.seen(x, y) {
		return true
	}
	for i := first + 1; i < len(x.Items); i++ {
		if it := x.Items[i]; !isContainer(it) && !equalLeaf(it, y.Items[i]) {
			return false
		}
	}
	for i := len(x.Items) - 1; i >= first; i-- {
		if it := x.Items[i]; isContainer(it) {
			w.push(it, y.Items[i], false)
		}
	}
	return true
}
