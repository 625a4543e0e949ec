package main

// This file runs the course's chapters through the REPL: each Scheme
// block is typed, line by line, into one session per chapter, as a reader
// would paste it (goroutines run between forms, as they do at the
// prompt). What the programs print must be what the page's output block
// shows, and the values the REPL prints must include each ";; => VALUE"
// the page claims.

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"contigo/prelude"
)

// courseBlock is a ```scheme block of a chapter and the ```output block
// that follows it, if any.
type courseBlock struct {
	line   int // of the first line of the block's text
	text   string
	output *string
}

var courseFence = regexp.MustCompile("^```+\\s*([^\\s`]*)\\s*(.*)$")

// courseBlocks returns the runnable scheme blocks of a chapter.
func courseBlocks(t *testing.T, src string) []courseBlock {
	lines := strings.Split(src, "\n")
	var blocks []courseBlock
	lastScheme := -1 // index in blocks of a scheme block only blank lines follow
	for i := 0; i < len(lines); i++ {
		m := courseFence.FindStringSubmatch(lines[i])
		if m == nil {
			if strings.TrimSpace(lines[i]) != "" {
				lastScheme = -1
			}
			continue
		}
		lang, info, start := m[1], m[2], i+1
		for i++; i < len(lines) && !strings.HasPrefix(lines[i], "```"); i++ {
		}
		if i == len(lines) {
			t.Fatalf("line %d: code block not closed", start)
		}
		text := strings.Join(lines[start:i], "\n") + "\n"
		switch {
		case lang == "output" && lastScheme >= 0:
			blocks[lastScheme].output = &text
			lastScheme = -1
		case lang == "scheme" && !strings.Contains(info, "no-run"):
			blocks = append(blocks, courseBlock{line: start + 1, text: text})
			lastScheme = len(blocks) - 1
		default:
			lastScheme = -1
		}
	}
	return blocks
}

var courseExpect = regexp.MustCompile(`^\s*;;\s*=>\s?(.*)$`)

func TestCourseThroughREPL(t *testing.T) {
	chapters, err := filepath.Glob("docs/course/*.md")
	if err != nil || len(chapters) == 0 {
		t.Fatalf("no chapters: %v", err)
	}
	for _, file := range chapters {
		// Not in parallel, as docs/course's test: output can depend on
		// when the scheduler preempts by time.
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var progOut, values, errOut bytes.Buffer
			in := newTestInterp(t, &progOut, &errOut)
			prelude.Interactive(in)
			// 20 ms slices, as docs/course's test has them, but for
			// chapter 6, whose data race needs the default 1 ms.
			if filepath.Base(file) != "06-pitfalls.md" {
				if err := prelude.SetTimeSlice(in, 20*time.Millisecond); err != nil {
					t.Fatal(err)
				}
			}
			for _, b := range courseBlocks(t, string(src)) {
				progOut.Reset()
				values.Reset()
				errOut.Reset()
				s := &session{in: in, stdout: &values, stderr: &errOut, file: file,
					interactive: true, batch: true, lineNo: b.line - 1,
					lr: &plainReader{r: bufio.NewReader(strings.NewReader(b.text))}}
				s.run()
				in.Flush()
				checkBlockThroughREPL(t, file, b, progOut.String(), values.String(), errOut.String())
			}
		})
	}
}

// checkBlockThroughREPL compares what a block printed at the REPL with
// what its page shows.
func checkBlockThroughREPL(t *testing.T, file string, b courseBlock, out, values, errs string) {
	t.Helper()
	if b.output != nil {
		want := strings.TrimSuffix(*b.output, "\n")
		if diff := cmp.Diff(want, strings.TrimSuffix(out, "\n")); diff != "" {
			t.Errorf("%s:%d: typed at the REPL, the block prints something else than its output block (-page +repl):\n%s", file, b.line, diff)
		}
	}
	expectsError := false
	shown := strings.Split(values, "\n")
	for i, line := range strings.Split(b.text, "\n") {
		m := courseExpect.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		want := strings.TrimSpace(m[1])
		if strings.HasPrefix(want, "ERROR:") {
			expectsError = true
			continue
		}
		found := false
		for len(shown) > 0 && !found {
			found = shown[0] == want
			shown = shown[1:]
		}
		if !found {
			t.Errorf("%s:%d: the page says => %s, but the REPL printed:\n%s", file, b.line+i, want, values)
		}
	}
	if errs != "" && !expectsError {
		t.Errorf("%s:%d: typed at the REPL, the block reports errors:\n%s", file, b.line, errs)
	}
}
