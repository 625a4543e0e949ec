package eval

// This file defines record types (report 5.5, define-record-type). The
// define-record-type macro computes every field's index when the type is
// defined, so an accessor or modifier is a primitive that checks the
// record's type with one pointer comparison and indexes a slice.

import (
	"strings"

	"contigo/value"
)

// RecordType is a record type descriptor, the value define-record-type
// binds to the type name.
type RecordType struct {
	Name   string // as written, e.g. "<point>"
	Fields []*value.Symbol
}

// SchemeString implements value.Opaque.
func (t *RecordType) SchemeString() string { return "#<record-type " + t.shortName() + ">" }

// shortName is the type name without the conventional angle brackets.
func (t *RecordType) shortName() string {
	if len(t.Name) > 2 && strings.HasPrefix(t.Name, "<") && strings.HasSuffix(t.Name, ">") {
		return t.Name[1 : len(t.Name)-1]
	}
	return t.Name
}

// Record is an instance of a record type.
type Record struct {
	Type   *RecordType
	Fields []value.Value
}

// SchemeString implements value.Opaque.
func (r *Record) SchemeString() string { return "#<record " + r.Type.shortName() + ">" }

// PrintFields implements value.Fielded: records print as Guile's do,
// #<point x: 1 y: 2>.
func (r *Record) PrintFields() (string, []*value.Symbol, []value.Value) {
	return r.Type.shortName(), r.Type.Fields, r.Fields
}

var (
	symMakeRecordType    = value.Intern("%make-record-type")
	symRecordConstructor = value.Intern("%record-constructor")
	symRecordPredicate   = value.Intern("%record-predicate")
	symRecordAccessor    = value.Intern("%record-accessor")
	symRecordModifier    = value.Intern("%record-modifier")
)

func recordType(v V, who string) (*RecordType, error) {
	t, ok := v.(*RecordType)
	if !ok {
		return nil, value.TypeError(who, "record type", v)
	}
	return t, nil
}

func symbolName(v V, who string) (string, error) {
	s, ok := v.(*value.Symbol)
	if !ok {
		return "", value.TypeError(who, "symbol", v)
	}
	return s.Name, nil
}

// fieldIndex returns the slot of field index i (a fixnum) of t.
func fieldIndex(t *RecordType, i V, who string) (int, error) {
	n, err := value.IntegerToInt(i, who)
	if err != nil {
		return 0, err
	}
	if n < 0 || n >= len(t.Fields) {
		return 0, value.RangeError(who, i, len(t.Fields))
	}
	return n, nil
}

// wrongRecord is the error of an accessor or modifier given something
// that is not a record of its type.
func wrongRecord(who string, t *RecordType, v V) error {
	return value.TypeError(who, "record of type "+t.shortName(), v)
}

