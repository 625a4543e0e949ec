package eval

// This file defines the input and output primitives (report 6.13) over
// the ports of port.go. The procedures that call a procedure
// (call-with-port, with-output-to-file, ...) are in core.scm; format is
// in builtins_srfi.go.

import (
	"errors"
	"io/fs"
	"os"

	"contigo/value"
)

// portKind says which kind of port an operation needs.
type portKind int

const (
	textual portKind = iota
	binary
	anyPort // textual or binary
)

func (k portKind) fits(p *Port) bool {
	switch k {
	case textual:
		return p.textual
	case binary:
		return p.binary
	}
	return true
}

// prefix returns the kind as it appears in an error message.
func (k portKind) prefix() string {
	switch k {
	case textual:
		return "textual "
	case binary:
		return "binary "
	}
	return ""
}

// outPort returns the output port given as args[i], or the current
// output port when there are fewer arguments.
func (in *Interp) outPort(args []V, i int, who string, kind portKind) (*Port, error) {
	var v V
	if len(args) > i {
		v = args[i]
	} else {
		v = in.curOut.current(in, in.m.dyn)
	}
	p, ok := v.(*Port)
	if !ok || p.w == nil || !kind.fits(p) {
		return nil, value.TypeError(who, kind.prefix()+"output port", v)
	}
	if p.closed {
		return nil, value.Errorf("%s: %s is closed", who, p.SchemeString())
	}
	if p.before != nil {
		p.before.flush()
	}
	return p, nil
}

// inPort returns the input port given as args[i], or the current input
// port when there are fewer arguments. Before standard input is read,
// everything printed so far is flushed, so a prompt shows.
func (in *Interp) inPort(args []V, i int, who string, kind portKind) (*Port, error) {
	var v V
	if len(args) > i {
		v = args[i]
	} else {
		v = in.curIn.current(in, in.m.dyn)
	}
	p, ok := v.(*Port)
	if !ok || p.r == nil || !kind.fits(p) {
		return nil, value.TypeError(who, kind.prefix()+"input port", v)
	}
	if p.closed {
		return nil, value.Errorf("%s: %s is closed", who, p.SchemeString())
	}
	if p.console {
		in.Flush()
	}
	return p, nil
}

// ioError turns a Go I/O error into a Scheme error naming the procedure.
func ioError(who string, err error) error {
	return &value.ErrorObject{Message: who + ": " + err.Error(), Kind: "file-error"}
}

// fileError reports a file that cannot be opened or deleted (verb): an
// error satisfying file-error?.
func fileError(who, verb, name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &value.ErrorObject{
		Message:   who + ": cannot " + verb + " file (" + err.Error() + ")",
		Irritants: []V{value.NewString(name)},
		Kind:      "file-error",
	}
}

// openFile opens a file port for the primitive who.
func (in *Interp) openFile(args []V, who string, output bool, kind portKind) (V, error) {
	s, err := str(args[0], who)
	if err != nil {
		return nil, err
	}
	name := s.String()
	p := &Port{name: value.WriteString(s), textual: kind == textual, binary: kind == binary}
	if output {
		if err := in.checkWrite(who); err != nil {
			return nil, err
		}
		f, err := os.Create(name)
		if err != nil {
			return nil, fileError(who, "open", name, err)
		}
		p.w, p.sink = newFileWriter(f)
		p.file = f
		if in.stdout.files == nil {
			in.stdout.files = map[*Port]struct{}{}
		}
		in.stdout.files[p] = struct{}{}
	} else {
		if err := in.checkRead(who, name); err != nil {
			return nil, err
		}
		f, err := os.Open(name)
		if err != nil {
			return nil, fileError(who, "open", name, err)
		}
		p.r, p.file, p.ready = newFileReader(f), f, true
	}
	return p, nil
}

// closePort closes p, forgetting it as an open file.
func (in *Interp) closePort(p *Port, who string) (V, error) {
	delete(in.stdout.files, p)
	if err := p.close(); err != nil {
		return nil, ioError(who, err)
	}
	return value.Unspecified, nil
}

func portArg(v V, who string) (*Port, error) {
	if p, ok := v.(*Port); ok {
		return p, nil
	}
	return nil, value.TypeError(who, "port", v)
}

