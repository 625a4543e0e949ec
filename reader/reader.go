// Package reader turns Scheme source text into Scheme data (R7RS section
// 2 and 7.1.1), recording where each pair was read.
//
// The reader is a byte-level scanner over the whole source string. Lists,
// vectors, bytevectors, quote abbreviations, datum comments and datum
// labels are read with an explicit stack of frames instead of recursion,
// so nesting depth is limited only by memory.
//
// Beyond R7RS it accepts [ ] as an alternative pair of list brackets (the
// closing kind must match the opening one), treats ' ` , as delimiters,
// and reads a token that starts with a digit but is not a number (1+) as a
// symbol, so that every symbol the printer writes bare reads back.
package reader

import (
	"errors"
	"fmt"
	"io"
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"contigo/value"
)

// ErrIncomplete is matched (errors.Is) by every error caused by the input
// ending inside a datum: an open list, string, block comment, or a quote
// or #; with nothing after it. A REPL reads a continuation line for these.
var ErrIncomplete = errors.New("incomplete datum")

// Error is a syntax error at a source position.
type Error struct {
	Pos        value.Pos
	Msg        string
	Incomplete bool // the input ended inside a datum
}

// Error renders the error as "file:line:col: msg".
func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// Is makes errors.Is(err, ErrIncomplete) true for incomplete input.
func (e *Error) Is(target error) bool { return e.Incomplete && target == ErrIncomplete }

// Reader reads data one at a time from a source string.
type Reader struct {
	datumPos value.Pos // start of the last top-level datum
	src      string
	file     *string
	off      int // next byte to scan
	foldCase bool
	smap     value.SourceMap
	syms     map[string]*value.Symbol // local intern cache keyed by source text

	// Position cache: line and column of byte offset pOff. Positions are
	// asked for at increasing offsets, so computing them is linear overall.
	pOff        int
	pLine, pCol int32

	stack  []frame
	labels map[int]*label
}

type frameKind uint8

const (
	fList       frameKind = iota
	fVector               // #( ... )
	fBytevector           // #u8( ... )
	fQuote                // ' ` , ,@ waiting for their datum
	fComment              // #; waiting for the datum it discards
	fLabel                // #n= waiting for the datum it names
)

type frame struct {
	kind  frameKind
	close byte // ')' or ']' for lists, ')' for vectors
	dot   uint8
	pos   value.Pos
	head  *value.Pair
	tail  *value.Pair
	items []value.Value // vector elements
	bytes []byte        // bytevector elements
	sym   *value.Symbol // quote abbreviation
	label int
}

// States of a list frame's dot.
const (
	noDot    = iota
	afterDot // read "." and wait for the tail
	tailDone // read the tail; only ")" may follow
)

// maxLabels bounds datum label numbers.
const maxLabels = 1 << 30

// label is a datum label #n= in the datum being read.
type label struct {
	val  value.Value
	done bool
	ph   *placeholder
	used bool // #n# was read before the datum was complete
}

// placeholder stands for #n# inside the datum labelled #n= until that
// datum is complete, then is replaced by it.
type placeholder struct{ n int }

var (
	symQuote           = value.Intern("quote")
	symQuasiquote      = value.Intern("quasiquote")
	symUnquote         = value.Intern("unquote")
	symUnquoteSplicing = value.Intern("unquote-splicing")
)

// New returns a reader of src; file names the source in positions (an
// empty file leaves Pos.File nil, which prints as <input>).
func New(src string, file string) *Reader {
	// Size the source map for the pairs the source is likely to hold, so
	// that it does not grow step by step: recording positions is the
	// biggest cost of reading.
	hint := strings.Count(src, "(")*3 + strings.Count(src, "'")*2
	r := &Reader{src: src, smap: make(value.SourceMap, hint), pLine: 1, pCol: 1}
	if file != "" {
		f := file
		r.file = &f
	}
	if strings.HasPrefix(src, "\uFEFF") {
		r.off = 3
		r.pOff = 3
	}
	return r
}

