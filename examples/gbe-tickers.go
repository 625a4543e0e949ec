//go:build ignore

// Go by Example: Tickers. A ticker delivers the time on its channel at
// regular intervals until it is stopped. The times themselves vary from
// run to run, so each tick prints the coarse fact that it came no sooner
// than it should.
//
//	go run gbe-tickers.go
package main

import (
	"fmt"
	"time"
)

const period = 20 * time.Millisecond

func main() {
	start := time.Now()
	ticker := time.NewTicker(period)
	for n := 1; n <= 3; n++ {
		<-ticker.C
		fmt.Printf("tick %d, at least %dms after the start: %v\n",
			n, n*20, time.Since(start) >= time.Duration(n)*period)
	}
	ticker.Stop()
	fmt.Println("Ticker stopped")

	select {
	case <-ticker.C:
		fmt.Println("a tick after Stop")
	case <-time.After(3 * period):
		fmt.Println("no tick after Stop")
	}
}
