//go:build ignore

// pipeline: 100,000 numbers through three stages over unbuffered
// channels: generate 1..n, square, add one; main sums the results.
package main

import (
	"fmt"
	"time"
)

func stage(in <-chan int, out chan<- int, f func(int) int) {
	for x := range in {
		out <- f(x)
	}
	close(out)
}

func main() {
	const n = 100000
	start := time.Now()
	numbers, squares, results := make(chan int), make(chan int), make(chan int)
	go func() {
		for i := 1; i <= n; i++ {
			numbers <- i
		}
		close(numbers)
	}()
	go stage(numbers, squares, func(x int) int { return x * x })
	go stage(squares, results, func(x int) int { return x + 1 })
	sum := 0
	for x := range results {
		sum += x
	}
	fmt.Println("pipeline", sum, time.Since(start).Seconds())
}
