//go:build ignore

// Go by Example: Timers. A timer delivers the time on its channel once,
// after a delay, unless it is stopped first. Timer 2 is stopped before it
// fires, so the goroutine waiting for it never prints (and is still
// blocked when main returns).
//
//	go run gbe-timers.go
package main

import (
	"fmt"
	"time"
)

func main() {
	timer1 := time.NewTimer(20 * time.Millisecond)
	<-timer1.C
	fmt.Println("Timer 1 fired")

	timer2 := time.NewTimer(50 * time.Millisecond)
	go func() {
		<-timer2.C
		fmt.Println("Timer 2 fired")
	}()
	stop2 := timer2.Stop()
	if stop2 {
		fmt.Println("Timer 2 stopped")
	}

	// Give timer 2 the time to fire, if it were going to.
	time.Sleep(100 * time.Millisecond)

	// Stopping a timer that has fired (or was stopped) does nothing.
	fmt.Println("Timer 1 stopped after it fired:", timer1.Stop())
}
