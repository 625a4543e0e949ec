//go:build ignore

// Go by Example: WaitGroups. main starts five workers and waits for all
// of them with a sync.WaitGroup. The workers' lines would interleave in
// an order that depends on scheduling, so each worker writes its lines
// in its own slot, and main prints the slots once all are done.
//
//	go run gbe-waitgroups.go
package main

import (
	"fmt"
	"sync"
	"time"
)

func worker(id int) []string {
	lines := []string{fmt.Sprintf("Worker %d starting", id)}
	time.Sleep(20 * time.Millisecond)
	return append(lines, fmt.Sprintf("Worker %d done", id))
}

func main() {
	var wg sync.WaitGroup
	lines := make([][]string, 5)

	for i := 1; i <= 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lines[i-1] = worker(i)
		}()
	}
	wg.Wait()

	for _, l := range lines {
		for _, line := range l {
			fmt.Println(line)
		}
	}
	fmt.Println("all workers done")
}
