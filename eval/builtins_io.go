package eval

// This file defines the input and output primitives (report 6.13) over
// the ports of port.go. They stay in eval, not in package prims, because
// they reach the interpreter: the current ports are parameters of the
// machine's dynamic state, reading the console first flushes the
// interpreter's output, files are checked against its sandbox and listed
// as open, and the printers answer its interrupt flag. The procedures
// that call a procedure (call-with-port, with-output-to-file, ...) are in
// core.scm; format is in builtins_srfi.go.

import (
	"errors"
	"io/fs"
	"os"

	"contigo/prims"
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
		v = in.curOut.current(in, in.m.dyn, in.m.thread)
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
		v = in.curIn.current(in, in.m.dyn, in.m.thread)
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
	return prims.Fresh(portRows, in.fileRows(), in.inputRows(), in.outputRows())
}

var portRows = []value.Primitive{
	{Name: "port?", Min: 1, Max: 1, Fn1: isPort},
	{Name: "input-port?", Min: 1, Max: 1, Fn1: isInputPort},
	{Name: "output-port?", Min: 1, Max: 1, Fn1: isOutputPort},
	{Name: "textual-port?", Min: 1, Max: 1, Fn1: isTextualPort},
	{Name: "binary-port?", Min: 1, Max: 1, Fn1: isBinaryPort},
	{Name: "input-port-open?", Min: 1, Max: 1, Fn1: isInputPortOpen},
	{Name: "output-port-open?", Min: 1, Max: 1, Fn1: isOutputPortOpen},
	{Name: "open-input-string", Min: 1, Max: 1, Fn1: openInputString},
	{Name: "open-output-string", Min: 0, Max: 0, Fn: openOutputString},
	{Name: "get-output-string", Min: 1, Max: 1, Fn1: getOutputString},
	{Name: "open-input-bytevector", Min: 1, Max: 1, Fn1: openInputBytevector},
	{Name: "open-output-bytevector", Min: 0, Max: 0, Fn: openOutputBytevector},
	{Name: "get-output-bytevector", Min: 1, Max: 1, Fn1: getOutputBytevector},
	{Name: "eof-object", Min: 0, Max: 0, Fn: eofObject},
	{Name: "eof-object?", Min: 1, Max: 1, Fn1: isEOFObject},
}

func isPort(a V) (V, error)           { _, ok := a.(*Port); return ok, nil }
func isInputPort(a V) (V, error)      { p, ok := a.(*Port); return ok && p.r != nil, nil }
func isOutputPort(a V) (V, error)     { p, ok := a.(*Port); return ok && p.w != nil, nil }
func isTextualPort(a V) (V, error)    { p, ok := a.(*Port); return ok && p.textual, nil }
func isBinaryPort(a V) (V, error)     { p, ok := a.(*Port); return ok && p.binary, nil }
func eofObject([]V) (V, error)        { return value.EOF, nil }
func isEOFObject(a V) (V, error)      { return a == value.Value(value.EOF), nil }
func openOutputString([]V) (V, error) { return newStringOutputPort(), nil }
func openOutputBytevector([]V) (V, error) {
	return newBytevectorOutputPort(), nil
}

func isInputPortOpen(a V) (V, error) {
	p, err := portArg(a, "input-port-open?")
	if err != nil {
		return nil, err
	}
	return p.r != nil && !p.closed, nil
}

func isOutputPortOpen(a V) (V, error) {
	p, err := portArg(a, "output-port-open?")
	if err != nil {
		return nil, err
	}
	return p.w != nil && !p.closed, nil
}

func openInputString(a V) (V, error) {
	s, err := str(a, "open-input-string")
	if err != nil {
		return nil, err
	}
	return newStringInputPort(s.String()), nil
}

func getOutputString(a V) (V, error) {
	p, ok := a.(*Port)
	if !ok || p.buf == nil || !p.textual {
		return nil, value.TypeError("get-output-string", "string output port", a)
	}
	p.w.Flush()
	return value.NewString(p.buf.String()), nil
}

func openInputBytevector(a V) (V, error) {
	b, err := bytevec(a, "open-input-bytevector")
	if err != nil {
		return nil, err
	}
	return newBytevectorInputPort(b.B), nil
}

func getOutputBytevector(a V) (V, error) {
	p, ok := a.(*Port)
	if !ok || p.buf == nil || !p.binary {
		return nil, value.TypeError("get-output-bytevector", "bytevector output port", a)
	}
	p.w.Flush()
	return &value.Bytevector{B: append([]byte{}, p.buf.Bytes()...)}, nil
}

