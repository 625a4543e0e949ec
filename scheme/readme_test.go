package scheme

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestReadmeExample checks that the Go block of README.md's Embedding
// section is the body of Example, which runs as a test: the README shows
// code that works.
func TestReadmeExample(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "\n## Embedding\n")
	if !ok {
		t.Fatal("README.md has no Embedding section")
	}
	_, block, ok := strings.Cut(section, "```go\n")
	block, _, ok2 := strings.Cut(block, "```\n")
	if !ok || !ok2 {
		t.Fatal("README.md's Embedding section has no ```go block")
	}

	src, err := os.ReadFile("example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "example_test.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var body string
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Name.Name == "Example" {
			inner := src[fset.Position(fn.Body.Lbrace).Offset+2 : fset.Position(fn.Body.Rbrace).Offset]
			for _, line := range strings.SplitAfter(string(inner), "\n") {
				body += strings.TrimPrefix(line, "\t")
			}
		}
	}
	if body == "" {
		t.Fatal("example_test.go has no Example")
	}
	if diff := cmp.Diff(body, block); diff != "" {
		t.Errorf("README.md's embedding example differs from Example in example_test.go (-Example +README):\n%s", diff)
	}
}