func (in *Interp) ioPrims() []*value.Primitive {
	ps := []*value.Primitive{
		pred("port?", func(a V) bool { _, ok := a.(*Port); return ok }),
		pred("input-port?", func(a V) bool { p, ok := a.(*Port); return ok && p.r != nil }),
		pred("output-port?", func(a V) bool { p, ok := a.(*Port); return ok && p.w != nil }),
		pred("textual-port?", func(a V) bool { p, ok := a.(*Port); return ok && p.textual }),
		pred("binary-port?", func(a V) bool { p, ok := a.(*Port); return ok && p.binary }),
		prim1("input-port-open?", func(a V) (V, error) {
			p, err := portArg(a, "input-port-open?")
			if err != nil {
				return nil, err
			}
			return p.r != nil && !p.closed, nil
		}),
		prim1("output-port-open?", func(a V) (V, error) {
			p, err := portArg(a, "output-port-open?")
			if err != nil {
				return nil, err
			}
			return p.w != nil && !p.closed, nil
		}),
		prim1("close-port", func(a V) (V, error) {
			p, err := portArg(a, "close-port")
			if err != nil {
				return nil, err
			}
			return in.closePort(p, "close-port")
		}),
		prim1("close-input-port", func(a V) (V, error) {
			p, ok := a.(*Port)
			if !ok || p.r == nil {
				return nil, value.TypeError("close-input-port", "input port", a)
			}
			return in.closePort(p, "close-input-port")
		}),
		prim1("close-output-port", func(a V) (V, error) {
			p, ok := a.(*Port)
			if !ok || p.w == nil {
				return nil, value.TypeError("close-output-port", "output port", a)
			}
			return in.closePort(p, "close-output-port")
		}),
		prim1("open-input-string", func(a V) (V, error) {
			s, err := str(a, "open-input-string")
			if err != nil {
				return nil, err
			}
			return newStringInputPort(s.String()), nil
		}),
		prim("open-output-string", 0, 0, func(args []V) (V, error) { return newStringOutputPort(), nil }),
		prim1("get-output-string", func(a V) (V, error) {
			p, ok := a.(*Port)
			if !ok || p.buf == nil || !p.textual {
				return nil, value.TypeError("get-output-string", "string output port", a)
			}
			p.w.Flush()
			return value.NewString(p.buf.String()), nil
		}),
		prim1("open-input-bytevector", func(a V) (V, error) {
			b, err := bytevec(a, "open-input-bytevector")
			if err != nil {
				return nil, err
			}
			return newBytevectorInputPort(b.B), nil
		}),
		prim("open-output-bytevector", 0, 0, func(args []V) (V, error) { return newBytevectorOutputPort(), nil }),
		prim1("get-output-bytevector", func(a V) (V, error) {
			p, ok := a.(*Port)
			if !ok || p.buf == nil || !p.binary {
				return nil, value.TypeError("get-output-bytevector", "bytevector output port", a)
			}
			p.w.Flush()
			return &value.Bytevector{B: append([]byte{}, p.buf.Bytes()...)}, nil
		}),
		prim1("open-input-file", func(a V) (V, error) {
			return in.openFile([]V{a}, "open-input-file", false, textual)
		}),
		prim1("open-binary-input-file", func(a V) (V, error) {
			return in.openFile([]V{a}, "open-binary-input-file", false, binary)
		}),
		prim1("open-output-file", func(a V) (V, error) {
			return in.openFile([]V{a}, "open-output-file", true, textual)
		}),
		prim1("open-binary-output-file", func(a V) (V, error) {
			return in.openFile([]V{a}, "open-binary-output-file", true, binary)
		}),
		prim1("file-exists?", func(a V) (V, error) {
			s, err := str(a, "file-exists?")
			if err != nil {
				return nil, err
			}
			if err := in.checkRead("file-exists?", s.String()); err != nil {
				return nil, err
			}
			_, err = os.Stat(s.String())
			return err == nil, nil
		}),
		prim1("delete-file", func(a V) (V, error) {
			s, err := str(a, "delete-file")
			if err != nil {
				return nil, err
			}
			if err := in.checkWrite("delete-file"); err != nil {
				return nil, err
			}
			if err := os.Remove(s.String()); err != nil {
				return nil, fileError("delete-file", "delete", s.String(), err)
			}
			return value.Unspecified, nil
		}),
		prim("eof-object", 0, 0, func(args []V) (V, error) { return value.EOF, nil }),
		pred("eof-object?", func(a V) bool { return a == value.Value(value.EOF) }),
	}
	ps = append(ps, in.inputPrims()...)
	return append(ps, in.outputPrims()...)
}

