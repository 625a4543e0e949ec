//go:build ignore

// Go by Example: Channel Buffering. A channel with a buffer of two
// accepts two values without a receiver waiting for them.
//
//	go run gbe-channel-buffering.go
package main

import "fmt"

func main() {
	messages := make(chan string, 2)

	messages <- "buffered"
	messages <- "channel"
	fmt.Println("len", len(messages), "cap", cap(messages))

	fmt.Println(<-messages)
	fmt.Println(<-messages)
	fmt.Println("len", len(messages), "cap", cap(messages))
}
