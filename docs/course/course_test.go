// Package course is the course "From call/cc to goroutines": Markdown
// chapters whose every Scheme block is run by this package's test, so the
// course cannot drift from the implementation.
//
// TestChapters runs the ```scheme blocks of each chapter in order in one
// interpreter per chapter (with the concurrency library loaded, as the
// contigo command has it), so definitions carry over from block to
// block. It checks:
//
//   - a ```scheme block immediately followed (blank lines aside) by an
//     ```output block prints exactly that on standard output (but for a
//     final line break, which Markdown cannot leave out);
//   - a line ";; => VALUE" in a block asserts that the top-level form
//     before it (since the previous such line) returns VALUE in write
//     form; ";; => ERROR: REGEXP" asserts that it raises an uncaught
//     error whose message matches REGEXP;
//   - any other uncaught error fails the test.
//
// Blocks opened with ```scheme no-run are not run. TestSolutions runs
// each solutions/NN-NAME.scm as a program and compares its standard
// output with solutions/NN-NAME.out. TestExercisesStateOutput checks that
// each exercise shows that output in an ```expected NN-NAME block (what
// `contigo check` compares answers with).
//
// Failures name the Markdown (or .scm) file and line.
package course

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"contigo/eval"
	"contigo/prelude"
	"contigo/reader"
	"contigo/value"
)

// blockTimeout bounds the run of one top-level form: a block that loops
// forever is interrupted and fails.
const blockTimeout = 60 * time.Second

// display is the directory shown in failure messages.
const display = "docs/course/"

// block is a fenced code block of a Markdown file.
type block struct {
	lang, info string
	line       int // line of the first content line (1-based)
	text       string
	// output is the ```output block that follows, if any.
	output *block
}

var fence = regexp.MustCompile("^ {0,3}(```+|~~~+)\\s*([^\\s`]*)\\s*(.*)$")

// parseBlocks returns the fenced code blocks of a Markdown text, each
// scheme block with the output block that immediately follows it.
func parseBlocks(text string) ([]*block, error) {
	lines := strings.Split(text, "\n")
	var blocks []*block
	var prev *block // the last scheme block, while only blank lines follow it
	for i := 0; i < len(lines); i++ {
		m := fence.FindStringSubmatch(lines[i])
		if m == nil {
			if strings.TrimSpace(lines[i]) != "" {
				prev = nil
			}
			continue
		}
		b := &block{lang: m[2], info: m[3], line: i + 2}
		marker := m[1]
		var body []string
		closed := false
		for i++; i < len(lines); i++ {
			t := strings.TrimSpace(lines[i])
			if strings.HasPrefix(t, marker) && strings.Trim(t, marker[:1]) == "" {
				closed = true
				break
			}
			body = append(body, lines[i])
		}
		if !closed {
			return nil, fmt.Errorf("%d: code block not closed", b.line-1)
		}
		b.text = strings.Join(body, "\n")
		if len(body) > 0 {
			b.text += "\n"
		}
		if b.lang == "output" && prev != nil {
			prev.output = b
			prev = nil
			continue
		}
		blocks = append(blocks, b)
		prev = nil
		if b.lang == "scheme" {
			prev = b
		}
	}
	return blocks, nil
}

// newInterp makes an interpreter as the contigo command does, writing to
// stdout and stderr, for the page or solution file. Its time slice is 20
// ms, as the golden tests' (CONTIGO_TIME_SLICE): with the default 1 ms,
// on a loaded machine, a goroutine preempted between two lines printed
// them in another order than the page's, a run in tens. The files that
// show what preemption does keep the default (preemptionFiles).
func newInterp(file string, stdout, stderr io.Writer) (*eval.Interp, error) {
	in, err := prelude.New(eval.Options{
		Stdout: stdout, Stderr: stderr, Stdin: strings.NewReader(""),
		Args: []string{"contigo"},
	})
	if err == nil && !preemptionFiles[filepath.Base(file)] {
		err = prelude.SetTimeSlice(in, 20*time.Millisecond)
	}
	return in, err
}

