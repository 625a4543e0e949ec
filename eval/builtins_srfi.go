package eval

// This file defines the Go half of the everyday SRFIs: hash tables
// (SRFI 69 and 125; the table itself is in hashtable.go), hashing, SRFI 28
// format, SRFI 111 boxes and SRFI 1's iota. The procedures of these SRFIs
// that call procedures are in srfi.scm.

import (
	"bufio"
	"math/big"
	"strings"

	"contigo/value"
)

// Box is a SRFI 111 box.
type Box struct{ v V }

// SchemeString implements value.Opaque.
func (b *Box) SchemeString() string { return "#<box>" }

func table(v V, who string) (*HashTable, error) {
	if t, ok := v.(*HashTable); ok {
		return t, nil
	}
	return nil, value.TypeError(who, "hash table", v)
}

// equivKind tells which table kind an equivalence procedure asks for. Only
// the built-in predicates are known; a primitive cannot be made by a
// program, so its name identifies it.
func equivKind(equiv V, who string) (htKind, error) {
	if p, ok := equiv.(*value.Primitive); ok {
		switch p.Name {
		case "eq?", "eqv?", "char=?", "symbol=?", "boolean=?":
			return htEqv, nil
		case "equal?":
			return htEqual, nil
		case "string=?":
			return htString, nil
		case "string-ci=?":
			return htStringCI, nil
		case "=":
			return htNumber, nil
		}
	}
	return 0, value.Errorf("%s: unsupported equivalence procedure %s (use equal?, eqv?, eq?, string=?, string-ci=? or =)",
		who, value.ShortText(value.WriteString(equiv), 40))
}

// makeTable makes a table from the optional [equiv [hash]] arguments at
// args[from:]. A hash function is accepted and remembered, but the table
// hashes with its own function consistent with equiv.
func (in *Interp) makeTable(args []V, from int, who string) (*HashTable, error) {
	var equiv, hashFn V = equalPrim, false
	if len(args) > from {
		equiv = args[from]
	}
	if len(args) > from+1 {
		hashFn = args[from+1]
	}
	kind, err := equivKind(equiv, who)
	if err != nil {
		return nil, err
	}
	return newHashTable(kind, equiv, hashFn), nil
}

// boundArg applies the optional bound of the hash functions.
func boundArg(h uint64, args []V, who string) (V, error) {
	h &= 1<<62 - 1 // a fixnum, non-negative
	if len(args) > 1 {
		n, err := toInt(args[1], who)
		if err != nil || n <= 0 {
			return nil, value.TypeError(who, "positive exact integer bound", args[1])
		}
		h %= uint64(n)
	}
	return value.Int(int64(h)), nil
}

func hashPrim(name string, f func(a V) (uint64, error)) *value.Primitive {
	return prim(name, 1, 2, func(args []V) (V, error) {
		h, err := f(args[0])
		if err != nil {
			return nil, err
		}
		return boundArg(h, args, name)
	})
}

func (in *Interp) srfiPrims() []*value.Primitive {
	ps := []*value.Primitive{
		// SRFI 111
		prim1("box", func(a V) (V, error) { return &Box{a}, nil }),
		pred("box?", func(a V) bool { _, ok := a.(*Box); return ok }),
		prim1("unbox", func(a V) (V, error) {
			b, ok := a.(*Box)
			if !ok {
				return nil, value.TypeError("unbox", "box", a)
			}
			return b.v, nil
		}),
		prim2("set-box!", func(a, v V) (V, error) {
			b, ok := a.(*Box)
			if !ok {
				return nil, value.TypeError("set-box!", "box", a)
			}
			b.v = v
			return value.Unspecified, nil
		}),
		// SRFI 28
		prim("format", 1, -1, in.format),
		// SRFI 1
		prim("iota", 1, 3, iotaList),
		// Hashing
		hashPrim("hash", func(a V) (uint64, error) { return hashEqual(a), nil }),
		hashPrim("equal-hash", func(a V) (uint64, error) { return hashEqual(a), nil }),
		hashPrim("eqv-hash", func(a V) (uint64, error) { return hashEqv(a), nil }),
		hashPrim("eq-hash", func(a V) (uint64, error) { return hashEqv(a), nil }),
		hashPrim("hash-by-identity", func(a V) (uint64, error) { return hashEqv(a), nil }),
		hashPrim("string-hash", func(a V) (uint64, error) {
			s, err := str(a, "string-hash")
			if err != nil {
				return 0, err
			}
			return hashRunes(s.R), nil
		}),
		hashPrim("string-ci-hash", func(a V) (uint64, error) {
			s, err := str(a, "string-ci-hash")
			if err != nil {
				return 0, err
			}
			return hashRunes(foldRunes(s.R)), nil
		}),
	}
	return append(ps, in.hashTablePrims()...)
}

