package eval

// This file defines SRFI 28's format, which writes to the current output
// port when asked. The other everyday SRFIs' primitives (hash tables,
// boxes, iota) are in package prims; their procedures that call
// procedures are in srfi.scm.

import (
	"bufio"
	"math/big"
	"strings"

	"contigo/value"
)

func (in *Interp) srfiPrims() []*value.Primitive {
	// format writes to the current output port when asked.
	return []*value.Primitive{prim("format", 1, -1, in.format)}
}

// format is SRFI 28's (format [destination] control arg ...): the
// destination is #f (return a string; also when it is left out), #t (the
// current output port) or a port. The directives are ~a (display), ~s
// (write), ~d ~b ~o ~x (a number in radix 10, 2, 8, 16), ~c (a
// character), ~% and ~n (newline) and ~~ (a tilde).
func (in *Interp) format(args []V) (V, error) {
	var out *Port
	switch d := args[0].(type) {
	case *value.String:
	case bool:
		if d {
			p, err := in.outPort(nil, 0, "format", textual)
			if err != nil {
				return nil, err
			}
			out = p
		}
		args = args[1:]
	case *Port:
		p, err := in.outPort(args, 0, "format", textual)
		if err != nil {
			return nil, err
		}
		out = p
		args = args[1:]
	default:
		return nil, value.TypeError("format", "string, boolean or output port", d)
	}
	if len(args) == 0 {
		return nil, value.Errorf("format: missing control string")
	}
	control, err := str(args[0], "format")
	if err != nil {
		return nil, err
	}
	var sb strings.Builder
	w := bufio.NewWriter(&sb)
	if out != nil {
		w = out.w
	}
	if err := formatTo(w, control.R, args[1:], &in.interrupted); err != nil {
		return nil, err
	}
	if out != nil {
		return value.Unspecified, out.wrote("format", true)
	}
	w.Flush()
	return value.NewString(sb.String()), nil
}

// formatTo writes control with the directives replaced by args; ~a and
// ~s of a huge structure stop (errStopped) when *stop is set, as display
// and write do.
func formatTo(w *bufio.Writer, control []rune, args []V, stop *int32) error {
	next := func(d rune) (V, error) {
		if len(args) == 0 {
			return nil, value.Errorf("format: not enough arguments for ~%c in %s", d, value.WriteString(&value.String{R: control}))
		}
		a := args[0]
		args = args[1:]
		return a, nil
	}
	for i := 0; i < len(control); i++ {
		c := control[i]
		if c != '~' {
			w.WriteRune(c)
			continue
		}
		i++
		if i == len(control) {
			return value.Errorf("format: control string ends with ~")
		}
		d := control[i]
		switch d {
		case '%', 'n', 'N':
			w.WriteByte('\n')
		case '~':
			w.WriteByte('~')
		case 'a', 'A', 's', 'S', 'd', 'D', 'b', 'B', 'o', 'O', 'x', 'X', 'c', 'C':
			a, err := next(d)
			if err != nil {
				return err
			}
			if err := formatOne(w, d, a, stop); err != nil {
				return err
			}
		default:
			return value.Errorf("format: unknown directive ~%c", d)
		}
	}
	return nil
}

func formatOne(w *bufio.Writer, d rune, a V, stop *int32) error {
	radix := 0
	switch d {
	case 'a', 'A':
		if !value.PrintStop(w, a, value.ModeDisplay, stop) {
			return errStopped
		}
	case 's', 'S':
		if !value.PrintStop(w, a, value.ModeWrite, stop) {
			return errStopped
		}
	case 'c', 'C':
		c, err := char(a, "format")
		if err != nil {
			return err
		}
		w.WriteRune(rune(c))
	case 'd', 'D':
		radix = 10
	case 'b', 'B':
		radix = 2
	case 'o', 'O':
		radix = 8
	case 'x', 'X':
		radix = 16
	}
	if radix == 0 {
		return nil
	}
	if !value.IsNumber(a) {
		return value.TypeError("format", "number for ~"+string(d), a)
	}
	if _, ok := a.(*big.Rat); !ok && radix != 10 && !value.IsExact(a) {
		return value.TypeError("format", "exact number for ~"+string(d), a)
	}
	s, err := value.NumberToString(a, radix)
	if err != nil {
		return err
	}
	w.WriteString(s)
	return nil
}
