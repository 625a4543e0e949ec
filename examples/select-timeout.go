//go:build ignore

// Select with a timeout (time.After) and with a default clause.
//
//	go run select-timeout.go
package main

import (
	"fmt"
	"time"
)

func main() {
	// The result comes after 200 ms: the 50 ms timeout wins. (The
	// channel has room for the late result, so its sender never blocks.)
	c1 := make(chan string, 1)
	go func() {
		time.Sleep(200 * time.Millisecond)
		c1 <- "result 1"
	}()
	select {
	case res := <-c1:
		fmt.Println(res)
	case <-time.After(50 * time.Millisecond):
		fmt.Println("timeout 1")
	}

	// The result comes after 10 ms: it beats the 500 ms timeout.
	c2 := make(chan string, 1)
	go func() {
		time.Sleep(10 * time.Millisecond)
		c2 <- "result 2"
	}()
	select {
	case res := <-c2:
		fmt.Println(res)
	case <-time.After(500 * time.Millisecond):
		fmt.Println("timeout 2")
	}

	// A default clause: nothing is ready, so it is taken at once.
	messages := make(chan string)
	select {
	case msg := <-messages:
		fmt.Println("received", msg)
	default:
		fmt.Println("no message received")
	}
	// A send with a default: nobody receives.
	select {
	case messages <- "hi":
		fmt.Println("sent message")
	default:
		fmt.Println("no message sent")
	}
}