// SourceMap returns the positions of every pair read so far. The map is
// shared: it grows as Read is called.
func (r *Reader) SourceMap() value.SourceMap { return r.smap }

// SetFoldCase turns case folding of identifiers and character names on or
// off, as the #!fold-case and #!no-fold-case directives do.
func (r *Reader) SetFoldCase(on bool) { r.foldCase = on }

// Offset returns the byte offset in the source just past the last datum
// read (and past the atmosphere skipped before an io.EOF).
func (r *Reader) Offset() int { return r.off }

// Pos returns the position where the datum last returned by Read starts.
// It gives atoms a position, which the SourceMap (pairs only) cannot.
func (r *Reader) Pos() value.Pos { return r.datumPos }

// posAt returns the position of byte offset off.
func (r *Reader) posAt(off int) value.Pos {
	if off < r.pOff {
		r.pOff, r.pLine, r.pCol = 0, 1, 1
		if strings.HasPrefix(r.src, "\uFEFF") && off >= 3 {
			r.pOff = 3
		}
	}
	line, col := r.pLine, r.pCol
	s := r.src[r.pOff:off]
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b == '\n' {
			line++
			col = 1
		} else if b&0xC0 != 0x80 {
			col++
		}
	}
	r.pOff, r.pLine, r.pCol = off, line, col
	return value.Pos{File: r.file, Line: line, Col: col}
}

func (r *Reader) errAt(off int, format string, args ...any) *Error {
	return &Error{Pos: r.posAt(off), Msg: fmt.Sprintf(format, args...)}
}

func (r *Reader) incomplete(pos value.Pos, msg string) *Error {
	r.off = len(r.src)
	return &Error{Pos: pos, Msg: msg, Incomplete: true}
}

// delim marks the ASCII bytes that end a token.
var delim = func() (t [256]bool) {
	for _, c := range " \t\n\r\f\v()[]{}\";|'`," {
		t[c] = true
	}
	return
}()

// space marks ASCII whitespace.
var space = func() (t [256]bool) {
	for _, c := range " \t\n\r\f\v" {
		t[c] = true
	}
	return
}()

// isDelimAt reports whether the text at off starts with a delimiter (end
// of input counts as one), and the size of the character there.
func (r *Reader) isDelimAt(off int) (bool, int) {
	if off >= len(r.src) {
		return true, 0
	}
	b := r.src[off]
	if b < utf8.RuneSelf {
		return delim[b], 1
	}
	c, n := utf8.DecodeRuneInString(r.src[off:])
	return unicode.IsSpace(c), n
}

// tokenEnd returns the offset of the first delimiter at or after off.
func (r *Reader) tokenEnd(off int) int {
	for off < len(r.src) {
		b := r.src[off]
		if b < utf8.RuneSelf {
			if delim[b] {
				return off
			}
			off++
			continue
		}
		c, n := utf8.DecodeRuneInString(r.src[off:])
		if unicode.IsSpace(c) {
			return off
		}
		off += n
	}
	return off
}

