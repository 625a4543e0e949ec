//go:build ignore

// idle: the baseline for blocked.go.
package main

import "fmt"

func main() { fmt.Println("blocked", 0) }
