package eval_test

// This file benchmarks the goroutine scheduler of ../prelude/prelude.scm on the
// programs of ../bench/concurrency, so that a profile
// (go test -run X -bench Sched -cpuprofile cpu.out ./eval/) shows where a
// context switch or a channel operation spends its time, and measures
// the memory a blocked goroutine keeps alive.

import (
	"io"
	"os"
	"runtime"
	"strconv"
	"testing"

	"contigo/eval"
	"contigo/prelude"
)

func newSchedInterp(b testing.TB) *eval.Interp {
	in, err := prelude.New(eval.Options{Stdout: io.Discard})
	if err != nil {
		b.Fatal(err)
	}
	return in
}

func schedEvalAll(b testing.TB, in *eval.Interp, src, name string) {
	forms, srcmap, err := eval.ReadForms(src, name)
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
		if err := prelude.ProgramEnd(in); err != nil {
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
	for i := 0; i < b.N; i++ {
		b.ReportMetric(blockedGoroutineBytes(b, 100000), "live-B/goroutine")
	}
}

// blockedGoroutineBytes returns the heap that each of n goroutines
// blocked on one channel keeps alive.
func blockedGoroutineBytes(tb testing.TB, n int) float64 {
	in := newSchedInterp(tb)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	schedEvalAll(tb, in, `(define ch (make-chan))
(do ((i 0 (+ i 1))) ((= i `+strconv.Itoa(n)+`)) (go (recv ch)))
(yield)`, "blocked")
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(in)
	return float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / float64(n)
}

// TestSchedBlockedGoroutineMemory keeps a blocked goroutine small. Issue
// 14 allows 300 bytes per goroutine blocked on a channel; one blocked in
// recv keeps about 290 alive: its record (176), its waiter (32), its
// continuation object (24), its ticket (16), its place in the wait
// queue and its boxed id, but no frame or environment of the scheduler
// and no dynamic state of its own.
func TestSchedBlockedGoroutineMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates 100,000 goroutines")
	}
	if per := blockedGoroutineBytes(t, 100000); per > 300 {
		t.Errorf("a blocked goroutine keeps %.0f bytes alive, want at most 300", per)
	}
}
