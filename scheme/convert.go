package scheme

// This file defines the conversions between Go values and Scheme values:
// ValueOf (Go to Scheme) and ToGo (Scheme to the natural Go value). The
// typed direction, Scheme into a Go variable of a given type, is Decode
// (decode.go).

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"slices"

	"contigo/prims"
	"contigo/value"
)

// Value is a Scheme value. Package value documents its representations;
// ValueOf and ToGo convert between them and ordinary Go values.
type Value = value.Value

// Symbol is a Scheme symbol on the Go side: ValueOf makes Symbol("x")
// the symbol x, and ToGo returns symbols as Symbols. (A Go string is a
// Scheme string.)
type Symbol string

// Vector is a Scheme vector on the Go side: ValueOf makes a Vector a
// vector (a Go slice becomes a list), and ToGo returns vectors as
// Vectors, so a round trip keeps lists and vectors apart.
type Vector []any

// Char is a Scheme character. (A Go rune is an int32, which converts to
// an integer.)
type Char = value.Char

// ValueOf converts a Go value to a Scheme value:
//
//	nil                           the unspecified value
//	bool                          #t or #f
//	int, int8, ..., uint64        an exact integer
//	*big.Int, *big.Rat            an exact integer or ratio (copied)
//	float32, float64              an inexact real
//	complex64, complex128         an inexact complex number
//	string                        a fresh (mutable) string
//	Symbol                        the interned symbol
//	Char                          a character
//	[]byte                        a fresh bytevector
//	Procedure                     the procedure
//	Vector, arrays                a vector of the converted elements
//	other slices                  a list of the converted elements
//	maps                          an equal? hash table, entries added in
//	                              the order of their sorted keys
//	a Scheme value                itself
//
// Any other Go value (a struct, a channel, a func) is an error. A Scheme
// value is one of package value's types or a runtime object such as a
// procedure, a record or a hash table (anything that implements
// value.Opaque or value.Fielded).
func ValueOf(x any) (Value, error) {
	switch x := x.(type) {
	case nil:
		return value.Unspecified, nil
	case value.Fixnum, value.Flonum, bool, value.Char, *value.Symbol, *value.Empty,
		*value.Complex, *value.MultipleValues:
		return x, nil
	case *value.String, *value.Pair, *value.Vector, *value.Bytevector, *value.ErrorObject:
		if reflect.ValueOf(x).IsNil() {
			return nil, fmt.Errorf("cannot convert a nil %T to Scheme", x)
		}
		return x, nil
	case int:
		return value.Int(int64(x)), nil
	case int8:
		return value.Int(int64(x)), nil
	case int16:
		return value.Int(int64(x)), nil
	case int32:
		return value.Int(int64(x)), nil
	case int64:
		return value.Int(x), nil
	case uint, uint8, uint16, uint32, uint64, uintptr:
		return uintValue(reflect.ValueOf(x).Uint()), nil
	case float32:
		return value.Flonum(x), nil
	case float64:
		return value.Flonum(x), nil
	case complex64:
		return complexValue(complex128(x)), nil
	case complex128:
		return complexValue(x), nil
	case *big.Int:
		if x == nil {
			return nil, fmt.Errorf("cannot convert a nil *big.Int to Scheme")
		}
		return value.NormBig(new(big.Int).Set(x)), nil
	case *big.Rat:
		if x == nil {
			return nil, fmt.Errorf("cannot convert a nil *big.Rat to Scheme")
		}
		return value.NormRat(new(big.Rat).Set(x)), nil
	case string:
		return value.NewString(x), nil
	case Symbol:
		return value.Intern(string(x)), nil
	case []byte:
		return &value.Bytevector{B: slices.Clone(x)}, nil
	case Vector:
		items := make([]Value, len(x))
		for i, e := range x {
			v, err := ValueOf(e)
			if err != nil {
				return nil, err
			}
			items[i] = v
		}
		return &value.Vector{Items: items}, nil
	case []any:
		return listOf(len(x), func(i int) any { return x[i] })
	case Procedure:
		if x.v == nil {
			return nil, errors.New("cannot convert the zero Procedure to Scheme")
		}
		return x.v, nil
	case Func:
		return nil, errors.New("cannot convert a Func to Scheme without its interpreter: use Interp.NewFunc")
	case value.Opaque, value.Fielded:
		return x, nil
	}
	if x == value.Unspecified || x == value.EOF || x == value.DefaultObject {
		return x, nil
	}
	return valueOfReflect(reflect.ValueOf(x))
}

