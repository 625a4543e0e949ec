package value

// This file finds the objects that write and display label (#0=, #0#):
// those on a cycle, or for write-shared every object reached twice.

import (
	"math/bits"
	"reflect"
	"sync/atomic"
	"unsafe"
)

// labelsFor finds the objects that need datum labels: those on a cycle
// (all shared objects when shared is true). It returns nil when none do,
// so that printing acyclic data pays only for the walk.
func labelsFor(v Value, shared bool) map[any]int {
	labels, _ := labelsStop(v, shared, nil)
	return labels
}

// The walk is a depth-first search that keeps each container it reaches
// (pair, vector, record that prints its fields) in a table with its
// state: on the current path, or done. Reaching a container on the path
// again closes a cycle.
//
// Its memory is what a huge list asks of it: a list of 10,000,000
// elements is 10,000,000 pairs on one path. A container's last child
// that is a container (a pair's cdr, most often) is visited when
// nothing of its parent is left to visit but the parent's exit, so the
// two exits are one entry of the stack: the exit of a run of containers
// each the last container child of the one before, which sets them
// done by walking that chain again. The stack then holds O(1) entries
// along a list, or along car-nested data, rather than one exit per
// pair; and the table packs the state into the low bits of each
// address, 8 bytes a slot (the two together took 3 GB of the 2.8 GB
// peak of (display (iota 10000000)) beside the 0.7 GB of the list).
const (
	onPath = 1
	done   = 2
)

// A list of atoms (numbers, strings, symbols...: the commonest data
// printed whole) has a label only if its cdrs make a cycle, which
// Brent's algorithm finds in O(1) memory: such a list skips the table
// (flatList; TestLabelsAgree checks that the two agree).
const (
	notFlat = iota
	flat
	stopped
)

// flatList tells whether v is a list, proper or dotted, of atoms and
// with no cycle (flat), or not (notFlat), or that *stop was set.
func flatList(v Value, stop *int32) int {
	p, ok := v.(*Pair)
	if !ok {
		return notFlat
	}
	tortoise, power, lam := p, 1, 0
	for n := 1; ; n++ {
		if n%pollSteps == 0 && stop != nil && atomic.LoadInt32(stop) != 0 {
			return stopped
		}
		if addrOf(p.Car) != 0 {
			return notFlat
		}
		next, ok := p.Cdr.(*Pair)
		if !ok {
			if addrOf(p.Cdr) != 0 {
				return notFlat
			}
			return flat
		}
		p = next
		if p == tortoise {
			return notFlat // a cycle
		}
		if lam++; lam == power {
			tortoise, power, lam = p, 2*power, 0
		}
	}
}

// labelItem is an entry of the walk's stack: a value to visit (n = 0),
// or the exit of a run of n containers starting at obj.
type labelItem struct {
	obj Value
	n   int
}

// labelsStop is labelsFor, giving up (false) when *stop becomes non-zero.
func labelsStop(v Value, shared bool, stop *int32) (map[any]int, bool) {
	if addrOf(v) == 0 {
		return nil, true
	}
	switch flatList(v, stop) {
	case flat:
		return nil, true
	case stopped:
		return nil, false
	}
	var seen markTable
	seen.init(1 << 10)
	var labels map[any]int
	stack := []labelItem{{obj: v}}
	steps := 0
	stopped := func() bool {
		steps++
		return steps%pollSteps == 0 && stop != nil && atomic.LoadInt32(stop) != 0
	}
	for len(stack) > 0 {
		if stopped() {
			return nil, false
		}
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.n > 0 {
			x := it.obj
			seen.set(addrOf(x), done)
			for i := 1; i < it.n; i++ {
				if stopped() {
					return nil, false
				}
				x = lastContainer(x)
				seen.set(addrOf(x), done)
			}
			continue
		}
		switch seen.visit(addrOf(it.obj)) {
		case onPath:
			labels = mark(labels, it.obj)
			continue
		case done:
			if shared {
				labels = mark(labels, it.obj)
			}
			continue
		}
		// A new container. Its exit joins the run on top, if any: then
		// it is the last container child of the run's last.
		if top := len(stack) - 1; top >= 0 && stack[top].n > 0 {
			stack[top].n++
		} else {
			stack = append(stack, labelItem{obj: it.obj, n: 1})
		}
		stack = pushContainers(stack, it.obj)
	}
	return labels, true
}

