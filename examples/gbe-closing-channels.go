//go:build ignore

// Go by Example: Closing Channels. main sends three jobs to a worker and
// closes the channel: once the worker has received every job, its
// receive reports that no more will come. The worker's lines and main's
// would interleave in an order that depends on scheduling, so the worker
// hands the jobs it received back to main, which prints them.
//
//	go run gbe-closing-channels.go
package main

import "fmt"

func main() {
	jobs := make(chan int, 5)
	done := make(chan []int)

	go func() {
		var received []int
		for {
			j, more := <-jobs
			if !more {
				done <- received
				return
			}
			received = append(received, j)
		}
	}()

	for j := 1; j <= 3; j++ {
		jobs <- j
		fmt.Println("sent job", j)
	}
	close(jobs)
	fmt.Println("sent all jobs")

	for _, j := range <-done {
		fmt.Println("worker received job", j)
	}
	fmt.Println("worker received all jobs")

	// A receive on a closed and empty channel succeeds at once, with
	// more (here ok) false.
	_, ok := <-jobs
	fmt.Println("received more jobs:", ok)
}
