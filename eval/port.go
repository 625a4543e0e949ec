package eval

import (
	"bufio"
	"bytes"
	"io"

	"contigo/value"
)

// Port is a Scheme port. Output ports are buffered; the interpreter
// flushes the standard ones before reading input, before printing an
// error and at exit, so nothing printed is lost or reordered.
type Port struct {
	name   string
	w      *bufio.Writer
	buf    *bytes.Buffer // the contents of a string output port
	r      *bufio.Reader
	closed bool
}

func newOutputPort(w io.Writer, name string) *Port {
	return &Port{name: name, w: bufio.NewWriterSize(w, 64*1024)}
}

func newInputPort(r *bufio.Reader, name string) *Port {
	return &Port{name: name, r: r}
}

func newStringOutputPort() *Port {
	b := &bytes.Buffer{}
	return &Port{name: "string", w: bufio.NewWriterSize(b, 512), buf: b}
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
	return p.w.Flush()
}

func (in *Interp) outPort(args []V, i int, who string) (*Port, error) {
	if len(args) > i {
		p, ok := args[i].(*Port)
		if !ok || p.w == nil {
			return nil, value.TypeError(who, "output port", args[i])
		}
		if p.closed {
			return nil, value.Errorf("%s: port is closed", who)
		}
		return p, nil
	}
	p, ok := in.curOut.current(in.m.dyn).(*Port)
	if !ok || p.w == nil {
		return nil, value.TypeError(who, "output port", p)
	}
	return p, nil
}

func (in *Interp) inPort(args []V, i int, who string) (*Port, error) {
	if len(args) > i {
		p, ok := args[i].(*Port)
		if !ok || p.r == nil {
			return nil, value.TypeError(who, "input port", args[i])
		}
		return p, nil
	}
	p, ok := in.curIn.current(in.m.dyn).(*Port)
	if !ok || p.r == nil {
		return nil, value.TypeError(who, "input port", p)
	}
	// Reading the terminal: show everything printed so far first.
	in.stdout.flush()
	return p, nil
}

func (in *Interp) ioPrims() []*value.Primitive {
	return []*value.Primitive{
		prim("display", 1, 2, func(args []V) (V, error) {
			p, err := in.outPort(args, 1, "display")
			if err != nil {
				return nil, err
			}
			switch x := args[0].(type) {
			case *value.String:
				for _, r := range x.R {
					p.w.WriteRune(r)
				}
			case value.Char:
				p.w.WriteRune(rune(x))
			default:
				value.Display(p.w, x)
			}
			return value.Unspecified, nil
		}),
		prim("write", 1, 2, func(args []V) (V, error) {
			p, err := in.outPort(args, 1, "write")
			if err != nil {
				return nil, err
			}
			value.Write(p.w, args[0])
			return value.Unspecified, nil
		}),
		prim("write-shared", 1, 2, func(args []V) (V, error) {
			p, err := in.outPort(args, 1, "write-shared")
			if err != nil {
				return nil, err
			}
			value.WriteShared(p.w, args[0])
			return value.Unspecified, nil
		}),
		prim("write-simple", 1, 2, func(args []V) (V, error) {
			p, err := in.outPort(args, 1, "write-simple")
			if err != nil {
				return nil, err
			}
			value.WriteSimple(p.w, args[0])
			return value.Unspecified, nil
		}),
		prim("newline", 0, 1, func(args []V) (V, error) {
			p, err := in.outPort(args, 0, "newline")
			if err != nil {
				return nil, err
			}
			p.w.WriteByte('\n')
			return value.Unspecified, nil
		}),
		prim("write-char", 1, 2, func(args []V) (V, error) {
			c, err := char(args[0], "write-char")
			if err != nil {
				return nil, err
			}
			p, err := in.outPort(args, 1, "write-char")
			if err != nil {
				return nil, err
			}
			p.w.WriteRune(rune(c))
			return value.Unspecified, nil
		}),
		prim("write-string", 1, 4, func(args []V) (V, error) {
			s, err := str(args[0], "write-string")
			if err != nil {
				return nil, err
			}
			p, err := in.outPort(args, 1, "write-string")
			if err != nil {
				return nil, err
			}
			start, end, err := rangeArgs(args, 2, "write-string", len(s.R))
			if err != nil {
				return nil, err
			}
			for _, r := range s.R[start:end] {
				p.w.WriteRune(r)
			}
			return value.Unspecified, nil
		}),
		prim("flush-output-port", 0, 1, func(args []V) (V, error) {
			p, err := in.outPort(args, 0, "flush-output-port")
			if err != nil {
				return nil, err
			}
			p.flush()
			return value.Unspecified, nil
		}),
		prim("read-char", 0, 1, func(args []V) (V, error) {
			p, err := in.inPort(args, 0, "read-char")
			if err != nil {
				return nil, err
			}
			r, _, err := p.r.ReadRune()
			if err != nil {
				return value.EOF, nil
			}
			return value.Char(r), nil
		}),
		prim("peek-char", 0, 1, func(args []V) (V, error) {
			p, err := in.inPort(args, 0, "peek-char")
			if err != nil {
				return nil, err
			}
			r, _, err := p.r.ReadRune()
			if err != nil {
				return value.EOF, nil
			}
			p.r.UnreadRune()
			return value.Char(r), nil
		}),
		prim("read-line", 0, 1, func(args []V) (V, error) {
			p, err := in.inPort(args, 0, "read-line")
			if err != nil {
				return nil, err
			}
			line, err := p.r.ReadString('\n')
			if err != nil && line == "" {
				return value.EOF, nil
			}
			if n := len(line); n > 0 && line[n-1] == '\n' {
				line = line[:n-1]
				if n := len(line); n > 0 && line[n-1] == '\r' {
					line = line[:n-1]
				}
			}
			return value.NewString(line), nil
		}),
		prim("open-output-string", 0, 0, func(args []V) (V, error) { return newStringOutputPort(), nil }),
		prim1("get-output-string", func(a V) (V, error) {
			p, ok := a.(*Port)
			if !ok || p.buf == nil {
				return nil, value.TypeError("get-output-string", "string output port", a)
			}
			p.w.Flush()
			return value.NewString(p.buf.String()), nil
		}),
		prim1("open-input-string", func(a V) (V, error) {
			s, err := str(a, "open-input-string")
			if err != nil {
				return nil, err
			}
			return newInputPort(bufio.NewReader(bytes.NewBufferString(s.String())), "string"), nil
		}),
		prim("eof-object", 0, 0, func(args []V) (V, error) { return value.EOF, nil }),
		pred("eof-object?", func(a V) bool { return a == value.Value(value.EOF) }),
		pred("port?", func(a V) bool { _, ok := a.(*Port); return ok }),
	}
}
