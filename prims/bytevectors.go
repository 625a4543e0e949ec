package prims

// This file defines the primitives on bytevectors (report 6.9).

import (
	"unicode/utf8"

	"contigo/value"
)

var bytevectorRows = []value.Primitive{
	{Name: "bytevector?", Min: 1, Max: 1, Fn1: isBytevector},
	{Name: "make-bytevector", Min: 1, Max: 2, Fn: makeBytevector},
	{Name: "bytevector", Min: 0, Max: -1, Fn: bytevector},
	{Name: "bytevector-length", Min: 1, Max: 1, Fn1: bytevectorLength},
	{Name: "bytevector-u8-ref", Min: 2, Max: 2, Fn2: bytevectorRef},
	{Name: "bytevector-u8-set!", Min: 3, Max: 3, Fn: bytevectorSet},
	{Name: "bytevector-copy", Min: 1, Max: 3, Fn: bytevectorCopy},
	{Name: "bytevector-copy!", Min: 3, Max: 5, Fn: bytevectorCopyTo},
	{Name: "bytevector-append", Min: 0, Max: -1, Fn: bytevectorAppend},
	{Name: "utf8->string", Min: 1, Max: 3, Fn: utf8ToString},
	{Name: "string->utf8", Min: 1, Max: 3, Fn: stringToUTF8},
}

// BytevectorArg checks that v is a bytevector.
func BytevectorArg(v V, who string) (*value.Bytevector, error) {
	if b, ok := v.(*value.Bytevector); ok {
		return b, nil
	}
	return nil, value.TypeError(who, "bytevector", v)
}

// ByteArg checks that v is a byte: an exact integer from 0 to 255.
func ByteArg(v V, who string) (byte, error) {
	if n, ok := v.(value.Fixnum); ok && n >= 0 && n <= 255 {
		return byte(n), nil
	}
	return 0, value.TypeError(who, "byte (exact integer 0-255)", v)
}

func isBytevector(a V) (V, error) { _, ok := a.(*value.Bytevector); return ok, nil }

func makeBytevector(args []V) (V, error) {
	n, err := SizeArg(args[0], "make-bytevector", 1)
	if err != nil {
		return nil, err
	}
	var fill byte
	if len(args) == 2 {
		if fill, err = ByteArg(args[1], "make-bytevector"); err != nil {
			return nil, err
		}
	}
	b := make([]byte, n)
	for i := range b {
		b[i] = fill
	}
	return &value.Bytevector{B: b}, nil
}

func bytevector(args []V) (V, error) {
	b := make([]byte, len(args))
	for i, a := range args {
		x, err := ByteArg(a, "bytevector")
		if err != nil {
			return nil, err
		}
		b[i] = x
	}
	return &value.Bytevector{B: b}, nil
}

func bytevectorLength(a V) (V, error) { return lengthOf(a, "bytevector-length", bytesOf) }

func bytevectorRef(a, k V) (V, error) {
	b, err := elementAt(a, k, "bytevector-u8-ref", bytesOf)
	if err != nil {
		return nil, err
	}
	return value.Int(int64(b)), nil
}

func bytevectorSet(args []V) (V, error) {
	b, err := BytevectorArg(args[0], "bytevector-u8-set!")
	if err != nil {
		return nil, err
	}
	i, err := IndexArg(args[1], "bytevector-u8-set!", len(b.B))
	if err != nil {
		return nil, err
	}
	x, err := ByteArg(args[2], "bytevector-u8-set!")
	if err != nil {
		return nil, err
	}
	b.B[i] = x
	return value.Unspecified, nil
}

func bytevectorCopy(args []V) (V, error) {
	bs, _, err := ranged(args, "bytevector-copy", bytesOf)
	if err != nil {
		return nil, err
	}
	return &value.Bytevector{B: append([]byte{}, bs...)}, nil
}

func bytevectorCopyTo(args []V) (V, error) { return copyInto(args, "bytevector-copy!", bytesOf) }

func bytevectorAppend(args []V) (V, error) {
	b, err := concat(args, "bytevector-append", 1, bytesOf)
	if err != nil {
		return nil, err
	}
	return &value.Bytevector{B: b}, nil
}

func utf8ToString(args []V) (V, error) {
	bs, start, err := ranged(args, "utf8->string", bytesOf)
	if err != nil {
		return nil, err
	}
	r := make([]rune, 0, utf8.RuneCount(bs))
	for i := 0; i < len(bs); {
		c, n := utf8.DecodeRune(bs[i:])
		if c == utf8.RuneError && n <= 1 {
			return nil, value.Errorf("utf8->string: invalid UTF-8 at byte %d", start+i)
		}
		r = append(r, c)
		i += n
	}
	return &value.String{R: r}, nil
}

func stringToUTF8(args []V) (V, error) {
	r, _, err := ranged(args, "string->utf8", runesOf)
	if err != nil {
		return nil, err
	}
	return &value.Bytevector{B: []byte(string(r))}, nil
}
