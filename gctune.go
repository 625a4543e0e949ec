package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// Scheme programs allocate many short-lived frames, environment records
// and continuations while keeping little alive, so with Go's default
// policy (collect when the heap doubles) a small program collects every
// few megabytes and spends much of its time with write barriers on.
// tuneGC instead aims for a fixed minimum headroom: after every
// collection it sets GOGC so that the next one starts once
// max(minHeadroom, live heap) more bytes have been allocated. A small
// program then collects every 32 MB; a large one, as Go normally would.
//
// The headroom is what a small program's peak RSS is made of (about
// 40 MB for bench/'s allocating programs, whose live data is tiny;
// chibi runs them in 8 MB). What it buys, in CPU time against 32 MB
// (bench/compare.sh --cpu --pin 1 --runs 5, geometric mean over
// bench/programs, 2026-12): 8 MB costs 19% (ctak, generator and deriv
// 40%; RSS 15-18 MB), 16 MB costs 8% (RSS 23 MB), 64 MB saves 4% (RSS
// 60-74 MB). Collecting off (GOGC=off) is slower still than 32 MB on
// ctak, deriv and generator: fresh memory costs page faults and cache
// misses that reused memory does not. An explicit GOGC in the
// environment turns the tuner off.
const minHeadroom = 32 << 20

func tuneGC() {
	if os.Getenv("GOGC") != "" {
		return
	}
	debug.SetGCPercent(percentFor(0))
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var retune func(*tuneSentinel)
	retune = func(*tuneSentinel) {
		metrics.Read(sample)
		live := uint64(0)
		if sample[0].Value.Kind() == metrics.KindUint64 {
			live = sample[0].Value.Uint64()
		}
		debug.SetGCPercent(percentFor(live))
		// A finalizer runs once per collection that frees its object:
		// re-arm with a fresh one.
		runtime.SetFinalizer(new(tuneSentinel), retune)
	}
	runtime.SetFinalizer(new(tuneSentinel), retune)
}

// tuneSentinel is the object whose finalizer retunes after a collection.
// It holds a pointer so that Go does not place it in a tiny-allocator
// block shared with other small objects (a new(int) was), whose
// finalizer runs only once they are all garbage. The tuner then mostly
// kept the start's 800%: bench/memory/timers.scm (1,000,000 pending
// timers) collected at 59 MB live, next at 529 MB, and ended near 1 GB
// without another (eval/memory.go's sentinel has the same pointer).
type tuneSentinel struct{ _ *byte }

// percentFor returns the GOGC that gives a heap of live bytes
// max(minHeadroom, live) of headroom.
func percentFor(live uint64) int {
	const floor = 4 << 20 // below this, treat the heap as 4 MB
	if live < floor {
		live = floor
	}
	headroom := max(uint64(minHeadroom), live)
	return int(headroom * 100 / live)
}
