//go:build ignore

// Worker pool: three workers take jobs from one channel and send their
// results over another; main collects the results and prints them in
// sorted order (the order they arrive in depends on scheduling).
//
//	go run worker-pool.go
package main

import (
	"fmt"
	"sort"
)

type result struct {
	job, square, worker int
}

func worker(id int, jobs <-chan int, results chan<- result) {
	for j := range jobs {
		results <- result{j, j * j, id}
	}
}

func main() {
	const numJobs = 9
	jobs := make(chan int, numJobs)
	results := make(chan result, numJobs)
	for w := 1; w <= 3; w++ {
		go worker(w, jobs, results)
	}
	for j := 1; j <= numJobs; j++ {
		jobs <- j
	}
	close(jobs)

	var squares []int
	for i := 0; i < numJobs; i++ {
		r := <-results
		squares = append(squares, r.square)
	}
	sort.Ints(squares)
	for _, s := range squares {
		fmt.Println(s)
	}
}