// uintValue is the exact integer u.
func uintValue(u uint64) Value {
	if u > math.MaxInt64 {
		return new(big.Int).SetUint64(u)
	}
	return value.Int(int64(u))
}

// complexValue is the inexact complex number c. Its imaginary part stays
// even when it is zero, as for 1.0+0.0i.
func complexValue(c complex128) Value {
	return &value.Complex{Re: value.Flonum(real(c)), Im: value.Flonum(imag(c))}
}

// listOf is the list of the n converted values at(0), ..., at(n-1).
func listOf(n int, at func(int) any) (Value, error) {
	var l Value = value.Nil
	for i := n - 1; i >= 0; i-- {
		v, err := ValueOf(at(i))
		if err != nil {
			return nil, err
		}
		l = value.Cons(v, l)
	}
	return l, nil
}

// valueOfReflect converts the Go values ValueOf has no case for: named
// basic types, typed slices, arrays and maps.
func valueOfReflect(rv reflect.Value) (Value, error) {
	switch rv.Kind() {
	case reflect.Bool:
		return rv.Bool(), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return value.Int(rv.Int()), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return uintValue(rv.Uint()), nil
	case reflect.Float32, reflect.Float64:
		return value.Flonum(rv.Float()), nil
	case reflect.Complex64, reflect.Complex128:
		return complexValue(rv.Complex()), nil
	case reflect.String:
		return value.NewString(rv.String()), nil
	case reflect.Slice:
		if rv.Type().Elem().Kind() == reflect.Uint8 {
			return &value.Bytevector{B: slices.Clone(rv.Bytes())}, nil
		}
		return listOf(rv.Len(), func(i int) any { return rv.Index(i).Interface() })
	case reflect.Array:
		items := make([]Value, rv.Len())
		for i := range items {
			v, err := ValueOf(rv.Index(i).Interface())
			if err != nil {
				return nil, err
			}
			items[i] = v
		}
		return &value.Vector{Items: items}, nil
	case reflect.Map:
		return hashTableOf(rv)
	}
	return nil, fmt.Errorf("cannot convert Go value of type %s to Scheme", rv.Type())
}