func mark(labels map[any]int, x any) map[any]int {
	if labels == nil {
		labels = map[any]int{}
	}
	labels[x] = -1
	return labels
}

// addrOf is the address of a container, or 0 for any other value (an
// atom, or a record that prints as an opaque object).
func addrOf(v Value) uintptr {
	switch x := v.(type) {
	case *Pair:
		return uintptr(unsafe.Pointer(x))
	case *Vector:
		return uintptr(unsafe.Pointer(x))
	case Fielded:
		if hidesFields(x) {
			return 0
		}
		p := reflect.ValueOf(x).Pointer()
		if p&stateBits != 0 {
			// A record holds values, so Go aligns it to a word.
			panic("value: a Fielded value that is not a pointer to a word-aligned object")
		}
		return p
	}
	return 0
}

// pushContainers pushes the children of x that are containers, the last
// first, so that the first is visited first.
func pushContainers(stack []labelItem, x Value) []labelItem {
	push := func(c Value) {
		if addrOf(c) != 0 {
			stack = append(stack, labelItem{obj: c})
		}
	}
	switch x := x.(type) {
	case *Pair:
		push(x.Cdr)
		push(x.Car)
	case *Vector:
		for i := len(x.Items) - 1; i >= 0; i-- {
			push(x.Items[i])
		}
	case Fielded:
		_, _, vals := x.PrintFields()
		for i := len(vals) - 1; i >= 0; i-- {
			push(vals[i])
		}
	}
	return stack
}

// lastContainer is the last child of x that is a container (the first
// that pushContainers pushes), or nil.
func lastContainer(x Value) Value {
	var items []Value
	switch x := x.(type) {
	case *Pair:
		if addrOf(x.Cdr) != 0 {
			return x.Cdr
		}
		if addrOf(x.Car) != 0 {
			return x.Car
		}
		return nil
	case *Vector:
		items = x.Items
	case Fielded:
		_, _, items = x.PrintFields()
	}
	for i := len(items) - 1; i >= 0; i-- {
		if addrOf(items[i]) != 0 {
			return items[i]
		}
	}
	return nil
}

// markTable is a set of addresses, each with a state (onPath or done)
// in its low bits, which are zero in the address of any container.
// Open addressing, linear probing; 0 marks an empty slot.
type markTable struct {
	keys  []uintptr
	n     int
	shift uint // 64 - log2(len(keys))
}

const stateBits = 3

func (t *markTable) init(size int) {
	t.keys = make([]uintptr, size)
	t.n = 0
	t.shift = uint(64 - bits.TrailingZeros(uint(size)))
}

func (t *markTable) slot(addr uintptr) int {
	mask := len(t.keys) - 1
	i := int((uint64(addr) * 0x9e3779b97f4a7c15) >> t.shift)
	for t.keys[i] != 0 && t.keys[i]&^stateBits != addr {
		i = (i + 1) & mask
	}
	return i
}

// visit returns the state of addr, or 0 when it was not in the table;
// it is then added, on the path.
func (t *markTable) visit(addr uintptr) uint8 {
	i := t.slot(addr)
	if k := t.keys[i]; k != 0 {
		return uint8(k & stateBits)
	}
	t.keys[i] = addr | onPath
	t.n++
	if t.n*4 > len(t.keys)*3 {
		keys, n := t.keys, t.n
		t.init(2 * len(keys))
		for _, k := range keys {
			if k != 0 {
				t.keys[t.slot(k&^stateBits)] = k
			}
		}
		t.n = n
	}
	return 0
}

// set sets the state of addr, which is in the table.
func (t *markTable) set(addr uintptr, state uint8) {
	i := t.slot(addr)
	t.keys[i] = addr | uintptr(state)
}