// Read returns the next datum, io.EOF when only atmosphere (whitespace,
// comments, directives) remains, or an *Error.
func (r *Reader) Read() (value.Value, error) {
	for len(r.stack) > 0 { // left over by an error
		r.pop()
	}
	r.labels = nil
	for {
		if err := r.skipAtmosphere(); err != nil {
			return nil, err
		}
		if r.off >= len(r.src) {
			if len(r.stack) == 0 {
				return nil, io.EOF
			}
			return nil, r.unterminated()
		}
		start := r.off
		pos := r.posAt(start)
		if len(r.stack) == 0 {
			r.datumPos = pos
		}
		var v value.Value
		switch c := r.src[start]; c {
		case '(', '[':
			r.off++
			cl := byte(')')
			if c == '[' {
				cl = ']'
			}
			r.push(frame{kind: fList, close: cl, pos: pos})
			continue
		case ')', ']':
			r.off++
			if len(r.stack) == 0 {
				return nil, r.errAt(start, "unexpected '%c'", c)
			}
			top := &r.stack[len(r.stack)-1]
			switch top.kind {
			case fList:
				if c != top.close {
					return nil, r.errAt(start, "unexpected '%c' (expected '%c')", c, top.close)
				}
				if top.dot == afterDot {
					return nil, r.errAt(start, "bad dotted list")
				}
				if top.head == nil {
					v = value.Nil
				} else {
					v = top.head
				}
			case fVector:
				if c != ')' {
					return nil, r.errAt(start, "unexpected '%c' (expected ')')", c)
				}
				items := make([]value.Value, len(top.items))
				copy(items, top.items)
				v = &value.Vector{Items: items}
			case fBytevector:
				if c != ')' {
					return nil, r.errAt(start, "unexpected '%c' (expected ')')", c)
				}
				b := make([]byte, len(top.bytes))
				copy(b, top.bytes)
				v = &value.Bytevector{B: b}
			default:
				return nil, r.errAt(start, "unexpected '%c'", c)
			}
			pos = top.pos
			r.pop()
		case '{', '}':
			r.off++
			return nil, r.errAt(start, "unexpected '%c'", c)
		case '\'', '`', ',':
			r.off++
			sym := symQuote
			switch c {
			case '`':
				sym = symQuasiquote
			case ',':
				sym = symUnquote
				if r.off < len(r.src) && r.src[r.off] == '@' {
					r.off++
					sym = symUnquoteSplicing
				}
			}
			r.push(frame{kind: fQuote, sym: sym, pos: pos})
			continue
		case '"':
			s, err := r.readString(pos)
			if err != nil {
				return nil, err
			}
			v = s
		case '|':
			s, err := r.readBarSymbol(pos)
			if err != nil {
				return nil, err
			}
			v = s
		case '#':
			var pushed bool
			var err error
			v, pushed, err = r.readHash(start, pos)
			if err != nil {
				return nil, err
			}
			if pushed {
				continue
			}
		default:
			end := r.tokenEnd(start)
			tok := r.src[start:end]
			r.off = end
			if tok == "." {
				if err := r.dot(start); err != nil {
					return nil, err
				}
				continue
			}
			v = r.atom(tok)
		}
		// Hand the finished datum v, read at pos, to the enclosing frames.
	deliver:
		for {
			if len(r.stack) == 0 {
				return v, nil
			}
			top := &r.stack[len(r.stack)-1]
			switch top.kind {
			case fList:
				switch top.dot {
				case noDot:
					p := &value.Pair{Car: v, Cdr: value.Nil}
					if top.head == nil {
						top.head = p
						r.smap[p] = top.pos
					} else {
						top.tail.Cdr = p
						r.smap[p] = pos
					}
					top.tail = p
				case afterDot:
					top.tail.Cdr = v
					top.dot = tailDone
				default:
					return nil, &Error{Pos: pos, Msg: "bad dotted list"}
				}
				break deliver
			case fVector:
				top.items = append(top.items, v)
				break deliver
			case fBytevector:
				n, ok := v.(value.Fixnum)
				if !ok || n < 0 || n > 255 {
					return nil, &Error{Pos: pos, Msg: "bad bytevector element " + writeText(v)}
				}
				top.bytes = append(top.bytes, byte(n))
				break deliver
			case fQuote:
				inner := &value.Pair{Car: v, Cdr: value.Nil}
				outer := &value.Pair{Car: top.sym, Cdr: inner}
				r.smap[inner] = pos
				r.smap[outer] = top.pos
				v, pos = outer, top.pos
				r.pop()
			case fComment:
				r.pop()
				break deliver
			case fLabel:
				n := top.label
				r.pop()
				if err := r.defineLabel(n, v, pos); err != nil {
					return nil, err
				}
			}
		}
	}
}

