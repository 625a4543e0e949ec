//go:build ignore

// Go by Example: Range over Channels. range receives until the channel
// is closed: a closed channel still gives the values in its buffer.
//
//	go run gbe-range-over-channels.go
package main

import "fmt"

func main() {
	queue := make(chan string, 2)
	queue <- "one"
	queue <- "two"
	close(queue)

	for elem := range queue {
		fmt.Println(elem)
	}
}
