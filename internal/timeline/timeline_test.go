package timeline

import (
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"contigo/eval"
	"contigo/prelude"
	"contigo/reader"
)

// run runs src with the prelude, recording the trace, and returns the
// events and the run's error.
// recording makes an interpreter with the concurrency library whose
// scheduler events are recorded; what it prints is dropped.
func recording(t *testing.T) *eval.Interp {
	t.Helper()
	in, err := prelude.New(eval.Options{Stdout: io.Discard, Stderr: io.Discard, Stdin: strings.NewReader("")})
	if err != nil {
		t.Fatal(err)
	}
	if err := Record(in); err != nil {
		t.Fatal(err)
	}
	return in
}

func run(t *testing.T, src string) ([]Event, error) {
	t.Helper()
	in := recording(t)
	// Preemption strikes after about a millisecond of running, so on a
	// loaded machine it could add lanes' states the summaries do not
	// expect: a 10 s slice keeps these short programs unpreempted.
	if err := prelude.SetTimeSlice(in, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	r := reader.New(src, "t.scm")
	var runErr error
	for runErr == nil {
		d, err := r.Read()
		if err != nil {
			break
		}
		_, runErr = in.EvalAt(d, r.SourceMap(), r.Pos())
	}
	if runErr == nil {
		runErr = prelude.ProgramEnd(in)
	}
	events, _, err := Collect(in)
	if err != nil {
		t.Fatal(err)
	}
	return events, runErr
}

// summary is what the tests compare of a timeline.
type summary struct {
	Lanes    []string // "id@where: states"
	Arrows   []string // "from->to"
	Brackets []string
	Marks    []string
	Deadlock bool
}

func summarize(t *Timeline) summary {
	var s summary
	for _, l := range t.Lanes {
		var states []string
		for _, seg := range l.Segments {
			st := seg.State.String()
			if seg.On != "" {
				st += "(" + seg.On + ")"
			}
			states = append(states, st)
		}
		s.Lanes = append(s.Lanes, strings.TrimPrefix(l.Where, "t.scm:")+" "+strings.Join(states, " "))
	}
	for _, a := range t.Arrows {
		s.Arrows = append(s.Arrows, itoa(a.From)+"->"+itoa(a.To))
	}
	for _, b := range t.Brackets {
		s.Brackets = append(s.Brackets, "nursery "+itoa(b.Nursery)+" by "+itoa(b.Opener)+": "+ids(b.Lanes))
	}
	for _, m := range t.Marks {
		s.Marks = append(s.Marks, m.Kind+"@"+itoa(m.Lane))
	}
	s.Deadlock = t.Deadlock >= 0
	return s
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestBuild(t *testing.T) {
	tests := []struct {
		name, src string
		want      summary
	}{
		{
			name: "one hand-off",
			src:  "(define c (make-chan))\n(go (send c 1))\n(recv c)\n",
			want: summary{
				Lanes: []string{
					" running blocked(chan receive #<chan 1>) runnable running",
					"2:5 runnable running done",
				},
				Arrows: []string{"2->1"},
			},
		},
		{
			name: "deadlock",
			src:  "(define c (make-chan))\n(go (recv c))\n(recv c)\n",
			want: summary{
				Lanes: []string{
					" running blocked(chan receive #<chan 1>) runnable running",
					"2:5 runnable running blocked(chan receive #<chan 1>)",
				},
				Marks:    []string{"deadlock@1"},
				Deadlock: true,
			},
		},
		{
			name: "a nursery cancels its children",
			src:  "(guard (e (#t #f))\n  (nursery\n    (go (sleep 100000))\n    (go (raise 'boom))))\n",
			want: summary{
				Lanes: []string{
					" running blocked(nursery) runnable running",
					"3:9 runnable running blocked(sleep) runnable running done",
					"4:9 runnable running done",
				},
				Arrows:   []string{"3->2", "2->1"},
				Brackets: []string{"nursery 2 by 1: 2, 3"},
				Marks:    []string{"cancel@2"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			events, _ := run(t, tt.src)
			got := summarize(Build(events))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestPositions checks that every event of a small program carries a
// position in the program and a time.
func TestPositions(t *testing.T) {
	events, err := run(t, "(define c (make-chan))\n(go (send c 1))\n(recv c)\n")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	last := int64(-1)
	for _, e := range events {
		got = append(got, e.String())
		if e.Micros < last {
			t.Errorf("time goes back at %v", e)
		}
		last = e.Micros
	}
	want := []string{
		"spawn 2 by 1 at t.scm:2:5",
		"block 1 chan receive #<chan 1> at t.scm:3:1",
		"switch 1 -> 2 at t.scm:3:1",
		"wake 1 by 2 at t.scm:2:5",
		"exit 2 ok at t.scm:2:5",
		"switch 2 -> 1 at t.scm:2:5",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestSVG checks the drawing: a lane per goroutine, an arrow per
// hand-off, the deadlock line, and text escaped.
func TestSVG(t *testing.T) {
	events, _ := run(t, "(define c (make-chan))\n(go (recv c))\n(recv c)\n")
	svg := Build(events).SVG()
	for _, want := range []struct {
		re    string
		count int
	}{
		{`<g class="lane" data-goroutine="\d+">`, 2},
		{`<g class="deadlock">`, 1},
		{`<g class="handoff"`, 0},
	} {
		if n := len(regexp.MustCompile(want.re).FindAllString(svg, -1)); n != want.count {
			t.Errorf("%d matches of %s, want %d", n, want.re, want.count)
		}
	}
	if !strings.Contains(svg, `#&lt;chan 1&gt;`) || strings.Contains(svg, "#<chan") {
		t.Errorf("the channel is not shown, or not escaped:\n%s", svg)
	}
	page := HTML("t", Build(events), "out<put>")
	for _, bad := range []string{"<script", "http://", "https://"} {
		if strings.Contains(strings.ReplaceAll(page, `xmlns="http://www.w3.org/2000/svg"`, ""), bad) {
			t.Errorf("the page contains %q: it must be self-contained", bad)
		}
	}
}

// TestLimit checks that a long run records only the first events.
func TestLimit(t *testing.T) {
	in := recording(t)
	src := "(set! %trace-limit 50)\n(define c (make-chan))\n(go (let loop () (send c 1) (loop)))\n(let loop ((i 0)) (if (< i 100) (begin (recv c) (loop (+ i 1)))))\n"
	r := reader.New(src, "t.scm")
	for {
		d, err := r.Read()
		if err != nil {
			break
		}
		if _, err := in.EvalAt(d, r.SourceMap(), r.Pos()); err != nil {
			t.Fatal(err)
		}
	}
	tl, err := Read(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(tl.Events) != 50 || tl.LeftOut < 200 || !strings.Contains(tl.Summary(), "events after these are not drawn") {
		t.Errorf("%d events drawn, %d left out: %s", len(tl.Events), tl.LeftOut, tl.Summary())
	}
}

// TestManyLanes checks that a drawing stops at MaxLanes goroutines.
func TestManyLanes(t *testing.T) {
	var events []Event
	for i := 2; i < MaxLanes+100; i++ {
		events = append(events, Event{Kind: "spawn", Args: []string{strconv.Itoa(i), "by", "1"}, Nursery: 1})
		events = append(events, Event{Kind: "wake", Args: []string{"1", "by", strconv.Itoa(i)}})
	}
	tl := Build(events)
	svg := tl.SVG()
	if n := strings.Count(svg, `<g class="lane"`); n != MaxLanes {
		t.Errorf("%d lanes drawn, want %d", n, MaxLanes)
	}
	if n := strings.Count(svg, `<g class="handoff"`); n != MaxLanes-1 {
		t.Errorf("%d hand-offs drawn, want %d (those between drawn lanes)", n, MaxLanes-1)
	}
	if !strings.Contains(tl.Summary(), "only the first 300 goroutines are drawn") {
		t.Errorf("summary: %s", tl.Summary())
	}
}
