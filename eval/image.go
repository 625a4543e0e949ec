package eval

// This file defines library images: what loading a source of the library
// reads and expands, recorded at build time, so that a start reads it
// back instead of reading and expanding the text.
//
// Loading a library source (loadLib) reads each top-level form (only
// skimming the bodies of procedure definitions, lazy.go), expands the
// macro use at its head (%define-record, %define-inline: transformers
// written in Scheme, run by the machine), then compiles and runs it. An
// image holds, for each top-level form, the form that the compiler then
// compiles: the datum read, or the expansion of the macro use, with the
// positions of its pairs; the body of a procedure it defines is
// recorded expanded, apart, to be decoded at the procedure's first call
// (image_expand.go). A
// start decodes the forms, which costs no lexing and no expansion, and
// compiles and runs them as loadLib does (EvalAt), except the
// definitions of procedures and macros, most of the library, which are
// made when their name is first looked up (globalOf, deferrable): what
// the program sees is the same. TestImageIsText checks it, code and
// positions, against loading the text; TestDeferredDefinitions, for
// programs that meet the deferred definitions.
//
// An image is valid only for the very library it was recorded in: its
// key is a hash of the names and texts of the source and of every
// source loaded before it (the key chain of the interpreter, which
// loadLibrary keeps). A source whose image does not match is loaded from
// its text (and a change to a source's text changes the keys of those
// after it). The images of the built-in library and of prelude.scm are
// made by `go generate ./prelude` (internal/genimage), and a test fails
// when they are stale: when the sources changed, or the Go code of
// reading and expanding did.
//
// The format: a header (the format's version, the key, the symbol
// table, the number of shared objects and of positions), then the forms,
// each its kind (read in its turn, or deferred under a name), its number
// of pairs, its size, its position and its datum. A datum is a tag and
// what the tag needs; pairs, strings and vectors that the forms share
// (the same object in two places, which the transformers' outputs can
// hold) are numbered at their first occurrence and referred to by number
// after, so that sharing survives. A form that numbers one is never
// deferred, so the numbers come in the order of the forms read in turn.

import (
	enc "encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"sync/atomic"
	"unsafe"

	"contigo/value"
)

// useImages is false to load every source from its text, for the test
// that compares.
var useImages = true

// imageVersion changes whenever the format does.
const imageVersion = 6

// The tags of a datum.
const (
	tagNil         = iota // '()
	tagPair               // car, cdr: a pair with no position
	tagPairAt             // file, line, col, car, cdr
	tagShare              // the next object is shared: it gets the next number
	tagRef                // n: the shared object n
	tagSymbol             // n: the symbol n of the table
	tagFixnum             // a varint
	tagTrue               // #t
	tagFalse              // #f
	tagString             // length, bytes
	tagChar               // the code point
	tagVector             // length, items
	tagFlonum             // 8 bytes, little-endian
	tagBytevector         // length, bytes
	tagText               // a lazyText: start, end, line, col (of this source)
	tagUnspecified        // the unspecified value
	tagBody               // pairs, size, forms: a body expanded, decoded at its first call (image_expand.go)
	tagGlobal             // n: the value of the global named by the symbol n, as decoded (image_expand.go)
)

// The kinds of forms.
const (
	entryNow      = iota // a form to compile and run in its turn
	entryDeferred        // a definition made when its name is looked up: the symbol's number
)

// chainKey returns the key of loading the source name with text src after
// the sources whose key is prev.
func chainKey(prev uint64, name, src string) uint64 {
	return hashText(hashText(prev^imageVersion, name), src)
}

// hashText hashes s into h, a word at a time: a checksum against
// mistakes (an image not made again after an edit), not against
// forgery, which costs a start about 20 µs for the whole library (CRC-32,
// with its tables to make, cost 100).
func hashText(h uint64, s string) uint64 {
	const m = 0x9E3779B97F4A7C15
	b := unsafe.Slice(unsafe.StringData(s), len(s))
	for len(b) >= 8 {
		h = bits.RotateLeft64((h^enc.LittleEndian.Uint64(b))*m, 29)
		b = b[8:]
	}
	for _, c := range b {
		h = bits.RotateLeft64((h^uint64(c))*m, 29)
	}
	return bits.RotateLeft64((h^uint64(len(s)))*m, 29)
}

