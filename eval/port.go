package eval

// This file defines ports (report 6.13): the Port type and the low-level
// reading and writing the I/O primitives of builtins_io.go are built on.
//
// Every input port reads through a *bufio.Reader, whether its source is a
// string, a bytevector, a file or standard input, so there is one code
// path for each operation. The reader package reads from a string, so
// read hands it a window of the buffered text (whole lines) and consumes
// only the bytes the datum took; the rest stays buffered for the next
// read-char, read-line or read. Standard input is a *bufio.Reader that
// main.go shares with the interpreter (the program can read the lines of
// stdin after the form being evaluated), and taking only what is consumed
// keeps that sharing exact; only a datum longer than the buffer makes the
// port wrap the shared reader in a bigger one.
//
// Output ports write through a *bufio.Writer. The interpreter flushes the
// standard ones before reading standard input, before printing an error
// and at exit; file ports are flushed when closed, and those the program
// leaves open are flushed whenever standard output is (so at exit too).

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"
	"unicode/utf8"

	"contigo/reader"
	"contigo/value"
)

// Port is a Scheme port: an input port (r set) or an output port (w set),
// textual, binary or both.
type Port struct {
	name    string
	r       *bufio.Reader
	w       *bufio.Writer
	buf     *bytes.Buffer // the bytes a string or bytevector output port accumulated
	file    io.Closer     // the file of a file port, closed by close-port
	textual bool
	binary  bool
	ready   bool // reading never blocks (string, bytevector and file ports)
	console bool // standard input: pending output is shown before reading
	closed  bool

	// files holds, on the standard output port only, the file output
	// ports that are open, so that flushing standard output (as the
	// interpreter does before an error is printed and at exit) flushes
	// them too and nothing a program wrote is lost.
	files map[*Port]struct{}

	// sink, on the standard and file output ports, remembers the first
	// error writing to the file (a full disk), which the next write or
	// flush reports.
	sink *errWriter
	// eager ports are flushed after every write (standard error), and
	// lineFlush ones after every write that may end a line (standard
	// output at a terminal).
	eager, lineFlush bool
	// before, on standard error, is standard output: it is flushed
	// before anything is written to this port, so that a pipe receiving
	// both gets them in the order the program wrote them.
	before *Port
}

// errWriter passes writes on to w and remembers the first error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(b []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(b)
	if err != nil {
		e.err = err
	}
	return n, err
}

// wrote is called by every output primitive after writing to p; nl says
// the text may have ended a line. It flushes the ports that must not
// hold output, and reports an error of the file written to.
func (p *Port) wrote(who string, nl bool) error {
	if p.eager || nl && p.lineFlush {
		p.w.Flush()
	}
	if p.sink != nil && p.sink.err != nil {
		return writeError(who, p, p.sink.err)
	}
	return nil
}

// writeError is the error of a write to p that failed with err.
func writeError(who string, p *Port, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &value.ErrorObject{Message: who + ": write error on " + p.name + ": " + err.Error(), Kind: "file-error"}
}

// WriteError is the error an output port reports once writing to its file
// failed, with the port's name, or nil.
func (in *Interp) WriteError() error {
	for _, p := range []*Port{in.stdout, in.stderr} {
		if p.sink != nil && p.sink.err != nil {
			return writeError("contigo", p, p.sink.err)
		}
	}
	return nil
}

// newOutputPort makes a standard output port (stdout or stderr).
func newOutputPort(w io.Writer, name string) *Port {
	sink := &errWriter{w: w}
	return &Port{name: name, w: bufio.NewWriterSize(sink, 64*1024), sink: sink, textual: true, binary: true}
}

// newInputPort makes the standard input port.
func newInputPort(r *bufio.Reader, name string) *Port {
	return &Port{name: name, r: r, textual: true, binary: true, console: true}
}

func newStringInputPort(s string) *Port {
	return &Port{name: "string", r: bufio.NewReaderSize(strings.NewReader(s), bufSize(len(s))), textual: true, ready: true}
}

func newBytevectorInputPort(b []byte) *Port {
	return &Port{name: "bytevector", r: bufio.NewReaderSize(bytes.NewReader(b), bufSize(len(b))), binary: true, ready: true}
}

