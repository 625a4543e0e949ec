//go:build ignore

// pingpong: round trips over two unbuffered channels. Prints the
// workload's result and its time in seconds.
package main

import (
	"fmt"
	"time"
)

func main() {
	const n = 100000
	ping, pong := make(chan int), make(chan int)
	go func() {
		for i := 0; i < n; i++ {
			pong <- <-ping
		}
	}()
	start := time.Now()
	last := 0
	for i := 0; i < n; i++ {
		ping <- i
		last = <-pong
	}
	fmt.Println("pingpong", last+1, time.Since(start).Seconds())
}
