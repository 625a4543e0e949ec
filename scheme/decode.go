package scheme

// This file defines Decode, the typed conversion of a Scheme value into a
// Go variable, which UnpackArgs applies to each argument.

import (
	"fmt"
	"math"
	"math/big"
	"reflect"

	"contigo/eval"
	"contigo/prims"
	"contigo/value"
)

// An Unpacker decodes a Scheme value itself: Decode and UnpackArgs call
// the Unpack method of a variable that implements it, to let a type
// define its own checks and conversion.
type Unpacker interface {
	Unpack(v Value) error
}

// Procedure is a Scheme procedure received from Scheme. Decoding into a
// Procedure accepts procedures only (closures, primitives, continuations,
// parameters); call it with Interp.Call.
type Procedure struct{ v Value }

// Unpack implements Unpacker.
func (p *Procedure) Unpack(v Value) error {
	if !eval.IsProcedure(v) {
		return mismatch("procedure", v)
	}
	p.v = v
	return nil
}

// Value returns the procedure as a Scheme value (nil for the zero
// Procedure).
func (p Procedure) Value() Value { return p.v }

// Decode stores the Scheme value v in the Go variable that ptr points to,
// checking that v has a fitting type, and leaves the variable unchanged
// if it does not. The variable's type decides what is accepted:
//
//	bool                       #t or #f
//	int, ..., uint64           an exact integer in the type's range
//	float32, float64           a real number (exact ones are converted)
//	complex64, complex128      a number
//	*big.Int, big.Int          an exact integer
//	*big.Rat, big.Rat          an exact rational
//	string                     a string
//	Symbol                     a symbol
//	Char                       a character
//	[]byte                     a bytevector
//	slices, arrays             a proper list or a vector, each element
//	                           decoded in turn (an array's length must match)
//	maps                       a hash table, or an association list
//	Procedure                  a procedure
//	any (or Value)             any value, stored as it is
//	a Scheme value type        a value of that type (*value.Pair,
//	                           *prims.HashTable, value.Opaque, ...)
//	an Unpacker                whatever its Unpack method accepts
//
// Decode panics if ptr is not a non-nil pointer: that is a bug in the Go
// program, not in the Scheme one. Its errors say what was expected and
// what came, and where inside v for a nested value: "element 1: expected
// exact integer, got "x"" for '(1 "x"), whose first element is element 0.
func Decode(v Value, ptr any) error {
	if u, ok := ptr.(Unpacker); ok {
		return u.Unpack(v)
	}
	switch p := ptr.(type) {
	case *Value:
		*p = v
		return nil
	case *string:
		s, ok := v.(*value.String)
		if !ok {
			return mismatch("string", v)
		}
		*p = s.String()
		return nil
	case *int:
		n, err := intIn(v, math.MinInt, math.MaxInt)
		if err == nil {
			*p = int(n)
		}
		return err
	case *int64:
		n, err := intIn(v, math.MinInt64, math.MaxInt64)
		if err == nil {
			*p = n
		}
		return err
	case *float64:
		f, err := realOf(v)
		if err == nil {
			*p = f
		}
		return err
	case *bool:
		b, ok := v.(bool)
		if !ok {
			return mismatch("boolean", v)
		}
		*p = b
		return nil
	case *Symbol:
		s, ok := v.(*value.Symbol)
		if !ok {
			return mismatch("symbol", v)
		}
		*p = Symbol(s.Name)
		return nil
	}
	rv := reflect.ValueOf(ptr)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		panic(fmt.Sprintf("scheme.Decode: want a non-nil pointer, got %T", ptr))
	}
	return decodeInto(v, rv.Elem())
}

// decodeInto stores v in the settable dst.
func decodeInto(v Value, dst reflect.Value) error {
	if dst.CanAddr() {
		if u, ok := dst.Addr().Interface().(Unpacker); ok {
			return u.Unpack(v)
		}
	}
	if done, err := decodeNamed(v, dst); done {
		return err
	}
	if v != nil && reflect.TypeOf(v).AssignableTo(dst.Type()) {
		// A Scheme value into a variable of its own type, or of an
		// interface it implements (any included).
		dst.Set(reflect.ValueOf(v))
		return nil
	}
	return decodeKind(v, dst)
}

