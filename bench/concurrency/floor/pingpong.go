//go:build ignore

// pingpong: the round trips of ../pingpong.go, their number from the
// command line, so that floor.sh can time them from outside as it times
// the Scheme programs.
package main

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	n, err := strconv.Atoi(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "usage: pingpong N")
		os.Exit(2)
	}
	ping, pong := make(chan int), make(chan int)
	go func() {
		for i := 0; i < n; i++ {
			pong <- <-ping
		}
	}()
	last := -1
	for i := 0; i < n; i++ {
		ping <- i
		last = <-pong
	}
	fmt.Println(last + 1)
}
