package prims

// This file defines the primitives on vectors (report 6.8). vector-map
// and vector-for-each, which call procedures, are in eval's core.scm.

import "contigo/value"

var vectorRows = []value.Primitive{
	{Name: "vector?", Min: 1, Max: 1, Fn1: isVector},
	{Name: "make-vector", Min: 1, Max: 2, Fn: makeVector},
	{Name: "vector", Min: 0, Max: -1, Fn: vector},
	{Name: "vector-length", Min: 1, Max: 1, Fn1: vectorLength},
	{Name: "vector-ref", Min: 2, Max: 2, Fn2: vectorRef},
	{Name: "vector-set!", Min: 3, Max: 3, Fn3: vectorSet},
	{Name: "vector->list", Min: 1, Max: 3, Fn: vectorToList},
	{Name: "list->vector", Min: 1, Max: 1, Fn1: listToVector},
	{Name: "vector->string", Min: 1, Max: 3, Fn: vectorToString},
	{Name: "vector-fill!", Min: 2, Max: 4, Fn: vectorFill},
	{Name: "vector-copy", Min: 1, Max: 3, Fn: vectorCopy},
	{Name: "vector-copy!", Min: 3, Max: 5, Fn: vectorCopyTo},
	{Name: "vector-append", Min: 0, Max: -1, Fn: vectorAppend},
}

func vectorArg(v V, who string) (*value.Vector, error) {
	if x, ok := v.(*value.Vector); ok {
		return x, nil
	}
	return nil, value.TypeError(who, "vector", v)
}

func isVector(a V) (V, error) { _, ok := a.(*value.Vector); return ok, nil }

func makeVector(args []V) (V, error) {
	n, err := SizeArg(args[0], "make-vector", 16)
	if err != nil {
		return nil, err
	}
	var fill V = value.Unspecified
	if len(args) == 2 {
		fill = args[1]
	}
	items := make([]V, n)
	for i := range items {
		items[i] = fill
	}
	return &value.Vector{Items: items}, nil
}

func vector(args []V) (V, error) { return &value.Vector{Items: append([]V(nil), args...)}, nil }

func vectorLength(a V) (V, error) { return lengthOf(a, "vector-length", itemsOf) }

func vectorRef(a, k V) (V, error) {
	v, err := vectorArg(a, "vector-ref")
	if err != nil {
		return nil, err
	}
	if i, ok := k.(value.Fixnum); ok && i >= 0 && int(i) < len(v.Items) {
		return v.Items[i], nil
	}
	i, err := IndexArg(k, "vector-ref", len(v.Items))
	if err != nil {
		return nil, err
	}
	return v.Items[i], nil
}

func vectorSet(vec, k, x V) (V, error) {
	v, err := vectorArg(vec, "vector-set!")
	if err != nil {
		return nil, err
	}
	i, err := IndexArg(k, "vector-set!", len(v.Items))
	if err != nil {
		return nil, err
	}
	v.Items[i] = x
	return value.Unspecified, nil
}

func vectorToList(args []V) (V, error) {
	items, _, err := ranged(args, "vector->list", itemsOf)
	if err != nil {
		return nil, err
	}
	return value.List(items...), nil
}

func listToVector(l V) (V, error) {
	items, err := ListArg(l, "list->vector")
	if err != nil {
		return nil, err
	}
	return &value.Vector{Items: items}, nil
}

func vectorToString(args []V) (V, error) {
	items, _, err := ranged(args, "vector->string", itemsOf)
	if err != nil {
		return nil, err
	}
	return charsToString(items, "vector->string")
}

func vectorFill(args []V) (V, error) {
	v, err := vectorArg(args[0], "vector-fill!")
	if err != nil {
		return nil, err
	}
	start, end, err := RangeArgs(args, 2, "vector-fill!", len(v.Items))
	if err != nil {
		return nil, err
	}
	for i := start; i < end; i++ {
		v.Items[i] = args[1]
	}
	return value.Unspecified, nil
}

func vectorCopy(args []V) (V, error) {
	items, _, err := ranged(args, "vector-copy", itemsOf)
	if err != nil {
		return nil, err
	}
	return &value.Vector{Items: append([]V(nil), items...)}, nil
}

func vectorCopyTo(args []V) (V, error) { return copyInto(args, "vector-copy!", itemsOf) }

func vectorAppend(args []V) (V, error) {
	items, err := concat(args, "vector-append", 16, itemsOf)
	if err != nil {
		return nil, err
	}
	return &value.Vector{Items: items}, nil
}