// preemptionFiles are the pages and solutions whose examples need short
// slices: updates lost to preemption between a read and a write.
var preemptionFiles = map[string]bool{"06-pitfalls.md": true, "06-mutex.scm": true}

// evalTimed evaluates a form read at pos, interrupting it after
// blockTimeout.
func evalTimed(in *eval.Interp, datum value.Value, src value.SourceMap, pos value.Pos) (value.Value, error) {
	timer := time.AfterFunc(blockTimeout, in.Interrupt)
	defer timer.Stop()
	v, err := in.EvalAt(datum, src, pos)
	if errors.Is(err, eval.ErrInterrupted) {
		err = fmt.Errorf("%v: still running after %v: interrupted", pos, blockTimeout)
	}
	return v, err
}

func TestChapters(t *testing.T) {
	files, err := filepath.Glob("*.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		// Not in parallel: what a block prints may depend on when the
		// scheduler preempts (by time), and chapters competing for the
		// processor made a goroutine run before main's next line.
		t.Run(file, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range runChapter(display+file, string(src)) {
				t.Error(f)
			}
		})
	}
}

// expectLine is a ";; => expected" line.
var expectLine = regexp.MustCompile(`^\s*;;\s*=>\s?(.*)$`)

// chapter runs the blocks of one Markdown file and collects failures.
type chapter struct {
	file           string // as shown in messages
	in             *eval.Interp
	stdout, stderr bytes.Buffer
	failures       []string
}

func (c *chapter) failf(line int, format string, args ...any) {
	c.failures = append(c.failures, fmt.Sprintf("%s:%d: ", c.file, line)+fmt.Sprintf(format, args...))
}

// runChapter runs the scheme blocks of the Markdown text src, read from
// file, and returns the failures.
func runChapter(file, src string) []string {
	c := &chapter{file: file}
	blocks, err := parseBlocks(src)
	if err != nil {
		return []string{file + ":" + err.Error()}
	}
	in, err := newInterp(file, &c.stdout, &c.stderr)
	if err != nil {
		return []string{fmt.Sprintf("%s: starting the interpreter: %v", file, err)}
	}
	c.in = in
	for _, b := range blocks {
		if b.lang != "scheme" || strings.Contains(b.info, "no-run") {
			continue
		}
		c.stdout.Reset()
		c.stderr.Reset()
		before := len(c.failures)
		c.runBlock(b)
		in.Flush()
		if b.output != nil {
			// A block's text ends with a line break: whether the
			// output ends with one is not significant.
			want := strings.TrimSuffix(b.output.text, "\n")
			if diff := cmp.Diff(want, strings.TrimSuffix(c.stdout.String(), "\n")); diff != "" {
				c.failf(b.output.line, "the output of the block at line %d differs (-want +got):\n%s", b.line, diff)
			}
		}
		if len(c.failures) > before && c.stderr.Len() > 0 {
			c.failf(b.line, "(the block wrote to standard error:)\n%s", c.stderr.String())
		}
	}
	return c.failures
}

// runBlock runs the forms of a scheme block, checking its ";; =>" lines.
func (c *chapter) runBlock(b *block) {
	lines := strings.Split(strings.TrimSuffix(b.text, "\n"), "\n")
	start := 0 // first line of the current chunk, index in lines
	for i := 0; i <= len(lines); i++ {
		var m []string
		if i < len(lines) {
			if m = expectLine.FindStringSubmatch(lines[i]); m == nil {
				continue
			}
		}
		// lines[start:i] is a chunk, m its expectation (nil at the end).
		// Padded with line breaks, it has the positions of the file.
		chunk := strings.Repeat("\n", b.line-1+start) + strings.Join(lines[start:i], "\n")
		if !c.runChunk(chunk, m, b.line+i) {
			return
		}
		start = i + 1
	}
}

