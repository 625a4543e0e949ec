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
