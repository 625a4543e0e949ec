package prims

// This file defines hash tables (SRFI 69, also under SRFI 125's names;
// the primitives are in tables.go and the procedures that call
// procedures in eval's srfi.scm) and the hashing of values consistently with
// the equivalence predicates.
//
// A table remembers its entries in insertion order, so hash-table-keys,
// hash-table->alist and hash-table-walk are deterministic: a program
// prints the same thing on every run. Each entry is a Scheme pair
// (key . value), so the Scheme side can hold on to it and update it.
//
// Tables for eq?, eqv?, string=? and string-ci=? index a Go map by a key
// that Go's == compares exactly as the predicate does (keyFor). Tables for
// equal? and = index buckets by a hash (hashEqual, hashNumber) and compare
// within a bucket with the predicate itself.

import (
	"hash/maphash"
	"math"
	"math/big"
	"reflect"

	"contigo/value"
)

// htKind is the equivalence a hash table uses for its keys.
type htKind uint8

const (
	htEqv      htKind = iota // eq? and eqv?
	htString                 // string=?
	htStringCI               // string-ci=?
	htEqual                  // equal?
	htNumber                 // =
)

// HashTable is a Scheme hash table.
type HashTable struct {
	kind   htKind
	equiv  V // the equivalence procedure, for hash-table-equivalence-function
	hashFn V // the hash function, for hash-table-hash-function

	index   map[any]int32      // htEqv, htString, htStringCI: key -> entry
	buckets map[uint64][]int32 // htEqual, htNumber: hash -> entries
	entries []htEntry          // in insertion order; deleted ones have pair nil
	live    int
}

type htEntry struct {
	pair *value.Pair // (key . value)
	key  any         // the map key (direct kinds)
	hash uint64      // the hash (bucket kinds)
}

// SchemeString implements value.Opaque.
func (t *HashTable) SchemeString() string { return "#<hash-table>" }

// NewEqualHashTable returns an empty hash table whose keys are compared
// with equal?, as (make-equal-hash-table) makes.
func NewEqualHashTable() *HashTable { return newHashTable(htEqual, equalPrim, false) }

// Set associates key with val in t, as hash-table-set! does.
func (t *HashTable) Set(key, val value.Value) error { return t.set(key, val, "hash-table-set!") }

// Each calls f with every key and value of t, in insertion order. f must
// not change t.
func (t *HashTable) Each(f func(key, val value.Value)) {
	t.each(func(p *value.Pair) { f(p.Car, p.Cdr) })
}

// Len returns the number of entries in t.
func (t *HashTable) Len() int { return t.live }

func newHashTable(kind htKind, equiv, hashFn V) *HashTable {
	t := &HashTable{kind: kind, equiv: equiv, hashFn: hashFn}
	t.clear()
	return t
}

func (t *HashTable) clear() {
	if t.kind == htEqual || t.kind == htNumber {
		t.buckets = map[uint64][]int32{}
	} else {
		t.index = map[any]int32{}
	}
	t.entries = nil
	t.live = 0
}

// Types whose values are map keys standing for numbers, compared as eqv?
// compares the numbers.
type (
	floKey uint64               // the bits of a flonum, one NaN for all
	bigKey string               // an exact integer outside the fixnum range
	ratKey string               // an exact ratio
	cpxKey struct{ re, im any } // a non-real complex: the keys of its parts
)

// canonicalNaN is the bits all NaNs hash and compare as, since eqv?
// makes them all the same.
var canonicalNaN = math.Float64bits(math.NaN())

// eqvKey returns a Go value that == compares as eqv? compares v: the
// value itself for everything but inexact numbers (by bits, so 0.0 and
// -0.0 differ) and big exact ones (by digits). eq? tables use it too,
// which makes them treat equal bignums as the same key: eq? on numbers is
// unspecified, and this is the friendlier choice.
func eqvKey(v V, who string) (any, error) {
	switch x := v.(type) {
	case value.Fixnum, value.Char, bool, *value.Symbol, *value.Pair, *value.String, *value.Vector:
		return v, nil
	case value.Flonum:
		if x != x {
			return floKey(canonicalNaN), nil
		}
		return floKey(math.Float64bits(float64(x))), nil
	case *big.Int:
		return bigKey(x.String()), nil
	case *big.Rat:
		return ratKey(x.String()), nil
	case *value.Complex:
		re, _ := eqvKey(x.Re, who)
		im, _ := eqvKey(x.Im, who)
		return cpxKey{re, im}, nil
	}
	if t := reflect.TypeOf(v); t != nil && !t.Comparable() {
		return nil, value.TypeError(who, "hashable key", v)
	}
	return v, nil
}

