package prims

// This file defines the primitives of hash tables (SRFI 69 and 125; the
// table itself is in hashtable.go) and of hashing. The procedures of
// these SRFIs that call procedures are in eval's srfi.scm.

import "contigo/value"

var hashRows = []value.Primitive{
	{Name: "hash", Min: 1, Max: 2, Fn: hash},
	{Name: "equal-hash", Min: 1, Max: 2, Fn: equalHash},
	{Name: "eqv-hash", Min: 1, Max: 2, Fn: eqvHash},
	{Name: "eq-hash", Min: 1, Max: 2, Fn: eqHash},
	{Name: "hash-by-identity", Min: 1, Max: 2, Fn: hashByIdentity},
	{Name: "string-hash", Min: 1, Max: 2, Fn: stringHash},
	{Name: "string-ci-hash", Min: 1, Max: 2, Fn: stringCIHash},
}

var tableRows = []value.Primitive{
	{Name: "make-hash-table", Min: 0, Max: -1, Fn: makeHashTable},
	{Name: "hash-table?", Min: 1, Max: 1, Fn1: isHashTable},
	{Name: "alist->hash-table", Min: 1, Max: -1, Fn: alistToHashTable},
	{Name: "hash-table-set!", Min: 1, Max: -1, Fn: hashTableSet},
	{Name: "hash-table-ref/default", Min: 3, Max: 3, Fn: hashTableRefDefault},
	{Name: "%hash-table-entry", Min: 2, Max: 2, Fn2: hashTableEntry},
	{Name: "hash-table-delete!", Min: 1, Max: -1, Fn: hashTableDelete},
	{Name: "hash-table-contains?", Min: 2, Max: 2, Fn2: hashTableContains},
	{Name: "hash-table-exists?", Min: 2, Max: 2, Fn2: hashTableExists},
	{Name: "hash-table-size", Min: 1, Max: 1, Fn1: hashTableSize},
	{Name: "%hash-table-size", Min: 1, Max: 1, Fn1: hashTableSizeInternal},
	{Name: "hash-table-empty?", Min: 1, Max: 1, Fn1: isHashTableEmpty},
	{Name: "hash-table-keys", Min: 1, Max: 1, Fn1: hashTableKeys},
	{Name: "hash-table-values", Min: 1, Max: 1, Fn1: hashTableValues},
	{Name: "hash-table->alist", Min: 1, Max: 1, Fn1: hashTableToAlist},
	{Name: "%hash-table-entries", Min: 1, Max: 1, Fn1: hashTableEntries},
	{Name: "hash-table-equivalence-function", Min: 1, Max: 1, Fn1: hashTableEquivalence},
	{Name: "hash-table-hash-function", Min: 1, Max: 1, Fn1: hashTableHashFunction},
	{Name: "hash-table-clear!", Min: 1, Max: 1, Fn1: hashTableClear},
	{Name: "hash-table-copy", Min: 1, Max: 2, Fn: hashTableCopy},
	{Name: "hash-table-merge!", Min: 2, Max: 2, Fn2: hashTableMerge},
	{Name: "hash-table-union!", Min: 2, Max: 2, Fn2: hashTableUnion},
}

func hash(args []V) (V, error)           { return bounded(hashEqual(args[0]), args, "hash") }
func equalHash(args []V) (V, error)      { return bounded(hashEqual(args[0]), args, "equal-hash") }
func eqvHash(args []V) (V, error)        { return bounded(hashEqv(args[0]), args, "eqv-hash") }
func eqHash(args []V) (V, error)         { return bounded(hashEqv(args[0]), args, "eq-hash") }
func hashByIdentity(args []V) (V, error) { return bounded(hashEqv(args[0]), args, "hash-by-identity") }

func stringHash(args []V) (V, error) {
	s, err := StringArg(args[0], "string-hash")
	if err != nil {
		return nil, err
	}
	return bounded(hashRunes(s.R), args, "string-hash")
}

func stringCIHash(args []V) (V, error) {
	s, err := StringArg(args[0], "string-ci-hash")
	if err != nil {
		return nil, err
	}
	return bounded(hashRunes(foldRunes(s.R)), args, "string-ci-hash")
}

// bounded applies the optional bound args[1] of the hash functions.
func bounded(h uint64, args []V, who string) (V, error) {
	h &= 1<<62 - 1 // a fixnum, non-negative
	if len(args) > 1 {
		n, err := IntArg(args[1], who)
		if err != nil || n <= 0 {
			return nil, value.TypeError(who, "positive exact integer bound", args[1])
		}
		h %= uint64(n)
	}
	return value.Int(int64(h)), nil
}

func tableArg(v V, who string) (*HashTable, error) {
	if t, ok := v.(*HashTable); ok {
		return t, nil
	}
	return nil, value.TypeError(who, "hash table", v)
}

