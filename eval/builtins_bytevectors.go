package eval

// This file defines the primitives on bytevectors (report 6.9).

import (
	"unicode/utf8"

	"contigo/value"
)

func bytevec(v V, who string) (*value.Bytevector, error) {
	if b, ok := v.(*value.Bytevector); ok {
		return b, nil
	}
	return nil, value.TypeError(who, "bytevector", v)
}

// byteArg checks that v is a byte: an exact integer from 0 to 255.
func byteArg(v V, who string) (byte, error) {
	if n, ok := v.(value.Fixnum); ok && n >= 0 && n <= 255 {
		return byte(n), nil
	}
	return 0, value.TypeError(who, "byte (exact integer 0-255)", v)
}

func bytevectorPrims() []*value.Primitive {
	return []*value.Primitive{
		pred("bytevector?", func(a V) bool { _, ok := a.(*value.Bytevector); return ok }),
		prim("make-bytevector", 1, 2, func(args []V) (V, error) {
			n, err := sizeArg(args[0], "make-bytevector", 1)
			if err != nil {
				return nil, err
			}
			var fill byte
			if len(args) == 2 {
				if fill, err = byteArg(args[1], "make-bytevector"); err != nil {
					return nil, err
				}
			}
			b := make([]byte, n)
			for i := range b {
				b[i] = fill
			}
			return &value.Bytevector{B: b}, nil
		}),
		prim("bytevector", 0, -1, func(args []V) (V, error) {
			b := make([]byte, len(args))
			for i, a := range args {
				x, err := byteArg(a, "bytevector")
				if err != nil {
					return nil, err
				}
				b[i] = x
			}
			return &value.Bytevector{B: b}, nil
		}),
		prim1("bytevector-length", func(a V) (V, error) {
			b, err := bytevec(a, "bytevector-length")
			if err != nil {
				return nil, err
			}
			return value.Int(int64(len(b.B))), nil
		}),
		prim2("bytevector-u8-ref", func(a, k V) (V, error) {
			b, err := bytevec(a, "bytevector-u8-ref")
			if err != nil {
				return nil, err
			}
			i, err := index(k, "bytevector-u8-ref", len(b.B))
			if err != nil {
				return nil, err
			}
			return value.Int(int64(b.B[i])), nil
		}),
		prim("bytevector-u8-set!", 3, 3, func(args []V) (V, error) {
			b, err := bytevec(args[0], "bytevector-u8-set!")
			if err != nil {
				return nil, err
			}
			i, err := index(args[1], "bytevector-u8-set!", len(b.B))
			if err != nil {
				return nil, err
			}
			x, err := byteArg(args[2], "bytevector-u8-set!")
			if err != nil {
				return nil, err
			}
			b.B[i] = x
			return value.Unspecified, nil
		}),
		prim("bytevector-copy", 1, 3, func(args []V) (V, error) {
			b, err := bytevec(args[0], "bytevector-copy")
			if err != nil {
				return nil, err
			}
			start, end, err := rangeArgs(args, 1, "bytevector-copy", len(b.B))
			if err != nil {
				return nil, err
			}
			return &value.Bytevector{B: append([]byte{}, b.B[start:end]...)}, nil
		}),
		prim("bytevector-copy!", 3, 5, func(args []V) (V, error) {
			to, err := bytevec(args[0], "bytevector-copy!")
			if err != nil {
				return nil, err
			}
			from, err := bytevec(args[2], "bytevector-copy!")
			if err != nil {
				return nil, err
			}
			at, start, end, err := copyArgs(args, "bytevector-copy!", len(to.B), len(from.B))
			if err != nil {
				return nil, err
			}
			copy(to.B[at:], from.B[start:end])
			return value.Unspecified, nil
		}),
		prim("bytevector-append", 0, -1, func(args []V) (V, error) {
			n := 0
			for _, a := range args {
				b, err := bytevec(a, "bytevector-append")
				if err != nil {
					return nil, err
				}
				n += len(b.B)
			}
			if err := checkAlloc("bytevector-append", n, 1); err != nil {
				return nil, err
			}
			out := make([]byte, 0, n)
			for _, a := range args {
				out = append(out, a.(*value.Bytevector).B...)
			}
			return &value.Bytevector{B: out}, nil
		}),
		prim("utf8->string", 1, 3, func(args []V) (V, error) {
			b, err := bytevec(args[0], "utf8->string")
			if err != nil {
				return nil, err
			}
			start, end, err := rangeArgs(args, 1, "utf8->string", len(b.B))
			if err != nil {
				return nil, err
			}
			bs := b.B[start:end]
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
		}),
		prim("string->utf8", 1, 3, func(args []V) (V, error) {
			s, err := str(args[0], "string->utf8")
			if err != nil {
				return nil, err
			}
			start, end, err := rangeArgs(args, 1, "string->utf8", len(s.R))
			if err != nil {
				return nil, err
			}
			return &value.Bytevector{B: []byte(string(s.R[start:end]))}, nil
		}),
	}
}
