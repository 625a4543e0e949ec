package value

import (
	"bufio"
	"errors"
	"io"
	"math/big"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
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

// WriteShort returns ShortText(WriteString(v), n) (at most n runes, a
// cut marked "..."), printing no more of v than that needs: the
// message "car: expected pair, got (0 1 2 ..." about a list of
// 10,000,000 elements printed it whole, and made it runes, to keep 60.
func WriteShort(v Value, n int) string {
	w := &shortWriter{limit: n}
	PrintStop(w, v, ModeWrite, &w.full)
	return ShortText(w.b.String(), n)
}

// shortWriter keeps what is written to it until it holds more than
// limit runes, then sets full, which stops the printer, and drops the
// rest.
type shortWriter struct {
	b     strings.Builder
	runes int
	limit int
	full  int32
}

func (w *shortWriter) Write(p []byte) (int, error) {
	if w.runes <= w.limit {
		w.b.Write(p)
		w.runes += utf8.RuneCount(p)
		if w.runes > w.limit {
			atomic.StoreInt32(&w.full, 1)
		}
	}
	return len(p), nil
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

// Print modes for PrintStop.
const (
	ModeWrite = iota
	ModeDisplay
	ModeWriteShared
	ModeWriteSimple
)

// PrintStop prints v in mode (ModeWrite, ...) as Write, Display,
// WriteShared or WriteSimple do, but gives up as soon as it finds *stop
// non-zero, which it polls every few thousand steps: printing a huge
// structure then answers an interrupt. It reports whether it printed
// all of v.
func PrintStop(w io.Writer, v Value, mode int, stop *int32) bool {
	var labels map[any]int
	if mode != ModeWriteSimple {
		var ok bool
		if labels, ok = labelsStop(v, mode == ModeWriteShared, stop); !ok {
			return false
		}
	}
	return printStop(w, v, mode != ModeDisplay, labels, stop)
}

type printer struct {
	w      *bufio.Writer
	write  bool
	labels map[any]int // object -> label number, -1 until first printed
	next   int

	// todo is what is left to print, last first: the printer walks
	// nested data with this stack rather than by recursion, so deep
	// nesting cannot overflow the Go stack.
	todo []printTask
	// stop, when set, is polled every pollSteps tasks; printing ends
	// early once it is non-zero (an interrupt).
	stop    *int32
	stopped bool
}

// printTask is one thing left to print: a value, the rest of a list
// whose earlier elements are printed, the rest of a vector from index i,
// or literal text.
type printTask struct {
	kind uint8
	v    Value
	i    int
	s    string
}

const (
	taskValue = iota
	taskListRest
	taskVectorRest
	taskText
)

// pollSteps is how many print tasks run between looks at the stop flag.
const pollSteps = 1 << 12

func print(w io.Writer, v Value, write bool, labels map[any]int) {
	printStop(w, v, write, labels, nil)
}

// printStop prints v, giving up when *stop becomes non-zero (stop may be
// nil). It reports whether it printed everything.
func printStop(w io.Writer, v Value, write bool, labels map[any]int, stop *int32) bool {
	bw, ok := w.(*bufio.Writer)
	if !ok {
		bw = bufio.NewWriter(w)
		defer bw.Flush()
	}
	p := &printer{w: bw, write: write, labels: labels, stop: stop}
	return p.run(v)
}

// run prints v and everything it contains.
func (p *printer) run(v Value) bool {
	p.todo = append(p.todo[:0], printTask{kind: taskValue, v: v})
	for n := 1; len(p.todo) > 0; n++ {
		if n%pollSteps == 0 && p.stop != nil && atomic.LoadInt32(p.stop) != 0 {
			return false
		}
		t := p.todo[len(p.todo)-1]
		p.todo = p.todo[:len(p.todo)-1]
		switch t.kind {
		case taskValue:
			p.print(t.v)
		case taskListRest:
			p.listRest(t.v)
		case taskVectorRest:
			p.vectorRest(t.v.(*Vector), t.i)
		case taskText:
			p.w.WriteString(t.s)
		}
	}
	return !p.stopped
}

// asyncBits is the size above which a number is converted to text in a
// goroutine of its own, which an interrupt abandons (big.Int's String
// takes seconds for millions of digits and cannot be stopped).
const asyncBits = 1 << 20

// bigBits is the size in bits of an exact number's parts.
func bigBits(x Value) int {
	switch n := x.(type) {
	case *big.Int:
		return n.BitLen()
	case *big.Rat:
		return n.Num().BitLen() + n.Denom().BitLen()
	}
	return 0
}

// NumberToStringStop is NumberToString that converts a huge number in a
// goroutine of its own, giving up (ok = false) as soon as *stop becomes
// non-zero.
func NumberToStringStop(a Value, radix int, stop *int32) (s string, ok bool, err error) {
	if bigBits(a) <= asyncBits || stop == nil {
		s, err = NumberToString(a, radix)
		return s, true, err
	}
	if _, err := NumberToString(Fixnum(0), radix); err != nil {
		return "", true, err // a bad radix
	}
	s, ok = stringStop(func() string { return NumberString(a, radix) }, stop)
	return s, ok, nil
}

// conversions counts the conversions of stringStop still running.
var conversions sync.WaitGroup

// WaitConversions waits until the conversions of huge numbers (and the
// other Stoppable calls) that an interrupt abandoned have finished (for
// tests that measure memory).
func WaitConversions() { conversions.Wait() }

// stringStop returns f(), computed in another goroutine, or gives up
// (false) as soon as *stop becomes non-zero (see Stoppable).
func stringStop(f func() string, stop *int32) (string, bool) {
	return Stoppable(f, stop)
}

// ErrStopped is what a long primitive returns when it gave up because
// the interrupt flag was set (see Stoppable).
var ErrStopped = errors.New("stopped by an interrupt")

// Stoppable returns f(), computed in another goroutine, or gives up
// (false) as soon as *stop becomes non-zero, leaving the goroutine to
// finish and its result to the collector. It is for one long call into
// Go's libraries (big.Int's String or Mul on millions of bits) that
// cannot poll an interrupt itself.
func Stoppable[T any](f func() T, stop *int32) (T, bool) {
	if atomic.LoadInt32(stop) != 0 {
		var zero T
		return zero, false
	}
	done := make(chan T, 1)
	conversions.Add(1)
	go func() {
		defer conversions.Done()
		done <- f()
	}()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case v := <-done:
			return v, true
		case <-tick.C:
			if atomic.LoadInt32(stop) != 0 {
				var zero T
				return zero, false
			}
		}
	}
}