// imageKey returns the key an image was recorded for, and false if img
// is not an image of this format.
func imageKey(img string) (uint64, bool) {
	if len(img) < 9 || img[0] != imageVersion {
		return 0, false
	}
	return enc.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(img[1:9]), 8)), true
}

// imageWriter records the image of one source as it loads.
type imageWriter struct {
	buf   []byte
	files []*string // the files of positions: 0 is none, 1 the source's
	syms  map[*value.Symbol]int
	names []string
	// prov numbers the pairs, strings, vectors and bytevectors in the
	// order written; refs are the numbers of those written again (a
	// form holds one twice, or holds one an earlier form held), which
	// the second of two recordings (BuildImages) is given as refd and
	// numbers for reference (shared); at are the positions written of
	// the pairs.
	prov   map[any]int
	refs   map[int]bool
	refd   map[int]bool
	shared map[any]int
	at     map[*value.Pair]value.Pos
	pairs  int // how many pairs written
	// body is the form being written; crossed is set if it numbers an
	// object for a later form to refer to (tagShare), which makes it a
	// form to read in its turn. (A deferred form may refer to objects
	// that earlier forms numbered: those are read at load.)
	body    []byte
	crossed bool
	// bodyPositions counts the positions of the form's bodies recorded
	// expanded, which the header's count leaves out.
	bodyPositions int
	entries       []imageEntry
	err           error
}

func newImageWriter(file *string, refd map[int]bool) *imageWriter {
	return &imageWriter{files: []*string{nil, file}, syms: map[*value.Symbol]int{},
		prov: map[any]int{}, refs: map[int]bool{}, refd: refd, shared: map[any]int{}, at: map[*value.Pair]value.Pos{}}
}

// form records a top-level form read at pos, whose pairs' positions src
// gives, as it is when the compiler compiles it.
func (w *imageWriter) form(x value.Value, src value.SourceMap, pos value.Pos) {
	if forms, ok := splittable(x); ok {
		for _, f := range forms {
			w.form(f, src, pos)
		}
		return
	}
	if w.err != nil {
		return
	}
	if pos.File != w.files[1] && pos.IsValid() {
		w.err = fmt.Errorf("a form at %s, not in the source", pos)
		return
	}
	pairs, positions := w.pairs, len(w.at)
	w.crossed = false
	w.body = enc.AppendUvarint(w.body[:0], uint64(pos.Line))
	w.body = enc.AppendUvarint(w.body, uint64(pos.Col))
	w.datum(x, src)
	bodies := w.bodyPositions
	w.bodyPositions = 0
	e := imageEntry{pairs: w.pairs - pairs, positions: len(w.at) - positions - bodies, body: slices.Clone(w.body)}
	if !w.crossed {
		e.name = deferrable(x)
	}
	w.entries = append(w.entries, e)
}

// imageEntry is a form recorded: its position and datum (body), the
// number of its pairs and of their positions, and if its definition can
// be deferred, the name it defines.
type imageEntry struct {
	name             *value.Symbol
	pairs, positions int
	body             []byte
}

// splittable returns the forms of x if x is a (begin form ...) whose
// forms can be recorded as top-level forms of their own, each at the
// position of the begin: the compiler compiles each in its turn, as it
// compiles the begin, but runs each before compiling the next instead
// of all at the end. That makes no difference when no form after one
// that runs something runs anything when compiled: when every form
// after the first that is not deferrable (which the expansions of
// %define-record hold: the definition of the record's kind amid the
// definitions of its macros) is deferrable.
func splittable(x value.Value) ([]value.Value, bool) {
	items, ok := value.ToSlice(x)
	if !ok || len(items) < 2 || items[0] != value.Value(symBegin) {
		return nil, false
	}
	eager := false
	for _, f := range items[1:] {
		if deferrable(f) == nil {
			if eager {
				return nil, false
			}
			eager = true
		}
	}
	return items[1:], true
}

// deferrable returns the name that the form x defines if making the
// definition can wait until the name is first looked up (see
// Interp.globalOf): the definition of a procedure, (define (name . params)
// body ...) or (define name (lambda ...)), or of a macro, (define-macro
// (name . params) body ...), which runs nothing and makes nothing but the
// global's value or macro. Otherwise nil.
func deferrable(x value.Value) *value.Symbol {
	items, ok := value.ToSlice(x)
	if !ok || len(items) < 3 {
		return nil
	}
	switch items[0] {
	case value.Value(symDefine):
		if name, ok := items[1].(*value.Symbol); ok && len(items) == 3 {
			if lam, ok := items[2].(*value.Pair); ok && lam.Car == value.Value(symLambda) {
				return name
			}
			return nil
		}
	case value.Value(symDefineMacro):
	default:
		return nil
	}
	if head, ok := items[1].(*value.Pair); ok {
		if name, ok := head.Car.(*value.Symbol); ok {
			return name
		}
	}
	return nil
}

