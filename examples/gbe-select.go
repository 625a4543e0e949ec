//go:build ignore

// Go by Example: Select. main waits on two channels at once and takes
// each value as it arrives: "one" after 10 ms, "two" after 80 ms. The
// two goroutines sleep concurrently, so the whole takes about 80 ms, not
// 90.
//
//	go run gbe-select.go
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	c1 := make(chan string)
	c2 := make(chan string)

	go func() {
		time.Sleep(10 * time.Millisecond)
		c1 <- "one"
	}()
	go func() {
		time.Sleep(80 * time.Millisecond)
		c2 <- "two"
	}()

	for i := 0; i < 2; i++ {
		select {
		case msg1 := <-c1:
			fmt.Println("received", msg1)
		case msg2 := <-c2:
			fmt.Println("received", msg2)
		}
	}
	fmt.Println("took at least 80ms:", time.Since(start) >= 80*time.Millisecond)
}
