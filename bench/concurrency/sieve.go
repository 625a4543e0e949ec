//go:build ignore

// sieve: Go's concurrent prime sieve for the first 500 primes (a daisy
// chain of 500 filter goroutines). The generator stops at the 500th
// prime, 3571, and closes its channel; each filter closes its own.
package main

import (
	"fmt"
	"time"
)

const (
	count = 500
	limit = 3571
)

func generate(ch chan<- int) {
	for i := 2; i <= limit; i++ {
		ch <- i
	}
	close(ch)
}

func filter(in <-chan int, out chan<- int, prime int) {
	for i := range in {
		if i%prime != 0 {
			out <- i
		}
	}
	close(out)
}

func main() {
	start := time.Now()
	ch := make(chan int)
	go generate(ch)
	last := 0
	for k := 0; k < count; k++ {
		last = <-ch
		next := make(chan int)
		go filter(ch, next, last)
		ch = next
	}
	fmt.Println("sieve", last, time.Since(start).Seconds())
}
