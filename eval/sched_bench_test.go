package eval

// This file benchmarks the goroutine scheduler of ../prelude.scm on the
// programs of ../bench/concurrency, so that a profile
// (go test -run X -bench Sched -cpuprofile cpu.out ./eval/) shows where a
// context switch or a channel operation spends its time, and measures
// the memory a blocked goroutine keeps alive.

import (
	"io"
	"os"
	"runtime"
	"testing"

	"contigo/reader"
)

func newSchedInterp(b *testing.B) *Interp {
	prelude, err := os.ReadFile("../prelude.scm")
	if err != nil {
		b.Skip(err)
	}
	in, err := New(Options{Stdout: io.Discard, Prelude: string(prelude), PreludeName: "prelude.scm"})
	if err != nil {
		b.Fatal(err)
	}
	return in
}

func schedEvalAll(b *testing.B, in *Interp, src, name string) {
	forms, srcmap, err := reader.ReadAll(src, name)
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range forms {
		if _, err := in.Eval(f, srcmap); err != nil {
			b.Fatal(err)
		}
	}
}

func benchSched(b *testing.B, name string) {
	src, err := os.ReadFile("../bench/concurrency/" + name + ".scm")
	if err != nil {
		b.Skip(err)
	}
	for i := 0; i < b.N; i++ {
		in := newSchedInterp(b)
		schedEvalAll(b, in, string(src), name)
		end, _ := in.Lookup("%program-end")
		if _, err := in.Apply(end, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSchedPingPong(b *testing.B) { benchSched(b, "pingpong") }
func BenchmarkSchedSpawn(b *testing.B)    { benchSched(b, "spawn") }
func BenchmarkSchedSieve(b *testing.B)    { benchSched(b, "sieve") }
func BenchmarkSchedPipeline(b *testing.B) { benchSched(b, "pipeline") }

// BenchmarkSchedBlockedGoroutine reports the heap that each of 100,000
// goroutines blocked on one channel keeps alive (live-B/goroutine, after
// a collection).
func BenchmarkSchedBlockedGoroutine(b *testing.B) {
	const n = 100000
	for i := 0; i < b.N; i++ {
		in := newSchedInterp(b)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		schedEvalAll(b, in, `(define ch (make-chan))
(do ((i 0 (+ i 1))) ((= i 100000)) (go (recv ch)))
(yield)`, "blocked")
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/n, "live-B/goroutine")
		runtime.KeepAlive(in)
	}
}
