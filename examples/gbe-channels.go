//go:build ignore

// Go by Example: Channels. A goroutine sends a value into an unbuffered
// channel; main receives it. Send and receive block until both sides are
// ready, so main waits for the message without anything else.
//
//	go run gbe-channels.go
package main

import "fmt"

func main() {
	messages := make(chan string)

	go func() { messages <- "ping" }()

	msg := <-messages
	fmt.Println(msg)
}