// runChunk evaluates the forms of chunk. expect, if not nil, is the
// match of the ";; =>" line at line, about the last form. It returns
// false if the rest of the block should be skipped.
func (c *chapter) runChunk(chunk string, expect []string, line int) bool {
	r := reader.New(chunk, c.file)
	var forms []value.Value
	var positions []value.Pos
	for {
		datum, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			c.failures = append(c.failures, err.Error())
			return false
		}
		forms = append(forms, datum)
		positions = append(positions, r.Pos())
	}
	if expect != nil && len(forms) == 0 {
		c.failf(line, "no expression before this ;; => line")
		return true
	}
	for i, datum := range forms {
		v, err := evalTimed(c.in, datum, r.SourceMap(), positions[i])
		if i < len(forms)-1 || expect == nil {
			if err != nil {
				c.failures = append(c.failures, "uncaught error: "+err.Error())
				return false
			}
			continue
		}
		want := strings.TrimSpace(expect[1])
		wantErr, isErr := strings.CutPrefix(want, "ERROR:")
		wantErr = strings.TrimSpace(wantErr)
		switch {
		case err != nil && isErr:
			re, rerr := regexp.Compile(wantErr)
			if rerr != nil {
				c.failf(line, "bad regexp: %v", rerr)
			} else if !re.MatchString(err.Error()) {
				c.failf(line, "the error\n\t%v\ndoes not match %q", err, wantErr)
			}
		case err != nil:
			c.failures = append(c.failures, "uncaught error: "+err.Error())
			return false
		case isErr:
			c.failf(line, "expected an error matching %q, got the value %s", wantErr, value.WriteString(v))
		default:
			if got := value.WriteString(v); got != want {
				c.failf(line, "wrong value\n\tgot:  %s\n\twant: %s", got, want)
			}
		}
	}
	return true
}

// TestSolutions runs each solution and compares its output.
func TestSolutions(t *testing.T) {
	files, err := filepath.Glob("solutions/*.scm")
	if err != nil {
		t.Fatal(err)
	}
	outs, _ := filepath.Glob("solutions/*.out")
	for _, out := range outs {
		if _, err := os.Stat(strings.TrimSuffix(out, ".out") + ".scm"); err != nil {
			t.Errorf("%s%s has no .scm", display, out)
		}
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			t.Parallel()
			want, err := os.ReadFile(strings.TrimSuffix(file, ".scm") + ".out")
			if err != nil {
				t.Fatalf("%s%s: no expected output: %v", display, file, err)
			}
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			in, err := newInterp(file, &stdout, &stderr)
			if err != nil {
				t.Fatal(err)
			}
			r := reader.New(string(src), display+file)
			for {
				datum, err := r.Read()
				if err == io.EOF {
					break
				}
				if err == nil {
					_, err = evalTimed(in, datum, r.SourceMap(), r.Pos())
				}
				if err != nil {
					in.Flush()
					t.Errorf("%v\nstderr:\n%s", err, stderr.String())
					break
				}
			}
			in.Flush()
			if diff := cmp.Diff(string(want), stdout.String()); diff != "" {
				t.Errorf("%s%s: output differs from the .out file (-want +got):\n%s", display, file, diff)
			}
		})
	}
}

