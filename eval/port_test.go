package eval

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"

	"contigo/value"
)

// readAll reads data from p with read until the end, writing each.
func readAll(t *testing.T, p *Port) []string {
	t.Helper()
	var out []string
	for {
		v, err := p.readDatum()
		if err != nil {
			t.Fatalf("readDatum: %v", err)
		}
		if v == value.Value(value.EOF) {
			return out
		}
		out = append(out, value.WriteString(v))
	}
}

// TestReadDatumChunked reads through sources that deliver one byte or a
// few bytes at a time, so that data and tokens straddle every boundary.
func TestReadDatumChunked(t *testing.T) {
	src := "(define (f x)\n  (* x x))\n\"a string\nover lines\" sym 123\n#| block\ncomment |# #(1 2)\n'q ; c\nlast"
	want := []string{"(define (f x) (* x x))", `"a string\nover lines"`, "sym", "123", "#(1 2)", "'q", "last"}
	for name, r := range map[string]func() io.Reader{
		"whole":   func() io.Reader { return strings.NewReader(src) },
		"onebyte": func() io.Reader { return iotest.OneByteReader(strings.NewReader(src)) },
		"half":    func() io.Reader { return iotest.HalfReader(strings.NewReader(src)) },
	} {
		t.Run(name, func(t *testing.T) {
			p := &Port{r: bufio.NewReaderSize(r(), 16), textual: true}
			if diff := cmp.Diff(want, readAll(t, p)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestReadDatumLeavesRest checks that read consumes exactly the datum:
// what follows stays for read-char and read-line, and, on a shared
// reader, for whoever else reads it (main.go shares stdin this way).
func TestReadDatumLeavesRest(t *testing.T) {
	shared := bufio.NewReaderSize(iotest.HalfReader(strings.NewReader("(a b) c\nnext line\n(rest)")), 4096)
	p := newInputPort(shared, "stdin")
	v, err := p.readDatum()
	if err != nil || value.WriteString(v) != "(a b)" {
		t.Fatalf("read = %v, %v", v, err)
	}
	r, ok, _ := p.readRune()
	if !ok || r != ' ' {
		t.Fatalf("read-char after read = %q", r)
	}
	v, _ = p.readDatum()
	if value.WriteString(v) != "c" {
		t.Fatalf("second read = %s", value.WriteString(v))
	}
	line, ok, _ := p.readLine()
	if !ok || line != "" {
		t.Fatalf("read-line = %q, %v; want the empty rest of the line", line, ok)
	}
	rest, _ := io.ReadAll(shared)
	if string(rest) != "next line\n(rest)" {
		t.Errorf("shared reader holds %q", rest)
	}
}

// TestReadDatumBig reads data bigger than the port's buffer, which must
// grow, and a long run of data through a small buffer.
func TestReadDatumBig(t *testing.T) {
	var b strings.Builder
	b.WriteString("(")
	for i := 0; i < 50000; i++ {
		b.WriteString(" item")
	}
	b.WriteString(")\n")
	for i := 0; i < 2000; i++ {
		b.WriteString("(x 1) ")
	}
	b.WriteString("end")
	p := &Port{r: bufio.NewReaderSize(iotest.HalfReader(strings.NewReader(b.String())), 64), textual: true}
	got := readAll(t, p)
	if len(got) != 2002 || len(got[0]) != 1+5*50000 || got[1] != "(x 1)" || got[2001] != "end" {
		t.Errorf("read %d data, first of length %d, last %q", len(got), len(got[0]), got[len(got)-1])
	}
}

func TestReadDatumErrors(t *testing.T) {
	for _, src := range []string{"(1 2", ")", "\"abc", "#(1", "'"} {
		p := newStringInputPort(src)
		_, err := p.readDatum()
		e, ok := err.(*value.ErrorObject)
		if !ok || e.Kind != "read-error" {
			t.Errorf("read %q: error %v, want a read-error", src, err)
		}
	}
	// After a syntax error, reading goes on after the bad text.
	p := newStringInputPort(") ok")
	if _, err := p.readDatum(); err == nil {
		t.Fatal("no error for )")
	}
	if v, err := p.readDatum(); err != nil || value.WriteString(v) != "ok" {
		t.Errorf("read after error = %v, %v", v, err)
	}
}

func TestReadLineEndings(t *testing.T) {
	p := newStringInputPort("a\nb\r\nc\rd\n\ne")
	var got []string
	for {
		line, ok, err := p.readLine()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		got = append(got, line)
	}
	if diff := cmp.Diff([]string{"a", "b", "c", "d", "", "e"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestPeekRuneWaitsOnlyForItsBytes checks that peek-char on a source that
// has delivered one character does not ask for more input.
func TestPeekRuneWaitsOnlyForItsBytes(t *testing.T) {
	pr, pw := io.Pipe()
	p := newInputPort(bufio.NewReader(pr), "stdin")
	go pw.Write([]byte("λ"))
	r, ok, err := p.peekRune()
	if err != nil || !ok || r != 'λ' {
		t.Fatalf("peek-char = %q, %v, %v", r, ok, err)
	}
	pw.Close()
}

// promptReader is standard input that records what had been written to
// standard output when the program first read it.
type promptReader struct {
	out  *bytes.Buffer
	seen string
	r    io.Reader
}

func (p *promptReader) Read(b []byte) (int, error) {
	if p.seen == "" {
		p.seen = p.out.String()
	}
	return p.r.Read(b)
}

// TestOutputFlushedBeforeInput checks that output is buffered but shown
// before the program reads standard input, so prompts appear.
func TestOutputFlushedBeforeInput(t *testing.T) {
	var out bytes.Buffer
	in := &promptReader{out: &out, r: strings.NewReader("Alice\n")}
	interp, err := New(Options{Stdout: &out, Stdin: in, Stderr: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	if err := interp.Load(`(display "name? ") (define name (read-line)) (display name)`, "test"); err != nil {
		t.Fatal(err)
	}
	interp.Flush()
	if in.seen != "name? " {
		t.Errorf("output when stdin was read = %q, want the prompt", in.seen)
	}
	if out.String() != "name? Alice" {
		t.Errorf("output = %q", out.String())
	}
}

// TestOpenFilesFlushedWithStdout checks that a file port the program did
// not close is flushed when the interpreter flushes its output (at exit).
func TestOpenFilesFlushedWithStdout(t *testing.T) {
	dir := t.TempDir()
	interp, err := New(Options{Stdout: io.Discard, Stderr: io.Discard, Stdin: strings.NewReader("")})
	if err != nil {
		t.Fatal(err)
	}
	src := `(define p (open-output-file "` + dir + `/f.txt")) (write '(not closed) p)`
	if err := interp.Load(src, "test"); err != nil {
		t.Fatal(err)
	}
	interp.Flush()
	v, err := interp.evalString(`(call-with-input-file "` + dir + `/f.txt" read)`)
	if err != nil || value.WriteString(v) != "(not closed)" {
		t.Errorf("file holds %v, %v", v, err)
	}
}

func (in *Interp) evalString(src string) (value.Value, error) {
	data, err := readAllData(src)
	if err != nil {
		return nil, err
	}
	var v value.Value
	for _, d := range data {
		if v, err = in.Eval(d, nil); err != nil {
			return nil, err
		}
	}
	return v, nil
}

func readAllData(src string) ([]value.Value, error) {
	p := newStringInputPort(src)
	var out []value.Value
	for {
		v, err := p.readDatum()
		if err != nil {
			return nil, err
		}
		if v == value.Value(value.EOF) {
			return out, nil
		}
		out = append(out, v)
	}
}
