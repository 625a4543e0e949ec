package prims

// This file defines records: the record types of define-record-type
// (report 5.5; eval expands the definition into calls of the primitives
// here, with every field's index computed when the type is defined, so
// an accessor checks the type with one pointer comparison and indexes a
// slice) and the tagged records of the concurrency library (goroutines,
// channels, nurseries), which are records of a kind (%record-kind) that
// prints only the fields a user wants to see: #<goroutine 3 state:
// runnable>, never a continuation or a cyclic link.

import (
	"strconv"
	"strings"
	"sync"

	"contigo/value"
)

// RecordType is a record type descriptor, the value define-record-type
// binds to the type name.
type RecordType struct {
	Name   string // as written, e.g. "<point>"
	Fields []*value.Symbol
	tag    *value.Symbol // the tag of a tagged type, else nil
	// A kind of the concurrency library prints the field id after its
	// name (-1: none), then the fields of index, named printed.
	id      int
	index   []int
	printed []*value.Symbol
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

// SchemeString implements value.Opaque: #<record point>, or for a
// tagged record its tag and its first field when that is a number,
// e.g. #<goroutine 3>.
func (r *Record) SchemeString() string {
	if r.Type.tag == nil {
		return "#<record " + r.Type.shortName() + ">"
	}
	s := "#<" + r.Type.tag.Name
	if len(r.Fields) > 0 {
		if n, ok := r.Fields[0].(value.Fixnum); ok {
			s += " " + strconv.FormatInt(int64(n), 10)
		}
	}
	return s + ">"
}

// PrintFields implements value.Fielded: records print as Guile's do,
// #<point x: 1 y: 2>. Tagged records made with a symbol hide their
// fields (an empty name); those of a kind print what it says:
// #<chan 3 len: 0 cap: 1 closed: #f>.
func (r *Record) PrintFields() (string, []*value.Symbol, []value.Value) {
	t := r.Type
	if t.tag == nil {
		return t.shortName(), t.Fields, r.Fields
	}
	if t.index == nil { // made with a symbol
		return "", nil, nil
	}
	name := t.tag.Name
	if t.id >= 0 {
		name += " " + value.WriteString(r.Fields[t.id])
	}
	vals := make([]value.Value, len(t.index))
	for i, j := range t.index {
		vals[i] = r.Fields[j]
	}
	return name, t.printed, vals
}

var recordRows = []value.Primitive{
	// (%make-record-type name (field ...))
	{Name: "%make-record-type", Min: 2, Max: 2, Fn2: makeRecordType},
	// (%record-constructor type (index ...) name): a procedure taking
	// the fields at those indices, in that order.
	{Name: "%record-constructor", Min: 3, Max: 3, Fn: recordConstructor},
	{Name: "%record-predicate", Min: 2, Max: 2, Fn2: recordPredicate},
	{Name: "%record-accessor", Min: 3, Max: 3, Fn: recordAccessor},
	{Name: "%record-modifier", Min: 3, Max: 3, Fn: recordModifier},
	{Name: "record?", Min: 1, Max: 1, Fn1: isRecord},
	{Name: "record-type-descriptor", Min: 1, Max: 1, Fn1: recordTypeDescriptor},
	{Name: "record-type-name", Min: 1, Max: 1, Fn1: recordTypeName},
}

func recordTypeArg(v V, who string) (*RecordType, error) {
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

func makeRecordType(name, fields V) (V, error) {
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
}

// recordProcArgs reads the arguments (type index name) that make an
// accessor or a modifier.
func recordProcArgs(args []V, who string) (*RecordType, int, string, error) {
	t, err := recordTypeArg(args[0], who)
	if err != nil {
		return nil, 0, "", err
	}
	i, err := fieldIndex(t, args[1], who)
	if err != nil {
		return nil, 0, "", err
	}
	n, err := symbolName(args[2], who)
	return t, i, n, err
}

func recordConstructor(args []V) (V, error) {
	t, err := recordTypeArg(args[0], "%record-constructor")
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
	return (&constructor{t: t, slots: slots}).primitive(name), nil
}

// constructor makes the records of a type: argument i goes to field
// slots[i]; fields not among them start as #f.
type constructor struct {
	t        *RecordType
	slots    []int
	identity bool // slots are 0, 1, ... for every field
}

func (c *constructor) primitive(name string) *value.Primitive {
	n := len(c.t.Fields)
	c.identity = len(c.slots) == n
	for i, s := range c.slots {
		c.identity = c.identity && s == i
	}
	p := &value.Primitive{Name: name, Min: len(c.slots), Max: len(c.slots), Fn: c.make}
	if c.identity && n == 1 {
		p.Fn1 = c.make1
	}
	if c.identity && n == 2 {
		p.Fn2 = c.make2
	}
	return p
}

func (c *constructor) make(args []V) (V, error) {
	fields := make([]V, len(c.t.Fields))
	if c.identity {
		copy(fields, args)
		return &Record{Type: c.t, Fields: fields}, nil
	}
	for i := range fields {
		fields[i] = false
	}
	for i, s := range c.slots {
		fields[s] = args[i]
	}
	return &Record{Type: c.t, Fields: fields}, nil
}

func (c *constructor) make1(a V) (V, error)    { return &Record{Type: c.t, Fields: []V{a}}, nil }
func (c *constructor) make2(a, b V) (V, error) { return &Record{Type: c.t, Fields: []V{a, b}}, nil }

// field is the accessor and modifier of one field of a record type.
type field struct {
	t    *RecordType
	i    int
	name string
}

func (f *field) is(a V) (V, error) { r, ok := a.(*Record); return ok && r.Type == f.t, nil }

func (f *field) get(a V) (V, error) {
	r, ok := a.(*Record)
	if !ok || r.Type != f.t {
		return nil, f.wrongRecord(a)
	}
	return r.Fields[f.i], nil
}

func (f *field) set(a, v V) (V, error) {
	r, ok := a.(*Record)
	if !ok || r.Type != f.t {
		return nil, f.wrongRecord(a)
	}
	r.Fields[f.i] = v
	return value.Unspecified, nil
}

// wrongRecord is the error of an accessor or modifier given something
// that is not a record of its type.
func (f *field) wrongRecord(v V) error {
	return value.TypeError(f.name, "record of type "+f.t.shortName(), v)
}

func recordPredicate(tv, name V) (V, error) {
	t, err := recordTypeArg(tv, "%record-predicate")
	if err != nil {
		return nil, err
	}
	n, err := symbolName(name, "%record-predicate")
	if err != nil {
		return nil, err
	}
	return &value.Primitive{Name: n, Min: 1, Max: 1, Fn1: (&field{t: t}).is}, nil
}

func recordAccessor(args []V) (V, error) {
	t, i, n, err := recordProcArgs(args, "%record-accessor")
	if err != nil {
		return nil, err
	}
	return &value.Primitive{Name: n, Min: 1, Max: 1, Fn1: (&field{t, i, n}).get}, nil
}

func recordModifier(args []V) (V, error) {
	t, i, n, err := recordProcArgs(args, "%record-modifier")
	if err != nil {
		return nil, err
	}
	return &value.Primitive{Name: n, Min: 2, Max: 2, Fn2: (&field{t, i, n}).set}, nil
}

// userRecord returns a as a record of a define-record-type type.
func userRecord(a V) (*Record, bool) {
	r, ok := a.(*Record)
	return r, ok && r.Type.tag == nil
}

func isRecord(a V) (V, error) { _, ok := userRecord(a); return ok, nil }

func recordTypeDescriptor(a V) (V, error) {
	r, ok := userRecord(a)
	if !ok {
		return nil, value.TypeError("record-type-descriptor", "record", a)
	}
	return r.Type, nil
}

func recordTypeName(a V) (V, error) {
	t, err := recordTypeArg(a, "record-type-name")
	if err != nil {
		return nil, err
	}
	return value.Intern(t.Name), nil
}

// The tagged records of the concurrency library: (%record kind field ...)
// makes one, (%record? x kind) tests for one, (%record-ref r i) and
// (%record-set! r i v) read and write field i. A kind is made by
// (%record-kind name (field ...) (printed ...)); a bare symbol as kind
// makes records that print as #<name N>.
var taggedRows = []value.Primitive{
	{Name: "%record-kind", Min: 3, Max: 3, Fn: makeRecordKind},
	{Name: "%record", Min: 1, Max: -1, Fn: makeTagged},
	{Name: "%record?", Min: 2, Max: 2, Fn2: isTagged},
	{Name: "%record-ref", Min: 2, Max: 2, Fn2: taggedRef},
	{Name: "%record-set!", Min: 3, Max: 3, Fn3: taggedSet},
}

// taggedTypes holds the type of each tag: symbols are interned for the
// whole process, so their types are too.
var taggedTypes sync.Map // *value.Symbol -> *RecordType

func taggedType(tag *value.Symbol) *RecordType {
	if t, ok := taggedTypes.Load(tag); ok {
		return t.(*RecordType)
	}
	t, _ := taggedTypes.LoadOrStore(tag, &RecordType{Name: tag.Name, tag: tag})
	return t.(*RecordType)
}

// makeRecordKind is (%record-kind name (field ...) (printed ...)): the
// kind of records with those fields, printing those of printed; if the
// first of printed is id, it is printed after the name, bare.
func makeRecordKind(args []V) (V, error) {
	name, ok := args[0].(*value.Symbol)
	if !ok {
		return nil, value.TypeError("%record-kind", "symbol", args[0])
	}
	fields, ok1 := value.ToSlice(args[1])
	printed, ok2 := value.ToSlice(args[2])
	if !ok1 || !ok2 {
		return nil, value.Errorf("%%record-kind: expected lists of field names")
	}
	t := &RecordType{Name: name.Name, tag: name, id: -1, index: []int{}}
	for _, f := range fields {
		sym, ok := f.(*value.Symbol)
		if !ok {
			return nil, value.TypeError("%record-kind", "field name", f)
		}
		t.Fields = append(t.Fields, sym)
	}
	for n, p := range printed {
		i := 0
		for i < len(fields) && fields[i] != p {
			i++
		}
		if i == len(fields) {
			return nil, value.Errorf("%%record-kind: %s is not a field of %s", value.WriteString(p), name.Name)
		}
		if n == 0 && p == value.Intern("id") {
			t.id = i
			continue
		}
		t.printed = append(t.printed, p.(*value.Symbol))
		t.index = append(t.index, i)
	}
	return t, nil
}

func makeTagged(args []V) (V, error) {
	switch k := args[0].(type) {
	case *RecordType:
		if k.tag == nil {
			return nil, value.TypeError("%record", "record kind", args[0])
		}
		if len(args)-1 != len(k.Fields) {
			return nil, value.Errorf("%%record: %s has %d fields, got %d", k.tag.Name, len(k.Fields), len(args)-1)
		}
		return &Record{Type: k, Fields: append([]V(nil), args[1:]...)}, nil
	case *value.Symbol:
		return &Record{Type: taggedType(k), Fields: append([]V(nil), args[1:]...)}, nil
	}
	return nil, value.TypeError("%record", "symbol", args[0])
}

func isTagged(x, kind V) (V, error) {
	r, ok := x.(*Record)
	if !ok {
		return false, nil
	}
	if k, ok := kind.(*RecordType); ok {
		return r.Type == k, nil
	}
	return r.Type.tag == kind, nil
}

// taggedSlot returns the record r and the index i of one of its fields.
func taggedSlot(r, i V, who string) (*Record, int, error) {
	rec, ok := r.(*Record)
	if !ok || rec.Type.tag == nil {
		return nil, 0, value.TypeError(who, "record", r)
	}
	j, err := IndexArg(i, who, len(rec.Fields))
	return rec, j, err
}

// taggedRef and taggedSet are the concurrency library's field accesses,
// tens of them at every switch of goroutines: the fast path, a record
// and a fixnum index in range, is small enough for Go to inline, and
// does not look at the record's type (a dependent load) since only the
// library's own accessors call them, on records it made; anything else
// goes to taggedSlot's checks.
func taggedRef(r, i V) (V, error) {
	if rec, ok := r.(*Record); ok {
		if j, ok := i.(value.Fixnum); ok && uint64(j) < uint64(len(rec.Fields)) {
			return rec.Fields[j], nil
		}
	}
	rec, j, err := taggedSlot(r, i, "%record-ref")
	if err != nil {
		return nil, err
	}
	return rec.Fields[j], nil
}

func taggedSet(r, i, v V) (V, error) {
	if rec, ok := r.(*Record); ok {
		if j, ok := i.(value.Fixnum); ok && uint64(j) < uint64(len(rec.Fields)) {
			rec.Fields[j] = v
			return value.Unspecified, nil
		}
	}
	rec, j, err := taggedSlot(r, i, "%record-set!")
	if err != nil {
		return nil, err
	}
	rec.Fields[j] = v
	return value.Unspecified, nil
}
