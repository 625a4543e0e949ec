//go:build ignore

// Go by Example: Worker Pools. Three workers take five jobs from one
// channel and send results over another. Each job takes 20 ms, and the
// workers run concurrently, so the five take two rounds: about 40 ms,
// not 100. Which worker takes which job, and the order the results come
// in, depend on scheduling: main prints the results sorted by job.
//
//	go run gbe-worker-pools.go
package main

import (
	"fmt"
	"sort"
	"time"
)

type result struct {
	job, value, worker int
}

func worker(id int, jobs <-chan int, results chan<- result) {
	for j := range jobs {
		time.Sleep(20 * time.Millisecond)
		results <- result{j, j * 2, id}
	}
}

func main() {
	const numJobs = 5
	start := time.Now()
	jobs := make(chan int, numJobs)
	results := make(chan result, numJobs)

	for w := 1; w <= 3; w++ {
		go worker(w, jobs, results)
	}

	for j := 1; j <= numJobs; j++ {
		jobs <- j
	}
	close(jobs)

	var got []result
	for a := 1; a <= numJobs; a++ {
		got = append(got, <-results)
	}
	sort.Slice(got, func(i, j int) bool { return got[i].job < got[j].job })
	for _, r := range got {
		fmt.Println("job", r.job, "result", r.value)
	}
	fmt.Println("took at least two rounds (40ms):", time.Since(start) >= 40*time.Millisecond)
}