func writeText(v value.Value) string {
	if _, ok := v.(*placeholder); ok {
		return "(datum label reference)"
	}
	s := []rune(value.WriteString(v))
	if len(s) > 40 {
		return string(s[:37]) + "..."
	}
	return string(s)
}

func (r *Reader) push(f frame) {
	if len(r.stack) < cap(r.stack) {
		// Reuse the slot's element buffers.
		r.stack = r.stack[:len(r.stack)+1]
		slot := &r.stack[len(r.stack)-1]
		items, bytes := slot.items[:0], slot.bytes[:0]
		*slot = f
		slot.items, slot.bytes = items, bytes
		return
	}
	r.stack = append(r.stack, f)
}

func (r *Reader) pop() {
	top := &r.stack[len(r.stack)-1]
	// Drop references so that the reader does not keep data alive.
	for i := range top.items {
		top.items[i] = nil
	}
	top.head, top.tail = nil, nil
	r.stack = r.stack[:len(r.stack)-1]
}

// unterminated reports end of input inside the innermost open frame.
func (r *Reader) unterminated() error {
	top := &r.stack[len(r.stack)-1]
	var msg string
	switch top.kind {
	case fList:
		msg = "unterminated list"
	case fVector:
		msg = "unterminated vector"
	case fBytevector:
		msg = "unterminated bytevector"
	case fQuote:
		switch top.sym {
		case symQuote:
			msg = "unexpected end of input after '"
		case symQuasiquote:
			msg = "unexpected end of input after `"
		case symUnquote:
			msg = "unexpected end of input after ,"
		default:
			msg = "unexpected end of input after ,@"
		}
	case fComment:
		msg = "unexpected end of input after #;"
	case fLabel:
		msg = "unexpected end of input after #" + strconv.Itoa(top.label) + "="
	}
	return r.incomplete(top.pos, msg)
}

// dot handles a "." token at offset start.
func (r *Reader) dot(start int) error {
	if len(r.stack) == 0 {
		return r.errAt(start, "unexpected '.'")
	}
	top := &r.stack[len(r.stack)-1]
	if top.kind != fList {
		return r.errAt(start, "unexpected '.'")
	}
	if top.head == nil || top.dot != noDot {
		return r.errAt(start, "bad dotted list")
	}
	top.dot = afterDot
	return nil
}

// atom converts a token that is not "." and does not start with # or | to
// a number or a symbol.
func (r *Reader) atom(tok string) value.Value {
	switch c := tok[0]; {
	case c >= '0' && c <= '9', c == '+', c == '-', c == '.':
		if v, ok := value.ParseNumber(tok, 10); ok {
			return v
		}
	}
	return r.symbol(tok)
}

// symbol interns an identifier, folding its case when fold-case is on.
func (r *Reader) symbol(name string) *value.Symbol {
	if r.foldCase {
		name = foldCase(name)
	}
	if s, ok := r.syms[name]; ok {
		return s
	}
	if r.syms == nil {
		r.syms = map[string]*value.Symbol{}
	}
	// Clone: a substring would keep the whole source alive in the global
	// symbol table.
	name = strings.Clone(name)
	s := value.Intern(name)
	r.syms[name] = s
	return s
}

// foldCase folds s as string-foldcase does (simple case folding).
func foldCase(s string) string {
	ascii := true
	upper := false
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b >= utf8.RuneSelf {
			ascii = false
			break
		}
		if b >= 'A' && b <= 'Z' {
			upper = true
		}
	}
	if ascii {
		if !upper {
			return s
		}
		return strings.ToLower(s)
	}
	return strings.Map(func(c rune) rune { return unicode.ToLower(unicode.ToUpper(c)) }, s)
}

// skipAtmosphere skips whitespace, comments and directives.
func (r *Reader) skipAtmosphere() error { return r.skipAtmosphereWith(r.directive) }

