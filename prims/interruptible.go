package prims

// This file defines the primitives whose work can be huge and that
// answer the interpreter's interrupt flag, so that Ctrl-C still ends
// them: equal? and number->string on huge data poll it, and products and
// powers of millions of bits, which take Go seconds in one call that
// cannot poll, run past longArithBits in a goroutine that the flag
// abandons (value.Stoppable).

import (
	"math/big"

	"contigo/value"
)

// longArithBits is the size, in bits of the operands (of the result for
// expt), past which one big.Int operation takes long enough to matter to
// Ctrl-C (tens of milliseconds and up to seconds).
const longArithBits = 1 << 22

// interruptible holds the interrupt flag of one interpreter.
type interruptible struct{ stop *int32 }

func (a interruptible) rows() []value.Primitive {
	return []value.Primitive{
		{Name: "*", Min: 0, Max: -1, Fn: a.times, Fn1: times1, Fn2: a.mul},
		{Name: "expt", Min: 2, Max: 2, Fn2: a.expt},
		{Name: "square", Min: 1, Max: 1, Fn1: a.square},
		{Name: "equal?", Min: 2, Max: 2, Fn2: a.equal},
		{Name: "number->string", Min: 1, Max: 2, Fn: a.numberToString},
	}
}

func (a interruptible) equal(x, y V) (V, error) {
	eq, ok := value.EqualStop(x, y, a.stop)
	if !ok {
		return nil, value.ErrStopped
	}
	return eq, nil
}

func (a interruptible) numberToString(args []V) (V, error) {
	radix := 10
	if len(args) == 2 {
		r, err := IntArg(args[1], "number->string")
		if err != nil {
			return nil, err
		}
		radix = r
	}
	if !value.IsNumber(args[0]) {
		return nil, value.TypeError("number->string", "number", args[0])
	}
	s, ok, err := value.NumberToStringStop(args[0], radix, a.stop)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, value.ErrStopped
	}
	return value.NewString(s), nil
}

func (a interruptible) times(args []V) (V, error) {
	return foldArith(args, value.Int(1), times1, a.mul)
}
func times1(x V) (V, error)                   { return checkNumber(x, "*") }
func (a interruptible) square(x V) (V, error) { return a.mul(x, x) }

func (a interruptible) mul(x, y V) (V, error) {
	if _, ok := x.(value.Fixnum); ok {
		if _, ok := y.(value.Fixnum); ok {
			return Mul2(x, y)
		}
	}
	if intBits(x)+intBits(y) > longArithBits {
		return a.stoppable(func() (V, error) { return value.Mul(x, y) })
	}
	return value.Mul(x, y)
}

func (a interruptible) expt(x, y V) (V, error) {
	if n, ok := y.(value.Fixnum); ok && n > 0 && int64(intBits(x))*int64(n) > longArithBits {
		return a.stoppable(func() (V, error) { return value.Expt(x, y) })
	}
	return value.Expt(x, y)
}

// intBits is the size in bits of an exact integer, 0 for anything else.
func intBits(x V) int {
	switch n := x.(type) {
	case value.Fixnum:
		return 64
	case *big.Int:
		return n.BitLen()
	}
	return 0
}

// stoppable runs one long arithmetic operation so that the interrupt
// flag ends the wait for it with value.ErrStopped.
func (a interruptible) stoppable(op func() (V, error)) (V, error) {
	type result struct {
		v   V
		err error
	}
	r, ok := value.Stoppable(func() result { v, err := op(); return result{v, err} }, a.stop)
	if !ok {
		return nil, value.ErrStopped
	}
	return r.v, r.err
}
