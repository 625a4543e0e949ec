package prims

// This file defines the size checks that primitives allocating by a
// user-given size make before Go allocates: past the memory limit, Go
// dies with a fatal error that no one can catch, so the primitive raises
// a Scheme error first. The limit itself is set by eval (SetMaxMemory),
// which also watches the heap as the program grows it.

import (
	"fmt"
	"math"
	"math/big"
	"runtime/metrics"
	"sync/atomic"

	"contigo/value"
)

// MemLimit is the memory limit in bytes (math.MaxInt64: none). It is
// process-wide, like Go's own memory limit.
var MemLimit atomic.Int64

func init() { MemLimit.Store(math.MaxInt64) }

// LiveHeap returns the bytes of heap found live by the last collection.
func LiveHeap() uint64 {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() == metrics.KindUint64 {
		return sample[0].Value.Uint64()
	}
	return 0
}

// LimitMB renders the limit for messages.
func LimitMB() string {
	l := MemLimit.Load()
	if l == math.MaxInt64 {
		return "no limit"
	}
	return fmt.Sprintf("limit %d MB", l>>20)
}

// CheckAlloc reports an out-of-memory error when allocating n elements
// of size bytes each would go over the memory limit, before Go tries.
func CheckAlloc(who string, n, size int) error {
	limit := MemLimit.Load()
	if limit == math.MaxInt64 {
		// Without a limit, still refuse what Go cannot allocate.
		limit = 1 << 40
	}
	bytes := int64(n) * int64(size)
	if size != 0 && (bytes/int64(size) != int64(n) || bytes > limit) {
		return allocError(who, fmt.Sprint(n))
	}
	if bytes >= 1<<24 && bytes+int64(LiveHeap()) > limit {
		return allocError(who, fmt.Sprint(n))
	}
	return nil
}

func allocError(who, n string) *value.ErrorObject {
	return &value.ErrorObject{
		Message: fmt.Sprintf("%s: out of memory making an object of %s elements (%s)", who, n, LimitMB()),
		Kind:    "out-of-memory",
	}
}

// SizeArg reads the size argument of a primitive that allocates v
// elements of size bytes each: a non-negative exact integer that fits
// in memory.
func SizeArg(v V, who string, size int) (int, error) {
	if b, ok := v.(*big.Int); ok && b.Sign() > 0 {
		return 0, allocError(who, value.ShortText(b.String(), 40))
	}
	n, err := value.IntegerToInt(v, who)
	if err != nil || n < 0 {
		return 0, value.TypeError(who, "non-negative exact integer", v)
	}
	if err := CheckAlloc(who, n, size); err != nil {
		return 0, err
	}
	return n, nil
}