// skipAtmosphereWith skips whitespace and comments, and at a directive
// (#!fold-case ...) calls directive, stopping at its error.
func (r *Reader) skipAtmosphereWith(directive func() error) error {
	src := r.src
	for r.off < len(src) {
		b := src[r.off]
		switch {
		case b < utf8.RuneSelf && space[b]:
			r.off++
		case b == ';':
			i := r.off + 1
			for i < len(src) && src[i] != '\n' && src[i] != '\r' {
				i++
			}
			r.off = i
		case b == '#' && r.off+1 < len(src) && src[r.off+1] == '|':
			if err := r.skipBlockComment(); err != nil {
				return err
			}
		case b == '#' && r.off+1 < len(src) && src[r.off+1] == '!':
			if err := directive(); err != nil {
				return err
			}
		case b >= utf8.RuneSelf:
			c, n := utf8.DecodeRuneInString(src[r.off:])
			if !unicode.IsSpace(c) {
				return nil
			}
			r.off += n
		default:
			return nil
		}
	}
	return nil
}

// skipBlockComment skips a nested #| ... |# comment starting at r.off.
func (r *Reader) skipBlockComment() error {
	src := r.src
	start := r.off
	depth := 0
	i := r.off
	for i < len(src) {
		switch {
		case src[i] == '#' && i+1 < len(src) && src[i+1] == '|':
			depth++
			i += 2
		case src[i] == '|' && i+1 < len(src) && src[i+1] == '#':
			depth--
			i += 2
			if depth == 0 {
				r.off = i
				return nil
			}
		default:
			i++
		}
	}
	return r.incomplete(r.posAt(start), "unterminated block comment")
}

// directive handles #! at r.off: #!fold-case, #!no-fold-case, or a script
// line such as #!/usr/bin/env contigo at the very start of the source.
func (r *Reader) directive() error {
	start := r.off
	end := r.tokenEnd(start + 2)
	switch name := r.src[start+2 : end]; name {
	case "fold-case":
		r.foldCase = true
	case "no-fold-case":
		r.foldCase = false
	default:
		if start == 0 || (start == 3 && strings.HasPrefix(r.src, "\uFEFF")) {
			i := strings.IndexByte(r.src, '\n')
			if i < 0 {
				i = len(r.src)
			}
			r.off = i
			return nil
		}
		r.off = end
		return r.errAt(start, "unknown directive #!%s", name)
	}
	r.off = end
	return nil
}

// readHash reads a datum starting with # at start (not #| or #!, which
// are atmosphere). pushed reports that a frame was opened instead.
func (r *Reader) readHash(start int, pos value.Pos) (v value.Value, pushed bool, err error) {
	src := r.src
	k := start + 1
	if k >= len(src) {
		return nil, false, r.incomplete(pos, "unexpected end of input after #")
	}
	switch c := src[k]; {
	case c == '(':
		r.off = k + 1
		r.push(frame{kind: fVector, close: ')', pos: pos})
		return nil, true, nil
	case c == 'u' || c == 'U':
		rest := src[k+1:]
		if strings.HasPrefix(rest, "8(") {
			r.off = k + 3
			r.push(frame{kind: fBytevector, close: ')', pos: pos})
			return nil, true, nil
		}
		if rest == "" || rest == "8" {
			return nil, false, r.incomplete(pos, "unexpected end of input after "+src[start:])
		}
	case c == ';':
		r.off = k + 1
		r.push(frame{kind: fComment, pos: pos})
		return nil, true, nil
	case c == '\\':
		return r.readChar(start, pos)
	case c >= '0' && c <= '9':
		return r.readLabel(start, pos)
	case c == 't' || c == 'f' || c == 'T' || c == 'F':
		end := r.tokenEnd(start)
		tok := src[start:end]
		r.off = end
		switch strings.ToLower(tok) {
		case "#t", "#true":
			return true, false, nil
		case "#f", "#false":
			return false, false, nil
		}
		return nil, false, r.errAt(start, "bad syntax %s", tok)
	case strings.IndexByte("xXbBoOdDeEiI", c) >= 0:
		end := r.tokenEnd(start)
		tok := src[start:end]
		r.off = end
		if v, ok := value.ParseNumber(tok, 10); ok {
			return v, false, nil
		}
		return nil, false, r.errAt(start, "bad number syntax %s", tok)
	}
	if d, _ := r.isDelimAt(k); d {
		r.off = k
		return nil, false, r.errAt(start, "unexpected '#'")
	}
	end := r.tokenEnd(k)
	r.off = end
	return nil, false, r.errAt(start, "bad syntax %s", src[start:end])
}

