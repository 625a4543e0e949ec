//go:build ignore

// blocked: 100,000 goroutines blocked on one channel (for run.sh's memory
// measure: peak RSS, less that of idle.go, per goroutine).
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	const n = 100000
	ch := make(chan int)
	for i := 0; i < n; i++ {
		go func() { <-ch }()
	}
	for runtime.NumGoroutine() < n+1 {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(10 * time.Millisecond) // let them all block
	fmt.Println("blocked", runtime.NumGoroutine()-1)
}
