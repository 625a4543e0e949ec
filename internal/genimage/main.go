// Command genimage makes the images of the library's sources (see
// eval/image.go): eval/core.img, eval/srfi.img, eval/inline.img and
// prelude/prelude.img, which the binary embeds so that a start reads
// them instead of reading and expanding the sources. Run it with
// `go generate ./prelude` after changing the library or the Go code that
// reads or expands it; prelude's TestImagesAreFresh fails until then.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"contigo/prelude"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "genimage:", err)
		os.Exit(1)
	}
}

func run() error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	sources, err := prelude.BuildImages()
	if err != nil {
		return err
	}
	for _, s := range sources {
		dir := "eval"
		if s.Name == prelude.File {
			dir = "prelude"
		}
		file := filepath.Join(root, dir, strings.TrimSuffix(s.Name, ".scm")+".img")
		if err := os.WriteFile(file, []byte(s.Image), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// moduleRoot returns the directory of go.mod, at or above the current one.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", fmt.Errorf("no go.mod above the current directory")
		}
		dir = up
	}
}
