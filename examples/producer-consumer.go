//go:build ignore

// Producer/consumer: a goroutine sends 0..4 over an unbuffered channel
// and closes it; main ranges over the channel.
//
//	go run producer-consumer.go
package main

import "fmt"

func main() {
	ch := make(chan int)
	go func() {
		for i := 0; i < 5; i++ {
			ch <- i
		}
		close(ch)
	}()
	for x := range ch {
		fmt.Println("received", x)
	}
	fmt.Println("done")
}
