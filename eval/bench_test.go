package eval

import (
	"io"
	"os"
	"testing"
)

// benchFile runs a program from bench/programs once per iteration.
func benchFile(b *testing.B, name string) {
	src, err := os.ReadFile("../bench/programs/" + name + ".scm")
	if err != nil {
		b.Skip(err)
	}
	for i := 0; i < b.N; i++ {
		in, err := New(Options{Stdout: io.Discard})
		if err != nil {
			b.Fatal(err)
		}
		forms, srcmap, err := ReadForms(string(src), name)
		if err != nil {
			b.Fatal(err)
		}
		for _, f := range forms {
			if _, err := in.Eval(f, srcmap); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkFib(b *testing.B)       { benchFile(b, "fib") }
func BenchmarkTak(b *testing.B)       { benchFile(b, "tak") }
func BenchmarkAck(b *testing.B)       { benchFile(b, "ack") }
func BenchmarkCtak(b *testing.B)      { benchFile(b, "ctak") }
func BenchmarkFibc(b *testing.B)      { benchFile(b, "fibc") }
func BenchmarkGenerator(b *testing.B) { benchFile(b, "generator") }
func BenchmarkDeep(b *testing.B)      { benchFile(b, "deep") }
func BenchmarkNqueens(b *testing.B)   { benchFile(b, "nqueens") }
func BenchmarkDeriv(b *testing.B)     { benchFile(b, "deriv") }

// BenchmarkStartup measures making an interpreter with the library loaded.
func BenchmarkStartup(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := New(Options{Stdout: io.Discard}); err != nil {
			b.Fatal(err)
		}
	}
}
