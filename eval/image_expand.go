package eval

// This file defines the expanded bodies of library images: the body of a
// procedure that loading a source leaves unread (lazy.go), recorded in
// its image with the macro uses in it already expanded, so that its first
// call compiles it without running a transformer.
//
// The first call of send or recv compiled some sixty procedures of the
// prelude, whose bodies expand over a hundred macro uses: record reads
// and the inline procedures of %define-inline, each a transformer
// written in Scheme, run by the machine, and the inliner compiled
// first. That was most of the start of a program using channels.
//
// While the images are recorded (BuildImages), each such body is
// compiled as soon as its definition has run, which gives the code its
// first call would give (lazy.go says why: a change to the syntax
// compiles every pending body first). The compiler notes each macro use
// it expands, by identity, with its expansion (compiler.expanded). The
// body is then written with each use replaced by its expansion,
// expanded in turn; compiling that gives the same code, positions
// included, which TestImageIsText and TestLazyLibraryIsEager check.
//
// A use stays as written, for its first call to expand as before, when
// - its expansion is not a pair (a number has no position, and the code
//   of the use keeps the use's);
// - its expansion holds what an image cannot record: an uninterned
//   symbol (a gensym of %atomic, an alias of syntax-rules) or an object
//   that is not data;
// - it is a form of a thunk's body: the compiler gives a thunk no record
//   of its own unless its body may define something (mayDefine), and a
//   macro use there may, where its expansion may not.
// Anything the compiler did not expand is copied as written, so what
// this file misses costs speed, not meaning.
//
// The copy is made of fresh pairs, strings, vectors and bytevectors.
// An inline procedure's body puts the same constants (a trace's
// strings, a quoted list) in every expansion, and the image writer
// numbers an object written twice, which makes the form that holds it
// load at start instead of at its name's first use.
//
// The body is written apart (tagBody), after its number of pairs and
// its size: a start, or the first use of the procedure's name, steps
// over it, and the first call decodes it (lazyText.read); a thunk's
// definition decodes it at once. The header's count of positions, which
// sizes the source's map, leaves out those of the bodies decoded at a
// first call: counting them made every start pay for a map of 18,000
// entries.

import (
	enc "encoding/binary"
	"reflect"

	"contigo/value"
)

var symNamedLambda = value.Intern("named-lambda")

// expansionRecord is what compiling the body of target expanded: each
// macro use (uses, by identity) and its expansion, and the forms of the
// body as read (body), in which the uses are.
type expansionRecord struct {
	target *lazyBody
	uses   map[*value.Pair]value.Value
	body   []value.Value
}

// procedureBody returns the body list of x if x defines a procedure,
// (define (name . params) body ...) or (define name (lambda params body
// ...)), and a function that rebuilds x, fresh, around another body
// list; ok is false for any other form.
func procedureBody(x value.Value, e *expansionCopier) (body value.Value, rebuild func(value.Value) value.Value, ok bool) {
	define, ok := x.(*value.Pair)
	if !ok || define.Car != value.Value(symDefine) {
		return nil, nil, false
	}
	rest, ok := define.Cdr.(*value.Pair)
	if !ok {
		return nil, nil, false
	}
	switch rest.Car.(type) {
	case *value.Pair:
		return rest.Cdr, func(b value.Value) value.Value {
			return e.pair(define, define.Car, e.pair(rest, rest.Car, b))
		}, true
	case *value.Symbol:
		more, ok := rest.Cdr.(*value.Pair)
		if !ok || more.Cdr != value.Value(value.Nil) {
			return nil, nil, false
		}
		lam, ok := more.Car.(*value.Pair)
		if !ok || lam.Car != value.Value(symLambda) {
			return nil, nil, false
		}
		lrest, ok := lam.Cdr.(*value.Pair)
		if !ok {
			return nil, nil, false
		}
		return lrest.Cdr, func(b value.Value) value.Value {
			return e.pair(define, define.Car, e.pair(rest, rest.Car,
				e.pair(more, e.pair(lam, lam.Car, e.pair(lrest, lrest.Car, b)), value.Nil)))
		}, true
	}
	return nil, nil, false
}

// isProcedureDefinition reports whether x is a form procedureBody takes.
func isProcedureDefinition(x value.Value) bool {
	_, _, ok := procedureBody(x, nil)
	return ok
}

