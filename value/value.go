// Package value owns contigo's data model: the Scheme values that the
// reader produces, the macro expander rewrites and the evaluator computes
// with, together with source positions and the printers.
//
// A Value is any Go value; the concrete representations are:
//
//	empty list       Nil (*Empty)
//	booleans         bool
//	exact integers   Fixnum (int64) and *big.Int (always outside int64 range)
//	exact ratios     *big.Rat (never integral)
//	inexact reals    Flonum (float64)
//	non-real numbers *Complex (two exact parts, or two Flonums)
//	characters       Char (rune)
//	strings          *String (mutable, indexed by rune)
//	symbols          *Symbol (interned unless made by Gensym or NewAlias)
//	pairs            *Pair
//	vectors          *Vector
//	bytevectors      *Bytevector
//	other singletons Unspecified, EOF, DefaultObject
//	multiple values  *MultipleValues (only ever as a return value)
//
// Procedures, ports, records and the other runtime objects are defined by
// the packages that own them; this package only needs to be able to print
// them, which it does through the Printer interface.
package value

import (
	"fmt"
	"strings"
	"sync"
)

// Value is a Scheme value.
type Value = any

// Empty is the type of the empty list.
type Empty struct{}

// Nil is the empty list '().
var Nil = &Empty{}

type unspecified struct{}
type eofObject struct{}
type defaultObject struct{}

// Unspecified is the value of expressions whose value the report leaves
// unspecified, such as (if #f #f) or set!.
var Unspecified = &unspecified{}

// EOF is the end-of-file object.
var EOF = &eofObject{}

// DefaultObject marks an optional argument that was not supplied.
var DefaultObject = &defaultObject{}

// Pair is a mutable cons cell.
type Pair struct {
	Car, Cdr Value
}

// Cons allocates a new pair.
func Cons(car, cdr Value) *Pair { return &Pair{car, cdr} }

// Char is a Unicode character.
type Char rune

// String is a mutable Scheme string. Runes are stored so that string-ref
// and string-set! are O(1).
type String struct {
	R []rune
}

// NewString makes a Scheme string from Go text.
func NewString(s string) *String { return &String{R: []rune(s)} }

func (s *String) String() string { return string(s.R) }

// Vector is a Scheme vector.
type Vector struct {
	Items []Value
}

// Bytevector is a Scheme bytevector.
type Bytevector struct {
	B []byte
}

// MultipleValues carries the result of (values ...) with a count other
// than one. A single value is always returned bare.
type MultipleValues struct {
	Vals []Value
}

// Values packs vals as a return value: bare when there is exactly one.
func Values(vals []Value) Value {
	if len(vals) == 1 {
		return vals[0]
	}
	return &MultipleValues{Vals: vals}
}

// Symbol is an interned name. Two symbols with the same name are the same
// pointer unless one was made by Gensym or NewAlias.
type Symbol struct {
	Name     string
	interned bool
	alias    *alias // set for the identifiers made by NewAlias
}

func (s *Symbol) String() string { return s.Name }

// Interned reports whether s is in the symbol table (false for gensyms).
func (s *Symbol) Interned() bool { return s.interned }

// ProcName is the name a procedure bound to s shows in backtraces: s's
// name, except that a gensym (a macro's temporary, such as loop4) shows
// as its prefix, loop, and one with no prefix shows as "".
func (s *Symbol) ProcName() string {
	if s.interned || s.alias != nil {
		return s.Name
	}
	return strings.TrimRight(s.Name, "0123456789")
}

var (
	symMu    sync.Mutex
	symtab   = make(map[string]*Symbol, 2048) // a start of contigo interns about 1,300
	gensymNo int
)

// Intern returns the unique symbol called name.
func Intern(name string) *Symbol {
	symMu.Lock()
	s, ok := symtab[name]
	if !ok {
		s = &Symbol{Name: name, interned: true}
		symtab[name] = s
	}
	symMu.Unlock()
	return s
}