func (in *Interp) hashTablePrims() []*value.Primitive {
	return []*value.Primitive{
		prim("make-hash-table", 0, -1, func(args []V) (V, error) {
			return in.makeTable(args, 0, "make-hash-table")
		}),
		pred("hash-table?", func(a V) bool { _, ok := a.(*HashTable); return ok }),
		prim("alist->hash-table", 1, -1, func(args []V) (V, error) {
			items, err := listArg(args[0], "alist->hash-table")
			if err != nil {
				return nil, err
			}
			t, err := in.makeTable(args, 1, "alist->hash-table")
			if err != nil {
				return nil, err
			}
			for _, it := range items {
				p, ok := it.(*value.Pair)
				if !ok {
					return nil, value.TypeError("alist->hash-table", "association list", args[0])
				}
				// The first association of a key wins (SRFI 69).
				if e, err := t.lookup(p.Car, "alist->hash-table"); err != nil {
					return nil, err
				} else if e == nil {
					t.set(p.Car, p.Cdr, "alist->hash-table")
				}
			}
			return t, nil
		}),
		prim("hash-table-set!", 1, -1, func(args []V) (V, error) {
			t, err := table(args[0], "hash-table-set!")
			if err != nil {
				return nil, err
			}
			if len(args)%2 != 1 {
				return nil, value.Errorf("hash-table-set!: expected keys and values in pairs, got %d arguments", len(args)-1)
			}
			for i := 1; i < len(args); i += 2 {
				if err := t.set(args[i], args[i+1], "hash-table-set!"); err != nil {
					return nil, err
				}
			}
			return value.Unspecified, nil
		}),
		prim("hash-table-ref/default", 3, 3, func(args []V) (V, error) {
			t, err := table(args[0], "hash-table-ref/default")
			if err != nil {
				return nil, err
			}
			e, err := t.lookup(args[1], "hash-table-ref/default")
			if err != nil {
				return nil, err
			}
			if e == nil {
				return args[2], nil
			}
			return e.Cdr, nil
		}),
		prim2("%hash-table-entry", func(a, k V) (V, error) {
			t, err := table(a, "hash-table-ref")
			if err != nil {
				return nil, err
			}
			e, err := t.lookup(k, "hash-table-ref")
			if err != nil || e == nil {
				return false, err
			}
			return e, nil
		}),
		prim("hash-table-delete!", 1, -1, func(args []V) (V, error) {
			t, err := table(args[0], "hash-table-delete!")
			if err != nil {
				return nil, err
			}
			n := 0
			for _, k := range args[1:] {
				ok, err := t.remove(k, "hash-table-delete!")
				if err != nil {
					return nil, err
				}
				if ok {
					n++
				}
			}
			return value.Int(int64(n)), nil
		}),
		tablePred("hash-table-contains?"),
		tablePred("hash-table-exists?"),
		tableInfo("hash-table-size", func(t *HashTable) V { return value.Int(int64(t.live)) }),
		tableInfo("%hash-table-size", func(t *HashTable) V { return value.Int(int64(t.live)) }),
		tableInfo("hash-table-empty?", func(t *HashTable) V { return t.live == 0 }),
		tableInfo("hash-table-keys", func(t *HashTable) V { return tableList(t, func(p *value.Pair) V { return p.Car }) }),
		tableInfo("hash-table-values", func(t *HashTable) V { return tableList(t, func(p *value.Pair) V { return p.Cdr }) }),
		tableInfo("hash-table->alist", func(t *HashTable) V {
			return tableList(t, func(p *value.Pair) V { return &value.Pair{Car: p.Car, Cdr: p.Cdr} })
		}),
		tableInfo("%hash-table-entries", func(t *HashTable) V { return tableList(t, func(p *value.Pair) V { return p }) }),
		tableInfo("hash-table-equivalence-function", func(t *HashTable) V { return t.equiv }),
		tableInfo("hash-table-hash-function", func(t *HashTable) V { return t.hashFn }),
		tableInfo("hash-table-clear!", func(t *HashTable) V { t.clear(); return value.Unspecified }),
		prim("hash-table-copy", 1, 2, func(args []V) (V, error) {
			t, err := table(args[0], "hash-table-copy")
			if err != nil {
				return nil, err
			}
			return t.copy(), nil
		}),
		prim2("hash-table-merge!", func(a, b V) (V, error) { return mergeTables(a, b, "hash-table-merge!") }),
		prim2("hash-table-union!", func(a, b V) (V, error) { return mergeTables(a, b, "hash-table-union!") }),
	}
}

func tablePred(name string) *value.Primitive {
	return prim2(name, func(a, k V) (V, error) {
		t, err := table(a, name)
		if err != nil {
			return nil, err
		}
		e, err := t.lookup(k, name)
		return e != nil, err
	})
}

func tableInfo(name string, f func(t *HashTable) V) *value.Primitive {
	return prim1(name, func(a V) (V, error) {
		t, err := table(a, name)
		if err != nil {
			return nil, err
		}
		return f(t), nil
	})
}

func tableList(t *HashTable, f func(p *value.Pair) V) V {
	items := make([]V, 0, t.live)
	t.each(func(p *value.Pair) { items = append(items, f(p)) })
	return value.List(items...)
}

