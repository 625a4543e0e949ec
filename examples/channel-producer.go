//go:build ignore

// channelProducer returns a channel of channels: a goroutine sends three
// channels on it, each made by numberProducer, which starts a goroutine
// of its own to fill it with 0..4. main prints each channel's numbers
// followed by ---. Neither function says in its signature that it starts
// goroutines, and neither needs anything from its caller to do so.
//
//	go run channel-producer.go
package main

import "fmt"

func numberProducer(n int) chan int {
	ch := make(chan int)
	go func() {
		for i := 0; i < n; i++ {
			ch <- i
		}
		close(ch)
	}()
	return ch
}

func channelProducer() chan chan int {
	channels := make(chan chan int)
	go func() {
		for c := 0; c < 3; c++ {
			channels <- numberProducer(5)
		}
		close(channels)
	}()
	return channels
}

func main() {
	for ch := range channelProducer() {
		for x := range ch {
			fmt.Println(x)
		}
		fmt.Println("---")
	}
}
