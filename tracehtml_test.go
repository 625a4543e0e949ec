package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestTraceHTML(t *testing.T) {
	dir := t.TempDir()
	pingpong := writeFile(t, dir, "pingpong.scm", `(define ping (make-chan))
(define pong (make-chan))
(define (player name in out n)
  (do ((i 0 (+ i 1))) ((= i n))
    (send out (recv in))))
(go (player "a" ping pong 3))
(send ping 'ball)
(player "b" pong ping 2)
(recv pong)
(display "done")
`)
	deadlock := writeFile(t, dir, "deadlock.scm", "(define c (make-chan))\n(go (recv c))\n(recv c)\n")
	tests := []struct {
		name, file string
		code       int
		stdout     string
		// counts of regexp matches in the page
		counts map[string]int
	}{
		{name: "ping-pong", file: pingpong, stdout: "done", counts: map[string]int{
			`<g class="lane" `: 2, `<g class="deadlock"`: 0,
			// Each of the 5 receives but the last wakes the blocked
			// sender, and the last one a waiting receiver, ...
			`<g class="handoff" data-from="1" data-to="2"`: 3,
			// (the program ends with main, so goroutine 2's exit
			// wakes nobody).
			`<g class="handoff" data-from="2" data-to="1"`: 3,
			`pingpong\.scm:5:15`:                           1, // (recv in) is among the positions
		}},
		{name: "deadlock", file: deadlock, code: 2, counts: map[string]int{
			`<g class="lane" `: 2, `<g class="deadlock"`: 1, `<g class="handoff"`: 0,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(dir, tt.name+".html")
			var stdout, stderr bytes.Buffer
			code := run([]string{"--trace-html", out, tt.file}, strings.NewReader(""), &stdout, &stderr)
			if code != tt.code || stdout.String() != tt.stdout {
				t.Fatalf("status %d, stdout %q, want %d, %q; stderr:\n%s", code, stdout.String(), tt.code, tt.stdout, stderr.String())
			}
			page, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			for re, want := range tt.counts {
				n := len(regexp.MustCompile(re).FindAllIndex(page, -1))
				if (want == 1 && n < 1) || (want != 1 && n != want) {
					t.Errorf("%d matches of %s, want %d", n, re, want)
				}
			}
		})
	}
	t.Run("no program", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		code := run([]string{"--trace-html", filepath.Join(dir, "x.html"), "-e", "1"}, strings.NewReader(""), &stdout, &stderr)
		if code != 2 || !strings.Contains(stderr.String(), "--trace-html needs a program") {
			t.Errorf("status %d, stderr %q", code, stderr.String())
		}
	})
	t.Run("unwritable", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		code := run([]string{"--trace-html", filepath.Join(dir, "no", "such", "dir.html"), deadlock}, strings.NewReader(""), &stdout, &stderr)
		if code != 2 || !strings.Contains(stderr.String(), "contigo: --trace-html: ") {
			t.Errorf("status %d, stderr %q", code, stderr.String())
		}
	})
}
