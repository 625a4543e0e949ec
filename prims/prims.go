// Package prims defines the primitives that need nothing but the data
// model: numbers, pairs and lists, symbols, characters, strings, vectors,
// bytevectors, hash tables, boxes, promises' state, records and error
// objects. It imports only value and the standard library, so the rule
// that primitives never call back into the evaluator is kept by the
// compiler: a primitive here cannot reach the machine, its continuations
// or its dynamic state. The few primitives that must (macroexpand, the
// ports that read the current port parameters, anything that sleeps or
// answers interrupts) live in package eval, which installs this table
// next to its own.
//
// Each primitive is a named Go function in a declarative row, as in
// starlark-go's library.go and gopher-lua's baselib.go:
//
//	{Name: "car", Min: 1, Max: 1, Fn1: car},
//
// The caller (value.Primitive.Call) checks the arity once, so a
// function may index its arguments freely. A Go name follows the Scheme
// name (null? -> isNull, set-car! -> setCar); the Scheme name appears
// only in the row.
package prims

import "contigo/value"

// V is short for value.Value.
type V = value.Value

// Table returns fresh primitives for one interpreter. stop is the
// interpreter's interrupt flag, which huge products and powers answer
// (see interruptible).
func Table(stop *int32) []*value.Primitive {
	return Fresh(numberRows, interruptible{stop}.rows(), pairRows, cxrRows, listRows,
		symbolRows, charRows, stringRows, vectorRows, bytevectorRows,
		hashRows, tableRows, boxRows, promiseRows, timeRows, recordRows,
		taggedRows, waiterRows, errorRows)
}

// Fresh returns a copy of each row of the tables, for one interpreter:
// the rows themselves are never handed out, so no interpreter can
// change another's primitives.
func Fresh(tables ...[]value.Primitive) []*value.Primitive {
	var out []*value.Primitive
	for _, rows := range tables {
		for i := range rows {
			p := rows[i]
			out = append(out, &p)
		}
	}
	return out
}

// IntArg reads an exact integer that fits an int.
func IntArg(v V, who string) (int, error) { return value.IntegerToInt(v, who) }

// IndexArg reads an index into something of length limit.
func IndexArg(v V, who string, limit int) (int, error) {
	i, err := value.IntegerToInt(v, who)
	if err != nil {
		return 0, err
	}
	if i < 0 || i >= limit {
		return 0, value.RangeError(who, v, limit)
	}
	return i, nil
}

// RangeArgs parses optional [start [end]] arguments at args[from:].
func RangeArgs(args []V, from int, who string, length int) (int, int, error) {
	start, end := 0, length
	if len(args) > from {
		s, err := value.IntegerToInt(args[from], who)
		if err != nil {
			return 0, 0, err
		}
		start = s
	}
	if len(args) > from+1 {
		e, err := value.IntegerToInt(args[from+1], who)
		if err != nil {
			return 0, 0, err
		}
		end = e
	}
	if start < 0 || end > length || start > end {
		return 0, 0, value.Errorf("%s: bad range [%d, %d) for length %d", who, start, end, length)
	}
	return start, end, nil
}

// copyArgs parses the arguments (to at from [start [end]]) of
// string-copy!, vector-copy! and bytevector-copy!, checking that the
// range of from fits into to at at.
func copyArgs(args []V, who string, toLen, fromLen int) (at, start, end int, err error) {
	at, err = IntArg(args[1], who)
	if err != nil {
		return 0, 0, 0, err
	}
	if at < 0 || at > toLen {
		return 0, 0, 0, value.Errorf("%s: index %d out of range [0, %d]", who, at, toLen)
	}
	start, end, err = RangeArgs(args, 3, who, fromLen)
	if err != nil {
		return 0, 0, 0, err
	}
	if end-start > toLen-at {
		return 0, 0, 0, value.Errorf("%s: %d elements do not fit at index %d of a destination of length %d", who, end-start, at, toLen)
	}
	return at, start, end, nil
}

// StringArg checks that v is a string.
func StringArg(v V, who string) (*value.String, error) {
	if s, ok := v.(*value.String); ok {
		return s, nil
	}
	return nil, value.TypeError(who, "string", v)
}

// CharArg checks that v is a character.
func CharArg(v V, who string) (value.Char, error) {
	if c, ok := v.(value.Char); ok {
		return c, nil
	}
	return 0, value.TypeError(who, "character", v)
}

// ListArg returns the elements of the proper list v.
func ListArg(v V, who string) ([]V, error) {
	items, ok := value.ToSlice(v)
	if !ok {
		return nil, ListError(who, "list", v)
	}
	return items, nil
}

// ListError reports that v is not a proper list: a circular one, or
// something else than the list wanted.
func ListError(who, want string, v V) error {
	if value.IsCircular(v) {
		return value.NotProperList(who, v)
	}
	return value.TypeError(who, want, v)
}
