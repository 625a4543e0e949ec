package eval

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"contigo/value"
)

// TestSandbox runs programs in a sandbox that may read only dir, through
// Options as an embedder would, and checks what each refusal says.
func TestSandbox(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "student")
	outside := filepath.Join(base, "secret")
	for _, d := range []string{dir, outside, filepath.Join(dir, "lib")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(path, text string) {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(dir, "data.txt"), "inside\n")
	write(filepath.Join(dir, "part.scm"), "(define part 'included)\n")
	write(filepath.Join(dir, "lib", "ok.sld"), "(define-library (lib ok) (export ok) (import (scheme base)) (begin (define ok 'imported)))\n")
	write(filepath.Join(outside, "secret.txt"), "secret\n")
	write(filepath.Join(outside, "part.scm"), "(define part 'leaked)\n")
	if err := os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	q := func(p string) string { return `"` + p + `"` }
	tests := []struct{ name, src, want string }{
		{"read inside", `(call-with-input-file ` + q(filepath.Join(dir, "data.txt")) + ` read-line)`, `"inside"`},
		{"read outside", `(open-input-file ` + q(filepath.Join(outside, "secret.txt")) + `)`,
			`error: test:1:1: sandbox: file reads outside the allowed directories are not allowed: open-input-file "` + filepath.Join(outside, "secret.txt") + `"`},
		{"read through a link that leads outside", `(open-input-file ` + q(filepath.Join(dir, "link.txt")) + `)`,
			`error: test:1:1: sandbox: file reads outside the allowed directories are not allowed: open-input-file "` + filepath.Join(dir, "link.txt") + `"`},
		{"dot-dot out of the directory", `(open-input-file ` + q(filepath.Join(dir, "..", "secret", "secret.txt")) + `)`,
			`error: test:1:1: sandbox: file reads outside the allowed directories are not allowed: open-input-file "` + filepath.Join(dir, "..", "secret", "secret.txt") + `"`},
		{"include inside", `(include ` + q(filepath.Join(dir, "part.scm")) + `) part`, "included"},
		{"include outside", `(include ` + q(filepath.Join(outside, "part.scm")) + `) part`,
			`error: test:1:1: sandbox: file reads outside the allowed directories are not allowed: include "` + filepath.Join(outside, "part.scm") + `"`},
		{"write", `(open-output-file ` + q(filepath.Join(dir, "new.txt")) + `)`, "error: test:1:1: sandbox: file writes are not allowed: open-output-file"},
		{"delete", `(delete-file ` + q(filepath.Join(dir, "data.txt")) + `)`, "error: test:1:1: sandbox: file writes are not allowed: delete-file"},
		{"environment", `(get-environment-variable "PATH")`, "error: test:1:1: sandbox: environment variables are not allowed: get-environment-variable"},
		{"caught", `(guard (e ((file-error? e) 'refused)) (open-output-file "x"))`, "refused"},
		{"exit ends the evaluation only", `(exit 7)`, "exit 7"},
		{"emergency-exit too", `(emergency-exit 8)`, "exit 8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in, err := New(Options{Stdout: &bytes.Buffer{}, Sandbox: &Sandbox{ReadDirs: []string{dir}}})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, sandboxRun(t, in, tc.src)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "new.txt")); err == nil {
		t.Error("the sandboxed program created a file")
	}
	if _, err := os.Stat(filepath.Join(dir, "data.txt")); err != nil {
		t.Error("the sandboxed program deleted a file")
	}
}

// sandboxRun evaluates src and describes its result.
func sandboxRun(t *testing.T, in *Interp, src string) string {
	forms, srcmap, err := ReadForms(src, "test")
	if err != nil {
		t.Fatal(err)
	}
	var last string
	for _, f := range forms {
		v, err := in.Eval(f, srcmap)
		var exit *ExitError
		switch {
		case errors.As(err, &exit):
			return "exit " + string(rune('0'+exit.Code))
		case err != nil:
			return "error: " + strings.TrimPrefix(err.Error(), "<unknown>: ")
		}
		last = value.WriteString(v)
	}
	return last
}

// TestStop checks that an embedder can end a run with Stop, and that the
// program cannot catch it.
func TestStop(t *testing.T) {
	in, err := New(Options{Stdout: &bytes.Buffer{}})
	if err != nil {
		t.Fatal(err)
	}
	limit := errors.New("time limit")
	timer := time.AfterFunc(100*time.Millisecond, func() { in.Stop(limit) })
	defer timer.Stop()
	forms, srcmap, _ := ReadForms(`(guard (e (#t 'caught)) (let loop () (loop)))`, "t")
	if _, err := in.Eval(forms[0], srcmap); err != limit {
		t.Fatalf("got %v, want the Stop error", err)
	}
}