// fileRows are the primitives on files and on closing ports: they
// consult the sandbox and keep the interpreter's list of open files.
func (in *Interp) fileRows() []value.Primitive {
	return []value.Primitive{
		{Name: "close-port", Min: 1, Max: 1, Fn1: in.closePortPrim},
		{Name: "close-input-port", Min: 1, Max: 1, Fn1: in.closeInputPort},
		{Name: "close-output-port", Min: 1, Max: 1, Fn1: in.closeOutputPort},
		{Name: "open-input-file", Min: 1, Max: 1, Fn1: in.openInputFile},
		{Name: "open-binary-input-file", Min: 1, Max: 1, Fn1: in.openBinaryInputFile},
		{Name: "open-output-file", Min: 1, Max: 1, Fn1: in.openOutputFile},
		{Name: "open-binary-output-file", Min: 1, Max: 1, Fn1: in.openBinaryOutputFile},
		{Name: "file-exists?", Min: 1, Max: 1, Fn1: in.fileExists},
		{Name: "delete-file", Min: 1, Max: 1, Fn1: in.deleteFile},
	}
}

func (in *Interp) closePortPrim(a V) (V, error) {
	p, err := portArg(a, "close-port")
	if err != nil {
		return nil, err
	}
	return in.closePort(p, "close-port")
}

func (in *Interp) closeInputPort(a V) (V, error) {
	p, ok := a.(*Port)
	if !ok || p.r == nil {
		return nil, value.TypeError("close-input-port", "input port", a)
	}
	return in.closePort(p, "close-input-port")
}

func (in *Interp) closeOutputPort(a V) (V, error) {
	p, ok := a.(*Port)
	if !ok || p.w == nil {
		return nil, value.TypeError("close-output-port", "output port", a)
	}
	return in.closePort(p, "close-output-port")
}

func (in *Interp) openInputFile(a V) (V, error) {
	return in.openFile([]V{a}, "open-input-file", false, textual)
}

func (in *Interp) openBinaryInputFile(a V) (V, error) {
	return in.openFile([]V{a}, "open-binary-input-file", false, binary)
}

func (in *Interp) openOutputFile(a V) (V, error) {
	return in.openFile([]V{a}, "open-output-file", true, textual)
}

func (in *Interp) openBinaryOutputFile(a V) (V, error) {
	return in.openFile([]V{a}, "open-binary-output-file", true, binary)
}

func (in *Interp) fileExists(a V) (V, error) {
	s, err := str(a, "file-exists?")
	if err != nil {
		return nil, err
	}
	if err := in.checkRead("file-exists?", s.String()); err != nil {
		return nil, err
	}
	_, err = os.Stat(s.String())
	return err == nil, nil
}

func (in *Interp) deleteFile(a V) (V, error) {
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
}

// inputRows are the primitives that read: they default to the current
// input port, a parameter of the dynamic state.
func (in *Interp) inputRows() []value.Primitive {
	return []value.Primitive{
		{Name: "read", Min: 0, Max: 1, Fn: in.read},
		{Name: "read-char", Min: 0, Max: 1, Fn: in.readChar},
		{Name: "peek-char", Min: 0, Max: 1, Fn: in.peekChar},
		{Name: "char-ready?", Min: 0, Max: 1, Fn: in.charReady},
		{Name: "read-line", Min: 0, Max: 1, Fn: in.readLine},
		{Name: "read-string", Min: 1, Max: 2, Fn: in.readString},
		{Name: "read-u8", Min: 0, Max: 1, Fn: in.readU8},
		{Name: "peek-u8", Min: 0, Max: 1, Fn: in.peekU8},
		{Name: "u8-ready?", Min: 0, Max: 1, Fn: in.u8Ready},
		{Name: "read-bytevector", Min: 1, Max: 2, Fn: in.readBytevector},
		{Name: "read-bytevector!", Min: 1, Max: 4, Fn: in.readBytevectorInto},
	}
}

func (in *Interp) read(args []V) (V, error) {
	p, err := in.inPort(args, 0, "read", textual)
	if err != nil {
		return nil, err
	}
	return p.readDatum()
}

func (in *Interp) readChar(args []V) (V, error) {
	p, err := in.inPort(args, 0, "read-char", textual)
	if err != nil {
		return nil, err
	}
	r, ok, err := p.readRune()
	return charOrEOF(r, ok, err, "read-char")
}

func (in *Interp) peekChar(args []V) (V, error) {
	p, err := in.inPort(args, 0, "peek-char", textual)
	if err != nil {
		return nil, err
	}
	r, ok, err := p.peekRune()
	return charOrEOF(r, ok, err, "peek-char")
}

func (in *Interp) charReady(args []V) (V, error) { return in.ready(args, "char-ready?", textual) }
func (in *Interp) u8Ready(args []V) (V, error)   { return in.ready(args, "u8-ready?", binary) }