func (p *printer) push(kind uint8, v Value, i int, s string) {
	p.todo = append(p.todo, printTask{kind: kind, v: v, i: i, s: s})
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

// print prints v, leaving what it contains on the todo stack.
// printNumber prints a number; one of millions of digits is converted
// so that the interrupt flag can stop it.
func (p *printer) printNumber(x Value) {
	if p.stop != nil && bigBits(x) > asyncBits {
		s, ok := stringStop(func() string { return NumberString(x, 10) }, p.stop)
		if !ok {
			p.todo = p.todo[:0]
			p.stopped = true
			return
		}
		p.w.WriteString(s)
		return
	}
	p.w.WriteString(NumberString(x, 10))
}

func writeBytevector(w *bufio.Writer, x *Bytevector) {
	w.WriteString("#u8(")
	for i, b := range x.B {
		if i > 0 {
			w.WriteByte(' ')
		}
		w.WriteString(strconv.Itoa(int(b)))
	}
	w.WriteByte(')')
}

// pushAll schedules the values vals separated by spaces, and with a
// space before the first too when lead is set (the todo stack is last
// in, first out).
func (p *printer) pushAll(vals []Value, lead bool) {
	for i := len(vals) - 1; i >= 0; i-- {
		p.push(taskValue, vals[i], 0, "")
		if lead || i > 0 {
			p.push(taskText, nil, 0, " ")
		}
	}
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
	case Fixnum, Flonum, *big.Int, *big.Rat, *Complex:
		p.printNumber(x)
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
		p.push(taskVectorRest, x, 0, "")
	case *Bytevector:
		writeBytevector(w, x)
	case *MultipleValues:
		p.pushAll(x.Vals, false)
	case *ErrorObject:
		w.WriteString("#<error ")
		p.push(taskText, nil, 0, ">")
		p.pushAll(x.Irritants, true)
		p.push(taskValue, NewString(x.Message), 0, "")
	case Fielded:
		p.printFields(x)
	case Opaque:
		w.WriteString(x.SchemeString())
	case *unspecified:
		// Inside data, as Guile does; the REPL shows no result at all
		// for a form whose value is unspecified (it checks first).
		w.WriteString("#<unspecified>")
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

// vectorRest prints the elements of x from index i on, and the ")".
func (p *printer) vectorRest(x *Vector, i int) {
	if i == len(x.Items) {
		p.w.WriteByte(')')
		return
	}
	if i > 0 {
		p.w.WriteByte(' ')
	}
	p.push(taskVectorRest, x, i+1, "")
	p.push(taskValue, x.Items[i], 0, "")
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
				p.push(taskValue, rest.Car, 0, "")
				return
			}
		}
	}
	p.w.WriteByte('(')
	p.push(taskListRest, x.Cdr, 0, "")
	p.push(taskValue, x.Car, 0, "")
}

// listRest prints v, the rest of a list after an element, and the ")".
func (p *printer) listRest(v Value) {
	switch t := v.(type) {
	case *Empty:
		p.w.WriteByte(')')
	case *Pair:
		if p.isLabelled(t) {
			p.w.WriteString(" . ")
			p.push(taskText, nil, 0, ")")
			p.push(taskValue, t, 0, "")
			return
		}
		p.w.WriteByte(' ')
		p.push(taskListRest, t.Cdr, 0, "")
		p.push(taskValue, t.Car, 0, "")
	default:
		p.w.WriteString(" . ")
		p.push(taskText, nil, 0, ")")
		p.push(taskValue, t, 0, "")
	}
}

// hidesFields reports whether x prints as an opaque object (its
// PrintFields gives no name).
func hidesFields(x Fielded) bool {
	name, _, _ := x.PrintFields()
	return name == ""
}

// printFields prints a record as #<point x: 1 y: 2>, as Guile does.
func (p *printer) printFields(x Fielded) {
	if p.label(x) {
		return
	}
	name, fields, vals := x.PrintFields()
	if name == "" {
		p.w.WriteString(x.(Opaque).SchemeString())
		return
	}
	p.w.WriteString("#<" + name)
	// The todo stack is last in, first out: push the end first.
	p.push(taskText, nil, 0, ">")
	for i := len(fields) - 1; i >= 0; i-- {
		if i < len(vals) {
			p.push(taskValue, vals[i], 0, "")
		}
		p.push(taskText, nil, 0, " "+fields[i].Name+": ")
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
		case '(', ')', '"', ';', '\'', '`', ',', '|', '\\', ' ', '\t', '\n', '\r', '[', ']', '{', '}':
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
	// +inf.0 and +nan.0 followed by more, as in +nan.0abc, read as
	// symbols here but as (bad) numbers by other readers: bars keep the
	// written form portable.
	if len(name) > 6 && (name[0] == '+' || name[0] == '-') {
		switch strings.ToLower(name[1:6]) {
		case "inf.0", "nan.0":
			return true
		}
	}
	return false
}