func recordPrims() []*value.Primitive {
	return []*value.Primitive{
		// (%make-record-type name (field ...))
		prim2("%make-record-type", func(name, fields V) (V, error) {
			n, err := symbolName(name, "define-record-type")
			if err != nil {
				return nil, err
			}
			items, ok := value.ToSlice(fields)
			if !ok {
				return nil, value.TypeError("define-record-type", "list of field names", fields)
			}
			t := &RecordType{Name: n}
			for _, f := range items {
				sym, ok := f.(*value.Symbol)
				if !ok {
					return nil, value.TypeError("define-record-type", "field name", f)
				}
				t.Fields = append(t.Fields, sym)
			}
			return t, nil
		}),
		// (%record-constructor type (index ...) name): a procedure taking
		// the fields at those indices, in that order.
		prim("%record-constructor", 3, 3, func(args []V) (V, error) {
			t, err := recordType(args[0], "%record-constructor")
			if err != nil {
				return nil, err
			}
			name, err := symbolName(args[2], "%record-constructor")
			if err != nil {
				return nil, err
			}
			items, ok := value.ToSlice(args[1])
			if !ok {
				return nil, value.TypeError("%record-constructor", "list of field indices", args[1])
			}
			slots := make([]int, len(items))
			for i, it := range items {
				if slots[i], err = fieldIndex(t, it, "%record-constructor"); err != nil {
					return nil, err
				}
			}
			return recordConstructor(t, slots, name), nil
		}),
		prim2("%record-predicate", func(tv, name V) (V, error) {
			t, err := recordType(tv, "%record-predicate")
			if err != nil {
				return nil, err
			}
			n, err := symbolName(name, "%record-predicate")
			if err != nil {
				return nil, err
			}
			return pred(n, func(a V) bool {
				r, ok := a.(*Record)
				return ok && r.Type == t
			}), nil
		}),
		prim("%record-accessor", 3, 3, func(args []V) (V, error) {
			t, err := recordType(args[0], "%record-accessor")
			if err != nil {
				return nil, err
			}
			i, err := fieldIndex(t, args[1], "%record-accessor")
			if err != nil {
				return nil, err
			}
			n, err := symbolName(args[2], "%record-accessor")
			if err != nil {
				return nil, err
			}
			return prim1(n, func(a V) (V, error) {
				r, ok := a.(*Record)
				if !ok || r.Type != t {
					return nil, wrongRecord(n, t, a)
				}
				return r.Fields[i], nil
			}), nil
		}),
		prim("%record-modifier", 3, 3, func(args []V) (V, error) {
			t, err := recordType(args[0], "%record-modifier")
			if err != nil {
				return nil, err
			}
			i, err := fieldIndex(t, args[1], "%record-modifier")
			if err != nil {
				return nil, err
			}
			n, err := symbolName(args[2], "%record-modifier")
			if err != nil {
				return nil, err
			}
			return prim2(n, func(a, v V) (V, error) {
				r, ok := a.(*Record)
				if !ok || r.Type != t {
					return nil, wrongRecord(n, t, a)
				}
				r.Fields[i] = v
				return value.Unspecified, nil
			}), nil
		}),
		pred("record?", func(a V) bool { _, ok := a.(*Record); return ok }),
		prim1("record-type-descriptor", func(a V) (V, error) {
			r, ok := a.(*Record)
			if !ok {
				return nil, value.TypeError("record-type-descriptor", "record", a)
			}
			return r.Type, nil
		}),
		prim1("record-type-name", func(a V) (V, error) {
			t, err := recordType(a, "record-type-name")
			if err != nil {
				return nil, err
			}
			return value.Intern(t.Name), nil
		}),
	}
}

// recordConstructor makes the constructor procedure: argument i goes to
// field slots[i]; fields not among them start as #f.
func recordConstructor(t *RecordType, slots []int, name string) *value.Primitive {
	n := len(t.Fields)
	identity := len(slots) == n
	for i, s := range slots {
		identity = identity && s == i
	}
	p := &value.Primitive{Name: name, Min: len(slots), Max: len(slots)}
	p.Fn = func(args []V) (V, error) {
		fields := make([]V, n)
		if identity {
			copy(fields, args)
		} else {
			for i := range fields {
				fields[i] = false
			}
			for i, s := range slots {
				fields[s] = args[i]
			}
		}
		return &Record{Type: t, Fields: fields}, nil
	}
	if identity && n == 1 {
		p.Fn1 = func(a V) (V, error) { return &Record{Type: t, Fields: []V{a}}, nil }
	}
	if identity && n == 2 {
		p.Fn2 = func(a, b V) (V, error) { return &Record{Type: t, Fields: []V{a, b}}, nil }
	}
	return p
}