func (in *Interp) inputPrims() []*value.Primitive {
	return []*value.Primitive{
		prim("read", 0, 1, func(args []V) (V, error) {
			p, err := in.inPort(args, 0, "read", textual)
			if err != nil {
				return nil, err
			}
			return p.readDatum()
		}),
		prim("read-char", 0, 1, func(args []V) (V, error) {
			p, err := in.inPort(args, 0, "read-char", textual)
			if err != nil {
				return nil, err
			}
			r, ok, err := p.readRune()
			return charOrEOF(r, ok, err, "read-char")
		}),
		prim("peek-char", 0, 1, func(args []V) (V, error) {
			p, err := in.inPort(args, 0, "peek-char", textual)
			if err != nil {
				return nil, err
			}
			r, ok, err := p.peekRune()
			return charOrEOF(r, ok, err, "peek-char")
		}),
		prim("char-ready?", 0, 1, func(args []V) (V, error) {
			p, err := in.inPort(args, 0, "char-ready?", textual)
			if err != nil {
				return nil, err
			}
			return p.inputReady(), nil
		}),
		prim("read-line", 0, 1, func(args []V) (V, error) {
			p, err := in.inPort(args, 0, "read-line", textual)
			if err != nil {
				return nil, err
			}
			line, ok, err := p.readLine()
			if err != nil {
				return nil, ioError("read-line", err)
			}
			if !ok {
				return value.EOF, nil
			}
			return value.NewString(line), nil
		}),
		prim("read-string", 1, 2, func(args []V) (V, error) {
			k, err := sizeArg(args[0], "read-string", 4)
			if err != nil {
				return nil, err
			}
			p, err := in.inPort(args, 1, "read-string", textual)
			if err != nil {
				return nil, err
			}
			r, err := p.readString(k)
			if err != nil {
				return nil, ioError("read-string", err)
			}
			if len(r) == 0 && k > 0 {
				return value.EOF, nil
			}
			return &value.String{R: append([]rune{}, r...)}, nil
		}),
		prim("read-u8", 0, 1, func(args []V) (V, error) {
			p, err := in.inPort(args, 0, "read-u8", binary)
			if err != nil {
				return nil, err
			}
			var b [1]byte
			n, err := p.readBytes(b[:])
			return byteOrEOF(b[0], n, err, "read-u8")
		}),
		prim("peek-u8", 0, 1, func(args []V) (V, error) {
			p, err := in.inPort(args, 0, "peek-u8", binary)
			if err != nil {
				return nil, err
			}
			b, err := p.r.Peek(1)
			if len(b) == 0 {
				return byteOrEOF(0, 0, ignoreEOF(err), "peek-u8")
			}
			return value.Int(int64(b[0])), nil
		}),
		prim("u8-ready?", 0, 1, func(args []V) (V, error) {
			p, err := in.inPort(args, 0, "u8-ready?", binary)
			if err != nil {
				return nil, err
			}
			return p.inputReady(), nil
		}),
		prim("read-bytevector", 1, 2, func(args []V) (V, error) {
			k, err := sizeArg(args[0], "read-bytevector", 1)
			if err != nil {
				return nil, err
			}
			p, err := in.inPort(args, 1, "read-bytevector", binary)
			if err != nil {
				return nil, err
			}
			b := make([]byte, k)
			n, err := p.readBytes(b)
			if err != nil {
				return nil, ioError("read-bytevector", err)
			}
			if n == 0 && k > 0 {
				return value.EOF, nil
			}
			return &value.Bytevector{B: b[:n]}, nil
		}),
		prim("read-bytevector!", 1, 4, func(args []V) (V, error) {
			bv, err := bytevec(args[0], "read-bytevector!")
			if err != nil {
				return nil, err
			}
			p, err := in.inPort(args, 1, "read-bytevector!", binary)
			if err != nil {
				return nil, err
			}
			start, end, err := rangeArgs(args, 2, "read-bytevector!", len(bv.B))
			if err != nil {
				return nil, err
			}
			n, err := p.readBytes(bv.B[start:end])
			if err != nil {
				return nil, ioError("read-bytevector!", err)
			}
			if n == 0 && end > start {
				return value.EOF, nil
			}
			return value.Int(int64(n)), nil
		}),
	}
}

func charOrEOF(r rune, ok bool, err error, who string) (V, error) {
	if err != nil {
		return nil, ioError(who, err)
	}
	if !ok {
		return value.EOF, nil
	}
	return value.Char(r), nil
}

func byteOrEOF(b byte, n int, err error, who string) (V, error) {
	if err != nil {
		return nil, ioError(who, err)
	}
	if n == 0 {
		return value.EOF, nil
	}
	return value.Int(int64(b)), nil
}

