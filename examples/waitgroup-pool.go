//go:build ignore

// A worker pool with a WaitGroup: three workers take jobs from a channel
// and send their results on another; a goroutine closes the results once
// the WaitGroup says every worker is done, which ends main's range loop.
//
//	go run waitgroup-pool.go
package main

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

func worker(id int, jobs <-chan int, results chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		time.Sleep(time.Millisecond)
		results <- fmt.Sprintf("job %d squared is %d", j, j*j)
	}
}

func main() {
	jobs := make(chan int, 100)
	results := make(chan string, 100)
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	for j := 1; j <= 9; j++ {
		jobs <- j
	}
	close(jobs)
	go func() {
		wg.Wait()
		close(results)
	}()
	// The workers finish in an order that depends on scheduling: sort.
	var lines []string
	for r := range results {
		lines = append(lines, r)
	}
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Println(l)
	}
	fmt.Println(len(lines), "results; all workers done")
}