// keyFor returns the map key of a direct table for v.
func (t *HashTable) keyFor(v V, who string) (any, error) {
	switch t.kind {
	case htString, htStringCI:
		s, ok := v.(*value.String)
		if !ok {
			return nil, value.TypeError(who, "string key", v)
		}
		if t.kind == htStringCI {
			return string(foldRunes(s.R)), nil
		}
		return string(s.R), nil
	}
	return eqvKey(v, who)
}

// hashFor returns the bucket hash of a bucket table for v.
func (t *HashTable) hashFor(v V, who string) (uint64, error) {
	if t.kind == htNumber {
		if !value.IsNumber(v) {
			return 0, value.TypeError(who, "number key", v)
		}
		return hashNumber(v), nil
	}
	return hashEqual(v), nil
}

func (t *HashTable) same(a, b V) bool {
	if t.kind == htNumber {
		eq, _ := value.NumEq(a, b, "=")
		return eq
	}
	return value.Equal(a, b)
}

// find returns the index of the entry for key, or -1, with what set needs
// to add an entry: the map key or the hash.
func (t *HashTable) find(key V, who string) (i int, mkey any, hash uint64, err error) {
	if t.index != nil {
		mkey, err = t.keyFor(key, who)
		if err != nil {
			return -1, nil, 0, err
		}
		if i, ok := t.index[mkey]; ok {
			return int(i), mkey, 0, nil
		}
		return -1, mkey, 0, nil
	}
	hash, err = t.hashFor(key, who)
	if err != nil {
		return -1, nil, 0, err
	}
	for _, i := range t.buckets[hash] {
		if t.same(key, t.entries[i].pair.Car) {
			return int(i), nil, hash, nil
		}
	}
	return -1, nil, hash, nil
}

// lookup returns the (key . value) entry for key, or nil.
func (t *HashTable) lookup(key V, who string) (*value.Pair, error) {
	i, _, _, err := t.find(key, who)
	if err != nil || i < 0 {
		return nil, err
	}
	return t.entries[i].pair, nil
}

func (t *HashTable) set(key, val V, who string) error {
	i, mkey, hash, err := t.find(key, who)
	if err != nil {
		return err
	}
	if i >= 0 {
		t.entries[i].pair.Cdr = val
		return nil
	}
	n := int32(len(t.entries))
	t.entries = append(t.entries, htEntry{pair: &value.Pair{Car: key, Cdr: val}, key: mkey, hash: hash})
	t.live++
	if t.index != nil {
		t.index[mkey] = n
	} else {
		t.buckets[hash] = append(t.buckets[hash], n)
	}
	return nil
}

// remove deletes the entry for key and reports whether there was one.
func (t *HashTable) remove(key V, who string) (bool, error) {
	i, mkey, hash, err := t.find(key, who)
	if err != nil || i < 0 {
		return false, err
	}
	if t.index != nil {
		delete(t.index, mkey)
	} else {
		b := t.buckets[hash]
		for j, k := range b {
			if int(k) == i {
				b = append(b[:j:j], b[j+1:]...)
				break
			}
		}
		if len(b) == 0 {
			delete(t.buckets, hash)
		} else {
			t.buckets[hash] = b
		}
	}
	t.entries[i] = htEntry{}
	t.live--
	if dead := len(t.entries) - t.live; dead > 16 && dead > t.live {
		t.compact()
	}
	return true, nil
}

// compact drops the deleted entries and renumbers the rest.
func (t *HashTable) compact() {
	old := t.entries
	t.entries = make([]htEntry, 0, t.live*2)
	if t.index != nil {
		clear(t.index)
	} else {
		clear(t.buckets)
	}
	for _, e := range old {
		if e.pair == nil {
			continue
		}
		n := int32(len(t.entries))
		t.entries = append(t.entries, e)
		if t.index != nil {
			t.index[e.key] = n
		} else {
			t.buckets[e.hash] = append(t.buckets[e.hash], n)
		}
	}
}

// each calls f on every entry in insertion order.
func (t *HashTable) each(f func(p *value.Pair)) {
	for _, e := range t.entries {
		if e.pair != nil {
			f(e.pair)
		}
	}
}

