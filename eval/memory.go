package eval

// This file defines the memory limit: the size checks that primitives
// allocating by a user-given size make before Go allocates, and the
// process-wide limit on the heap that ends a runaway program with a
// Scheme error instead of an OOM kill.
//
// The limit is enforced in two places. debug.SetMemoryLimit makes Go's
// collector work harder as the heap nears it, and a check that runs once
// per collection (a finalizer re-armed every cycle, so the evaluator's
// loop pays nothing) compares the live heap with the limit and raises a
// flag that the loop's poll (tick, every pollInterval steps) already
// reads next to the interrupt flag.

import (
	"bufio"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"contigo/prims"
	"contigo/value"
)

// overLimit is set by the per-collection check when the live heap has
// grown past memLimit; the machine that notices it clears it and raises
// the out-of-memory error.
var overLimit atomic.Int32

var watchOnce sync.Once

// SetMaxMemory sets the process's memory limit in bytes: 0 for the
// default (DefaultMaxMemory), a negative number for none.
func SetMaxMemory(bytes int64) {
	if bytes == 0 {
		bytes = DefaultMaxMemory()
	}
	if bytes < 0 {
		prims.MemLimit.Store(math.MaxInt64)
		debug.SetMemoryLimit(math.MaxInt64)
		return
	}
	prims.MemLimit.Store(bytes)
	debug.SetMemoryLimit(bytes)
	watchOnce.Do(func() { runtime.SetFinalizer(new(sentinel), watchHeap) })
}

// MaxMemory returns the memory limit in bytes, or -1 when there is none.
func MaxMemory() int64 {
	if l := prims.MemLimit.Load(); l != math.MaxInt64 {
		return l
	}
	return -1
}

// watchHeap runs after each garbage collection (as the finalizer of an
// object that the collection freed) and re-arms itself.
func watchHeap(*sentinel) {
	if prims.LiveHeap() > uint64(prims.MemLimit.Load()) {
		overLimit.Store(1)
	}
	runtime.SetFinalizer(new(sentinel), watchHeap)
}

// sentinel is the object whose finalizer runs after a collection. It
// holds a pointer so that Go does not place it in a tiny-allocator block
// shared with other objects, whose finalizer may never run.
type sentinel struct{ _ *byte }

// DefaultMaxMemory is the limit used when none is given: half of the
// machine's memory (or of the cgroup's limit, if lower), or 4 GB when
// neither can be read.
func DefaultMaxMemory() int64 {
	total := memTotal()
	if cg := cgroupLimit(); cg > 0 && (total <= 0 || cg < total) {
		total = cg
	}
	if total <= 0 {
		return 4 << 30
	}
	return total / 2
}

// memTotal reads MemTotal from /proc/meminfo (0 if it cannot).
func memTotal() int64 {
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) >= 2 && fields[0] == "MemTotal:" {
			kb, err := strconv.ParseInt(fields[1], 10, 64)
			if err == nil {
				return kb << 10
			}
		}
	}
	return 0
}

// cgroupLimit reads a cgroup v2 (or v1) memory limit (0 if none).
func cgroupLimit() int64 {
	for _, name := range []string{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"} {
		b, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
		if err == nil && n > 0 && n < 1<<60 {
			return n
		}
	}
	return 0
}

// outOfMemory is the error raised when the heap outgrew the limit.
func outOfMemory() *value.ErrorObject {
	return &value.ErrorObject{Message: "out of memory (" + prims.LimitMB() + ")", Kind: "out-of-memory"}
}
