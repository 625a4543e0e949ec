//go:build ignore

// Channel of channels: a producer sends three channels, each of which
// then carries 0..4; main prints each channel's numbers followed by ---.
//
//	go run channel-of-channels.go
package main

import "fmt"

func main() {
	channels := make(chan chan int)
	go func() {
		for c := 0; c < 3; c++ {
			ch := make(chan int)
			channels <- ch
			for i := 0; i < 5; i++ {
				ch <- i
			}
			close(ch)
		}
		close(channels)
	}()
	for ch := range channels {
		for x := range ch {
			fmt.Println(x)
		}
		fmt.Println("---")
	}
}