// expandedDefine returns x, a definition of a procedure that has just
// run and made lb, its procedure's body, with that body compiled and
// expanded in place: the form to record in the image. It returns x
// itself if lb is not that body.
func (in *Interp) expandedDefine(x value.Value, lb *lazyBody, src value.SourceMap) (value.Value, error) {
	e := &expansionCopier{in: in, src: src}
	list, rebuild, ok := procedureBody(x, e)
	first, _ := list.(*value.Pair)
	if !ok || first == nil {
		return x, nil
	}
	if t, unread := first.Car.(*lazyText); unread {
		if lb.text != t {
			return x, nil
		}
	} else if lb.text != nil || len(lb.body) == 0 || lb.body[0] != first.Car {
		return x, nil
	}
	thunk := lb.params == value.Value(value.Nil)
	rec := &expansionRecord{target: lb, uses: map[*value.Pair]value.Value{}}
	in.recording = rec
	err := lb.compile(in)
	in.recording = nil
	if err != nil {
		return nil, err
	}
	e.uses = rec.uses
	body := &expandedBody{forms: make([]value.Value, len(rec.body)), src: src, thunk: thunk}
	for i, f := range rec.body {
		if thunk {
			body.forms[i] = e.bodyForm(f)
		} else {
			body.forms[i] = e.code(f)
		}
	}
	return rebuild(e.pair(first, body, value.Nil)), nil
}

// expandedBody is a body expanded, in the form to record: the image
// holds it apart, to be decoded at the procedure's first call, as the
// text of a body is read then (lazyText).
type expandedBody struct {
	forms []value.Value
	src   value.SourceMap
	// thunk is set for a thunk's body, which its definition decodes at
	// once (lazyLambda): its positions count in the header's.
	thunk bool
}

// expandedBody writes b: its number of pairs (not the form's: a load
// decodes the form without it), its size, its number of forms and the
// forms.
func (w *imageWriter) expandedBody(b *expandedBody) {
	outer, pairs, positions := w.body, w.pairs, len(w.at)
	w.body = enc.AppendUvarint(nil, uint64(len(b.forms)))
	for _, f := range b.forms {
		w.datum(f, b.src)
	}
	inner := w.body
	w.body = append(outer, tagBody)
	w.body = enc.AppendUvarint(w.body, uint64(w.pairs-pairs))
	w.body = enc.AppendUvarint(w.body, uint64(len(inner)))
	w.body = append(w.body, inner...)
	w.pairs = pairs
	if !b.thunk {
		w.bodyPositions += len(w.at) - positions
	}
}

// bodyLater reads past a body recorded expanded (tagBody), leaving it
// for its first call.
func (r *imageReader) bodyLater() value.Value {
	pairs, size := r.uint(), r.uint()
	if r.err != nil || size > uint64(len(r.img)-r.off) || pairs > size {
		r.err = errBadImage
		return nil
	}
	f := &imageForm{r: r, off: r.off, end: r.off + int(size), pairs: int(pairs)}
	r.off = f.end
	return &lazyText{image: f, pos: value.Pos{File: r.file}}
}

// readBody reads the forms of a body recorded expanded.
func (f imageForm) readBody() ([]value.Value, error) {
	r := *f.r // a cursor of its own
	r.off, r.err = f.off, nil
	r.pairs = make([]value.Pair, f.pairs)
	n := r.uint()
	if n > uint64(f.end-r.off) {
		return nil, errBadImage
	}
	forms := make([]value.Value, 0, n)
	for i := uint64(0); i < n && r.err == nil; i++ {
		forms = append(forms, r.datum())
	}
	if r.err == nil && r.off != f.end {
		r.err = errBadImage
	}
	return forms, r.err
}

// expansionCopier copies a body, expanding the uses it knows.
type expansionCopier struct {
	in   *Interp
	uses map[*value.Pair]value.Value
	src  value.SourceMap
	// bad is set when the copy meets what an image cannot record.
	bad bool
}

// pair returns a new pair of car and cdr at the position of old.
func (e *expansionCopier) pair(old *value.Pair, car, cdr value.Value) *value.Pair {
	p := &value.Pair{Car: car, Cdr: cdr}
	if pos, ok := e.src[old]; ok {
		e.src[p] = pos
	}
	return p
}

// code copies x, an expression or a part of one: a macro use is replaced
// by its expansion, copied the same way, if that can be recorded.
func (e *expansionCopier) code(x value.Value) value.Value {
	p, ok := x.(*value.Pair)
	if !ok {
		return e.datum(x)
	}
	if out, used := e.uses[p]; used {
		if _, isPair := out.(*value.Pair); isPair {
			sub := &expansionCopier{in: e.in, uses: e.uses, src: e.src}
			if y := sub.code(out); !sub.bad {
				return y
			}
		}
		return e.datum(x)
	}
	// The items of a list are code, in turn; its tail pairs are not
	// forms of their own. A use in a thunk's body is put in a begin
	// (bodyForm).
	thunk := thunkBody(p)
	return e.list(p, func(i int, x value.Value) value.Value {
		if thunk > 0 && i >= thunk {
			return e.bodyForm(x)
		}
		return e.code(x)
	})
}

