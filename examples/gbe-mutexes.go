//go:build ignore

// Go by Example: Mutexes. Three goroutines increment named counters in a
// map, two of them the same counter. An increment reads the counter,
// lets other goroutines run (runtime.Gosched, standing for any work
// done in between), and writes it back: without the mutex, two
// goroutines could read the same value and one increment would be lost.
//
//	go run gbe-mutexes.go
package main

import (
	"fmt"
	"runtime"
	"sort"
	"sync"
)

type Container struct {
	mu       sync.Mutex
	counters map[string]int
}

func (c *Container) inc(name string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := c.counters[name]
	runtime.Gosched()
	c.counters[name] = n + 1
}

func main() {
	c := Container{counters: map[string]int{"a": 0, "b": 0}}

	var wg sync.WaitGroup
	doIncrement := func(name string, n int) {
		for i := 0; i < n; i++ {
			c.inc(name)
		}
		wg.Done()
	}

	wg.Add(3)
	go doIncrement("a", 1000)
	go doIncrement("a", 1000)
	go doIncrement("b", 1000)
	wg.Wait()

	names := make([]string, 0, len(c.counters))
	for name := range c.counters {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Println(name, c.counters[name])
	}
}
