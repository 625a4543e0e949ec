package eval

// This file defines the hooks that make the machine's state visible to
// the user: where the running code is (for the positions of the
// scheduler trace's events) and what a captured continuation will do
// when it is resumed (show-continuation, the REPL's ,cont).
//
//   - (%trace-where main?) is the position, as a string "file:line:col",
//     of the innermost pending call in the user's code (not the
//     library's, blame.go) of the current continuation (the operand or statement being evaluated, as in
//     backtraces); else, if main? (goroutine 1 runs, whose continuation
//     is the top-level form's), the position of the top-level form being
//     evaluated; else #f. A call in
//     tail position leaves no frame, so it is not seen: the caller's
//     pending call (or the form) is.
//   - (%procedure-position proc) is the position of a procedure's first
//     body form (for a goroutine made by (go (recv c)), the (recv c)), or
//     of its lambda, or #f for a primitive.
//   - (show-continuation k [port]) prints what the continuation k will do
//     with the value it is resumed with: its frames, innermost first, each
//     with the procedure and the position it belongs to (the REPL's ,cont
//     shows the same). Frames of the library (the scheduler's, in
//     prelude.scm) are counted, not listed.

import (
	"fmt"
	"slices"
	"strings"

	"contigo/cont"
	"contigo/value"
)

func (in *Interp) tracePrims() []*value.Primitive {
	return []*value.Primitive{
		prim1("%trace-where", func(main V) (V, error) {
			if in.m == nil {
				return false, nil
			}
			if f, _, pos := userFrame(in.m.k, -1); f != nil {
				return value.NewString(pos.String()), nil
			}
			if main != false && isUserPos(in.topPos) {
				return value.NewString(in.topPos.String()), nil
			}
			return false, nil
		}),
		prim1("%procedure-position", func(x V) (V, error) {
			c, ok := x.(*Closure)
			if !ok {
				return false, nil
			}
			pos := c.lam.pos
			if s, ok := c.lam.body.(interface{ siteOf() *site }); ok && s.siteOf().pos.IsValid() {
				pos = s.siteOf().pos
			}
			if !pos.IsValid() {
				return false, nil
			}
			return value.NewString(pos.String()), nil
		}),
		prim("show-continuation", 1, 2, func(args []V) (V, error) {
			c, ok := asContinuation(args[0], in.rootDyn)
			if !ok {
				return nil, value.TypeError("show-continuation", "continuation", args[0])
			}
			p, err := in.outPort(args, 1, "show-continuation", textual)
			if err != nil {
				return nil, err
			}
			p.w.WriteString(describeContinuation(c))
			return value.Unspecified, nil
		}),
	}
}

// continuationBacktrace is (%continuation-backtrace k): the pending calls
// of continuation k outside the library, innermost first, as strings
// "name at file:line:col". A goroutine's continuation (raw) starts with
// where it waits when its innermost pending call is in the library and
// the user's call that entered it was in tail position (waitSite).
func continuationBacktrace(x V) (V, error) {
	c, ok := asContinuation(x, nil) // only its frames are used
	if !ok {
		return value.Nil, nil
	}
	var lines []V
	var last string
	add := func(name string, pos value.Pos) {
		if !isUserPos(pos) {
			return
		}
		if name == "" {
			name = "<top level>"
		}
		line := name + " at " + pos.String()
		if line != last {
			lines = append(lines, value.NewString(line))
		}
		last = line
	}
	if o, ok := x.(*OneShotContinuation); ok {
		x = &o.RawContinuation
	}
	if r, ok := x.(*RawContinuation); ok && r.wait != nil {
		add(r.wait.name, r.wait.pos)
	}
	for f := c.k; f != nil; f = f.Next {
		add(f.Code.where())
	}
	return value.List(lines...), nil
}