// TestParseBlocks checks the Markdown side of the runner.
func TestParseBlocks(t *testing.T) {
	md := "# Title\n\n```scheme\n(display 1)\n```\n\n```output\n1\n```\n\ntext\n\n```scheme no-run\n(loop)\n```\ntext\n```output\nnot attached\n```\n"
	blocks, err := parseBlocks(md)
	if err != nil {
		t.Fatal(err)
	}
	type summary struct {
		Lang, Info, Text string
		Line             int
		Output           string
	}
	var got []summary
	for _, b := range blocks {
		s := summary{Lang: b.lang, Info: b.info, Text: b.text, Line: b.line}
		if b.output != nil {
			s.Output = fmt.Sprintf("%d:%s", b.output.line, b.output.text)
		}
		got = append(got, s)
	}
	want := []summary{
		{Lang: "scheme", Text: "(display 1)\n", Line: 4, Output: "8:1\n"},
		{Lang: "scheme", Info: "no-run", Text: "(loop)\n", Line: 14},
		{Lang: "output", Text: "not attached\n", Line: 18},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if _, err := parseBlocks("```scheme\n(x)\n"); err == nil {
		t.Errorf("an unclosed block is not reported")
	}
}

// TestRunnerReports checks that the runner catches what it must, each
// failure pointing at its line.
func TestRunnerReports(t *testing.T) {
	md := "# Chapter\n" + // 1
		"\n" + // 2
		"```scheme\n" + // 3
		"(define x 41)\n" + // 4
		"(+ x 1)\n" + // 5
		";; => 42\n" + // 6
		"(* x 2)\n" + // 7
		";; => 83\n" + // 8
		"(car x)\n" + // 9
		";; => ERROR: car: expected pair\n" + // 10
		"(car '(1))\n" + // 11
		";; => ERROR: whatever\n" + // 12
		"(display \"hi\")\n" + // 13
		"```\n" + // 14
		"\n" + // 15
		"```output\n" + // 16
		"ho\n" + // 17
		"```\n" + // 18
		"```scheme\n" + // 19
		"(vector-ref (vector) 0)\n" + // 20
		"(display \"not reached\")\n" + // 21
		"```\n" + // 22
		"```scheme no-run\n" + // 23
		"(car 1)\n" + // 24
		"```\n" + // 25
		"```scheme\n" + // 26
		";; => 1\n" + // 27
		"```\n" // 28
	got := runChapter("test.md", md)
	want := []string{
		"test.md:8: wrong value\n\tgot:  82\n\twant: 83",
		"test.md:12: expected an error matching \"whatever\", got the value 1",
		"test.md:17: the output of the block at line 4 differs",
		"uncaught error: test.md:20:1: vector-ref",
		"test.md:27: no expression before this ;; => line",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d failures, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("failure %d:\n\tgot  %q\n\twant %q...", i, got[i], want[i])
		}
	}
}

// TestExercisesStateOutput checks that every exercise shows, in an
// ```expected NAME block of its chapter, exactly what its solution
// prints (solutions/NAME.out): the output contigo check compares answers
// with.
func TestExercisesStateOutput(t *testing.T) {
	stated := map[string]string{} // exercise -> output shown
	where := map[string]string{}
	chapters, _ := filepath.Glob("*.md")
	for _, file := range chapters {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		blocks, err := parseBlocks(string(src))
		if err != nil {
			t.Fatalf("%s%s:%v", display, file, err)
		}
		for _, b := range blocks {
			if b.lang != "expected" {
				continue
			}
			name := strings.TrimSpace(b.info)
			if prev, dup := where[name]; dup {
				t.Errorf("%s%s:%d: a second expected block for %s (the first is at %s)", display, file, b.line, name, prev)
			}
			where[name] = fmt.Sprintf("%s%s:%d", display, file, b.line)
			stated[name] = dedent(b.text)
		}
	}
	outs, _ := filepath.Glob("solutions/*.out")
	if len(outs) == 0 {
		t.Fatal("no solutions/*.out")
	}
	for _, out := range outs {
		name := strings.TrimSuffix(filepath.Base(out), ".out")
		want, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := stated[name]
		if !ok {
			t.Errorf("exercise %s states no output: its chapter needs an ```expected %s block", name, name)
			continue
		}
		if diff := cmp.Diff(string(want), got); diff != "" {
			t.Errorf("%s: the output stated differs from %s%s (-solution +stated):\n%s", where[name], display, out, diff)
		}
		delete(stated, name)
	}
	for name := range stated {
		t.Errorf("%s: expected block for %s, which has no solutions/%s.out", where[name], name, name)
	}
}

// dedent removes the indentation of a block inside a list item (up to
// three spaces, as Markdown allows before a fence).
func dedent(text string) string {
	lines := strings.SplitAfter(text, "\n")
	for i := range lines {
		for j := 0; j < 3 && strings.HasPrefix(lines[i], " "); j++ {
			lines[i] = lines[i][1:]
		}
	}
	return strings.Join(lines, "")
}
