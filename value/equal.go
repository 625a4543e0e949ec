package value

import (
	"bytes"
	"math"
	"math/big"
	"slices"
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
	}
	return Eq(a, b)
}

// equalBudget is how many pairs and vectors Equal compares before it
// starts guarding against cycles, so that comparing ordinary data costs
// no bookkeeping.
const equalBudget = 1 << 14

// equalSample is how often (in steps along a cdr chain) Equal checks for
// cycles once guarding.
const equalSample = 64

// Equal implements equal?: structural equality of pairs, vectors,
// strings and bytevectors, eqv? on everything else. It walks iteratively
// (long lists and deep nesting do not grow the Go stack) and terminates
// on circular structure.
//
// The walk follows cdr chains in a loop and keeps the pairs of cars (and
// vector elements) still to compare on a stack. Once it has visited
// equalBudget nodes without finishing, it starts merging compared nodes
// into equivalence classes with union-find, as in the R7RS reference
// implementation (after Adams and Dybvig): a pair of nodes found already
// in the same class is taken as equal, which is sound because the nodes
// of a class are all being compared with each other. Every node popped
// from the stack, every vector, and every equalSample-th node along a cdr
// chain is checked. Each check either merges two classes, which can only
// happen finitely often, or ends the current chain, so the walk ends.
func Equal(a, b Value) bool {
	switch a.(type) {
	case *Pair, *Vector:
	default:
		return equalLeaf(a, b)
	}
	w := equalWalk{budget: equalBudget}
	return w.run(a, b)
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
	stack  [][2]Value
	budget int
	guard  bool // union-find is on

	// Union-find over the pairs and vectors seen: node ids index parent
	// and rank.
	pairs  map[*Pair]int32
	vecs   map[*Vector]int32
	parent []int32
	rank   []uint8
}

// tick counts a step and turns on the guard when the budget runs out.
func (w *equalWalk) tick() {
	w.budget--
	if w.budget < 0 {
		w.guard = true
		w.pairs = make(map[*Pair]int32)
		w.vecs = make(map[*Vector]int32)
	}
}

// node returns the union-find id of a pair or vector.
func (w *equalWalk) node(x Value) int32 {
	switch p := x.(type) {
	case *Pair:
		if id, ok := w.pairs[p]; ok {
			return w.find(id)
		}
		id := w.newNode()
		w.pairs[p] = id
		return id
	case *Vector:
		if id, ok := w.vecs[p]; ok {
			return w.find(id)
		}
		id := w.newNode()
		w.vecs[p] = id
		return id
	}
	panic("value: equal? node of non-container")
}

func (w *equalWalk) newNode() int32 {
	id := int32(len(w.parent))
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

// seen reports whether the containers x and y are already in the same
// class, and merges their classes otherwise.
func (w *equalWalk) seen(x, y Value) bool {
	nx, ny := w.node(x), w.node(y)
	if nx == ny {
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

// sub compares the components x and y: leaves at once, containers later.
func (w *equalWalk) sub(x, y Value) bool {
	switch x.(type) {
	case *Pair, *Vector:
		w.stack = append(w.stack, [2]Value{x, y})
		return true
	}
	return equalLeaf(x, y)
}

func (w *equalWalk) run(a, b Value) bool {
	for {
	walk:
		for step := 0; ; step++ {
			switch x := a.(type) {
			case *Pair:
				y, ok := b.(*Pair)
				if !ok {
					return false
				}
				if x == y {
					break walk
				}
				if !w.guard {
					w.tick()
				} else if step%equalSample == 0 && w.seen(x, y) {
					break walk
				}
				if !w.sub(x.Car, y.Car) {
					return false
				}
				a, b = x.Cdr, y.Cdr
			case *Vector:
				y, ok := b.(*Vector)
				if !ok || len(x.Items) != len(y.Items) {
					return false
				}
				if x == y {
					break walk
				}
				if !w.guard {
					w.tick()
				} else if w.seen(x, y) {
					break walk
				}
				for i, it := range x.Items {
					if !w.sub(it, y.Items[i]) {
						return false
					}
				}
				break walk
			default:
				if !equalLeaf(a, b) {
					return false
				}
				break walk
			}
		}
		n := len(w.stack)
		if n == 0 {
			return true
		}
		a, b = w.stack[n-1][0], w.stack[n-1][1]
		w.stack = w.stack[:n-1]
	}
}
