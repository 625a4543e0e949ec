//go:build ignore

// Go by Example: Timeouts. A select between a result and time.After
// bounds how long main waits: the first result comes after 100 ms, too
// late for its 20 ms timeout; the second after 20 ms, within its 200 ms.
// The result channels have a buffer, so that a result nobody waits for
// any more does not block its goroutine for good.
//
//	go run gbe-timeouts.go
package main

import (
	"fmt"
	"time"
)

func main() {
	c1 := make(chan string, 1)
	go func() {
		time.Sleep(100 * time.Millisecond)
		c1 <- "result 1"
	}()

	select {
	case res := <-c1:
		fmt.Println(res)
	case <-time.After(20 * time.Millisecond):
		fmt.Println("timeout 1")
	}

	c2 := make(chan string, 1)
	go func() {
		time.Sleep(20 * time.Millisecond)
		c2 <- "result 2"
	}()
	select {
	case res := <-c2:
		fmt.Println(res)
	case <-time.After(200 * time.Millisecond):
		fmt.Println("timeout 2")
	}
}
