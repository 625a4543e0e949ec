//go:build ignore

// producer makes a channel, starts a goroutine that feeds it 0..4 and
// closes it, and returns the channel; main ranges over what it returns.
// The goroutine outlives the call that started it: nothing in producer's
// signature says that it starts one.
//
//	go run producer.go
package main

import "fmt"

func producer() chan int {
	ch := make(chan int)
	go func() {
		for i := 0; i < 5; i++ {
			ch <- i
		}
		close(ch)
	}()
	return ch
}

func main() {
	for x := range producer() {
		fmt.Println(x)
	}
}
