package prims

// This file defines the primitives on lists (report 6.4). They detect
// circular lists (with a second pointer moving at half speed) instead of
// looping. map, for-each and the others that call procedures are in
// eval's core.scm.

import (
	"strings"

	"contigo/value"
)

var listRows = []value.Primitive{
	{Name: "list?", Min: 1, Max: 1, Fn1: isList},
	{Name: "list", Min: 0, Max: -1, Fn: list},
	{Name: "cons*", Min: 1, Max: -1, Fn: consStar},
	{Name: "length", Min: 1, Max: 1, Fn1: length},
	{Name: "append", Min: 0, Max: -1, Fn: appendLists},
	{Name: "reverse", Min: 1, Max: 1, Fn1: reverse},
	{Name: "list-tail", Min: 2, Max: 2, Fn2: listTail},
	{Name: "list-ref", Min: 2, Max: 2, Fn2: listRef},
	{Name: "list-copy", Min: 1, Max: 1, Fn1: listCopy},
	{Name: "list-set!", Min: 3, Max: 3, Fn: listSet},
	{Name: "make-list", Min: 1, Max: 2, Fn: makeList},
	{Name: "last-pair", Min: 1, Max: 1, Fn1: lastPair},
	// (%check-list who l) returns l, or raises "who: not a proper
	// list" when l is circular: the library procedures written in
	// Scheme call it before walking a list to its end.
	{Name: "%check-list", Min: 2, Max: 2, Fn2: checkList},
	{Name: "memq", Min: 2, Max: 2, Fn2: memq},
	{Name: "memv", Min: 2, Max: 2, Fn2: memv},
	{Name: "%member", Min: 2, Max: 2, Fn2: member},
	{Name: "assq", Min: 2, Max: 2, Fn2: assq},
	{Name: "assv", Min: 2, Max: 2, Fn2: assv},
	{Name: "%assoc", Min: 2, Max: 2, Fn2: assoc},
}

func isList(a V) (V, error)        { return value.IsList(a), nil }
func list(args []V) (V, error)     { return value.List(args...), nil }
func consStar(args []V) (V, error) { return value.ListTail(args[:len(args)-1], args[len(args)-1]), nil }

// cursor walks a list and notices when it goes round a cycle, with a
// second pointer moving at half speed.
type cursor struct {
	v, slow  V
	i        int // pairs returned so far
	circular bool
}

func walk(l V) cursor { return cursor{v: l, slow: l} }

// next returns the next pair, or nil at the end of the list (then c.v
// is what ended it) or once the list went round its cycle.
func (c *cursor) next() *value.Pair {
	p, ok := c.v.(*value.Pair)
	if !ok || c.circular {
		return nil
	}
	c.v = p.Cdr
	if c.i&1 == 1 {
		if c.slow = c.slow.(*value.Pair).Cdr; c.slow == c.v {
			c.circular = true
		}
	}
	c.i++
	return p
}

// end checks that the walk of the list l reached its end: who wanted a
// want, and got a circular list or an improper one.
func (c *cursor) end(who, want string, l V) error {
	if c.circular {
		return value.NotProperList(strings.TrimPrefix(who, "%"), l)
	}
	if c.v != value.Value(value.Nil) {
		return value.TypeError(who, want, l)
	}
	return nil
}

func length(l V) (V, error) {
	c := walk(l)
	for c.next() != nil {
	}
	if err := c.end("length", "proper list", l); err != nil {
		return nil, err
	}
	return value.Int(int64(c.i)), nil
}

func reverse(l V) (V, error) {
	var out V = value.Nil
	c := walk(l)
	for p := c.next(); p != nil; p = c.next() {
		out = &value.Pair{Car: p.Car, Cdr: out}
	}
	if err := c.end("reverse", "list", l); err != nil {
		return nil, err
	}
	return out, nil
}

func appendLists(args []V) (V, error) {
	if len(args) == 0 {
		return value.Nil, nil
	}
	result := args[len(args)-1]
	for i := len(args) - 2; i >= 0; i-- {
		items, err := ListArg(args[i], "append")
		if err != nil {
			return nil, err
		}
		result = value.ListTail(items, result)
	}
	return result, nil
}

// listIndex reads the index k of list-tail and list-ref.
func listIndex(k V, who string) (int, error) {
	n, err := IntArg(k, who)
	if err == nil && n < 0 {
		err = value.TypeError(who, "non-negative exact integer", k)
	}
	return n, err
}

func listTail(l, k V) (V, error) {
	n, err := listIndex(k, "list-tail")
	if err != nil {
		return nil, err
	}
	v, slow := l, l
	for i := 0; i < n; i++ {
		p, ok := v.(*value.Pair)
		if !ok {
			return nil, value.RangeError("list-tail", k, i)
		}
		v = p.Cdr
		if i&1 == 1 {
			if slow = slow.(*value.Pair).Cdr; slow == v {
				// Going round a cycle: take the rest.
				return listTailCycle(l, n), nil
			}
		}
	}
	return v, nil
}