// Gensym returns a fresh uninterned symbol whose name starts with prefix.
func Gensym(prefix string) *Symbol {
	symMu.Lock()
	gensymNo++
	n := gensymNo
	symMu.Unlock()
	return &Symbol{Name: fmt.Sprintf("%s%d", prefix, n)}
}

// Truthy reports whether v counts as true: everything but #f does.
func Truthy(v Value) bool {
	b, ok := v.(bool)
	return !ok || b
}

// List builds a proper list of vals.
func List(vals ...Value) Value { return ListTail(vals, Nil) }

// ListTail builds a list of vals ending in tail instead of '().
// The pairs are allocated together, in one array: one allocation
// instead of one per pair (deriv, which builds its results with list,
// spends a fifth of its time allocating). A pair of the array keeps
// the others alive; they were made together, and the whole is no
// bigger than the call that made it.
func ListTail(vals []Value, tail Value) Value {
	switch len(vals) {
	case 0:
		return tail
	case 1:
		return &Pair{vals[0], tail}
	}
	ps := make([]Pair, len(vals))
	last := len(vals) - 1
	for i := range last {
		ps[i] = Pair{vals[i], &ps[i+1]}
	}
	ps[last] = Pair{vals[last], tail}
	return &ps[0]
}

// ToSlice returns the elements of a proper list, and false if v is not one
// (improper or circular).
func ToSlice(v Value) ([]Value, bool) {
	n, ok := listLength(v)
	if !ok {
		return improperToSlice(v)
	}
	if n == 0 {
		return nil, true
	}
	// One allocation: the compiler calls this for every form it
	// compiles, and growing the slice a step at a time was most of
	// the allocations of a start.
	out := make([]Value, n)
	for i := range out {
		p := v.(*Pair)
		out[i], v = p.Car, p.Cdr
	}
	return out, true
}

// listLength returns the length of v if it is a proper list.
func listLength(v Value) (int, bool) {
	slow := v
	for n := 0; ; n++ {
		switch p := v.(type) {
		case *Empty:
			return n, true
		case *Pair:
			v = p.Cdr
		default:
			return 0, false
		}
		if n&1 == 1 {
			slow = slow.(*Pair).Cdr
			if slow == v {
				return 0, false
			}
		}
	}
}

// improperToSlice is ToSlice for what is not a proper list: the elements
// up to where that shows.
func improperToSlice(v Value) ([]Value, bool) {
	var out []Value
	slow := v
	for i := 0; ; i++ {
		switch p := v.(type) {
		case *Empty:
			return out, true
		case *Pair:
			out = append(out, p.Car)
			v = p.Cdr
		default:
			return out, false
		}
		if i&1 == 1 {
			slow = slow.(*Pair).Cdr
			if slow == v {
				return out, false
			}
		}
	}
}

// IsCircular reports whether following v's cdrs comes back to a pair
// already seen (Floyd's tortoise and hare: no allocation).
func IsCircular(v Value) bool {
	slow := v
	for {
		p, ok := v.(*Pair)
		if !ok {
			return false
		}
		if p, ok = p.Cdr.(*Pair); !ok {
			return false
		}
		v = p.Cdr
		slow = slow.(*Pair).Cdr
		if slow == v {
			return true
		}
	}
}

// NotProperList is the error for a circular list given to proc, which
// needs a proper one.
func NotProperList(proc string, v Value) *ErrorObject {
	return &ErrorObject{Message: fmt.Sprintf("%s: not a proper list: %s", proc, WriteShort(v, 60))}
}

// IsList reports whether v is a proper (finite, '()-terminated) list.
func IsList(v Value) bool {
	slow := v
	for {
		p, ok := v.(*Pair)
		if !ok {
			return v == Nil
		}
		v = p.Cdr
		p, ok = v.(*Pair)
		if !ok {
			return v == Nil
		}
		v = p.Cdr
		slow = slow.(*Pair).Cdr
		if slow == v {
			return false
		}
	}
}