// decodeNamed decodes into the types that their kind does not describe:
// big numbers, characters and symbols. It reports whether dst is one.
func decodeNamed(v Value, dst reflect.Value) (bool, error) {
	switch dst.Type() {
	case reflect.TypeFor[big.Int](), reflect.TypeFor[*big.Int]():
		n, ok := exactInt(v)
		if !ok {
			return true, mismatch("exact integer", v)
		}
		setBig(dst, n)
	case reflect.TypeFor[big.Rat](), reflect.TypeFor[*big.Rat]():
		r, ok := exactRat(v)
		if !ok {
			return true, mismatch("exact rational number", v)
		}
		setBig(dst, r)
	case reflect.TypeFor[Char]():
		c, ok := v.(value.Char)
		if !ok {
			return true, mismatch("character", v)
		}
		dst.Set(reflect.ValueOf(c))
	case reflect.TypeFor[Symbol]():
		s, ok := v.(*value.Symbol)
		if !ok {
			return true, mismatch("symbol", v)
		}
		dst.SetString(s.Name)
	default:
		return false, nil
	}
	return true, nil
}

// decodeKind decodes into a variable by the kind of its type.
func decodeKind(v Value, dst reflect.Value) error {
	t := dst.Type()
	switch t.Kind() {
	case reflect.Bool:
		b, ok := v.(bool)
		if !ok {
			return mismatch("boolean", v)
		}
		dst.SetBool(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		bits := t.Bits()
		n, err := intIn(v, -1<<(bits-1), 1<<(bits-1)-1)
		if err != nil {
			return err
		}
		dst.SetInt(n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		n, err := uintIn(v, t.Bits())
		if err != nil {
			return err
		}
		dst.SetUint(n)
	case reflect.Float32, reflect.Float64:
		f, err := realOf(v)
		if err != nil {
			return err
		}
		dst.SetFloat(f)
	case reflect.Complex64, reflect.Complex128:
		c, err := complexOf(v)
		if err != nil {
			return err
		}
		dst.SetComplex(c)
	case reflect.String:
		s, ok := v.(*value.String)
		if !ok {
			return mismatch("string", v)
		}
		dst.SetString(s.String())
	case reflect.Slice:
		return decodeSlice(v, dst)
	case reflect.Array:
		return decodeArray(v, dst)
	case reflect.Map:
		return decodeMap(v, dst)
	default:
		return mismatch(schemeTypeName(t), v)
	}
	return nil
}

// schemeTypeName names what a Go variable of type t can hold, for the
// error when nothing Decode knows converts to it.
func schemeTypeName(t reflect.Type) string {
	if t.Kind() == reflect.Interface {
		return "value implementing " + t.String()
	}
	return t.String()
}

// mismatch is the error for a v that is not a want.
func mismatch(want string, v Value) error {
	return fmt.Errorf("expected %s, got %s", want, describe(v))
}

// describe shows v in an error message: written, and shortened.
func describe(v Value) string { return value.ShortText(value.WriteString(v), 60) }

// exactInt returns the exact integer v as a *big.Int.
func exactInt(v Value) (*big.Int, bool) {
	switch n := v.(type) {
	case value.Fixnum:
		return big.NewInt(int64(n)), true
	case *big.Int:
		return new(big.Int).Set(n), true
	}
	return nil, false
}

// exactRat returns the exact rational v as a *big.Rat.
func exactRat(v Value) (*big.Rat, bool) {
	if n, ok := exactInt(v); ok {
		return new(big.Rat).SetInt(n), true
	}
	if r, ok := v.(*big.Rat); ok {
		return new(big.Rat).Set(r), true
	}
	return nil, false
}

// setBig stores x (a fresh *big.Int or *big.Rat) in dst, a variable of
// x's type or of the type x points to.
func setBig(dst reflect.Value, x any) {
	xv := reflect.ValueOf(x)
	if dst.Kind() == reflect.Pointer {
		dst.Set(xv)
	} else {
		dst.Set(xv.Elem())
	}
}

// intIn returns the exact integer v if it lies in [lo, hi].
func intIn(v Value, lo, hi int64) (int64, error) {
	switch n := v.(type) {
	case value.Fixnum:
		if int64(n) >= lo && int64(n) <= hi {
			return int64(n), nil
		}
	case *big.Int:
	default:
		return 0, mismatch("exact integer", v)
	}
	return 0, fmt.Errorf("expected exact integer from %d to %d, got %s", lo, hi, describe(v))
}

// uintIn returns the exact integer v if it is in the range of an unsigned
// integer of the given bits.
func uintIn(v Value, bits int) (uint64, error) {
	hi := uint64(math.MaxUint64) >> (64 - bits)
	switch n := v.(type) {
	case value.Fixnum:
		if n >= 0 && uint64(n) <= hi {
			return uint64(n), nil
		}
	case *big.Int:
		if n.Sign() >= 0 && n.IsUint64() && n.Uint64() <= hi {
			return n.Uint64(), nil
		}
	default:
		return 0, mismatch("exact integer", v)
	}
	return 0, fmt.Errorf("expected exact integer from 0 to %d, got %s", hi, describe(v))
}

// realOf returns the real number v as a float64.
func realOf(v Value) (float64, error) {
	if f, ok := value.ToFloat(v); ok {
		return f, nil
	}
	return 0, mismatch("real number", v)
}

// complexOf returns the number v as a complex128.
func complexOf(v Value) (complex128, error) {
	if c, ok := v.(*value.Complex); ok {
		re, _ := value.ToFloat(c.Re)
		im, _ := value.ToFloat(c.Im)
		return complex(re, im), nil
	}
	f, err := realOf(v)
	if err != nil {
		return 0, mismatch("number", v)
	}
	return complex(f, 0), nil
}

// elements returns the elements of the proper list or vector v.
func elements(v Value) ([]Value, bool) {
	switch x := v.(type) {
	case *value.Vector:
		return x.Items, true
	case *value.Empty, *value.Pair:
		return value.ToSlice(x)
	}
	return nil, false
}

// decodeSlice decodes a list or vector (a bytevector for []byte) into dst.
func decodeSlice(v Value, dst reflect.Value) error {
	t := dst.Type()
	if t.Elem().Kind() == reflect.Uint8 {
		b, ok := v.(*value.Bytevector)
		if !ok {
			return mismatch("bytevector", v)
		}
		out := reflect.MakeSlice(t, len(b.B), len(b.B))
		reflect.Copy(out, reflect.ValueOf(b.B))
		dst.Set(out)
		return nil
	}
	items, ok := elements(v)
	if !ok {
		return mismatch("list or vector", v)
	}
	out := reflect.MakeSlice(t, len(items), len(items))
	for i, e := range items {
		if err := decodeInto(e, out.Index(i)); err != nil {
			return fmt.Errorf("element %d: %w", i, err)
		}
	}
	dst.Set(out)
	return nil
}

// decodeArray decodes a list or vector of the array's length into dst.
func decodeArray(v Value, dst reflect.Value) error {
	items, ok := elements(v)
	if !ok || len(items) != dst.Len() {
		return mismatch(fmt.Sprintf("list or vector of %d elements", dst.Len()), v)
	}
	out := reflect.New(dst.Type()).Elem()
	for i, e := range items {
		if err := decodeInto(e, out.Index(i)); err != nil {
			return fmt.Errorf("element %d: %w", i, err)
		}
	}
	dst.Set(out)
	return nil
}

// decodeMap decodes a hash table or an association list into dst. In an
// association list, the first entry for a key wins, as assoc finds it.
func decodeMap(v Value, dst reflect.Value) error {
	t := dst.Type()
	out := reflect.MakeMap(t)
	var err error
	put := func(k, val Value) bool {
		kv := reflect.New(t.Key()).Elem()
		if e := decodeInto(k, kv); e != nil {
			err = fmt.Errorf("key %s: %w", describe(k), e)
			return false
		}
		if out.MapIndex(kv).IsValid() {
			return true
		}
		vv := reflect.New(t.Elem()).Elem()
		if e := decodeInto(val, vv); e != nil {
			err = fmt.Errorf("value for key %s: %w", describe(k), e)
			return false
		}
		out.SetMapIndex(kv, vv)
		return true
	}
	switch x := v.(type) {
	case *prims.HashTable:
		ok := true
		x.Each(func(k, val Value) {
			ok = ok && put(k, val)
		})
	case *value.Empty, *value.Pair:
		items, ok := value.ToSlice(x)
		if !ok {
			return mismatch("hash table or association list", v)
		}
		for _, it := range items {
			p, ok := it.(*value.Pair)
			if !ok {
				return fmt.Errorf("expected hash table or association list, got a list with %s in it",
					describe(it))
			}
			if !put(p.Car, p.Cdr) {
				break
			}
		}
	default:
		return mismatch("hash table or association list", v)
	}
	if err != nil {
		return err
	}
	dst.Set(out)
	return nil
}
