//go:build ignore

// Go by Example: Channel Directions. A channel parameter can be declared
// send-only (chan<-) or receive-only (<-chan); the compiler then rejects
// a receive from pings in ping, or a send on pings in pong.
//
//	go run gbe-channel-directions.go
package main

import "fmt"

func ping(pings chan<- string, msg string) {
	pings <- msg
}

func pong(pings <-chan string, pongs chan<- string) {
	msg := <-pings
	pongs <- msg
}

func main() {
	pings := make(chan string, 1)
	pongs := make(chan string, 1)
	ping(pings, "passed message")
	pong(pings, pongs)
	fmt.Println(<-pongs)
}
