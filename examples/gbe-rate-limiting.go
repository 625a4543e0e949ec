//go:build ignore

// Go by Example: Rate Limiting. Requests are served at most one per tick
// of a ticker; then a limiter with a buffer of three lets a burst of
// three requests through at once before the pace sets in. The times vary
// from run to run, so each request prints the coarse fact that it was
// served no sooner than the limiter allows.
//
//	go run gbe-rate-limiting.go
package main

import (
	"fmt"
	"time"
)

const period = 20 * time.Millisecond

func main() {
	start := time.Now()
	requests := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		requests <- i
	}
	close(requests)

	limiter := time.NewTicker(period)
	for req := range requests {
		<-limiter.C
		fmt.Printf("request %d, at least %dms after the start: %v\n",
			req, req*20, time.Since(start) >= time.Duration(req)*period)
	}
	limiter.Stop()

	// The bursty limiter starts with three values in its buffer, and a
	// goroutine adds one per tick, as long as there is room.
	start = time.Now()
	burstyLimiter := make(chan time.Time, 3)
	for i := 0; i < 3; i++ {
		burstyLimiter <- time.Now()
	}
	ticker := time.NewTicker(period)
	done := make(chan bool)
	go func() {
		for {
			select {
			case <-done:
				return
			case t := <-ticker.C:
				select {
				case burstyLimiter <- t:
				case <-done:
					return
				}
			}
		}
	}()

	burstyRequests := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		burstyRequests <- i
	}
	close(burstyRequests)
	for req := range burstyRequests {
		<-burstyLimiter
		wait := max(req-3, 0) * 20
		fmt.Printf("bursty request %d, at least %dms after the start: %v\n",
			req, wait, time.Since(start) >= time.Duration(wait)*time.Millisecond)
	}
	ticker.Stop()
	close(done)
}
