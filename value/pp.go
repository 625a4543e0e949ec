package value

// This file defines the pretty printer: write form laid out over lines
// with Lisp-style indentation, for pp and the REPL's ,expand.
//
// The algorithm is the classic one: a list is printed on one line if it
// fits in what is left of the line; otherwise it is broken, one element
// per line, with an indentation that depends on its head. Special forms
// keep their "distinguished" operands on the first line and indent their
// body by 2 (define, lambda, let, do, ...); other lists align their
// operands under the first one; lists of atoms are filled, as many per
// line as fit. Whether something fits is measured by writing it flat with
// a limit, so the cost per node is bounded by the width and the whole is
// linear in the size of the output.
//
// Shared structure on a cycle gets datum labels exactly as Write gives
// them (labelsFor). Nesting deeper than ppMaxDepth is written flat, so a
// 100000-level list costs no more Go stack than Write.

import (
	"bufio"
	"bytes"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// DefaultWidth is the line width pp and the REPL's ,expand lay out for.
const DefaultWidth = 79

// ppMaxDepth is the nesting depth beyond which PrettyPrint writes the
// rest of a datum flat, as Write would.
const ppMaxDepth = 100

// A call's operands are aligned under the first one if its head has at
// most maxAlignedHead characters and the first operand fits on the line,
// or there are at least minAlignedRoom columns left for it, or it is an
// atom that would not fit under the head either.
const (
	maxAlignedHead = 12
	minAlignedRoom = 20
)

// PrettyPrint writes v in write form, broken over lines of at most width
// characters where it can be (an atom longer than the line stays whole),
// with Lisp-style indentation. It does not end the last line.
func PrettyPrint(w io.Writer, v Value, width int) {
	bw, ok := w.(*bufio.Writer)
	if !ok {
		bw = bufio.NewWriter(w)
		defer bw.Flush()
	}
	if width < 1 {
		width = 1
	}
	p := &pretty{w: bw, width: width, labels: labelsFor(v, false)}
	p.pp(v, 0, 0, false)
}

type pretty struct {
	w      *bufio.Writer
	width  int
	col    int         // the column the next character goes to
	labels map[any]int // as in printer: -1 until the object is first printed
	next   int         // the next label number
	undo   []any       // labels assigned by the current measurement
	// atomW writes atoms into atomBuf.
	atomW   *bufio.Writer
	atomBuf bytes.Buffer
}

func (p *pretty) emit(s string) {
	p.w.WriteString(s)
	p.col += utf8.RuneCountInString(s)
}

func (p *pretty) newline(indent int) {
	p.w.WriteByte('\n')
	p.w.WriteString(strings.Repeat(" ", indent))
	p.col = indent
}

// pp prints v at the current column. trail is the number of characters
// that will follow it on its last line (closing parentheses). data is
// set inside quoted data, where lists are not laid out as code.
func (p *pretty) pp(v Value, depth, trail int, data bool) {
	if depth > ppMaxDepth {
		// Deeper than any layout helps: write the rest on one line with
		// the printer, which does not recurse however deep v nests.
		pr := &printer{w: p.w, write: true, labels: p.labels, next: p.next}
		pr.run(v)
		p.next = pr.next
		p.col += p.width // past the line's end: no more will fit on it
		return
	}
	if s, ok := p.flat(v, p.width-p.col-trail); ok {
		p.emit(s)
		return
	}
	switch x := v.(type) {
	case *Pair:
		if p.label(x) {
			return
		}
		p.list(x, depth, trail, data)
	case *Vector:
		if p.label(x) {
			return
		}
		p.emit("#(")
		p.items(x.Items, nil, p.col, depth, trail, data)
	default:
		s, _ := p.flat(v, noLimit)
		p.emit(s)
	}
}

// label prints the datum label of x, if it has one: #n# (and returns
// true) when x was printed before, else #n=.
func (p *pretty) label(x any) bool {
	n, ok := p.labels[x]
	if !ok {
		return false
	}
	if n >= 0 {
		p.emit("#" + strconv.Itoa(n) + "#")
		return true
	}
	n = p.next
	p.next++
	p.labels[x] = n
	p.emit("#" + strconv.Itoa(n) + "=")
	return false
}

func (p *pretty) isLabelled(x any) bool {
	_, ok := p.labels[x]
	return ok
}

// abbreviation returns the prefix ('  `  ,  ,@) that stands for x, a
// (quote d)-like list, and d.
func (p *pretty) abbreviation(x *Pair) (string, Value, bool) {
	s, ok := x.Car.(*Symbol)
	if !ok {
		return "", nil, false
	}
	abbr, ok := quoteAbbrev[s]
	if !ok {
		return "", nil, false
	}
	rest, ok := x.Cdr.(*Pair)
	if !ok || rest.Cdr != Value(Nil) || p.isLabelled(rest) {
		return "", nil, false
	}
	return abbrevFor(abbr, rest.Car), rest.Car, true
}

// elements returns the elements of the list x as printed: they stop at a
// labelled pair in the spine or at a non-list tail, returned as tail
// (nil for a proper list) and printed after a dot.
func (p *pretty) elements(x *Pair) (elems []Value, tail Value) {
	elems = append(elems, x.Car)
	v := x.Cdr
	for {
		switch t := v.(type) {
		case *Empty:
			return elems, nil
		case *Pair:
			if p.isLabelled(t) {
				return elems, t
			}
			elems = append(elems, t.Car)
			v = t.Cdr
		default:
			return elems, t
		}
	}
}

// distinguished gives, for special forms laid out as code, how many
// operands stay on the first line; the rest is a body indented by 2.
var distinguished = map[string]int{
	"lambda": 1, "named-lambda": 1, "define": 1, "define-macro": 1,
	"define-syntax": 1, "define-record-type": 1, "define-values": 1,
	"define-library": 1, "let": 1, "let*": 1, "letrec": 1, "letrec*": 1,
	"let-values": 1, "let*-values": 1, "let-syntax": 1, "letrec-syntax": 1,
	"when": 1, "unless": 1, "case": 1, "syntax-rules": 1, "parameterize": 1,
	"guard": 1, "do": 2, "receive": 2, "begin": 0, "case-lambda": 0,
	"dynamic-wind": 0, "with-exception-handler": 0,
}

// list prints the pair x, which does not fit on the line, broken.
func (p *pretty) list(x *Pair, depth, trail int, data bool) {
	if abbr, d, ok := p.abbreviation(x); ok {
		p.emit(abbr)
		p.pp(d, depth+1, trail, data || abbr == "'")
		return
	}
	open := p.col
	elems, tail := p.elements(x)
	p.emit("(")
	head, isSym := elems[0].(*Symbol)
	if !isSym || data {
		// Data, or code with a compound head: elements one per line
		// (or filled) under the first.
		p.items(elems, tail, open+1, depth, trail, data)
		return
	}
	if tail == nil {
		if n, ok := distinguished[head.Name]; ok {
			if head.Name == "let" && len(elems) > 2 {
				if _, named := elems[1].(*Symbol); named {
					n = 2
				}
			}
			p.special(elems, n, open, depth, trail)
			return
		}
	}
	// A call: (f a\n   b), the operands aligned under the first one,
	// when the head is short; else (long-head\n a\n b).
	name := SymbolText(head.Name)
	p.emit(name)
	if len(elems) == 1 {
		p.items(nil, tail, open+1, depth, trail, data)
		return
	}
	t := 0
	if len(elems) == 2 && tail == nil {
		t = trail + 1
	}
	room := p.width - p.col - 1 - t
	if utf8.RuneCountInString(name) <= maxAlignedHead &&
		(room >= minAlignedRoom || p.fits(elems[1], room) ||
			!isCompound(elems[1]) && !p.fits(elems[1], p.width-open-1-t)) {
		p.emit(" ")
		p.items(elems[1:], tail, p.col, depth, trail, data)
		return
	}
	p.newline(open + 1)
	p.items(elems[1:], tail, open+1, depth, trail, data)
}

// special prints a special form: the head, n distinguished operands on
// its line (those that do not fit go on lines of their own, indented by
// 4), then the body indented by 2.
func (p *pretty) special(elems []Value, n, open, depth, trail int) {
	p.emit(SymbolText(elems[0].(*Symbol).Name))
	rest := elems[1:]
	for i, e := range rest {
		last := i == len(rest)-1
		t := 0
		if last {
			t = trail + 1
		}
		switch {
		case i == 0 && n > 0:
			p.emit(" ")
			p.pp(e, depth+1, t, false)
		case i < n:
			if s, ok := p.flat(e, p.width-p.col-1-t); ok {
				p.emit(" ")
				p.emit(s)
			} else {
				p.newline(open + 4)
				p.pp(e, depth+1, t, false)
			}
		default:
			p.newline(open + 2)
			p.pp(e, depth+1, t, false)
		}
	}
	p.emit(")")
}

// items prints elems (and the dotted tail, if not nil), the first at the
// current column and the others on lines of their own at column indent,
// and closes the list. Atoms are filled: as many on a line as fit.
func (p *pretty) items(elems []Value, tail Value, indent, depth, trail int, data bool) {
	fill := allAtoms(elems)
	for i, e := range elems {
		t := 0
		if i == len(elems)-1 && tail == nil {
			t = trail + 1
		}
		if i > 0 {
			if fill {
				if s, ok := p.flat(e, p.width-p.col-1-t); ok {
					p.emit(" ")
					p.emit(s)
					continue
				}
			}
			p.newline(indent)
		}
		p.pp(e, depth+1, t, data)
	}
	if tail != nil {
		if s, ok := p.flat(tail, p.width-p.col-3-trail-1); ok {
			p.emit(" . ")
			p.emit(s)
		} else {
			p.newline(indent)
			p.emit(". ")
			p.pp(tail, depth+1, trail+1, data)
		}
	}
	p.emit(")")
}

// isCompound reports whether v prints as a list or vector.
func isCompound(v Value) bool {
	switch v.(type) {
	case *Pair, *Vector:
		return true
	}
	return false
}

func allAtoms(vs []Value) bool {
	for _, v := range vs {
		if isCompound(v) {
			return false
		}
	}
	return true
}

// noLimit is the limit of flat that lets it write everything.
const noLimit = math.MinInt

// flat returns v written on one line, and whether it took at most limit
// characters (or noLimit). Labels assigned on the way stay
// assigned if it fits and are undone if not.
func (p *pretty) flat(v Value, limit int) (string, bool) {
	p.undo = p.undo[:0]
	if limit <= 0 && limit != noLimit {
		return "", false
	}
	f := &flatWriter{p: p, limit: limit}
	next := p.next
	ok := f.write(v)
	if !ok {
		for _, x := range p.undo {
			p.labels[x] = -1
		}
		p.next = next
	}
	return f.b.String(), ok
}

// fits reports whether v written flat takes at most limit characters.
func (p *pretty) fits(v Value, limit int) bool {
	next := p.next
	_, ok := p.flat(v, limit)
	for _, x := range p.undo {
		p.labels[x] = -1
	}
	p.next = next
	return ok
}

// flatWriter writes one line as printer does, stopping as soon as it
// exceeds its limit.
type flatWriter struct {
	p     *pretty
	b     strings.Builder
	n     int // characters written
	limit int
}

func (f *flatWriter) str(s string) bool {
	f.b.WriteString(s)
	f.n += utf8.RuneCountInString(s)
	return f.limit == noLimit || f.n <= f.limit
}

// label is printer.label: stop reports that only a reference was needed.
func (f *flatWriter) label(x any) (stop, ok bool) {
	n, has := f.p.labels[x]
	if !has {
		return false, true
	}
	if n >= 0 {
		return true, f.str("#" + strconv.Itoa(n) + "#")
	}
	n = f.p.next
	f.p.next++
	f.p.labels[x] = n
	f.p.undo = append(f.p.undo, x)
	return false, f.str("#" + strconv.Itoa(n) + "=")
}

func (f *flatWriter) write(v Value) bool {
	switch x := v.(type) {
	case *Pair:
		if stop, ok := f.label(x); stop || !ok {
			return ok
		}
		if abbr, d, ok := f.p.abbreviation(x); ok {
			return f.str(abbr) && f.write(d)
		}
		if !f.str("(") || !f.write(x.Car) {
			return false
		}
		v := x.Cdr
		for {
			switch t := v.(type) {
			case *Empty:
				return f.str(")")
			case *Pair:
				if f.p.isLabelled(t) {
					return f.str(" . ") && f.write(t) && f.str(")")
				}
				if !f.str(" ") || !f.write(t.Car) {
					return false
				}
				v = t.Cdr
			default:
				return f.str(" . ") && f.write(t) && f.str(")")
			}
		}
	case *Vector:
		if stop, ok := f.label(x); stop || !ok {
			return ok
		}
		if !f.str("#(") {
			return false
		}
		for i, it := range x.Items {
			if i > 0 && !f.str(" ") {
				return false
			}
			if !f.write(it) {
				return false
			}
		}
		return f.str(")")
	}
	return f.str(f.p.atom(v))
}

// atom returns v, which is neither a pair nor a vector, in write form.
func (p *pretty) atom(v Value) string {
	if p.atomW == nil {
		p.atomW = bufio.NewWriter(&p.atomBuf)
	}
	p.atomBuf.Reset()
	(&printer{w: p.atomW, write: true}).run(v)
	p.atomW.Flush()
	return p.atomBuf.String()
}