// datum writes x: a list's pairs in a loop along the cdrs, a vector's
// items in turn, anything else by atom, and what was written before as a
// reference (ref).
func (w *imageWriter) datum(x value.Value, src value.SourceMap) {
	for !w.ref(x, src) {
		switch v := x.(type) {
		case *value.Pair:
			w.share(v)
			w.pairs++
			if pos, ok := src[v]; ok {
				w.at[v] = pos
				w.body = append(w.body, tagPairAt)
				w.body = enc.AppendUvarint(w.body, uint64(w.file(pos.File)))
				w.body = enc.AppendUvarint(w.body, uint64(pos.Line))
				w.body = enc.AppendUvarint(w.body, uint64(pos.Col))
			} else {
				w.body = append(w.body, tagPair)
			}
			w.datum(v.Car, src)
			x = v.Cdr
			continue
		case *value.Vector:
			w.share(v)
			w.body = append(w.body, tagVector)
			w.body = enc.AppendUvarint(w.body, uint64(len(v.Items)))
			for _, it := range v.Items {
				w.datum(it, src)
			}
		default:
			w.atom(x)
		}
		return
	}
}

// ref writes a reference to x and reports true if x was written before
// (or is wrongly written again: then w.err says so).
func (w *imageWriter) ref(x value.Value, src value.SourceMap) bool {
	k, ok := w.prov[x]
	if !ok || !isShareable(x) {
		return false
	}
	w.refs[k] = true
	n, ok := w.shared[x]
	if !ok && w.refd != nil {
		w.err = fmt.Errorf("%s written again, unnumbered: the two recordings differ", value.WriteString(x))
		return true
	}
	if p, ok := x.(*value.Pair); ok && src[p] != w.at[p] {
		// Its position came after it was written: the
		// image would not give it.
		w.err = fmt.Errorf("a pair at %s given a position at %s later", w.at[p], src[p])
		return true
	}
	w.body = append(w.body, tagRef)
	w.body = enc.AppendUvarint(w.body, uint64(n))
	return true
}

// atom writes x, which is neither a pair nor a vector.
func (w *imageWriter) atom(x value.Value) {
	switch v := x.(type) {
	case *value.Empty:
		w.body = append(w.body, tagNil)
	case *value.Symbol:
		if !v.Interned() {
			w.err = fmt.Errorf("uninterned symbol %s", v.Name)
			return
		}
		w.body = append(w.body, tagSymbol)
		w.body = enc.AppendUvarint(w.body, uint64(w.symbol(v)))
	case value.Fixnum:
		w.body = append(w.body, tagFixnum)
		w.body = enc.AppendVarint(w.body, int64(v))
	case bool:
		if v {
			w.body = append(w.body, tagTrue)
		} else {
			w.body = append(w.body, tagFalse)
		}
	case *value.String:
		w.share(v)
		s := string(v.R)
		w.body = append(w.body, tagString)
		w.body = enc.AppendUvarint(w.body, uint64(len(s)))
		w.body = append(w.body, s...)
	case value.Char:
		w.body = append(w.body, tagChar)
		w.body = enc.AppendUvarint(w.body, uint64(v))
	case value.Flonum:
		w.body = append(w.body, tagFlonum)
		w.body = enc.LittleEndian.AppendUint64(w.body, math.Float64bits(float64(v)))
	case *value.Bytevector:
		w.share(v)
		w.body = append(w.body, tagBytevector)
		w.body = enc.AppendUvarint(w.body, uint64(len(v.B)))
		w.body = append(w.body, v.B...)
	case *expandedBody:
		w.expandedBody(v)
	case globalValue:
		w.body = append(w.body, tagGlobal)
		w.body = enc.AppendUvarint(w.body, uint64(w.symbol(v.name)))
	case *lazyText:
		if v.pos.File != w.files[1] {
			w.err = fmt.Errorf("a body at %s, not in the source", v.pos)
			return
		}
		w.body = append(w.body, tagText)
		for _, n := range []int{v.start, v.end, int(v.pos.Line), int(v.pos.Col)} {
			w.body = enc.AppendUvarint(w.body, uint64(n))
		}
	default:
		if x == value.Value(value.Unspecified) {
			w.body = append(w.body, tagUnspecified)
			return
		}
		w.err = fmt.Errorf("cannot record %s (%T) in an image", value.WriteString(x), x)
	}
}