// readLabel reads #n= or #n# at start.
func (r *Reader) readLabel(start int, pos value.Pos) (value.Value, bool, error) {
	src := r.src
	i := start + 1
	n := 0
	for i < len(src) && src[i] >= '0' && src[i] <= '9' {
		if n < maxLabels {
			n = n*10 + int(src[i]-'0')
		}
		i++
	}
	if i >= len(src) {
		return nil, false, r.incomplete(pos, "unexpected end of input after "+src[start:])
	}
	if n >= maxLabels {
		r.off = r.tokenEnd(i)
		return nil, false, r.errAt(start, "datum label too large %s", src[start:r.off])
	}
	switch src[i] {
	case '=':
		r.off = i + 1
		if r.labels == nil {
			r.labels = map[int]*label{}
		}
		if _, dup := r.labels[n]; dup {
			return nil, false, r.errAt(start, "duplicate datum label #%d=", n)
		}
		r.labels[n] = &label{ph: &placeholder{n}}
		r.push(frame{kind: fLabel, label: n, pos: pos})
		return nil, true, nil
	case '#':
		r.off = i + 1
		l := r.labels[n]
		if l == nil {
			return nil, false, r.errAt(start, "undefined datum label #%d#", n)
		}
		if l.done {
			return l.val, false, nil
		}
		l.used = true
		return l.ph, false, nil
	}
	r.off = r.tokenEnd(i)
	return nil, false, r.errAt(start, "bad syntax %s", src[start:r.off])
}

// defineLabel completes label n with its datum v, replacing the
// placeholders that stood for it inside v.
func (r *Reader) defineLabel(n int, v value.Value, pos value.Pos) error {
	l := r.labels[n]
	if v == value.Value(l.ph) {
		return &Error{Pos: pos, Msg: fmt.Sprintf("datum label #%d= refers only to itself", n)}
	}
	l.val, l.done = v, true
	if l.used {
		patch(v, l.ph, v)
	}
	return nil
}

// patch replaces ph by v everywhere in the pairs and vectors reachable
// from root, iteratively so that deep data does not grow the Go stack.
func patch(root value.Value, ph *placeholder, v value.Value) {
	seen := map[any]bool{}
	work := []value.Value{root}
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		switch t := x.(type) {
		case *value.Pair:
			// Walk the spine in a loop: long lists need no stack entries
			// beyond their elements.
			for t != nil && !seen[t] {
				seen[t] = true
				if t.Car == value.Value(ph) {
					t.Car = v
				} else {
					work = append(work, t.Car)
				}
				if t.Cdr == value.Value(ph) {
					t.Cdr = v
					break
				}
				next, ok := t.Cdr.(*value.Pair)
				if !ok {
					work = append(work, t.Cdr)
					break
				}
				t = next
			}
		case *value.Vector:
			if seen[t] {
				continue
			}
			seen[t] = true
			for i, it := range t.Items {
				if it == value.Value(ph) {
					t.Items[i] = v
				} else {
					work = append(work, it)
				}
			}
		}
	}
}

// charNames are the R7RS character names.
var charNames = map[string]rune{
	"alarm": 7, "backspace": 8, "delete": 0x7f, "escape": 0x1b,
	"newline": '\n', "null": 0, "nul": 0, "return": '\r', "space": ' ',
	"tab": '\t',
}

