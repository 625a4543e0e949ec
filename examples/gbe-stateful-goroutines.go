//go:build ignore

// Go by Example: Stateful Goroutines. Instead of guarding shared state
// with a mutex, one goroutine owns it, and the others send it requests
// over channels: a read carries the key and a channel for the answer; a
// write the key, the value and a channel for the acknowledgement. Twenty
// readers read ten times each, five writers write ten times each, each
// its own key; then main reads the final state the same way.
//
//	go run gbe-stateful-goroutines.go
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

type readOp struct {
	key  int
	resp chan int
}

type writeOp struct {
	key, val int
	resp     chan bool
}

func main() {
	var readOps, writeOps atomic.Uint64

	reads := make(chan readOp)
	writes := make(chan writeOp)
	quit := make(chan bool)

	// The state's owner.
	go func() {
		state := make(map[int]int)
		for {
			select {
			case read := <-reads:
				read.resp <- state[read.key]
			case write := <-writes:
				state[write.key] = write.val
				write.resp <- true
			case <-quit:
				return
			}
		}
	}()

	var wg sync.WaitGroup
	for r := 0; r < 20; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				read := readOp{key: (r + i) % 5, resp: make(chan int)}
				reads <- read
				<-read.resp
				readOps.Add(1)
				time.Sleep(time.Millisecond)
			}
		}()
	}
	for w := 0; w < 5; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				write := writeOp{key: w, val: w*100 + i, resp: make(chan bool)}
				writes <- write
				<-write.resp
				writeOps.Add(1)
				time.Sleep(time.Millisecond)
			}
		}()
	}
	wg.Wait()

	fmt.Println("readOps:", readOps.Load())
	fmt.Println("writeOps:", writeOps.Load())
	for key := 0; key < 5; key++ {
		read := readOp{key: key, resp: make(chan int)}
		reads <- read
		fmt.Printf("key %d: %d\n", key, <-read.resp)
	}
	close(quit)
}