func isShareable(x value.Value) bool {
	switch x.(type) {
	case *value.Pair, *value.String, *value.Vector, *value.Bytevector:
		return true
	}
	return false
}

// symbol returns the number of the symbol s in the table.
func (w *imageWriter) symbol(s *value.Symbol) int {
	n, ok := w.syms[s]
	if !ok {
		n = len(w.names)
		w.syms[s] = n
		w.names = append(w.names, s.Name)
	}
	return n
}

// share numbers x, before it is written: provisionally, and for
// reference if it is written again.
func (w *imageWriter) share(x value.Value) {
	k := len(w.prov)
	w.prov[x] = k
	if w.refd[k] {
		w.shared[x] = len(w.shared)
		w.crossed = true
		w.body = append(w.body, tagShare)
	}
}

// file returns the number of the file f of a position.
func (w *imageWriter) file(f *string) int {
	for i, g := range w.files {
		if g == f {
			return i
		}
	}
	w.err = fmt.Errorf("a position in %s, not in the source", *f)
	return 0
}

// image returns the image recorded, for the key.
func (w *imageWriter) image(key uint64) (string, error) {
	if w.err != nil {
		return "", w.err
	}
	// A name defined by two deferrable forms is defined by each in its
	// turn: deferred, the second would be made without the first.
	count := map[*value.Symbol]int{}
	for _, e := range w.entries {
		count[e.name]++
	}
	// The positions of every form, deferred ones included: the reader
	// makes the source's map this size, once, and a deferred form
	// decoded later, at its name's first use, puts its positions there
	// too. Sized for the forms read at start only, the map grew at
	// those uses: 9% of the instructions of starting a program that
	// sends on a channel (valgrind), for 128 KB more of idle RSS. The
	// bodies recorded expanded are left out (image_expand.go).
	positions := 0
	var entries []byte
	for _, e := range w.entries {
		if e.name != nil && count[e.name] > 1 {
			e.name = nil
		}
		if e.name != nil {
			entries = append(entries, entryDeferred)
			entries = enc.AppendUvarint(entries, uint64(w.symbol(e.name)))
		} else {
			entries = append(entries, entryNow)
		}
		positions += e.positions
		entries = enc.AppendUvarint(entries, uint64(e.pairs))
		entries = enc.AppendUvarint(entries, uint64(len(e.body)))
		entries = append(entries, e.body...)
	}
	out := []byte{imageVersion}
	out = enc.LittleEndian.AppendUint64(out, key)
	out = enc.AppendUvarint(out, uint64(len(w.names)))
	for _, s := range w.names {
		out = enc.AppendUvarint(out, uint64(len(s)))
		out = append(out, s...)
	}
	out = enc.AppendUvarint(out, uint64(len(w.shared)))
	out = enc.AppendUvarint(out, uint64(positions))
	return string(append(out, entries...)), nil
}

// imageReader reads the forms of an image back.
type imageReader struct {
	img    string
	off    int
	file   *string
	src    string          // the source's text, for the bodies left unread
	syms   []*value.Symbol // interned as met (sym); shared by the cursors
	names  []string
	shared []value.Value
	pairs  []value.Pair // the pairs of the form being read, not yet read
	smap   value.SourceMap
	in     *Interp // whose globals tagGlobal reads
	err    error
}

var errBadImage = errors.New("bad library image")

// newImageReader starts reading img, the image of the source src whose
// positions carry file.
func newImageReader(img, src string, file *string) *imageReader {
	r := &imageReader{img: img, off: 9, file: file, src: src}
	n := r.uint()
	if n > uint64(len(img)) {
		r.err = errBadImage
		return r
	}
	// Symbols are interned at their first use (sym): many are met only
	// in bodies that a run never decodes.
	r.syms = make([]*value.Symbol, n)
	r.names = make([]string, n)
	for i := range r.names {
		l := int(r.uint())
		if r.err != nil || r.off+l > len(img) {
			r.err = errBadImage
			return r
		}
		r.names[i] = img[r.off : r.off+l]
		r.off += l
	}
	n = r.uint()
	if n > uint64(len(img)) {
		r.err = errBadImage
		return r
	}
	r.shared = make([]value.Value, 0, n)
	if n = r.uint(); n > uint64(len(img)) {
		r.err = errBadImage
		return r
	}
	r.smap = make(value.SourceMap, n) // sized for every form (see image)
	return r
}

