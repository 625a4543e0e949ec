package value

import (
	"bufio"
	"io"
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// charNames maps characters to the names write uses for them.
var charNames = map[rune]string{
	0x07: "alarm", 0x08: "backspace", 0x7f: "delete", 0x1b: "escape",
	'\n': "newline", 0: "null", '\r': "return", ' ': "space", '\t': "tab",
}

// CharName returns the name of c as written after #\ (e.g. "space").
func CharName(c rune) string {
	if n, ok := charNames[c]; ok {
		return n
	}
	if c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0xfeff {
		return "x" + strconv.FormatInt(int64(c), 16)
	}
	return string(c)
}

// WriteString returns v in write form.
func WriteString(v Value) string {
	var b strings.Builder
	Write(&b, v)
	return b.String()
}

// DisplayString returns v in display form.
func DisplayString(v Value) string {
	var b strings.Builder
	Display(&b, v)
	return b.String()
}

// Write prints v as write does: strings and characters in reader syntax,
// and shared or circular structure with datum labels.
func Write(w io.Writer, v Value) { print(w, v, true, labelsFor(v, false)) }

// WriteShared prints v with labels for all shared structure.
func WriteShared(w io.Writer, v Value) { print(w, v, true, labelsFor(v, true)) }

// WriteSimple prints v without datum labels (it loops on cycles).
func WriteSimple(w io.Writer, v Value) { print(w, v, true, nil) }

// Display prints v as display does: strings and characters raw.
func Display(w io.Writer, v Value) { print(w, v, false, labelsFor(v, false)) }

type printer struct {
	w      *bufio.Writer
	write  bool
	labels map[any]int // object -> label number, -1 until first printed
	next   int
}

func print(w io.Writer, v Value, write bool, labels map[any]int) {
	bw, ok := w.(*bufio.Writer)
	if !ok {
		bw = bufio.NewWriter(w)
		defer bw.Flush()
	}
	p := &printer{w: bw, write: write, labels: labels}
	p.print(v)
}

// label writes #n= or #n# for a labelled object; it returns true when the
// object was already printed and only the reference was needed.
func (p *printer) label(obj any) bool {
	if p.labels == nil {
		return false
	}
	n, ok := p.labels[obj]
	if !ok {
		return false
	}
	if n >= 0 {
		p.w.WriteString("#" + strconv.Itoa(n) + "#")
		return true
	}
	n = p.next
	p.next++
	p.labels[obj] = n
	p.w.WriteString("#" + strconv.Itoa(n) + "=")
	return false
}

func (p *printer) print(v Value) {
	w := p.w
	switch x := v.(type) {
	case *Empty:
		w.WriteString("()")
	case bool:
		if x {
			w.WriteString("#t")
		} else {
			w.WriteString("#f")
		}
	case Fixnum, Flonum, *big.Int, *big.Rat:
		w.WriteString(NumberString(x, 10))
	case *Symbol:
		if p.write {
			w.WriteString(SymbolText(x.Name))
		} else {
			w.WriteString(x.Name)
		}
	case *String:
		if p.write {
			writeStringLiteral(w, x.R)
		} else {
			for _, r := range x.R {
				w.WriteRune(r)
			}
		}
	case Char:
		if p.write {
			w.WriteString(`#\` + CharName(rune(x)))
		} else {
			w.WriteRune(rune(x))
		}
	case *Pair:
		p.printList(x)
	case *Vector:
		if p.label(x) {
			return
		}
		w.WriteString("#(")
		for i, it := range x.Items {
			if i > 0 {
				w.WriteByte(' ')
			}
			p.print(it)
		}
		w.WriteByte(')')
	case *Bytevector:
		w.WriteString("#u8(")
		for i, b := range x.B {
			if i > 0 {
				w.WriteByte(' ')
			}
			w.WriteString(strconv.Itoa(int(b)))
		}
		w.WriteByte(')')
	case *MultipleValues:
		for i, it := range x.Vals {
			if i > 0 {
				w.WriteByte(' ')
			}
			p.print(it)
		}
	case *ErrorObject:
		w.WriteString("#<error ")
		p.print(NewString(x.Message))
		for _, irr := range x.Irritants {
			w.WriteByte(' ')
			p.print(irr)
		}
		w.WriteByte('>')
	case Opaque:
		w.WriteString(x.SchemeString())
	case *unspecified:
		// Nothing: the REPL shows no result for unspecified values.
	case *eofObject:
		w.WriteString("#<eof>")
	case *defaultObject:
		w.WriteString("#<default>")
	case nil:
		w.WriteString("#<nil>")
	default:
		w.WriteString("#<unknown>")
	}
}

var quoteAbbrev = map[*Symbol]string{}

// abbrevFor is the abbreviation of (s datum), spaced when a bare ,
// before datum would read as ,@ (the symbol @ or @x after unquote).
func abbrevFor(abbr string, datum Value) string {
	if sym, ok := datum.(*Symbol); ok && abbr == "," && strings.HasPrefix(sym.Name, "@") {
		return ", "
	}
	return abbr
}

func init() {
	quoteAbbrev[Intern("quote")] = "'"
	quoteAbbrev[Intern("quasiquote")] = "`"
	quoteAbbrev[Intern("unquote")] = ","
	quoteAbbrev[Intern("unquote-splicing")] = ",@"
}

func (p *printer) printList(x *Pair) {
	if p.label(x) {
		return
	}
	if s, ok := x.Car.(*Symbol); ok {
		if abbr, ok := quoteAbbrev[s]; ok {
			if rest, ok := x.Cdr.(*Pair); ok && rest.Cdr == Nil && !p.isLabelled(rest) {
				p.w.WriteString(abbrevFor(abbr, rest.Car))
				p.print(rest.Car)
				return
			}
		}
	}
	p.w.WriteByte('(')
	p.print(x.Car)
	v := x.Cdr
	for {
		switch t := v.(type) {
		case *Empty:
			p.w.WriteByte(')')
			return
		case *Pair:
			if p.isLabelled(t) {
				p.w.WriteString(" . ")
				p.print(t)
				p.w.WriteByte(')')
				return
			}
			p.w.WriteByte(' ')
			p.print(t.Car)
			v = t.Cdr
		default:
			p.w.WriteString(" . ")
			p.print(t)
			p.w.WriteByte(')')
			return
		}
	}
}

func (p *printer) isLabelled(x any) bool {
	if p.labels == nil {
		return false
	}
	_, ok := p.labels[x]
	return ok
}

func writeStringLiteral(w *bufio.Writer, rs []rune) {
	w.WriteByte('"')
	for _, r := range rs {
		switch r {
		case '"':
			w.WriteString(`\"`)
		case '\\':
			w.WriteString(`\\`)
		case '\n':
			w.WriteString(`\n`)
		case '\t':
			w.WriteString(`\t`)
		case '\r':
			w.WriteString(`\r`)
		case 7:
			w.WriteString(`\a`)
		case 8:
			w.WriteString(`\b`)
		default:
			if r < 0x20 || r == 0x7f {
				w.WriteString(`\x` + strconv.FormatInt(int64(r), 16) + ";")
			} else {
				w.WriteRune(r)
			}
		}
	}
	w.WriteByte('"')
}

// SymbolText returns name as write shows a symbol: bare when it reads back
// as the same symbol, otherwise between bars.
func SymbolText(name string) string {
	if symbolNeedsBars(name) {
		var b strings.Builder
		b.WriteByte('|')
		for i, r := range name {
			switch r {
			case '|':
				b.WriteString(`\|`)
			case '\\':
				b.WriteString(`\\`)
			default:
				if r == utf8.RuneError {
					// An invalid byte stays that byte, so the symbol
					// reads back the same.
					_, n := utf8.DecodeRuneInString(name[i:])
					b.WriteString(name[i : i+n])
				} else if r < 0x20 {
					b.WriteString(`\x` + strconv.FormatInt(int64(r), 16) + ";")
				} else {
					b.WriteRune(r)
				}
			}
		}
		b.WriteByte('|')
		return b.String()
	}
	return name
}

func symbolNeedsBars(name string) bool {
	if name == "" {
		return true
	}
	for _, r := range name {
		switch r {
		case '(', ')', '"', ';', '\'', '`', ',', '|', ' ', '\t', '\n', '\r', '[', ']', '{', '}':
			return true
		}
		if r < 0x20 || r == 0x7f || unicode.IsSpace(r) {
			return true // whitespace the reader would stop at
		}
		if r >= 'A' && r <= 'Z' {
			// Upper case reads the same unless #!fold-case; keep it bare.
			continue
		}
	}
	if name[0] == '#' {
		return true
	}
	if name == "." {
		return true
	}
	if _, ok := ParseNumber(name, 10); ok {
		return true
	}
	return false
}

// labelsFor finds the objects that need datum labels: those on a cycle
// (all shared objects when shared is true). It returns nil when none do,
// so that printing acyclic data pays only for the walk.
func labelsFor(v Value, shared bool) map[any]int {
	switch v.(type) {
	case *Pair, *Vector:
	default:
		return nil
	}
	seen := map[any]int{} // 1 = on the current path, 2 = done
	var labels map[any]int
	mark := func(x any) {
		if labels == nil {
			labels = map[any]int{}
		}
		labels[x] = -1
	}
	// Iterative DFS so that long lists and deep nesting don't grow the Go stack.
	type item struct {
		obj  any
		exit bool
	}
	stack := []item{{obj: v}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.exit {
			seen[it.obj] = 2
			continue
		}
		switch x := it.obj.(type) {
		case *Pair, *Vector:
			switch seen[x] {
			case 1:
				mark(x)
				continue
			case 2:
				if shared {
					mark(x)
				}
				continue
			}
			seen[x] = 1
			stack = append(stack, item{obj: x, exit: true})
			if p, ok := x.(*Pair); ok {
				stack = append(stack, item{obj: p.Cdr}, item{obj: p.Car})
			} else {
				vec := x.(*Vector)
				for i := len(vec.Items) - 1; i >= 0; i-- {
					stack = append(stack, item{obj: vec.Items[i]})
				}
			}
		}
	}
	return labels
}
