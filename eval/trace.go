package eval

// This file defines the hooks that make the machine's state visible to
// the user: where the running code is (for the positions of the
// scheduler trace's events) and what a captured continuation will do
// when it is resumed (show-continuation, the REPL's ,cont).
//
//   - (%trace-where main?) is the position, as a string "file:line:col",
//     of the innermost pending call outside prelude.scm of the current
//     continuation (the operand or statement being evaluated, as in
//     backtraces); else, if main? (goroutine 1 runs, whose continuation
//     is the top-level form's), the position of the top-level form being
//     evaluated; else #f. A call in
//     tail position leaves no frame, so it is not seen: the caller's
//     pending call (or the form) is.
//   - (%procedure-position proc) is the position of a procedure's first
//     body form (for a goroutine made by (go (recv c)), the (recv c)), or
//     of its lambda, or #f for a primitive.
//   - (%continuation-frames k) describes k's frames, innermost first: a
//     list of lists (name position what prelude?), name "" at top level,
//     position a string or #f, what a sentence saying what the frame does
//     with the value it receives, prelude? whether the frame belongs to
//     prelude.scm.

import (
	"fmt"
	"strings"

	"contigo/value"
)

func (in *Interp) tracePrims() []*value.Primitive {
	return []*value.Primitive{
		prim1("%trace-where", func(main V) (V, error) {
			if in.m == nil {
				return false, nil
			}
			for f := in.m.k; f != nil; f = f.Next {
				if _, pos := frameWhere(f); pos.IsValid() && !inPrelude(pos) {
					return value.NewString(pos.String()), nil
				}
			}
			if main != false && in.topPos.IsValid() && !inPrelude(in.topPos) {
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
		prim1("%continuation-frames", func(x V) (V, error) {
			c, ok := asContinuation(x)
			if !ok {
				return nil, value.TypeError("show-continuation", "continuation", x)
			}
			var out []V
			for f := c.k; f != nil; f = f.Next {
				name, pos := frameWhere(f)
				var p V = false
				if pos.IsValid() {
					p = value.NewString(pos.String())
				}
				out = append(out, value.List(value.NewString(name), p,
					value.NewString(frameAction(f)), inPrelude(pos)))
			}
			return value.List(out...), nil
		}),
	}
}

// frameAction says in a sentence what frame f does with the value it is
// given when its continuation is resumed.
func frameAction(f *Frame) string {
	switch c := f.Code.(type) {
	case *App:
		return operandAction(f, len(c.all)-1, "call")
	case *PrimCall:
		return operandAction(f, len(c.app.all)-1, "call")
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
	case *And:
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
// waiting for operand f.I (the operator is evaluated last, as index n).
func operandAction(f *Frame, n int, what string) string {
	i := int(f.I)
	done := make([]V, i)
	restoreOperands(done, f.Val)
	var b strings.Builder
	if i == n {
		b.WriteString("call it as the procedure")
	} else {
		fmt.Fprintf(&b, "use it as argument %d of %d of the %s", i+1, n, what)
	}
	if i > 0 {
		args := make([]string, 0, i)
		for _, v := range done {
			args = append(args, value.ShortText(value.WriteString(v), 40))
		}
		fmt.Fprintf(&b, " (arguments before it: %s)", strings.Join(args, " "))
	}
	if i < n-1 {
		fmt.Fprintf(&b, ", evaluate the other %d", n-1-i)
	}
	if i < n {
		b.WriteString(", then call")
	}
	return b.String()
}