// hashTableOf converts a Go map to an equal? hash table. Entries are added
// in the order of the sorted keys, so that the table lists them in the
// same order on every run (Go randomizes a map's order).
func hashTableOf(rv reflect.Value) (Value, error) {
	keys := rv.MapKeys()
	slices.SortFunc(keys, compareKeys)
	t := prims.NewEqualHashTable()
	for _, k := range keys {
		kv, err := ValueOf(k.Interface())
		if err != nil {
			return nil, err
		}
		vv, err := ValueOf(rv.MapIndex(k).Interface())
		if err != nil {
			return nil, err
		}
		if err := t.Set(kv, vv); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// compareKeys orders map keys: numbers by value, strings and booleans
// as Go orders them, and anything else (interface keys of mixed types)
// by kind and then by its printed form.
func compareKeys(a, b reflect.Value) int {
	if a.Kind() == reflect.Interface {
		a = a.Elem()
	}
	if b.Kind() == reflect.Interface {
		b = b.Elem()
	}
	if a.Kind() != b.Kind() {
		return cmp.Compare(a.Kind(), b.Kind())
	}
	switch a.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return cmp.Compare(a.Int(), b.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return cmp.Compare(a.Uint(), b.Uint())
	case reflect.Float32, reflect.Float64:
		return cmp.Compare(a.Float(), b.Float())
	case reflect.String:
		return cmp.Compare(a.String(), b.String())
	case reflect.Bool:
		return cmp.Compare(btoi(a.Bool()), btoi(b.Bool()))
	}
	return cmp.Compare(fmt.Sprint(a.Interface()), fmt.Sprint(b.Interface()))
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// ToGo converts a Scheme value to its natural Go counterpart:
//
//	exact integer         int64, or *big.Int outside int64's range
//	exact ratio           *big.Rat
//	inexact real          float64
//	inexact complex       complex128
//	#t, #f                bool
//	string                string
//	symbol                Symbol
//	character             Char
//	proper list           []any of the converted elements ('() is []any{})
//	vector                Vector of the converted elements
//	bytevector            []byte (a copy)
//	hash table            map[any]any of the converted keys and values
//	unspecified value     nil
//
// Anything else (a procedure, a record, a port, a pair that does not
// start a proper list, an exact complex number) is returned as itself.
// ToGo fails on circular structure, and on a hash table whose key
// converts to a Go value that cannot be a map key (a list).
func ToGo(v Value) (any, error) {
	c := converter{}
	return c.toGo(v)
}

// converter remembers the containers being converted, to find cycles.
type converter struct {
	open map[any]bool
}

// enter marks the container x open, failing if it already is (a cycle).
func (c *converter) enter(x any) error {
	if c.open == nil {
		c.open = map[any]bool{}
	}
	if c.open[x] {
		return fmt.Errorf("cannot convert circular structure to Go")
	}
	c.open[x] = true
	return nil
}

func (c *converter) toGo(v Value) (any, error) {
	switch x := v.(type) {
	case value.Fixnum:
		return int64(x), nil
	case *big.Int:
		return new(big.Int).Set(x), nil
	case *big.Rat:
		return new(big.Rat).Set(x), nil
	case value.Flonum:
		return float64(x), nil
	case *value.Complex:
		re, ok1 := x.Re.(value.Flonum)
		im, ok2 := x.Im.(value.Flonum)
		if ok1 && ok2 {
			return complex(float64(re), float64(im)), nil
		}
		return x, nil
	case bool, value.Char:
		return x, nil
	case *value.String:
		return x.String(), nil
	case *value.Symbol:
		return Symbol(x.Name), nil
	case *value.Empty:
		return []any{}, nil
	case *value.Pair:
		return c.list(x)
	case *value.Vector:
		if err := c.enter(x); err != nil {
			return nil, err
		}
		defer delete(c.open, x)
		out := make(Vector, len(x.Items))
		for i, e := range x.Items {
			g, err := c.toGo(e)
			if err != nil {
				return nil, err
			}
			out[i] = g
		}
		return out, nil
	case *value.Bytevector:
		return slices.Clone(x.B), nil
	case *prims.HashTable:
		return c.hashTable(x)
	}
	if v == value.Unspecified {
		return nil, nil
	}
	return v, nil
}

// list converts the list that starts at p to a []any, or returns p itself
// when it is not a proper list.
func (c *converter) list(p *value.Pair) (any, error) {
	if value.IsCircular(p) {
		return nil, fmt.Errorf("cannot convert circular list to Go")
	}
	items, ok := value.ToSlice(p)
	if !ok {
		return p, nil
	}
	if err := c.enter(p); err != nil {
		return nil, err
	}
	defer delete(c.open, p)
	out := make([]any, len(items))
	for i, e := range items {
		g, err := c.toGo(e)
		if err != nil {
			return nil, err
		}
		out[i] = g
	}
	return out, nil
}

// hashTable converts t to a map[any]any.
func (c *converter) hashTable(t *prims.HashTable) (any, error) {
	if err := c.enter(t); err != nil {
		return nil, err
	}
	defer delete(c.open, t)
	out := make(map[any]any, t.Len())
	var err error
	t.Each(func(k, v Value) {
		if err != nil {
			return
		}
		var gk, gv any
		if gk, err = c.toGo(k); err != nil {
			return
		}
		if gk != nil && !reflect.TypeOf(gk).Comparable() {
			err = fmt.Errorf("cannot convert hash table to Go: key %s is a %T, which cannot be a map key",
				value.ShortText(value.WriteString(k), 40), gk)
			return
		}
		if gv, err = c.toGo(v); err != nil {
			return
		}
		out[gk] = gv
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// WriteString returns v as the write procedure prints it: strings and
// characters in the syntax that reads them back, "hi" and #\a.
func WriteString(v Value) string { return value.WriteString(v) }

// DisplayString returns v as the display procedure prints it: strings
// and characters as their text.
func DisplayString(v Value) string { return value.DisplayString(v) }