// expandDefineRecordType is the transformer of
//
//	(define-record-type <name> (ctor field ...) pred? (field accessor [modifier]) ...)
//
// which becomes a begin of definitions of the type, the constructor, the
// predicate, the accessors and the modifiers. The constructor may also be
// a bare name (taking every field in order) or #f (none), the predicate
// #f, and a field spec a bare field name.
func expandDefineRecordType(args []V) (V, error) {
	if len(args) < 3 {
		return nil, value.Errorf("bad syntax: (define-record-type name (constructor field ...) predicate field-spec ...)")
	}
	typeName, ok := args[0].(*value.Symbol)
	if !ok {
		return nil, value.Errorf("bad syntax: record type name must be an identifier, got %s", value.WriteString(args[0]))
	}
	quote := func(v V) V { return value.List(symQuote, v) }
	define := func(name, expr V) V { return value.List(symDefine, name, expr) }

	// Field specs: field names, indices, accessors and modifiers.
	var fields []V
	index := map[*value.Symbol]int{}
	var procs []V
	for _, spec := range args[3:] {
		var parts []V
		if sym, ok := spec.(*value.Symbol); ok {
			parts = []V{sym}
		} else if parts, ok = value.ToSlice(spec); !ok || len(parts) == 0 || len(parts) > 3 {
			return nil, value.Errorf("bad syntax: bad field spec %s", value.WriteString(spec))
		}
		field, ok := parts[0].(*value.Symbol)
		if !ok {
			return nil, value.Errorf("bad syntax: field name must be an identifier, got %s", value.WriteString(parts[0]))
		}
		if _, dup := index[field]; dup {
			return nil, value.Errorf("bad syntax: duplicate field %s", field.Name)
		}
		i := len(fields)
		index[field] = i
		fields = append(fields, field)
		for k, maker := range []*value.Symbol{symRecordAccessor, symRecordModifier} {
			if len(parts) <= k+1 {
				break
			}
			name, ok := parts[k+1].(*value.Symbol)
			if !ok {
				return nil, value.Errorf("bad syntax: bad field spec %s", value.WriteString(spec))
			}
			procs = append(procs, define(name, value.List(maker, typeName, value.Int(int64(i)), quote(name))))
		}
	}

	forms := []V{symBegin, define(typeName, value.List(symMakeRecordType, quote(typeName), quote(value.List(fields...))))}
	switch ctor := args[1].(type) {
	case bool:
		if ctor {
			return nil, value.Errorf("bad syntax: bad record constructor spec #t")
		}
	case *value.Symbol:
		slots := make([]V, len(fields))
		for i := range fields {
			slots[i] = value.Int(int64(i))
		}
		forms = append(forms, define(ctor, value.List(symRecordConstructor, typeName, quote(value.List(slots...)), quote(ctor))))
	default:
		parts, ok := value.ToSlice(ctor)
		if !ok || len(parts) == 0 {
			return nil, value.Errorf("bad syntax: bad record constructor spec %s", value.WriteString(ctor))
		}
		name, ok := parts[0].(*value.Symbol)
		if !ok {
			return nil, value.Errorf("bad syntax: constructor name must be an identifier, got %s", value.WriteString(parts[0]))
		}
		var slots []V
		seen := map[int]bool{}
		for _, f := range parts[1:] {
			sym, _ := f.(*value.Symbol)
			i, ok := index[sym]
			if !ok {
				return nil, value.Errorf("bad syntax: constructor %s: %s is not a field of %s", name.Name, value.WriteString(f), typeName.Name)
			}
			if seen[i] {
				return nil, value.Errorf("bad syntax: constructor %s: field %s given twice", name.Name, sym.Name)
			}
			seen[i] = true
			slots = append(slots, value.Int(int64(i)))
		}
		forms = append(forms, define(name, value.List(symRecordConstructor, typeName, quote(value.List(slots...)), quote(name))))
	}
	switch p := args[2].(type) {
	case *value.Symbol:
		forms = append(forms, define(p, value.List(symRecordPredicate, typeName, quote(p))))
	case bool:
		if p {
			return nil, value.Errorf("bad syntax: bad record predicate name #t")
		}
	default:
		return nil, value.Errorf("bad syntax: predicate name must be an identifier, got %s", value.WriteString(p))
	}
	forms = append(forms, procs...)
	return value.List(forms...), nil
}
