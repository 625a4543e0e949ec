//go:build ignore

// Go's concurrent prime sieve: a daisy chain of filter goroutines, one per
// prime found, each passing on the numbers its prime does not divide. It
// prints the first 25 primes. The generator stops at 100 and closes its
// channel, and each filter closes its own when its input closes, so every
// goroutine ends by itself.
//
//	go run prime-sieve.go
package main

import "fmt"

// generate sends 2, 3, 4, ..., 100 to ch, then closes it.
func generate(ch chan<- int) {
	for i := 2; i <= 100; i++ {
		ch <- i
	}
	close(ch)
}

// filter copies the values from in to out, dropping the multiples of prime.
func filter(in <-chan int, out chan<- int, prime int) {
	for i := range in {
		if i%prime != 0 {
			out <- i
		}
	}
	close(out)
}

func main() {
	ch := make(chan int)
	go generate(ch)
	for i := 0; i < 25; i++ {
		prime := <-ch
		fmt.Println(prime)
		next := make(chan int)
		go filter(ch, next, prime)
		ch = next
	}
}