// sym returns the symbol n of the table, or nil if there is none
// (r.err then says so).
func (r *imageReader) sym(n uint64) *value.Symbol {
	if n >= uint64(len(r.syms)) {
		r.err = errBadImage
		return nil
	}
	if r.syms[n] == nil {
		r.syms[n] = value.Intern(r.names[n])
	}
	return r.syms[n]
}

func (r *imageReader) uint() uint64 {
	var v uint64
	for shift := 0; shift < 64 && r.off < len(r.img); shift += 7 {
		b := r.img[r.off]
		r.off++
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return v
		}
	}
	r.err = errBadImage
	return 0
}

func (r *imageReader) byte() byte {
	if r.off >= len(r.img) {
		r.err = errBadImage
		return tagNil
	}
	b := r.img[r.off]
	r.off++
	return b
}

// next returns the next form: its name if it is a deferred definition
// (then with the reader at its end, and the form for later, entry), or
// else the form and its position. ok is false at the end (or on an
// error, r.err).
func (r *imageReader) next() (name *value.Symbol, later imageForm, x value.Value, pos value.Pos, ok bool) {
	if r.err != nil || r.off >= len(r.img) {
		return nil, later, nil, pos, false
	}
	kind := r.byte()
	if kind == entryDeferred {
		n := r.uint()
		if name = r.sym(n); name == nil {
			return nil, later, nil, pos, false
		}
	} else if kind != entryNow {
		r.err = errBadImage
	}
	pairs, size := r.uint(), r.uint()
	if r.err != nil || size > uint64(len(r.img)-r.off) || pairs > size {
		r.err = errBadImage
		return nil, later, nil, pos, false
	}
	later = imageForm{r: r, off: r.off, end: r.off + int(size), pairs: int(pairs)}
	if name != nil {
		line, col := r.uint(), r.uint()
		pos = value.Pos{File: r.file, Line: int32(line), Col: int32(col)}
		r.off = later.end
		return name, later, nil, pos, r.err == nil
	}
	x, pos, err := later.read()
	if err != nil {
		r.err = err
		return nil, later, nil, pos, false
	}
	r.off = later.end
	return nil, later, x, pos, true
}

// imageForm is a form of an image, to read.
type imageForm struct {
	r        *imageReader
	off, end int
	pairs    int
}

// read reads the form and its position.
func (f imageForm) read() (value.Value, value.Pos, error) {
	r := *f.r // a cursor of its own
	r.off, r.err = f.off, nil
	r.pairs = make([]value.Pair, f.pairs) // allocated at once
	line, col := r.uint(), r.uint()
	pos := value.Pos{File: r.file, Line: int32(line), Col: int32(col)}
	x := r.datum()
	if r.err == nil && r.off != f.end {
		r.err = errBadImage
	}
	f.r.shared = r.shared // the objects it numbered (forms read in turn)
	return x, pos, r.err
}

// datum reads a datum: a list's pairs in a loop along the cdrs (so a
// long list takes no Go stack), anything else by atom.
func (r *imageReader) datum() value.Value {
	var first value.Value
	var last *value.Pair // the pair whose cdr comes next
	for r.err == nil {
		tag := r.byte()
		share := tag == tagShare
		if share {
			tag = r.byte()
		}
		if tag != tagPair && tag != tagPairAt {
			v := r.atom(tag, share)
			if last == nil || r.err != nil {
				return v
			}
			last.Cdr = v
			return first
		}
		p := r.pair(tag == tagPairAt, share)
		if p == nil {
			return nil
		}
		if last == nil {
			first = p
		} else {
			last.Cdr = p
		}
		last = p
		p.Car = r.datum()
	}
	return nil
}

// pair takes the next of the image's pairs, with its position if at.
func (r *imageReader) pair(at, share bool) *value.Pair {
	if len(r.pairs) == 0 {
		r.err = errBadImage
		return nil
	}
	p := &r.pairs[0]
	r.pairs = r.pairs[1:]
	if at {
		f, line, col := r.uint(), r.uint(), r.uint()
		var file *string
		switch f {
		case 0:
		case 1:
			file = r.file
		default:
			r.err = errBadImage
			return nil
		}
		r.smap[p] = value.Pos{File: file, Line: int32(line), Col: int32(col)}
	}
	if share {
		r.shared = append(r.shared, p)
	}
	return p
}