func listRef(l, k V) (V, error) {
	n, err := listIndex(k, "list-ref")
	if err != nil {
		return nil, err
	}
	c := walk(l)
	for p := c.next(); p != nil; p = c.next() {
		if c.i == n+1 {
			return p.Car, nil
		}
	}
	if c.circular {
		return listTailCycle(l, n).(*value.Pair).Car, nil
	}
	return nil, value.RangeError("list-ref", k, c.i)
}

// listTailCycle returns the nth tail of the circular list l without
// going round its cycle more than once: n steps on a cycle of length c
// land where n mod c steps past the cycle's start do.
func listTailCycle(l V, n int) V {
	// Find the cycle's start mu and length lambda (Brent would do too).
	slow, fast := l.(*value.Pair), l.(*value.Pair)
	for {
		slow = slow.Cdr.(*value.Pair)
		fast = fast.Cdr.(*value.Pair).Cdr.(*value.Pair)
		if slow == fast {
			break
		}
	}
	mu, start := 0, l.(*value.Pair)
	for start != slow {
		start, slow = start.Cdr.(*value.Pair), slow.Cdr.(*value.Pair)
		mu++
	}
	lambda, p := 1, start.Cdr.(*value.Pair)
	for p != start {
		p = p.Cdr.(*value.Pair)
		lambda++
	}
	steps := n
	if n > mu {
		steps = mu + (n-mu)%lambda
	}
	var v V = l
	for i := 0; i < steps; i++ {
		v = v.(*value.Pair).Cdr
	}
	return v
}

func listCopy(l V) (V, error) {
	var items []V
	c := walk(l)
	for p := c.next(); p != nil; p = c.next() {
		items = append(items, p.Car)
	}
	if c.circular {
		return nil, value.NotProperList("list-copy", l)
	}
	return value.ListTail(items, c.v), nil
}

func listSet(args []V) (V, error) {
	n, err := IntArg(args[1], "list-set!")
	if err != nil {
		return nil, err
	}
	v := args[0]
	for i := 0; ; i++ {
		p, ok := v.(*value.Pair)
		if !ok || n < 0 {
			return nil, value.RangeError("list-set!", args[1], i)
		}
		if i == n {
			p.Car = args[2]
			return value.Unspecified, nil
		}
		v = p.Cdr
	}
}

func makeList(args []V) (V, error) {
	n, err := SizeArg(args[0], "make-list", 32)
	if err != nil {
		return nil, err
	}
	var fill V = value.Unspecified
	if len(args) == 2 {
		fill = args[1]
	}
	var l V = value.Nil
	for i := 0; i < n; i++ {
		l = &value.Pair{Car: fill, Cdr: l}
	}
	return l, nil
}

func lastPair(l V) (V, error) {
	if _, ok := l.(*value.Pair); !ok {
		return nil, value.TypeError("last-pair", "pair", l)
	}
	var last *value.Pair
	c := walk(l)
	for p := c.next(); p != nil; p = c.next() {
		last = p
	}
	if c.circular {
		return nil, value.NotProperList("last-pair", l)
	}
	return last, nil
}

func checkList(who, l V) (V, error) {
	if value.IsCircular(l) {
		return nil, value.NotProperList(value.DisplayString(who), l)
	}
	return l, nil
}

func memq(x, l V) (V, error)   { return memberBy(x, l, "memq", value.Eq) }
func memv(x, l V) (V, error)   { return memberBy(x, l, "memv", value.Eqv) }
func member(x, l V) (V, error) { return memberBy(x, l, "%member", value.Equal) }

// memberBy finds x in list l with eq.
func memberBy(x, l V, who string, eq func(a, b V) bool) (V, error) {
	c := walk(l)
	for p := c.next(); p != nil; p = c.next() {
		if eq(x, p.Car) {
			return p, nil
		}
	}
	if err := c.end(who, "list", l); err != nil {
		return nil, err
	}
	return false, nil
}

func assq(x, l V) (V, error)  { return assocBy(x, l, "assq", value.Eq) }
func assv(x, l V) (V, error)  { return assocBy(x, l, "assv", value.Eqv) }
func assoc(x, l V) (V, error) { return assocBy(x, l, "%assoc", value.Equal) }

// assocBy finds the entry of key x in the association list l with eq.
func assocBy(x, l V, who string, eq func(a, b V) bool) (V, error) {
	c := walk(l)
	for p := c.next(); p != nil; p = c.next() {
		entry, ok := p.Car.(*value.Pair)
		if !ok {
			return nil, value.TypeError(who, "association list", l)
		}
		if eq(x, entry.Car) {
			return entry, nil
		}
	}
	if err := c.end(who, "list", l); err != nil {
		return nil, err
	}
	return false, nil
}