// list copies the list p, each item x, the i-th from 0, as item(i, x),
// and its tail, if not (), as data; each pair at its original's
// position.
func (e *expansionCopier) list(p *value.Pair, item func(i int, x value.Value) value.Value) *value.Pair {
	head := e.pair(p, item(0, p.Car), nil)
	last := head
	for i, rest := 1, p.Cdr; ; i++ {
		q, ok := rest.(*value.Pair)
		if !ok {
			last.Cdr = e.datum(rest)
			return head
		}
		n := e.pair(q, item(i, q.Car), nil)
		last.Cdr, last = n, n
		rest = q.Cdr
	}
}

// bodyForm copies x, a form of a thunk's body. A macro use expanded is
// put in a (begin ...) at its position: the compiler gives a thunk no
// record of its own unless its body may define something (mayDefine),
// and a macro use there may, where its expansion may not; a begin may
// too, and in a body it is spliced, which compiles as the expansion.
func (e *expansionCopier) bodyForm(x value.Value) value.Value {
	y := e.code(x)
	p, ok := x.(*value.Pair)
	if !ok || e.uses[p] == nil {
		return y
	}
	if q, ok := y.(*value.Pair); ok && q.Car == p.Car {
		return y // kept as a use
	}
	return e.pair(p, symBegin, &value.Pair{Car: y, Cdr: value.Nil})
}

// thunkBody returns where the body of a thunk starts among the items
// of p, or 0 if p makes none: (lambda () body ...), (named-lambda
// (name) body ...), (define (name) body ...) in a body, and a named let
// without bindings, (let name () body ...). (The compiler makes others,
// from case-lambda, do and the like; TestImageIsText would show one
// that this misses in the library.)
func thunkBody(p *value.Pair) int {
	rest, ok := p.Cdr.(*value.Pair)
	if !ok {
		return 0
	}
	switch p.Car {
	case value.Value(symLambda):
		if rest.Car == value.Value(value.Nil) {
			return 2
		}
	case value.Value(symNamedLambda), value.Value(symDefine):
		if head, ok := rest.Car.(*value.Pair); ok && head.Cdr == value.Value(value.Nil) {
			return 2
		}
	case value.Value(symLet):
		if _, named := rest.Car.(*value.Symbol); named {
			if more, ok := rest.Cdr.(*value.Pair); ok && more.Car == value.Value(value.Nil) {
				return 3
			}
		}
	}
	return 0
}

// datum copies x as it is written, expanding nothing.
func (e *expansionCopier) datum(x value.Value) value.Value {
	switch v := x.(type) {
	case *value.Pair:
		return e.list(v, func(_ int, x value.Value) value.Value { return e.datum(x) })
	case *value.String:
		return &value.String{R: append([]rune(nil), v.R...)}
	case *value.Vector:
		items := make([]value.Value, len(v.Items))
		for i, it := range v.Items {
			items[i] = e.datum(it)
		}
		return &value.Vector{Items: items}
	case *value.Bytevector:
		return &value.Bytevector{B: append([]byte(nil), v.B...)}
	case *value.Symbol:
		if !v.Interned() {
			e.bad = true
		}
		return v
	case *value.Empty, value.Fixnum, bool, value.Char, value.Flonum:
		return v
	}
	if x == value.Value(value.Unspecified) {
		return x
	}
	if name := e.globalHolding(x); name != nil {
		return globalValue{name}
	}
	e.bad = true
	return x
}

// globalValue stands, in a body to record, for the value of the global
// name: an object that is not data but that an expansion put in the
// code as a constant, such as a record's kind, which %define-record's
// predicates and constructors quote. The transformer read the global
// at the first call; the image reads it when the body is decoded, at
// the first call too.
type globalValue struct{ name *value.Symbol }

// globalHolding returns the name of the one global whose value is x, an
// object referred to by pointer, or nil.
func (e *expansionCopier) globalHolding(x value.Value) *value.Symbol {
	t := reflect.TypeOf(x)
	if t == nil || t.Kind() != reflect.Pointer {
		return nil
	}
	var found *value.Symbol
	for name, g := range e.in.globals {
		if reflect.TypeOf(g.Value) == t && g.Value == x {
			if found != nil {
				return nil
			}
			found = name
		}
	}
	return found
}

// globalValue reads tagGlobal's symbol and gives its global's value.
func (r *imageReader) globalValue() value.Value {
	name := r.sym(r.uint())
	if name == nil || r.in == nil {
		r.err = errBadImage
		return nil
	}
	g, ok := r.in.globalOf(name)
	if !ok || g.Value == nil {
		r.err = errBadImage
		return nil
	}
	return g.Value
}