// readChar reads a character literal #\... at start.
func (r *Reader) readChar(start int, pos value.Pos) (value.Value, bool, error) {
	src := r.src
	k := start + 2
	if k >= len(src) {
		return nil, false, r.incomplete(pos, `unexpected end of input after #\`)
	}
	c, n := utf8.DecodeRuneInString(src[k:])
	end := k + n
	if d, _ := r.isDelimAt(k); !d {
		end = r.tokenEnd(end)
	}
	r.off = end
	name := src[k:end]
	if end == k+n {
		return value.Char(c), false, nil
	}
	if name[0] == 'x' || name[0] == 'X' {
		hex := name[1:]
		if digitsOK(hex, 16) {
			if cp, ok := scalar(hex); ok {
				return value.Char(cp), false, nil
			}
			return nil, false, r.errAt(start, `bad character #\%s`, name)
		}
	}
	look := name
	if r.foldCase {
		look = foldCase(name)
	}
	if cp, ok := charNames[look]; ok {
		return value.Char(cp), false, nil
	}
	return nil, false, r.errAt(start, `unknown character name #\%s`, name)
}

func digitsOK(s string, radix int) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		var d int
		switch {
		case c >= '0' && c <= '9':
			d = int(c - '0')
		case c >= 'a' && c <= 'f':
			d = int(c-'a') + 10
		case c >= 'A' && c <= 'F':
			d = int(c-'A') + 10
		default:
			return false
		}
		if d >= radix {
			return false
		}
	}
	return true
}

// scalar converts hex digits to a Unicode scalar value.
func scalar(hex string) (rune, bool) {
	v, ok := new(big.Int).SetString(hex, 16)
	if !ok || !v.IsInt64() {
		return 0, false
	}
	cp := v.Int64()
	if cp > unicode.MaxRune || (cp >= 0xD800 && cp <= 0xDFFF) {
		return 0, false
	}
	return rune(cp), true
}

// readString reads a string literal whose opening quote is at r.off.
func (r *Reader) readString(pos value.Pos) (value.Value, error) {
	src := r.src
	i := r.off + 1
	j := i
	for j < len(src) && src[j] != '"' && src[j] != '\\' {
		j++
	}
	if j >= len(src) {
		return nil, r.incomplete(pos, "unterminated string")
	}
	if src[j] == '"' {
		r.off = j + 1
		return &value.String{R: []rune(src[i:j])}, nil
	}
	buf := make([]byte, 0, j-i+16)
	buf = append(buf, src[i:j]...)
	buf, end, err := r.escaped(buf, j, '"', "string", pos)
	if err != nil {
		return nil, err
	}
	r.off = end
	return &value.String{R: []rune(string(buf))}, nil
}

// readBarSymbol reads a |symbol| whose opening bar is at r.off.
func (r *Reader) readBarSymbol(pos value.Pos) (value.Value, error) {
	src := r.src
	i := r.off + 1
	j := i
	for j < len(src) && src[j] != '|' && src[j] != '\\' {
		j++
	}
	if j >= len(src) {
		return nil, r.incomplete(pos, "unterminated |symbol|")
	}
	if src[j] == '|' {
		r.off = j + 1
		return r.barSymbol(src[i:j]), nil
	}
	buf := []byte(src[i:j])
	buf, end, err := r.escaped(buf, j, '|', "symbol", pos)
	if err != nil {
		return nil, err
	}
	r.off = end
	return r.barSymbol(string(buf)), nil
}

// barSymbol interns the name of a |symbol| (never case folded).
func (r *Reader) barSymbol(name string) *value.Symbol {
	fold := r.foldCase
	r.foldCase = false
	s := r.symbol(name)
	r.foldCase = fold
	return s
}