// equalPrim is the default equivalence of hash tables.
var equalPrim = &value.Primitive{Name: "equal?", Min: 2, Max: 2, Fn2: IsEqual}

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
func makeTable(args []V, from int, who string) (*HashTable, error) {
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

func makeHashTable(args []V) (V, error) { return makeTable(args, 0, "make-hash-table") }

func isHashTable(a V) (V, error) { _, ok := a.(*HashTable); return ok, nil }

func alistToHashTable(args []V) (V, error) {
	items, err := ListArg(args[0], "alist->hash-table")
	if err != nil {
		return nil, err
	}
	t, err := makeTable(args, 1, "alist->hash-table")
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
}

func hashTableSet(args []V) (V, error) {
	t, err := tableArg(args[0], "hash-table-set!")
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
}

// tableEntry returns the entry (key . value) of key k in table a, or nil.
func tableEntry(a, k V, who string) (*value.Pair, error) {
	t, err := tableArg(a, who)
	if err != nil {
		return nil, err
	}
	return t.lookup(k, who)
}

func hashTableRefDefault(args []V) (V, error) {
	e, err := tableEntry(args[0], args[1], "hash-table-ref/default")
	if err != nil {
		return nil, err
	}
	if e == nil {
		return args[2], nil
	}
	return e.Cdr, nil
}

func hashTableEntry(a, k V) (V, error) {
	e, err := tableEntry(a, k, "hash-table-ref")
	if err != nil || e == nil {
		return false, err
	}
	return e, nil
}

func hashTableContains(a, k V) (V, error) { return tableHas(a, k, "hash-table-contains?") }
func hashTableExists(a, k V) (V, error)   { return tableHas(a, k, "hash-table-exists?") }

func tableHas(a, k V, who string) (V, error) {
	e, err := tableEntry(a, k, who)
	if err != nil {
		return nil, err
	}
	return e != nil, nil
}

func hashTableDelete(args []V) (V, error) {
	t, err := tableArg(args[0], "hash-table-delete!")
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
}

func hashTableSize(a V) (V, error)         { return tableSize(a, "hash-table-size") }
func hashTableSizeInternal(a V) (V, error) { return tableSize(a, "%hash-table-size") }

func tableSize(a V, who string) (V, error) {
	t, err := tableArg(a, who)
	if err != nil {
		return nil, err
	}
	return value.Int(int64(t.live)), nil
}

func isHashTableEmpty(a V) (V, error) {
	t, err := tableArg(a, "hash-table-empty?")
	if err != nil {
		return nil, err
	}
	return t.live == 0, nil
}

func hashTableKeys(a V) (V, error)    { return tableList(a, "hash-table-keys", entryKey) }
func hashTableValues(a V) (V, error)  { return tableList(a, "hash-table-values", entryValue) }
func hashTableToAlist(a V) (V, error) { return tableList(a, "hash-table->alist", entryCopy) }
func hashTableEntries(a V) (V, error) { return tableList(a, "%hash-table-entries", entrySelf) }

func entryKey(p *value.Pair) V   { return p.Car }
func entryValue(p *value.Pair) V { return p.Cdr }
func entryCopy(p *value.Pair) V  { return &value.Pair{Car: p.Car, Cdr: p.Cdr} }
func entrySelf(p *value.Pair) V  { return p }

// tableList lists f of each entry of table a, in insertion order.
func tableList(a V, who string, f func(p *value.Pair) V) (V, error) {
	t, err := tableArg(a, who)
	if err != nil {
		return nil, err
	}
	items := make([]V, 0, t.live)
	t.each(func(p *value.Pair) { items = append(items, f(p)) })
	return value.List(items...), nil
}

func hashTableEquivalence(a V) (V, error) {
	t, err := tableArg(a, "hash-table-equivalence-function")
	if err != nil {
		return nil, err
	}
	return t.equiv, nil
}

func hashTableHashFunction(a V) (V, error) {
	t, err := tableArg(a, "hash-table-hash-function")
	if err != nil {
		return nil, err
	}
	return t.hashFn, nil
}

func hashTableClear(a V) (V, error) {
	t, err := tableArg(a, "hash-table-clear!")
	if err != nil {
		return nil, err
	}
	t.clear()
	return value.Unspecified, nil
}

func hashTableCopy(args []V) (V, error) {
	t, err := tableArg(args[0], "hash-table-copy")
	if err != nil {
		return nil, err
	}
	return t.copy(), nil
}

func hashTableMerge(a, b V) (V, error) { return mergeTables(a, b, "hash-table-merge!") }
func hashTableUnion(a, b V) (V, error) { return mergeTables(a, b, "hash-table-union!") }

// mergeTables adds to a the entries of b whose keys a lacks.
func mergeTables(a, b V, who string) (V, error) {
	t1, err := tableArg(a, who)
	if err != nil {
		return nil, err
	}
	t2, err := tableArg(b, who)
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