func (in *Interp) outputPrims() []*value.Primitive {
	// printer makes write, write-shared, write-simple and display.
	// Printing a huge structure polls the interrupt flag, and stops the
	// machine at once when it is set (errStopped).
	printer := func(name string, print func(p *Port, v V) bool) *value.Primitive {
		return prim(name, 1, 2, func(args []V) (V, error) {
			p, err := in.outPort(args, 1, name, textual)
			if err != nil {
				return nil, err
			}
			if !print(p, args[0]) {
				return nil, errStopped
			}
			return value.Unspecified, p.wrote(name, p.lineFlush && mayEndLine(args[0]))
		})
	}
	stop := &in.interrupted
	return []*value.Primitive{
		// equal? of huge structures answers an interrupt too; this one
		// replaces pairPrims' equalPrim, which hash tables still use.
		// So does converting a number of millions of digits.
		prim("number->string", 1, 2, func(args []V) (V, error) {
			radix := 10
			if len(args) == 2 {
				r, err := toInt(args[1], "number->string")
				if err != nil {
					return nil, err
				}
				radix = r
			}
			if !value.IsNumber(args[0]) {
				return nil, value.TypeError("number->string", "number", args[0])
			}
			s, ok, err := value.NumberToStringStop(args[0], radix, stop)
			if err != nil {
				return nil, err
			}
			if !ok {
				return nil, errStopped
			}
			return value.NewString(s), nil
		}),
		prim2("equal?", func(a, b V) (V, error) {
			eq, ok := value.EqualStop(a, b, stop)
			if !ok {
				return nil, errStopped
			}
			return eq, nil
		}),
		printer("write", func(p *Port, v V) bool { return value.PrintStop(p.w, v, value.ModeWrite, stop) }),
		printer("write-shared", func(p *Port, v V) bool { return value.PrintStop(p.w, v, value.ModeWriteShared, stop) }),
		printer("write-simple", func(p *Port, v V) bool { return value.PrintStop(p.w, v, value.ModeWriteSimple, stop) }),
		printer("display", func(p *Port, v V) bool {
			switch x := v.(type) {
			case *value.String:
				for _, r := range x.R {
					p.w.WriteRune(r)
				}
			case value.Char:
				p.w.WriteRune(rune(x))
			default:
				return value.PrintStop(p.w, x, value.ModeDisplay, stop)
			}
			return true
		}),
		prim("newline", 0, 1, func(args []V) (V, error) {
			p, err := in.outPort(args, 0, "newline", textual)
			if err != nil {
				return nil, err
			}
			p.w.WriteByte('\n')
			return value.Unspecified, p.wrote("newline", true)
		}),
		prim("write-char", 1, 2, func(args []V) (V, error) {
			c, err := char(args[0], "write-char")
			if err != nil {
				return nil, err
			}
			p, err := in.outPort(args, 1, "write-char", textual)
			if err != nil {
				return nil, err
			}
			p.w.WriteRune(rune(c))
			return value.Unspecified, p.wrote("write-char", c == '\n')
		}),
		prim("write-string", 1, 4, func(args []V) (V, error) {
			s, err := str(args[0], "write-string")
			if err != nil {
				return nil, err
			}
			p, err := in.outPort(args, 1, "write-string", textual)
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
			return value.Unspecified, p.wrote("write-string", p.lineFlush && mayEndLine(s))
		}),
		prim("write-u8", 1, 2, func(args []V) (V, error) {
			b, err := byteArg(args[0], "write-u8")
			if err != nil {
				return nil, err
			}
			p, err := in.outPort(args, 1, "write-u8", binary)
			if err != nil {
				return nil, err
			}
			p.w.WriteByte(b)
			return value.Unspecified, p.wrote("write-u8", b == '\n')
		}),
		prim("write-bytevector", 1, 4, func(args []V) (V, error) {
			bv, err := bytevec(args[0], "write-bytevector")
			if err != nil {
				return nil, err
			}
			p, err := in.outPort(args, 1, "write-bytevector", binary)
			if err != nil {
				return nil, err
			}
			start, end, err := rangeArgs(args, 2, "write-bytevector", len(bv.B))
			if err != nil {
				return nil, err
			}
			p.w.Write(bv.B[start:end])
			return value.Unspecified, p.wrote("write-bytevector", true)
		}),
		prim("flush-output-port", 0, 1, func(args []V) (V, error) {
			p, err := in.outPort(args, 0, "flush-output-port", anyPort)
			if err != nil {
				return nil, err
			}
			if err := p.flush(); err != nil {
				return nil, writeError("flush-output-port", p, err)
			}
			return value.Unspecified, nil
		}),
	}
}
