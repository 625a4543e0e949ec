package reader

// This file lets a caller read part of a source later: skip a datum now
// without building it (Skip), and read from an offset of the source with
// the positions a reader of the whole source gives (NewAt). The evaluator
// reads the bodies of the library's procedures that way, at their first
// call.

import (
	"errors"
	"unicode/utf8"

	"contigo/value"
)

// NewAt returns a reader of src starting at byte offset off, which is at
// position pos (whose File the positions of what it reads share), for
// reading up to about offset end.
func NewAt(src string, off, end int, pos value.Pos) *Reader {
	r := New(src[off:end], "")
	r.src, r.off, r.file = src, off, pos.File
	r.pOff, r.pLine, r.pCol = off, pos.Line, pos.Col
	return r
}

// SkipAtmosphere skips whitespace and comments, and returns the offset of
// what follows (the source's length at its end). ok is false at a
// directive (#!fold-case ...) or an unterminated comment, with nothing
// skipped: Read handles those.
func (r *Reader) SkipAtmosphere() (off int, ok bool) {
	start := r.off
	if err := r.skipAtmosphereWith(stopAtDirective); err != nil {
		r.off = start
		return start, false
	}
	return r.off, true
}

// errDirective stops SkipAtmosphere at a directive, which Read handles.
var errDirective = errors.New("directive")

func stopAtDirective() error { return errDirective }

// Seek moves the reader to byte offset off, at or after where it is.
func (r *Reader) Seek(off int) { r.off = off }

// Rewind moves the reader back to byte offset off, which is at position
// pos (as PosAt gave it).
func (r *Reader) Rewind(off int, pos value.Pos) {
	r.off = off
	r.pOff, r.pLine, r.pCol = off, pos.Line, pos.Col
}

// PosAt returns the position of byte offset off, at or after the
// offsets of the positions asked for before.
func (r *Reader) PosAt(off int) value.Pos { return r.posAt(off) }

// Skip skips the datum at the reader's offset (after SkipAtmosphere)
// without building it, and returns the offset just past it. ok is false,
// with nothing skipped, for a datum it does not know how to skip (one
// with a datum label or directive, in a source read with case folding,
// or bad syntax): Read it instead.
func (r *Reader) Skip() (end int, ok bool) {
	if r.foldCase {
		return r.off, false
	}
	end, ok = r.skip(r.off, 0)
	if !ok {
		return r.off, false
	}
	r.off = end
	return end, true
}

// skip returns the end of the datum at off.
func (r *Reader) skip(off, depth int) (int, bool) {
	src := r.src
	if off >= len(src) || depth > 10_000 {
		return off, false
	}
	switch c := src[off]; c {
	case '(':
		return r.skipList(off+1, ')', depth)
	case '[':
		return r.skipList(off+1, ']', depth)
	case ')', ']', '{', '}':
		return off, false
	case '\'', '`', ',':
		off++
		if c == ',' && off < len(src) && src[off] == '@' {
			off++
		}
		return r.skipNext(off, depth)
	case '"', '|':
		for i := off + 1; i < len(src); i++ {
			switch src[i] {
			case '\\':
				i++
			case c:
				return i + 1, true
			}
		}
		return off, false
	case '#':
		if off+1 >= len(src) {
			return off, false
		}
		switch k := src[off+1]; {
		case k == '(':
			return r.skipList(off+2, ')', depth)
		case k == 'u' || k == 'U':
			if off+3 < len(src) && src[off+2] == '8' && src[off+3] == '(' {
				return r.skipList(off+4, ')', depth)
			}
			return off, false
		case k == ';':
			// A datum comment and the datum it comments out, then the
			// datum itself.
			end, ok := r.skipNext(off+2, depth)
			if !ok {
				return off, false
			}
			return r.skipNext(end, depth)
		case k == '\\':
			if off+2 >= len(src) {
				return off, false
			}
			_, n := utf8.DecodeRuneInString(src[off+2:])
			end := off + 2 + n
			if d, _ := r.isDelimAt(off + 2); !d {
				end = r.tokenEnd(end)
			}
			return end, true
		case k == 't' || k == 'f' || k == 'T' || k == 'F' ||
			k == 'x' || k == 'X' || k == 'b' || k == 'B' || k == 'o' || k == 'O' ||
			k == 'd' || k == 'D' || k == 'e' || k == 'E' || k == 'i' || k == 'I':
			return r.tokenEnd(off), true
		}
		return off, false // labels, directives, bad syntax
	}
	end := r.tokenEnd(off)
	if end == off {
		return off, false
	}
	return end, true
}

// skipNext skips the atmosphere at off and the datum after it.
func (r *Reader) skipNext(off, depth int) (int, bool) {
	save := r.off
	r.off = off
	start, ok := r.SkipAtmosphere()
	r.off = save
	if !ok {
		return off, false
	}
	return r.skip(start, depth+1)
}

// skipList skips the elements of a list or vector whose opening
// parenthesis is just before off, and its closing one, close.
func (r *Reader) skipList(off int, close byte, depth int) (int, bool) {
	save := r.off
	defer func() { r.off = save }()
	for {
		r.off = off
		next, ok := r.SkipAtmosphere()
		if !ok || next >= len(r.src) {
			return off, false
		}
		if c := r.src[next]; c == ')' || c == ']' {
			return next + 1, c == close
		}
		if off, ok = r.skip(next, depth+1); !ok {
			return off, false
		}
	}
}