func (in *Interp) ready(args []V, who string, kind portKind) (V, error) {
	p, err := in.inPort(args, 0, who, kind)
	if err != nil {
		return nil, err
	}
	return p.inputReady(), nil
}

func (in *Interp) readLine(args []V) (V, error) {
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
}

func (in *Interp) readString(args []V) (V, error) {
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
}

func (in *Interp) readU8(args []V) (V, error) {
	p, err := in.inPort(args, 0, "read-u8", binary)
	if err != nil {
		return nil, err
	}
	var b [1]byte
	n, err := p.readBytes(b[:])
	return byteOrEOF(b[0], n, err, "read-u8")
}

func (in *Interp) peekU8(args []V) (V, error) {
	p, err := in.inPort(args, 0, "peek-u8", binary)
	if err != nil {
		return nil, err
	}
	b, err := p.r.Peek(1)
	if len(b) == 0 {
		return byteOrEOF(0, 0, ignoreEOF(err), "peek-u8")
	}
	return value.Int(int64(b[0])), nil
}

func (in *Interp) readBytevector(args []V) (V, error) {
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
}

func (in *Interp) readBytevectorInto(args []V) (V, error) {
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

// outputRows are the primitives that write: they default to the current
// output port, and the printers answer the interrupt flag.
func (in *Interp) outputRows() []value.Primitive {
	return []value.Primitive{
		{Name: "write", Min: 1, Max: 2, Fn: in.write},
		{Name: "write-shared", Min: 1, Max: 2, Fn: in.writeShared},
		{Name: "write-simple", Min: 1, Max: 2, Fn: in.writeSimple},
		{Name: "display", Min: 1, Max: 2, Fn: in.display},
		{Name: "newline", Min: 0, Max: 1, Fn: in.newline},
		{Name: "write-char", Min: 1, Max: 2, Fn: in.writeChar},
		{Name: "write-string", Min: 1, Max: 4, Fn: in.writeString},
		{Name: "write-u8", Min: 1, Max: 2, Fn: in.writeU8},
		{Name: "write-bytevector", Min: 1, Max: 4, Fn: in.writeBytevector},
		{Name: "flush-output-port", Min: 0, Max: 1, Fn: in.flushOutputPort},
	}
}

func (in *Interp) write(args []V) (V, error) { return in.print(args, "write", value.ModeWrite) }
func (in *Interp) writeShared(args []V) (V, error) {
	return in.print(args, "write-shared", value.ModeWriteShared)
}
func (in *Interp) writeSimple(args []V) (V, error) {
	return in.print(args, "write-simple", value.ModeWriteSimple)
}
func (in *Interp) display(args []V) (V, error) { return in.print(args, "display", value.ModeDisplay) }

// print writes args[0] to the port args[1] in a mode of package value.
// Printing a huge structure polls the interrupt flag, and stops the
// machine at once when it is set (errStopped).
func (in *Interp) print(args []V, who string, mode int) (V, error) {
	p, err := in.outPort(args, 1, who, textual)
	if err != nil {
		return nil, err
	}
	if mode != value.ModeDisplay || !displayText(p, args[0]) {
		if !value.PrintStop(p.w, args[0], mode, &in.interrupted) {
			return nil, errStopped
		}
	}
	return value.Unspecified, p.wrote(who, p.lineFlush && mayEndLine(args[0]))
}

// displayText displays a string or a character v on p directly, and
// reports whether v was one.
func displayText(p *Port, v V) bool {
	switch x := v.(type) {
	case *value.String:
		for _, r := range x.R {
			p.w.WriteRune(r)
		}
	case value.Char:
		p.w.WriteRune(rune(x))
	default:
		return false
	}
	return true
}

func (in *Interp) newline(args []V) (V, error) {
	p, err := in.outPort(args, 0, "newline", textual)
	if err != nil {
		return nil, err
	}
	p.w.WriteByte('\n')
	return value.Unspecified, p.wrote("newline", true)
}

func (in *Interp) writeChar(args []V) (V, error) {
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
}

func (in *Interp) writeString(args []V) (V, error) {
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
}

func (in *Interp) writeU8(args []V) (V, error) {
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
}

func (in *Interp) writeBytevector(args []V) (V, error) {
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
}

func (in *Interp) flushOutputPort(args []V) (V, error) {
	p, err := in.outPort(args, 0, "flush-output-port", anyPort)
	if err != nil {
		return nil, err
	}
	if err := p.flush(); err != nil {
		return nil, writeError("flush-output-port", p, err)
	}
	return value.Unspecified, nil
}
