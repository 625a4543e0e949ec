//go:build ignore

// A pipeline cancelled through a context: gen sends 1, 2, 3, ... for
// ever, sq squares what it receives; main takes five squares and cancels
// the context, which stops both stages (each selects on ctx.Done() as it
// sends); a WaitGroup tells main they have stopped.
//
//	go run context-pipeline.go
package main

import (
	"context"
	"fmt"
	"sync"
)

func gen(ctx context.Context, wg *sync.WaitGroup) <-chan int {
	out := make(chan int)
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(out)
		for i := 1; ; i++ {
			select {
			case out <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func sq(ctx context.Context, in <-chan int, wg *sync.WaitGroup) <-chan int {
	out := make(chan int)
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(out)
		for n := range in {
			select {
			case out <- n * n:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	squares := sq(ctx, gen(ctx, &wg), &wg)
	for i := 0; i < 5; i++ {
		fmt.Println(<-squares)
	}
	cancel()
	wg.Wait()
	fmt.Println("pipeline stopped:", ctx.Err())
}
