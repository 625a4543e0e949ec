//go:build ignore

// Go by Example: Goroutines. A function called directly runs to the end
// before main goes on; called with go, it runs concurrently. The lines of
// the two goroutines would come out in an order that depends on
// scheduling, so here they are sent to main, which prints them sorted.
//
//	go run gbe-goroutines.go
package main

import (
	"fmt"
	"sort"
)

// f says three lines, through say.
func f(from string, say func(string)) {
	for i := 0; i < 3; i++ {
		say(fmt.Sprint(from, " : ", i))
	}
}

func main() {
	f("direct", func(line string) { fmt.Println(line) })

	lines := make(chan string)
	send := func(line string) { lines <- line }
	go f("goroutine", send)
	go func(msg string) {
		send(msg)
	}("going")

	// Four lines will come, in some order.
	var got []string
	for i := 0; i < 4; i++ {
		got = append(got, <-lines)
	}
	sort.Strings(got)
	for _, line := range got {
		fmt.Println(line)
	}
	fmt.Println("done")
}