// bytes reads a string, or a bytevector.
func (r *imageReader) bytes(isString, share bool) value.Value {
	l := int(r.uint())
	if r.err != nil || r.off+l > len(r.img) {
		r.err = errBadImage
		return nil
	}
	s := r.img[r.off : r.off+l]
	r.off += l
	var v value.Value
	if isString {
		v = value.NewString(s)
	} else {
		v = &value.Bytevector{B: []byte(s)}
	}
	if share {
		r.shared = append(r.shared, v)
	}
	return v
}

// atom reads a datum other than a pair, whose tag was read.
func (r *imageReader) atom(tag byte, share bool) value.Value {
	switch tag {
	case tagNil:
		return value.Nil
	case tagRef:
		n := r.uint()
		if n >= uint64(len(r.shared)) {
			r.err = errBadImage
			return nil
		}
		return r.shared[n]
	case tagSymbol:
		n := r.uint()
		if s := r.sym(n); s != nil {
			return s
		}
		return nil
	case tagFixnum:
		u := r.uint() // zig-zag, as enc.AppendVarint writes it
		v := int64(u >> 1)
		if u&1 != 0 {
			v = ^v
		}
		return value.Fixnum(v)
	case tagTrue:
		return true
	case tagFalse:
		return false
	case tagString, tagBytevector:
		return r.bytes(tag == tagString, share)
	case tagChar:
		return value.Char(r.uint())
	case tagVector:
		n := r.uint()
		if n > uint64(len(r.img)) {
			r.err = errBadImage
			return nil
		}
		v := &value.Vector{Items: make([]value.Value, n)}
		if share {
			r.shared = append(r.shared, v)
		}
		for i := range v.Items {
			v.Items[i] = r.datum()
		}
		return v
	case tagFlonum:
		if r.off+8 > len(r.img) {
			r.err = errBadImage
			return nil
		}
		bits := enc.LittleEndian.Uint64([]byte(r.img[r.off : r.off+8]))
		r.off += 8
		return value.Flonum(math.Float64frombits(bits))
	case tagText:
		start, end, line, col := r.uint(), r.uint(), r.uint(), r.uint()
		if start > end || end > uint64(len(r.src)) {
			r.err = errBadImage
			return nil
		}
		return &lazyText{src: r.src, start: int(start), end: int(end), pos: value.Pos{File: r.file, Line: int32(line), Col: int32(col)}}
	case tagUnspecified:
		return value.Unspecified
	case tagBody:
		return r.bodyLater()
	case tagGlobal:
		return r.globalValue()
	}
	r.err = errBadImage
	return nil
}

// loadImage loads the library source src, named file, from its image
// img: as loadLib loads the text, except that the definitions the image
// defers are made when their name is first looked up (globalOf).
func (in *Interp) loadImage(img, src, file string) error {
	f := file
	r := newImageReader(img, src, &f)
	r.in = in
	libFiles.Store(&f, true)
	in.fromImages++
	for {
		name, later, x, pos, ok := r.next()
		if !ok {
			if r.err != nil {
				return fmt.Errorf("%s: %w", file, r.err)
			}
			return nil
		}
		if name != nil {
			if in.pending == nil {
				// The built-in library and prelude.scm defer about
				// 500 definitions.
				in.pending = make(map[*value.Symbol]*deferred, 512)
				in.deferred = make([]*deferred, 0, 512)
			}
			d := &deferred{name: name, form: later}
			in.pending[name] = d
			in.deferred = append(in.deferred, d)
			in.topPos = pos
			continue
		}
		if _, err := in.evalImageForm(x, r.smap, pos, true); err != nil {
			return err
		}
	}
}

// evalImageForm compiles and runs a form of an image, read at pos. A
// definition of a procedure or a macro (all that a deferred form can be)
// needs no machine: run reports false if it would.
func (in *Interp) evalImageForm(x value.Value, src value.SourceMap, pos value.Pos, run bool) (ran bool, err error) {
	node, err := in.compileTop(x, src, pos)
	if err != nil {
		return false, err
	}
	in.topPos = pos
	switch n := node.(type) {
	case *Const:
		return true, nil // a definition of a macro, made as compiled
	case *SetGlobal:
		if lam, ok := n.val.(*Lambda); ok && n.define {
			// A procedure's definition: what running it does.
			n.store(nil, &Closure{lam, nil})
			return true, nil
		}
	}
	if !run {
		return false, nil
	}
	_, err = in.run(node, nil, nil)
	return true, err
}