func (t *HashTable) copy() *HashTable {
	c := newHashTable(t.kind, t.equiv, t.hashFn)
	for _, e := range t.entries {
		if e.pair == nil {
			continue
		}
		n := int32(len(c.entries))
		c.entries = append(c.entries, htEntry{pair: &value.Pair{Car: e.pair.Car, Cdr: e.pair.Cdr}, key: e.key, hash: e.hash})
		if c.index != nil {
			c.index[e.key] = n
		} else {
			c.buckets[e.hash] = append(c.buckets[e.hash], n)
		}
	}
	c.live = len(c.entries)
	return c
}

// Hashing.

// hashBudget is how many pairs and vector elements hashEqual looks at:
// enough to tell typical keys apart, and a bound that makes hashing
// circular structure terminate.
const hashBudget = 64

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// mix combines a hash with another 64-bit word.
func mix(h, x uint64) uint64 {
	h ^= x
	h *= fnvPrime
	h ^= h >> 29
	return h
}

func hashRunes(rs []rune) uint64 {
	h := uint64(fnvOffset)
	for _, r := range rs {
		h = (h ^ uint64(r)) * fnvPrime
	}
	return mix(h, 's')
}

func hashBytes(bs []byte) uint64 {
	h := uint64(fnvOffset)
	for _, b := range bs {
		h = (h ^ uint64(b)) * fnvPrime
	}
	return mix(h, 'u')
}

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

// hashEqual hashes v consistently with equal?: values that are equal?
// hash the same. It walks pairs and vectors in a fixed order and stops
// after hashBudget elements, so equal structures, circular ones
// included, contribute the same elements.
func hashEqual(v V) uint64 {
	budget := hashBudget
	return hashWalk(v, &budget)
}

func hashWalk(v V, budget *int) uint64 {
	switch x := v.(type) {
	case *value.Pair:
		h := uint64(fnvOffset ^ 'p')
		for {
			if *budget--; *budget < 0 {
				return h
			}
			h = mix(h, hashWalk(x.Car, budget))
			next, ok := x.Cdr.(*value.Pair)
			if !ok {
				return mix(h, hashWalk(x.Cdr, budget))
			}
			x = next
		}
	case *value.Vector:
		h := mix(fnvOffset^'v', uint64(len(x.Items)))
		for _, it := range x.Items {
			if *budget--; *budget < 0 {
				break
			}
			h = mix(h, hashWalk(it, budget))
		}
		return h
	case *value.String:
		return hashRunes(x.R)
	case *value.Bytevector:
		return hashBytes(x.B)
	}
	return hashEqv(v)
}

// hashSeed seeds the hashing of object identities.
var hashSeed = maphash.MakeSeed()

// hashEqv hashes v consistently with eqv?.
func hashEqv(v V) uint64 {
	switch x := v.(type) {
	case value.Fixnum:
		return mix(fnvOffset^'i', uint64(x))
	case value.Flonum:
		if x != x {
			return mix(fnvOffset^'f', canonicalNaN)
		}
		return mix(fnvOffset^'f', math.Float64bits(float64(x)))
	case *big.Int:
		return mix(hashBytes(x.Bytes()), uint64(x.Sign()+1))
	case *big.Rat:
		return mix(hashEqv(value.NormBig(x.Num())), hashEqv(value.NormBig(x.Denom())))
	case *value.Complex:
		return mix(hashEqv(x.Re), hashEqv(x.Im))
	case value.Char:
		return mix(fnvOffset^'c', uint64(x))
	case bool:
		if x {
			return fnvOffset ^ 't'
		}
		return fnvOffset ^ 'F'
	case *value.Symbol:
		return mix(hashString(x.Name), 'y')
	case *value.Empty:
		return fnvOffset ^ 'n'
	}
	return hashIdentity(v)
}

// hashIdentity hashes v by identity, as eq? compares.
func hashIdentity(v V) (h uint64) {
	if t := reflect.TypeOf(v); t == nil || !t.Comparable() {
		return 0
	}
	return maphash.Comparable(hashSeed, v)
}

// hashNumber hashes a number consistently with =: numbers that are =
// have the same nearest flonum.
func hashNumber(v V) uint64 {
	if z, ok := v.(*value.Complex); ok {
		v = z.Re // = compares parts, so equal complexes have equal real parts
	}
	f, _ := value.ToFloat(v)
	if f == 0 {
		f = 0 // -0.0 = 0.0
	}
	return mix(fnvOffset^'#', math.Float64bits(f))
}
