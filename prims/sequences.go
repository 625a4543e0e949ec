package prims

// This file defines what strings, vectors and bytevectors share: their
// elements as a Go slice, so that appending, copying into and reading a
// [start, end) range are written once for the three.

import "contigo/value"

// elements returns the elements of a sequence argument, or the error
// of an argument of the wrong type.
type elements[E any] func(v V, who string) ([]E, error)

func runesOf(v V, who string) ([]rune, error) {
	s, err := StringArg(v, who)
	if err != nil {
		return nil, err
	}
	return s.R, nil
}

func itemsOf(v V, who string) ([]V, error) {
	x, err := vectorArg(v, who)
	if err != nil {
		return nil, err
	}
	return x.Items, nil
}

func bytesOf(v V, who string) ([]byte, error) {
	b, err := BytevectorArg(v, who)
	if err != nil {
		return nil, err
	}
	return b.B, nil
}

// concat appends the sequences args, each element size bytes, checking
// the memory limit before allocating.
func concat[E any](args []V, who string, size int, of elements[E]) ([]E, error) {
	n := 0
	for _, a := range args {
		s, err := of(a, who)
		if err != nil {
			return nil, err
		}
		n += len(s)
	}
	if err := CheckAlloc(who, n, size); err != nil {
		return nil, err
	}
	out := make([]E, 0, n)
	for _, a := range args {
		s, _ := of(a, who)
		out = append(out, s...)
	}
	return out, nil
}

// copyInto is (who to at from [start [end]]): it copies the range of
// from into to at index at.
func copyInto[E any](args []V, who string, of elements[E]) (V, error) {
	to, err := of(args[0], who)
	if err != nil {
		return nil, err
	}
	from, err := of(args[2], who)
	if err != nil {
		return nil, err
	}
	at, start, end, err := copyArgs(args, who, len(to), len(from))
	if err != nil {
		return nil, err
	}
	copy(to[at:], from[start:end]) // copy handles overlap
	return value.Unspecified, nil
}

// ranged reads the arguments (sequence [start [end]]) and returns the
// range's elements and its start.
func ranged[E any](args []V, who string, of elements[E]) ([]E, int, error) {
	s, err := of(args[0], who)
	if err != nil {
		return nil, 0, err
	}
	start, end, err := RangeArgs(args, 1, who, len(s))
	if err != nil {
		return nil, 0, err
	}
	return s[start:end], start, nil
}

// lengthOf is the length of a sequence argument.
func lengthOf[E any](a V, who string, of elements[E]) (V, error) {
	s, err := of(a, who)
	if err != nil {
		return nil, err
	}
	return value.Int(int64(len(s))), nil
}

// elementAt is element k of a sequence argument.
func elementAt[E any](a, k V, who string, of elements[E]) (e E, err error) {
	s, err := of(a, who)
	if err != nil {
		return e, err
	}
	i, err := IndexArg(k, who, len(s))
	if err != nil {
		return e, err
	}
	return s[i], nil
}
