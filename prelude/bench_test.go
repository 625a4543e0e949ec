package prelude_test

import (
	"io"
	"runtime"
	"strconv"
	"testing"

	"contigo/eval"
	"contigo/prelude"
)

// BenchmarkNew measures start-up: making an interpreter with the whole
// library (core.scm, srfi.scm, prelude.scm), as every run of contigo and
// every page of the course in the browser does.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := prelude.New(eval.Options{Stdout: io.Discard}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPendingTimerBytes reports the heap that a pending timer keeps
// alive after a collection (live-B/timer), for (after ms), make-timer
// and a sleeping goroutine's alarm beside a bare channel (the part of a
// timer that is its channel): 100,000 of each, pending for a day.
// `go test -run X -bench PendingTimerBytes -memprofile m.out ./prelude`
// says where the bytes go.
func BenchmarkPendingTimerBytes(b *testing.B) {
	for _, bc := range []struct{ name, make string }{
		{"chan", "(make-chan 1)"},
		{"after", "(after 86400000)"},
		{"make-timer", "(make-timer 86400000)"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			const n = 100000
			src := `(define keep (let loop ((i ` + strconv.Itoa(n) + `) (acc '()))
			           (if (= i 0) acc (loop (- i 1) (cons ` + bc.make + ` acc)))))`
			var perTimer float64
			for i := 0; i < b.N; i++ {
				in, err := prelude.New(eval.Options{Stdout: io.Discard})
				if err != nil {
					b.Fatal(err)
				}
				before := liveHeap()
				if err := in.Load(src, "bench.scm"); err != nil {
					b.Fatal(err)
				}
				perTimer = float64(liveHeap()-before) / n
				runtime.KeepAlive(in)
			}
			b.ReportMetric(perTimer, "live-B/timer")
		})
	}
}

// liveHeap is the heap in use after a collection.
func liveHeap() int64 {
	var m runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}

// BenchmarkStartChannels is the start of a program that uses goroutines
// and channels: a new interpreter, a goroutine that sends, a receive and
// the program's end. Beside BenchmarkNew, it shows what the first use of
// go, send and recv costs: mostly compiling, at their first call, the
// library procedures they reach (eval/lazy.go), and the inline macros'
// expansions in them.
func BenchmarkStartChannels(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		in, err := prelude.New(eval.Options{Stdout: io.Discard})
		if err != nil {
			b.Fatal(err)
		}
		if err := evalAll(in, "(define c (make-chan)) (go (send c 1)) (display (recv c))"); err != nil {
			b.Fatal(err)
		}
		if err := prelude.ProgramEnd(in); err != nil {
			b.Fatal(err)
		}
	}
}
