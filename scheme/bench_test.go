package scheme

import (
	"testing"
)

// BenchmarkNew measures start-up: the standard library, and the
// concurrency library on top of it.
func BenchmarkNew(b *testing.B) {
	for _, tc := range []struct {
		name string
		opts Options
	}{
		{"concurrency", Options{MaxMemory: -1}},
		{"no-concurrency", Options{MaxMemory: -1, NoConcurrency: true}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := New(tc.opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkFunc measures a call from Scheme of a Go function that
// unpacks two arguments.
func BenchmarkFunc(b *testing.B) {
	in, err := New(Options{MaxMemory: -1, NoConcurrency: true})
	if err != nil {
		b.Fatal(err)
	}
	in.DefineFunc("add", func(args []Value) (Value, error) {
		var x, y int
		if err := UnpackArgs("add", args, "x", &x, "y", &y); err != nil {
			return nil, err
		}
		return x + y, nil
	})
	if _, err := in.EvalString(`(define (loop n acc) (if (= n 0) acc (loop (- n 1) (add acc 1))))`); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	v, err := in.Call("loop", b.N, 0)
	if err != nil || WriteString(v) != WriteString(mustValue(b.N)) {
		b.Fatalf("got %v, %v", v, err)
	}
}

// BenchmarkCall measures a call from Go of a Scheme procedure.
func BenchmarkCall(b *testing.B) {
	in, err := New(Options{MaxMemory: -1, NoConcurrency: true})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := in.EvalString(`(define (add x y) (+ x y))`); err != nil {
		b.Fatal(err)
	}
	add, _ := in.Lookup("add")
	for i := 0; b.Loop(); i++ {
		if _, err := in.Call(add, i, 1); err != nil {
			b.Fatal(err)
		}
	}
}

func mustValue(x any) Value {
	v, err := ValueOf(x)
	if err != nil {
		panic(err)
	}
	return v
}
