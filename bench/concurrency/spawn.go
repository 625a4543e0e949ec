//go:build ignore

// spawn: 100,000 goroutines that each send one value; main receives and
// sums them.
package main

import (
	"fmt"
	"time"
)

func main() {
	const n = 100000
	ch := make(chan int)
	start := time.Now()
	for i := 0; i < n; i++ {
		go func() { ch <- i }()
	}
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-ch
	}
	fmt.Println("spawn", sum, time.Since(start).Seconds())
}
