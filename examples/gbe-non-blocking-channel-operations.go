//go:build ignore

// Go by Example: Non-Blocking Channel Operations. A select with a default
// clause never blocks: if no other clause is ready, default is taken at
// once. Nobody receives from messages, so sending on it fails; a channel
// with room in its buffer takes a value, and then gives it back.
//
//	go run gbe-non-blocking-channel-operations.go
package main

import "fmt"

func main() {
	messages := make(chan string)
	signals := make(chan bool)

	select {
	case msg := <-messages:
		fmt.Println("received message", msg)
	default:
		fmt.Println("no message received")
	}

	msg := "hi"
	select {
	case messages <- msg:
		fmt.Println("sent message", msg)
	default:
		fmt.Println("no message sent")
	}

	select {
	case msg := <-messages:
		fmt.Println("received message", msg)
	case sig := <-signals:
		fmt.Println("received signal", sig)
	default:
		fmt.Println("no activity")
	}

	// A buffer with room: the send and then the receive succeed at once.
	queue := make(chan string, 1)
	select {
	case queue <- msg:
		fmt.Println("queued message", msg)
	default:
		fmt.Println("no message queued")
	}
	select {
	case msg := <-queue:
		fmt.Println("dequeued message", msg)
	default:
		fmt.Println("no message dequeued")
	}
}