// describeContinuation is the text show-continuation prints.
func describeContinuation(c *Continuation) string {
	var b strings.Builder
	b.WriteString("When resumed with a value, this continuation will:\n")
	hidden, i := 0, 0
	var files []string // of the hidden frames
	flush := func() {
		if hidden > 0 {
			fmt.Fprintf(&b, "     ... %d frame%s of %s\n", hidden, plural(hidden), strings.Join(files, ", "))
		}
		hidden, files = 0, nil
	}
	above := false // whether the frame above is the library's
	for f := c.k; f != nil; f = f.Next {
		name, pos := frameWhere(f)
		// A goroutine's continuation ends in the frames of the
		// prelude's form that captured the goroutine base.
		_, halt := f.Code.(haltCode)
		above = isLibPos(pos) || halt && above
		if above {
			hidden++
			if pos.IsValid() && !slices.Contains(files, *pos.File) {
				files = append(files, *pos.File)
			}
			continue
		}
		flush()
		i++
		fmt.Fprintf(&b, "%3d. %s\n", i, frameAction(f))
		if pos.IsValid() {
			if name == "" {
				name = "the top level"
			}
			fmt.Fprintf(&b, "      in %s at %s\n", name, pos)
		}
	}
	flush()
	return b.String()
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// frameAction says in a sentence what frame f does with the value it is
// given when its continuation is resumed.
func frameAction(f *Frame) string {
	switch c := f.Code.(type) {
	case *App:
		return operandAction(f, len(c.all)-1, operatorName(c.all[len(c.all)-1]))
	case appInto:
		return operandAction(f, len(c.all)-1, operatorName(c.all[len(c.all)-1]))
	case *PrimCall:
		return operandAction(f, len(c.args), c.g.Name.Name)
	case *PrimStep:
		return operandAction(f, len(c.args), c.g.Name.Name)
	case *Let:
		return fmt.Sprintf("bind it to variable %d of %d of the let, then run the let's body", f.I+1, len(c.inits))
	case *Seq:
		left := len(c.body) - int(f.I) - 1
		if left == 1 {
			return "drop it and evaluate the last form of the body"
		}
		return fmt.Sprintf("drop it and evaluate the %d remaining forms of the body", left)
	case *If:
		return "choose a branch of the if by it"
	case *SetGlobal:
		if c.define {
			return "define " + c.g.Name.Name + " as it"
		}
		return "assign it to " + c.g.Name.Name
	case *SetLocal:
		return "assign it to a local variable"
	case *ShortCircuit:
		return "test it (and/or), then go on with the rest"
	case *Case, caseArrow, *CondArrow:
		return "dispatch on it (case/cond)"
	case haltCode:
		return "return it as the value of the top-level form"
	case restoreDyn:
		return "leave the exception handler: restore the handlers"
	case dwCode, dwAfter, travelCode:
		return "dynamic-wind: run the before/after thunks"
	}
	name := fmt.Sprintf("%T", f.Code)
	name = strings.TrimPrefix(strings.TrimPrefix(name, "*"), "eval.")
	return "hand it to the evaluator's " + name + " step"
}

// operandAction describes an operands frame of a call with n operands
// waiting for operand f.I (the operator, op, is evaluated last, as index
// n): the call is shown with the values computed so far, □ for the
// value the frame receives and … for each operand still to evaluate.
func operandAction(f *Frame, n int, op string) string {
	i := int(f.I)
	done := make([]V, i)
	if env, ok := f.Val.(*cont.Env); ok {
		copy(done, env.Vals) // appInto's frame
	} else {
		restoreOperands(done, f.Val)
	}
	if i == n {
		return "call it as the procedure, with the arguments already evaluated"
	}
	parts := []string{op}
	for _, v := range done {
		parts = append(parts, value.ShortText(value.WriteString(v), 40))
	}
	parts = append(parts, "□")
	for j := i + 1; j < n; j++ {
		parts = append(parts, "…")
	}
	return fmt.Sprintf("use it as argument %d of the call (%s), then call", i+1, strings.Join(parts, " "))
}

// operatorName is the name of a call's operator if it is a global
// variable, else "…".
func operatorName(n Node) string {
	if g, ok := n.(*GlobalRef); ok {
		return g.g.Name.Name
	}
	return "…"
}
