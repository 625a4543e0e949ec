// Command web builds and serves the course "From call/cc to goroutines"
// as a static site that runs entirely in the reader's browser: every
// chapter of docs/course is a page whose Scheme blocks are editable and
// run (Ctrl-Enter or Run) by contigo compiled to WebAssembly, in a Web
// Worker; a playground page runs the examples/ programs beside their Go
// and Trio twins; the blocks of chapter 7 draw the scheduler's timeline.
//
//	go run ./web build OUTDIR         write the site into OUTDIR
//	go run ./web serve [-addr ADDR]   build it into a temporary directory
//	                                  and serve it, printing the URL
//
// Run it from anywhere inside the contigo module: it finds the module's
// root by its go.mod.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	usage := func() {
		fmt.Fprintln(stderr, "usage: go run ./web build OUTDIR\n       go run ./web serve [-addr HOST:PORT]")
	}
	if len(args) == 0 {
		usage()
		return 2
	}
	root, err := moduleRoot()
	if err != nil {
		fmt.Fprintf(stderr, "web: %v\n", err)
		return 1
	}
	switch args[0] {
	case "build":
		if len(args) != 2 {
			usage()
			return 2
		}
		if err := build(root, args[1], stdout); err != nil {
			fmt.Fprintf(stderr, "web: %v\n", err)
			return 1
		}
		return 0
	case "serve":
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		fs.SetOutput(stderr)
		addr := fs.String("addr", "127.0.0.1:8080", "the `address` to listen on")
		if err := fs.Parse(args[1:]); err != nil {
			return 2
		}
		dir, err := os.MkdirTemp("", "contigo-site-")
		if err != nil {
			fmt.Fprintf(stderr, "web: %v\n", err)
			return 1
		}
		defer os.RemoveAll(dir)
		if err := build(root, dir, stdout); err != nil {
			fmt.Fprintf(stderr, "web: %v\n", err)
			return 1
		}
		if err := serve(dir, *addr, stdout); err != nil {
			fmt.Fprintf(stderr, "web: %v\n", err)
			return 1
		}
		return 0
	}
	usage()
	return 2
}

// moduleRoot finds the directory of contigo's go.mod, from the current
// directory up.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && strings.HasPrefix(string(data), "module contigo\n") {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("not inside the contigo module (no go.mod saying module contigo above %s)", dir)
		}
		dir = parent
	}
}
