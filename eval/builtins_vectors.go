package eval

// This file defines the primitives on vectors (report 6.8). vector-map
// and vector-for-each, which call procedures, are in boot.scm.

import "contigo/value"

func vec(v V, who string) (*value.Vector, error) {
	if x, ok := v.(*value.Vector); ok {
		return x, nil
	}
	return nil, value.TypeError(who, "vector", v)
}

func vectorPrims() []*value.Primitive {
	return []*value.Primitive{
		pred("vector?", func(a V) bool { _, ok := a.(*value.Vector); return ok }),
		prim("make-vector", 1, 2, func(args []V) (V, error) {
			n, err := sizeArg(args[0], "make-vector", 16)
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
		}),
		prim("vector", 0, -1, func(args []V) (V, error) {
			return &value.Vector{Items: append([]V(nil), args...)}, nil
		}),
		prim1("vector-length", func(a V) (V, error) {
			v, err := vec(a, "vector-length")
			if err != nil {
				return nil, err
			}
			return value.Int(int64(len(v.Items))), nil
		}),
		prim2("vector-ref", func(a, k V) (V, error) {
			v, err := vec(a, "vector-ref")
			if err != nil {
				return nil, err
			}
			if i, ok := k.(value.Fixnum); ok && i >= 0 && int(i) < len(v.Items) {
				return v.Items[i], nil
			}
			i, err := index(k, "vector-ref", len(v.Items))
			if err != nil {
				return nil, err
			}
			return v.Items[i], nil
		}),
		prim("vector-set!", 3, 3, func(args []V) (V, error) {
			v, err := vec(args[0], "vector-set!")
			if err != nil {
				return nil, err
			}
			i, err := index(args[1], "vector-set!", len(v.Items))
			if err != nil {
				return nil, err
			}
			v.Items[i] = args[2]
			return value.Unspecified, nil
		}),
		prim("vector->list", 1, 3, func(args []V) (V, error) {
			v, err := vec(args[0], "vector->list")
			if err != nil {
				return nil, err
			}
			start, end, err := rangeArgs(args, 1, "vector->list", len(v.Items))
			if err != nil {
				return nil, err
			}
			return value.List(v.Items[start:end]...), nil
		}),
		prim1("list->vector", func(l V) (V, error) {
			items, err := listArg(l, "list->vector")
			if err != nil {
				return nil, err
			}
			return &value.Vector{Items: items}, nil
		}),
		prim("vector->string", 1, 3, func(args []V) (V, error) {
			v, err := vec(args[0], "vector->string")
			if err != nil {
				return nil, err
			}
			start, end, err := rangeArgs(args, 1, "vector->string", len(v.Items))
			if err != nil {
				return nil, err
			}
			r := make([]rune, end-start)
			for i, it := range v.Items[start:end] {
				c, err := char(it, "vector->string")
				if err != nil {
					return nil, err
				}
				r[i] = rune(c)
			}
			return &value.String{R: r}, nil
		}),
		prim("vector-fill!", 2, 4, func(args []V) (V, error) {
			v, err := vec(args[0], "vector-fill!")
			if err != nil {
				return nil, err
			}
			start, end, err := rangeArgs(args, 2, "vector-fill!", len(v.Items))
			if err != nil {
				return nil, err
			}
			for i := start; i < end; i++ {
				v.Items[i] = args[1]
			}
			return value.Unspecified, nil
		}),
		prim("vector-copy", 1, 3, func(args []V) (V, error) {
			v, err := vec(args[0], "vector-copy")
			if err != nil {
				return nil, err
			}
			start, end, err := rangeArgs(args, 1, "vector-copy", len(v.Items))
			if err != nil {
				return nil, err
			}
			return &value.Vector{Items: append([]V(nil), v.Items[start:end]...)}, nil
		}),
		prim("vector-copy!", 3, 5, func(args []V) (V, error) {
			to, err := vec(args[0], "vector-copy!")
			if err != nil {
				return nil, err
			}
			from, err := vec(args[2], "vector-copy!")
			if err != nil {
				return nil, err
			}
			at, start, end, err := copyArgs(args, "vector-copy!", len(to.Items), len(from.Items))
			if err != nil {
				return nil, err
			}
			copy(to.Items[at:], from.Items[start:end])
			return value.Unspecified, nil
		}),
		prim("vector-append", 0, -1, func(args []V) (V, error) {
			n := 0
			for _, a := range args {
				v, err := vec(a, "vector-append")
				if err != nil {
					return nil, err
				}
				n += len(v.Items)
			}
			if err := checkAlloc("vector-append", n, 16); err != nil {
				return nil, err
			}
			items := make([]V, 0, n)
			for _, a := range args {
				items = append(items, a.(*value.Vector).Items...)
			}
			return &value.Vector{Items: items}, nil
		}),
	}
}