func newStringOutputPort() *Port {
	b := &bytes.Buffer{}
	return &Port{name: "string", w: bufio.NewWriterSize(b, 256), buf: b, textual: true}
}

func newBytevectorOutputPort() *Port {
	b := &bytes.Buffer{}
	return &Port{name: "bytevector", w: bufio.NewWriterSize(b, 256), buf: b, binary: true}
}

func newFileReader(f *os.File) *bufio.Reader { return bufio.NewReaderSize(f, 32*1024) }

func newFileWriter(f *os.File) (*bufio.Writer, *errWriter) {
	sink := &errWriter{w: f}
	return bufio.NewWriterSize(sink, 32*1024), sink
}

func ignoreEOF(err error) error {
	if err == io.EOF {
		return nil
	}
	return err
}

// bufSize is the buffer size for reading n bytes held in memory: big
// enough to hold them all, up to 64 KiB.
func bufSize(n int) int {
	return min(max(n, 16), 64*1024)
}

// SchemeString implements value.Opaque.
func (p *Port) SchemeString() string {
	kind := "input"
	if p.w != nil {
		kind = "output"
	}
	return "#<" + kind + "-port " + p.name + ">"
}

func (p *Port) flush() error {
	if p.w == nil {
		return nil
	}
	if p.before != nil {
		p.before.flush()
	}
	err := p.w.Flush()
	for f := range p.files {
		if e := f.w.Flush(); err == nil {
			err = e
		}
	}
	return err
}

// close closes the port and its file, if any; closing again does nothing.
func (p *Port) close() error {
	if p.closed {
		return nil
	}
	p.closed = true
	var err error
	if p.w != nil {
		err = p.w.Flush()
	}
	if p.file != nil {
		if e := p.file.Close(); err == nil {
			err = e
		}
	}
	return err
}

// readRune reads one character; ok is false at the end of input.
func (p *Port) readRune() (r rune, ok bool, err error) {
	r, _, err = p.r.ReadRune()
	if err != nil {
		if err == io.EOF {
			err = nil
		}
		return 0, false, err
	}
	return r, true, nil
}

// peekRune returns the next character without consuming it. It asks for
// no more bytes than the character has, so on an interactive port it
// waits no longer than read-char would.
func (p *Port) peekRune() (r rune, ok bool, err error) {
	b, err := p.r.Peek(1)
	if err != nil {
		if err == io.EOF {
			err = nil
		}
		return 0, false, err
	}
	if b[0] < utf8.RuneSelf {
		return rune(b[0]), true, nil
	}
	need := 1
	switch {
	case b[0]&0xE0 == 0xC0:
		need = 2
	case b[0]&0xF0 == 0xE0:
		need = 3
	case b[0]&0xF8 == 0xF0:
		need = 4
	}
	b, _ = p.r.Peek(need) // fewer at the end of input: decodes as U+FFFD
	r, _ = utf8.DecodeRune(b)
	return r, true, nil
}

// readLine reads up to the next end of line (linefeed, carriage return or
// both), which it consumes but does not return. ok is false when the
// input ended before any character.
func (p *Port) readLine() (line string, ok bool, err error) {
	var acc []byte
	for {
		buf, err := p.buffered()
		if len(buf) == 0 {
			return string(acc), ok, ignoreEOF(err)
		}
		ok = true
		if i := bytes.IndexAny(buf, "\r\n"); i >= 0 {
			acc = append(acc, buf[:i]...)
			c := buf[i]
			p.r.Discard(i + 1)
			if c == '\r' {
				if b, err := p.r.Peek(1); err == nil && b[0] == '\n' {
					p.r.Discard(1)
				}
			}
			return string(acc), true, nil
		}
		acc = append(acc, buf...)
		p.r.Discard(len(buf))
	}
}

// buffered returns the buffered input, reading some first if there is
// none; it is empty only at the end of input or on an error.
func (p *Port) buffered() ([]byte, error) {
	if p.r.Buffered() == 0 {
		if _, err := p.r.Peek(1); err != nil {
			return nil, err
		}
	}
	return p.r.Peek(p.r.Buffered())
}

// readString reads up to k characters.
func (p *Port) readString(k int) ([]rune, error) {
	var out []rune
	for len(out) < k {
		r, ok, err := p.readRune()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		out = append(out, r)
	}
	return out, nil
}

