package eval

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"contigo/value"
)

// runProgram evaluates src as the file prog (positions and relative
// includes and imports use its name) and returns the written value of
// the last form, or the error.
func runProgram(t *testing.T, prog, src string) (string, error) {
	t.Helper()
	in, err := New(Options{Stdout: &bytes.Buffer{}, Args: []string{prog}})
	if err != nil {
		t.Fatal(err)
	}
	forms, srcmap, err := ReadForms(src, prog)
	if err != nil {
		t.Fatal(err)
	}
	var last value.Value
	for _, f := range forms {
		if last, err = in.Eval(f, srcmap); err != nil {
			return "", err
		}
	}
	return value.WriteString(last), nil
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestLibrarySearch checks where import looks for library files: the
// importing file's directory, CONTIGO_PATH, the main program's directory.
func TestLibrarySearch(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"path1/util/strings.sld": `(define-library (util strings)
  (export shout)
  (import (scheme base) (scheme char) (util helpers))
  (begin (define (shout s) (string-append (string-upcase s) (bang)))))`,
		// Found under the root (util strings) was found under.
		"path1/util/helpers.sld": `(define-library (util helpers) (export bang) (import (scheme base))
  (begin (define (bang) "!")))`,
		"path2/numbers.scm": `(define-library (numbers) (export twice) (import (scheme base))
  (begin (define (twice x) (* 2 x))))`,
		"prog/local/lib.sld": `(define-library (local lib) (export local-value) (import (scheme base))
  (begin (define local-value 'local)))`,
	})
	t.Setenv("CONTIGO_PATH", filepath.Join(dir, "path1")+string(os.PathListSeparator)+filepath.Join(dir, "path2"))
	prog := filepath.Join(dir, "prog", "main.scm")
	got, err := runProgram(t, prog, `(import (scheme base) (util strings) (numbers) (local lib))
(list (shout "hi") (twice 21) local-value)`)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(`("HI!" 42 local)`, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}

	_, err = runProgram(t, prog, `(import (no such lib))`)
	if err == nil || !strings.Contains(err.Error(), "library (no such lib) not found") || !strings.Contains(err.Error(), "main.scm:1:1") {
		t.Errorf("import of a missing library: got error %v", err)
	}
	_, err = runProgram(t, prog, `(import (scheme no-such-part))`)
	if err == nil || !strings.Contains(err.Error(), "(scheme no-such-part)") {
		t.Errorf("import of an unknown standard library: got error %v", err)
	}
}

// TestLibraryRenaming checks that the renaming of a library's definitions
// leaves quoted data, quasiquoted templates and case datums alone.
func TestLibraryRenaming(t *testing.T) {
	dir := t.TempDir()
	prog := filepath.Join(dir, "main.scm")
	got, err := runProgram(t, prog, `
(define-library (data)
  (export classify describe tags helper-count)
  (import (scheme base))
  (begin
    (define (helper x) x)
    (define helper-count 0)
    (define (classify x)
      (set! helper-count (+ helper-count 1))
      (case x ((helper) 'named-helper) ((describe) 'named-describe) (else (helper 'other))))
    (define (describe) (list 'helper 'describe))
    (define (tags) `+"`"+`(helper ,(helper 'x) #(describe ,(helper 'y)) . helper))))
(import (data))
(list (classify 'helper) (classify 'describe) (classify 'z)
      (eq? (car (describe)) 'helper) (describe) (tags) helper-count)`)
	if err != nil {
		t.Fatal(err)
	}
	want := `(named-helper named-describe other #t (helper describe) (helper x #(describe y) . helper) 3)`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestRecordAccessorsArePrimitives checks that the procedures
// define-record-type makes are primitives, which calls inline.
func TestRecordAccessorsArePrimitives(t *testing.T) {
	in, err := New(Options{Stdout: &bytes.Buffer{}})
	if err != nil {
		t.Fatal(err)
	}
	if err := in.Load(`(define-record-type point (make-point x y) point? (x point-x set-point-x!) (y point-y))`, "test"); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"make-point", "point?", "point-x", "set-point-x!", "point-y"} {
		v, ok := in.Lookup(name)
		if _, prim := v.(*value.Primitive); !ok || !prim {
			t.Errorf("%s = %v, want a primitive", name, v)
		}
	}
}

// BenchmarkRecordAccess measures a loop of record accesses and updates.
func BenchmarkRecordAccess(b *testing.B) {
	in, err := New(Options{Stdout: &bytes.Buffer{}})
	if err != nil {
		b.Fatal(err)
	}
	if err := in.Load(`
(define-record-type point (make-point x y) point? (x point-x set-point-x!) (y point-y))
(define (run n)
  (let ((p (make-point 0 1)))
    (let loop ((i 0))
      (if (< i n)
          (begin (set-point-x! p (+ (point-x p) (point-y p))) (loop (+ i 1)))
          (point-x p)))))`, "bench"); err != nil {
		b.Fatal(err)
	}
	run, _ := in.Lookup("run")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := in.Apply(run, []value.Value{value.Int(10000)}); err != nil {
			b.Fatal(err)
		}
	}
}