// mergeTables adds to a the entries of b whose keys a lacks.
func mergeTables(a, b V, who string) (V, error) {
	t1, err := table(a, who)
	if err != nil {
		return nil, err
	}
	t2, err := table(b, who)
	if err != nil {
		return nil, err
	}
	var ferr error
	t2.each(func(p *value.Pair) {
		if ferr != nil {
			return
		}
		var e *value.Pair
		if e, ferr = t1.lookup(p.Car, who); ferr == nil && e == nil {
			ferr = t1.set(p.Car, p.Cdr, who)
		}
	})
	if ferr != nil {
		return nil, ferr
	}
	return t1, nil
}

// iotaList is SRFI 1's (iota count [start [step]]).
func iotaList(args []V) (V, error) {
	n, err := sizeArg(args[0], "iota", 48)
	if err != nil {
		return nil, err
	}
	var start, step V = value.Int(0), value.Int(1)
	if len(args) > 1 {
		if !value.IsNumber(args[1]) {
			return nil, value.TypeError("iota", "number", args[1])
		}
		start = args[1]
	}
	if len(args) > 2 {
		if !value.IsNumber(args[2]) {
			return nil, value.TypeError("iota", "number", args[2])
		}
		step = args[2]
	}
	items := make([]V, n)
	for i := range items {
		// start + i*step, not repeated addition, so that inexact steps
		// do not accumulate rounding errors.
		x, err := mul2(value.Int(int64(i)), step)
		if err == nil {
			x, err = add2(start, x)
		}
		if err != nil {
			return nil, err
		}
		items[i] = x
	}
	return value.List(items...), nil
}

// format is SRFI 28's (format [destination] control arg ...): the
// destination is #f (return a string; also when it is left out), #t (the
// current output port) or a port. The directives are ~a (display), ~s
// (write), ~d ~b ~o ~x (a number in radix 10, 2, 8, 16), ~c (a
// character), ~% and ~n (newline) and ~~ (a tilde).
func (in *Interp) format(args []V) (V, error) {
	var out *Port
	switch d := args[0].(type) {
	case *value.String:
	case bool:
		if d {
			p, err := in.outPort(nil, 0, "format", textual)
			if err != nil {
				return nil, err
			}
			out = p
		}
		args = args[1:]
	case *Port:
		p, err := in.outPort(args, 0, "format", textual)
		if err != nil {
			return nil, err
		}
		out = p
		args = args[1:]
	default:
		return nil, value.TypeError("format", "string, boolean or output port", d)
	}
	if len(args) == 0 {
		return nil, value.Errorf("format: missing control string")
	}
	control, err := str(args[0], "format")
	if err != nil {
		return nil, err
	}
	var sb strings.Builder
	w := bufio.NewWriter(&sb)
	if out != nil {
		w = out.w
	}
	if err := formatTo(w, control.R, args[1:]); err != nil {
		return nil, err
	}
	if out != nil {
		return value.Unspecified, out.wrote("format", true)
	}
	w.Flush()
	return value.NewString(sb.String()), nil
}

func formatTo(w *bufio.Writer, control []rune, args []V) error {
	next := func(d rune) (V, error) {
		if len(args) == 0 {
			return nil, value.Errorf("format: not enough arguments for ~%c in %s", d, value.WriteString(&value.String{R: control}))
		}
		a := args[0]
		args = args[1:]
		return a, nil
	}
	for i := 0; i < len(control); i++ {
		c := control[i]
		if c != '~' {
			w.WriteRune(c)
			continue
		}
		i++
		if i == len(control) {
			return value.Errorf("format: control string ends with ~")
		}
		d := control[i]
		switch d {
		case '%', 'n', 'N':
			w.WriteByte('\n')
		case '~':
			w.WriteByte('~')
		case 'a', 'A', 's', 'S', 'd', 'D', 'b', 'B', 'o', 'O', 'x', 'X', 'c', 'C':
			a, err := next(d)
			if err != nil {
				return err
			}
			if err := formatOne(w, d, a); err != nil {
				return err
			}
		default:
			return value.Errorf("format: unknown directive ~%c", d)
		}
	}
	return nil
}

func formatOne(w *bufio.Writer, d rune, a V) error {
	radix := 0
	switch d {
	case 'a', 'A':
		value.Display(w, a)
	case 's', 'S':
		value.Write(w, a)
	case 'c', 'C':
		c, err := char(a, "format")
		if err != nil {
			return err
		}
		w.WriteRune(rune(c))
	case 'd', 'D':
		radix = 10
	case 'b', 'B':
		radix = 2
	case 'o', 'O':
		radix = 8
	case 'x', 'X':
		radix = 16
	}
	if radix == 0 {
		return nil
	}
	if !value.IsNumber(a) {
		return value.TypeError("format", "number for ~"+string(d), a)
	}
	if _, ok := a.(*big.Rat); !ok && radix != 10 && !value.IsExact(a) {
		return value.TypeError("format", "exact number for ~"+string(d), a)
	}
	s, err := value.NumberToString(a, radix)
	if err != nil {
		return err
	}
	w.WriteString(s)
	return nil
}