// readBytes reads up to len(b) bytes into b, stopping early only at the
// end of input.
func (p *Port) readBytes(b []byte) (int, error) {
	n, err := io.ReadFull(p.r, b)
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		err = nil
	}
	return n, err
}

// inputReady reports whether reading a character or byte would not
// block: always for in-memory and file ports, and for standard input when
// something is buffered.
func (p *Port) inputReady() bool { return p.ready || p.r.Buffered() > 0 }

// initialWindow is how much buffered text read first hands the reader;
// the window doubles while the datum is incomplete.
const initialWindow = 1024

// readDatum reads one datum with the reader package, leaving the text
// after it in the port. It returns value.EOF when only whitespace and
// comments remain, and an error satisfying read-error? on bad syntax or
// a datum cut off by the end of input.
//
// The reader sees a window of whole lines of the buffered text: a token
// cannot span a line end, so a datum the window cuts in two is reported
// incomplete (an open list, string or block comment), never misread. An
// incomplete datum is retried with a window twice as big, buffering more
// input when needed, so reading costs time linear in the datum's size.
func (p *Port) readDatum() (V, error) {
	limit := initialWindow
	tried := -1 // the size of the last window found incomplete
	for {
		buf, err := p.buffered()
		if len(buf) == 0 {
			if err == io.EOF {
				return value.EOF, nil
			}
			return nil, err
		}
		end := windowEnd(buf, limit)
		atEOF := false
		if end <= tried {
			more, err := p.fill()
			if err != nil {
				return nil, err
			}
			if more {
				continue
			}
			// fill may have moved the buffered bytes.
			buf, _ = p.r.Peek(p.r.Buffered())
			end, atEOF = len(buf), true
		}
		rd := reader.New(string(buf[:end]), "")
		v, err := rd.Read()
		switch {
		case err == nil:
			p.r.Discard(rd.Offset())
			return v, nil
		case err == io.EOF:
			// Only atmosphere: drop it and look further.
			p.r.Discard(end)
			if atEOF {
				return value.EOF, nil
			}
			limit, tried = initialWindow, -1
		case errors.Is(err, reader.ErrIncomplete) && !atEOF:
			tried = end
			limit = 2 * end
		default:
			var re *reader.Error
			msg := err.Error()
			if errors.As(err, &re) {
				msg = re.Msg
			}
			// Skip the bad text, so that reading again goes on after it.
			skip := rd.Offset()
			if skip <= 0 || skip > end {
				skip = end
			}
			p.r.Discard(skip)
			return nil, &value.ErrorObject{Message: "read: " + msg, Kind: "read-error"}
		}
	}
}

// windowEnd returns the length of the text read hands the reader: the
// longest prefix of buf that ends a line and is at most limit bytes, or
// failing that the shortest one; -1 when buf holds no line end.
func windowEnd(buf []byte, limit int) int {
	if limit < len(buf) {
		if i := bytes.LastIndexByte(buf[:limit], '\n'); i >= 0 {
			return i + 1
		}
		if i := bytes.IndexByte(buf[limit:], '\n'); i >= 0 {
			return limit + i + 1
		}
		return -1
	}
	if i := bytes.LastIndexByte(buf, '\n'); i >= 0 {
		return i + 1
	}
	return -1
}

// fill buffers at least one more byte of input, waiting for it if need
// be, and reports false at the end of input. A full buffer is replaced by
// one twice as big that reads from it.
func (p *Port) fill() (bool, error) {
	n := p.r.Buffered()
	if n >= p.r.Size() {
		p.r = bufio.NewReaderSize(p.r, 2*p.r.Size())
	}
	_, err := p.r.Peek(n + 1)
	switch err {
	case nil:
		return true, nil
	case io.EOF:
		return false, nil
	}
	return false, err
}

// mayEndLine reports whether displaying or writing v may write a line
// break: a string or character only if it holds one, anything else
// perhaps.
func mayEndLine(v value.Value) bool {
	switch x := v.(type) {
	case *value.String:
		for _, r := range x.R {
			if r == '\n' {
				return true
			}
		}
		return false
	case value.Char:
		return x == '\n'
	case value.Fixnum, *value.Symbol, bool:
		return false
	}
	return true
}
