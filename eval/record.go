package eval

// This file defines define-record-type (report 5.5), which expands into
// calls of the record primitives of package prims with every field's
// index computed when the type is defined, so an accessor or modifier
// checks the record's type with one pointer comparison and indexes a
// slice.

import "contigo/value"

var (
	symMakeRecordType    = value.Intern("%make-record-type")
	symRecordConstructor = value.Intern("%record-constructor")
	symRecordPredicate   = value.Intern("%record-predicate")
	symRecordAccessor    = value.Intern("%record-accessor")
	symRecordModifier    = value.Intern("%record-modifier")
)

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
	r := &recordSpec{typeName: typeName, index: map[*value.Symbol]int{}}
	for _, spec := range args[3:] {
		if err := r.field(spec); err != nil {
			return nil, err
		}
	}
	forms := []V{symBegin, defineForm(typeName, value.List(symMakeRecordType, quoteForm(typeName), quoteForm(value.List(r.fields...))))}
	ctor, err := r.constructor(args[1])
	if err != nil {
		return nil, err
	}
	forms = append(forms, ctor...)
	switch p := args[2].(type) {
	case *value.Symbol:
		forms = append(forms, defineForm(p, value.List(symRecordPredicate, typeName, quoteForm(p))))
	case bool:
		if p {
			return nil, value.Errorf("bad syntax: bad record predicate name #t")
		}
	default:
		return nil, value.Errorf("bad syntax: predicate name must be an identifier, got %s", value.WriteString(p))
	}
	forms = append(forms, r.procs...)
	return value.List(forms...), nil
}

func quoteForm(v V) V           { return value.List(symQuote, v) }
func defineForm(name, expr V) V { return value.List(symDefine, name, expr) }

// recordSpec is what define-record-type has read of its field specs.
type recordSpec struct {
	typeName *value.Symbol
	fields   []V                   // the field names in order
	index    map[*value.Symbol]int // field name -> index
	procs    []V                   // the definitions of accessors and modifiers
}

// field reads one field spec: a field name, or (field accessor
// [modifier]).
func (r *recordSpec) field(spec V) error {
	var parts []V
	if sym, ok := spec.(*value.Symbol); ok {
		parts = []V{sym}
	} else if parts, ok = value.ToSlice(spec); !ok || len(parts) == 0 || len(parts) > 3 {
		return value.Errorf("bad syntax: bad field spec %s", value.WriteString(spec))
	}
	field, ok := parts[0].(*value.Symbol)
	if !ok {
		return value.Errorf("bad syntax: field name must be an identifier, got %s", value.WriteString(parts[0]))
	}
	if _, dup := r.index[field]; dup {
		return value.Errorf("bad syntax: duplicate field %s", field.Name)
	}
	i := len(r.fields)
	r.index[field] = i
	r.fields = append(r.fields, field)
	for k, maker := range []*value.Symbol{symRecordAccessor, symRecordModifier} {
		if len(parts) <= k+1 {
			break
		}
		name, ok := parts[k+1].(*value.Symbol)
		if !ok {
			return value.Errorf("bad syntax: bad field spec %s", value.WriteString(spec))
		}
		r.procs = append(r.procs, defineForm(name, value.List(maker, r.typeName, value.Int(int64(i)), quoteForm(name))))
	}
	return nil
}

// constructor returns the definition of the constructor spec ctor: #f
// (none), a name (taking every field in order) or (name field ...).
func (r *recordSpec) constructor(ctor V) ([]V, error) {
	def := func(name *value.Symbol, slots []V) []V {
		return []V{defineForm(name, value.List(symRecordConstructor, r.typeName, quoteForm(value.List(slots...)), quoteForm(name)))}
	}
	switch c := ctor.(type) {
	case bool:
		if c {
			return nil, value.Errorf("bad syntax: bad record constructor spec #t")
		}
		return nil, nil
	case *value.Symbol:
		slots := make([]V, len(r.fields))
		for i := range r.fields {
			slots[i] = value.Int(int64(i))
		}
		return def(c, slots), nil
	}
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
		i, ok := r.index[sym]
		if !ok {
			return nil, value.Errorf("bad syntax: constructor %s: %s is not a field of %s", name.Name, value.WriteString(f), r.typeName.Name)
		}
		if seen[i] {
			return nil, value.Errorf("bad syntax: constructor %s: field %s given twice", name.Name, sym.Name)
		}
		seen[i] = true
		slots = append(slots, value.Int(int64(i)))
	}
	return def(name, slots), nil
}
