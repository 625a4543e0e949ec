package prims

// This file defines the primitives on vectors (report 6.8). vector-map
// and vector-for-each, which call procedures, are in eval's boot.scm.

import "contigo/value"

var vectorRows = []value.Primitive{
	{Name: "vector?", Min: 1, Max: 1, Fn1: isVector},
	{Name: "make-vector", Min: 1, Max: 2, Fn: makeVector},
	{Name: "vector", Min: 0, Max: -1, Fn: vector},
	{Name: "vector-length", Min: 1, Max: 1, Fn1: vectorLength},
	{Name: "vector-ref", Min: 2, Max: 2, Fn2: vectorRef},
	{Name: "vector-set!", Min: 3, Max: 3, Fn: vectorSet},
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

// vectorRange reads the arguments (vector [start [end]]).
func vectorRange(args []V, who string) (*value.Vector, int, int, error) {
	v, err := vectorArg(args[0], who)
	if err != nil {
		return nil, 0, 0, err
	}
	start, end, err := RangeArgs(args, 1, who, len(v.Items))
	return v, start, end, err
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

func vectorLength(a V) (V, error) {
	v, err := vectorArg(a, "vector-length")
	if err != nil {
		return nil, err
	}
	return value.Int(int64(len(v.Items))), nil
}

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

func vectorSet(args []V) (V, error) {
	v, err := vectorArg(args[0], "vector-set!")
	if err != nil {
		return nil, err
	}
	i, err := IndexArg(args[1], "vector-set!", len(v.Items))
	if err != nil {
		return nil, err
	}
	v.Items[i] = args[2]
	return value.Unspecified, nil
}

func vectorToList(args []V) (V, error) {
	v, start, end, err := vectorRange(args, "vector->list")
	if err != nil {
		return nil, err
	}
	return value.List(v.Items[start:end]...), nil
}

func listToVector(l V) (V, error) {
	items, err := ListArg(l, "list->vector")
	if err != nil {
		return nil, err
	}
	return &value.Vector{Items: items}, nil
}

func vectorToString(args []V) (V, error) {
	v, start, end, err := vectorRange(args, "vector->string")
	if err != nil {
		return nil, err
	}
	return charsToString(v.Items[start:end], "vector->string")
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
	v, start, end, err := vectorRange(args, "vector-copy")
	if err != nil {
		return nil, err
	}
	return &value.Vector{Items: append([]V(nil), v.Items[start:end]...)}, nil
}

func vectorCopyTo(args []V) (V, error) {
	to, err := vectorArg(args[0], "vector-copy!")
	if err != nil {
		return nil, err
	}
	from, err := vectorArg(args[2], "vector-copy!")
	if err != nil {
		return nil, err
	}
	at, start, end, err := copyArgs(args, "vector-copy!", len(to.Items), len(from.Items))
	if err != nil {
		return nil, err
	}
	copy(to.Items[at:], from.Items[start:end])
	return value.Unspecified, nil
}

func vectorAppend(args []V) (V, error) {
	n := 0
	for _, a := range args {
		v, err := vectorArg(a, "vector-append")
		if err != nil {
			return nil, err
		}
		n += len(v.Items)
	}
	if err := CheckAlloc("vector-append", n, 16); err != nil {
		return nil, err
	}
	items := make([]V, 0, n)
	for _, a := range args {
		items = append(items, a.(*value.Vector).Items...)
	}
	return &value.Vector{Items: items}, nil
}
