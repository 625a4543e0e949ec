//go:build ignore

// Go by Example: Atomic Counters. Fifty goroutines increment one counter
// a thousand times each. They run in parallel, on several threads, so a
// plain ops++ would be a data race and lose increments; atomic.Uint64
// makes each increment indivisible.
//
//	go run gbe-atomic-counters.go
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var ops atomic.Uint64
	var wg sync.WaitGroup

	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			for c := 0; c < 1000; c++ {
				ops.Add(1)
			}
			wg.Done()
		}()
	}
	wg.Wait()

	fmt.Println("ops:", ops.Load())
}
