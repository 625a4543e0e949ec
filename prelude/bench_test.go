package prelude_test

import (
	"io"
	"testing"

	"contigo/eval"
	"contigo/prelude"
)

// BenchmarkNew measures start-up: making an interpreter with the whole
// library (core.scm, srfi.scm, prelude.scm), as every run of contigo and
// every page of the course in the browser does.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := prelude.New(eval.Options{Stdout: io.Discard}); err != nil {
			b.Fatal(err)
		}
	}
}