// escaped continues a string or |symbol| body at offset j, appending its
// text (UTF-8) to buf up to the closing quote byte. Bytes that are not
// escapes are kept as they are, invalid UTF-8 included, so a symbol with
// such bytes reads back the same. It returns the offset just past the
// closing quote.
func (r *Reader) escaped(buf []byte, j int, quote byte, what string, pos value.Pos) ([]byte, int, error) {
	src := r.src
	for j < len(src) {
		switch b := src[j]; {
		case b == quote:
			return buf, j + 1, nil
		case b != '\\':
			buf = append(buf, b)
			j++
		case j+1 >= len(src):
			return nil, 0, r.incomplete(pos, "unterminated "+what)
		default:
			var err error
			if buf, j, err = r.escape(buf, j, what, pos); err != nil {
				return nil, 0, err
			}
		}
	}
	return nil, 0, r.incomplete(pos, "unterminated "+what)
}

// escape appends to buf what the escape at j, a backslash and at least
// one more byte, stands for in a string or |symbol| (what), and returns
// the offset just past the escape.
func (r *Reader) escape(buf []byte, j int, what string, pos value.Pos) ([]byte, int, error) {
	e := r.src[j+1]
	if c, ok := escapeChar(e); ok {
		return utf8.AppendRune(buf, c), j + 2, nil
	}
	switch e {
	case 'x', 'X':
		return r.hexEscape(buf, j, what, pos)
	case ' ', '\t', '\n', '\r':
		if what != "string" {
			r.off = j + 2
			return nil, 0, r.errAt(j, `bad escape \%c in %s`, e, what)
		}
		k, err := r.lineContinuation(j, what, pos)
		return buf, k, err
	}
	c, n := utf8.DecodeRuneInString(r.src[j+1:])
	r.off = j + 1 + n
	return nil, 0, r.errAt(j, `bad escape \%c in %s`, c, what)
}

// escapeChar returns the character that \e stands for, if e is one of
// the one-character escapes.
func escapeChar(e byte) (rune, bool) {
	switch e {
	case 'a':
		return 7, true
	case 'b':
		return 8, true
	case 't':
		return '\t', true
	case 'n':
		return '\n', true
	case 'r':
		return '\r', true
	case '"', '\\', '|':
		return rune(e), true
	}
	return 0, false
}

// hexEscape appends the character of the escape \x<hex>; at j to buf,
// and returns the offset just past the semicolon.
func (r *Reader) hexEscape(buf []byte, j int, what string, pos value.Pos) ([]byte, int, error) {
	src := r.src
	k := j + 2
	for k < len(src) && k-j < 16 && digitsOK(src[k:k+1], 16) {
		k++
	}
	if k >= len(src) {
		return nil, 0, r.incomplete(pos, "unterminated "+what)
	}
	if src[k] != ';' || k == j+2 {
		r.off = k
		return nil, 0, r.errAt(j, `bad hex escape \%s in %s (expected \x<hex>;)`, src[j+1:k], what)
	}
	cp, ok := scalar(src[j+2 : k])
	if !ok {
		r.off = k + 1
		return nil, 0, r.errAt(j, `bad hex escape \%s in %s (not a Unicode scalar value)`, src[j+1:k+1], what)
	}
	return utf8.AppendRune(buf, cp), k + 1, nil
}

// lineContinuation skips the line continuation of a string at j,
// \ intraline* line-ending intraline*, returning the offset after it.
func (r *Reader) lineContinuation(j int, what string, pos value.Pos) (int, error) {
	src := r.src
	k := skipIntraline(src, j+1)
	if k >= len(src) {
		return 0, r.incomplete(pos, "unterminated "+what)
	}
	switch {
	case src[k] == '\n':
		k++
	case src[k] == '\r':
		k++
		if k < len(src) && src[k] == '\n' {
			k++
		}
	default:
		r.off = k
		return 0, r.errAt(j, `bad escape \ followed by whitespace in string (expected a line continuation)`)
	}
	return skipIntraline(src, k), nil
}

// skipIntraline returns the offset of the first byte from k on in src
// that is neither a space nor a tab.
func skipIntraline(src string, k int) int {
	for k < len(src) && (src[k] == ' ' || src[k] == '\t') {
		k++
	}
	return k
}