// globalOf returns the cell of the global name, if there is one, making
// first the library's definition of name if its image deferred it.
//
// A deferred definition (a procedure's, a macro's: see deferrable) makes
// nothing but name's cell and its value or macro, and reads nothing at
// load but the global environment, which does not change before it is
// made: every lookup of a global goes through globalOf (or allGlobals),
// and before anything changes what a name means to the compiler,
// syntaxChange makes every definition still deferred. So making it at
// the first lookup gives what making it at load gives.
func (in *Interp) globalOf(name *value.Symbol) (*Global, bool) {
	if in.pending != nil {
		if d, ok := in.pending[name]; ok {
			in.makeDeferred(d)
		}
	}
	g, ok := in.globals[name]
	return g, ok
}

// globalCell is globalOf's cell alone (nil if none).
func (in *Interp) globalCell(name *value.Symbol) *Global {
	g, _ := in.globalOf(name)
	return g
}

// allGlobals returns the global environment, with every deferred
// definition made.
func (in *Interp) allGlobals() map[*value.Symbol]*Global {
	in.makeAllDeferred()
	return in.globals
}

// deferred is a definition of the library that its image deferred: the
// name it defines, its form, and whether it is made.
type deferred struct {
	name *value.Symbol
	form imageForm
	made bool
}

// makeAllDeferred makes every definition still deferred, in the order of
// the library.
func (in *Interp) makeAllDeferred() {
	for _, d := range in.deferred {
		if !d.made {
			in.makeDeferred(d)
		}
	}
	in.deferred = nil
}

// makeDeferred makes the deferred definition d, as loading the library
// would have: as a library form, leaving the interpreter's state as it
// was.
func (in *Interp) makeDeferred(d *deferred) {
	name, f := d.name, d.form
	d.made = true
	delete(in.pending, name)
	if len(in.pending) == 0 {
		in.pending, in.deferred = nil, nil
	}
	defer func(loading bool, pos value.Pos) { in.loadingLib, in.topPos = loading, pos }(in.loadingLib, in.topPos)
	in.loadingLib = true
	// As at load, an interrupt (Ctrl-C, a time limit) waits until the
	// definition is made. (Making it runs no machine: evalImageForm,
	// macroTransformer.)
	if old := atomic.SwapInt32(&in.interrupted, 0); old != 0 {
		defer atomic.CompareAndSwapInt32(&in.interrupted, 0, old)
	}
	x, pos, err := f.read()
	ran := false
	if err == nil {
		ran, err = in.evalImageForm(x, f.r.smap, pos, false)
	}
	if err != nil || !ran {
		// It was made when the image was, in the same environment,
		// and only a definition is deferred.
		panic(fmt.Sprintf("eval: the library's definition of %s: %v", name.Name, err))
	}
}

// expandTop expands the macro use at the head of the top-level form x,
// as compiling it would, until it is not one.
func (c *compiler) expandTop(x value.Value) (out value.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*compileError)
			if !ok {
				panic(r)
			}
			out, err = nil, e.err
		}
	}()
	c.depth++
	defer func() { c.depth-- }()
	return c.expand(x, nil), nil
}

// BuiltinLibrary returns the sources of the library every interpreter
// loads first, with their images.
func BuiltinLibrary() []Source { return slices.Clone(builtinLibrary) }

// BuildImages loads the library that opts configures from its text, and
// returns its sources with their images: the built-in library's, then
// opts.Library's. It is how go generate makes the images that the
// binary embeds (internal/genimage).
func BuildImages(opts Options) ([]Source, error) {
	// The first recording finds the objects written more than once, the
	// second numbers them.
	first := &imageRecording{}
	if _, err := makeInterp(opts, false, first); err != nil {
		return nil, err
	}
	second := &imageRecording{refd: first.found}
	if _, err := makeInterp(opts, false, second); err != nil {
		return nil, err
	}
	return second.sources, nil
}

// imageRecording is the images of the sources of a library as it loads.
type imageRecording struct {
	sources []Source
	// found has, for each source, the provisional numbers of the
	// objects written again (imageWriter.refs); refd is found of a
	// first recording.
	found, refd []map[int]bool
}
