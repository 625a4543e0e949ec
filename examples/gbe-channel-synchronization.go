//go:build ignore

// Go by Example: Channel Synchronization. main waits for a goroutine's
// work by receiving from a channel the goroutine sends on when it is
// done. Without the receive, main could end before the worker starts.
//
//	go run gbe-channel-synchronization.go
package main

import (
	"fmt"
	"time"
)

func worker(done chan bool) {
	fmt.Print("working...")
	time.Sleep(20 * time.Millisecond)
	fmt.Println("done")

	done <- true
}

func main() {
	done := make(chan bool, 1)
	go worker(done)

	<-done
}
