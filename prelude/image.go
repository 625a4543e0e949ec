package prelude

// This file holds the image of prelude.scm (eval/image.go): what loading
// it reads and expands, recorded at build time, so that a start reads
// that instead. An image that does not match the sources is ignored (the
// text is loaded), and TestImagesAreFresh fails until `go generate
// ./prelude` makes it again.

//go:generate go run contigo/internal/genimage

import (
	_ "embed"
	"io"
	"strings"

	"contigo/eval"
)

//go:embed prelude.img
var image string

// LibrarySource returns prelude.scm as the source Load adds to the
// library, with its image.
func LibrarySource() eval.Source { return eval.Source{Name: File, Text: source, Image: image} }

// BuildImages returns the sources of the library, the built-in ones then
// prelude.scm, each with the image that loading its text records
// (eval.BuildImages): what go generate writes.
func BuildImages() ([]eval.Source, error) {
	opts := eval.Options{Stdout: io.Discard, Stderr: io.Discard, Stdin: strings.NewReader("")}
	opts.Library = []eval.Source{{Name: File, Text: source}}
	return eval.BuildImages(opts)
}
