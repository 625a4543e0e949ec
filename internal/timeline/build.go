package timeline

// This file turns a list of events into lanes, arrows, brackets and
// marks. The horizontal axis counts events, not microseconds: the trace's
// own cost dominates its clock, and a switch that takes a microsecond
// would be invisible next to a computation that takes a second. Times
// are shown in the tooltips.

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// State is what a goroutine is doing during a segment.
type State int

const (
	Running State = iota
	Runnable
	Blocked
	Done
)

func (s State) String() string {
	return [...]string{"running", "runnable", "blocked", "done"}[s]
}

// Segment is a stretch of a lane in one state, from event From up to
// (not including) event To.
type Segment struct {
	From, To int
	State    State
	// On is what a blocked goroutine waits for ("chan receive #<chan 1>").
	On string
	// Tip is the tooltip: the event that began the segment.
	Tip string
}

// Lane is one goroutine.
type Lane struct {
	ID int
	// Where is the position it was started at ("" for goroutine 1).
	Where string
	// Nursery is the number of its nursery (1: the root nursery).
	Nursery  int
	Segments []Segment
}

// Arrow is a hand-off: goroutine From, at event At (a send, a receive, a
// close, the end of a nursery's child...), made goroutine To runnable,
// and To ran again at event Resume (-1 if it never did).
type Arrow struct {
	From, To   int
	At, Resume int
	Tip        string
}

// Bracket is a nursery other than the root one: its children's lanes,
// from the first one's start to the last one's end.
type Bracket struct {
	Nursery, Opener int
	Lanes           []int // goroutine ids
	From, To        int
}

// Mark is a point event on a lane: a cancellation, the deadlock, or an
// event the timeline does not otherwise draw.
type Mark struct {
	Lane, At int
	Kind     string
	Tip      string
}

// Timeline is what Build makes of a trace.
type Timeline struct {
	Events   []Event
	Lanes    []*Lane
	Arrows   []Arrow
	Brackets []Bracket
	Marks    []Mark
	// Deadlock is the event index of the deadlock, or -1.
	Deadlock int
	// LeftOut is how many events came after the last one recorded.
	LeftOut int
}

// Lane returns the lane of goroutine id, or nil.
func (t *Timeline) Lane(id int) *Lane {
	i := sort.Search(len(t.Lanes), func(i int) bool { return t.Lanes[i].ID >= id })
	if i < len(t.Lanes) && t.Lanes[i].ID == id {
		return t.Lanes[i]
	}
	return nil
}

// Build lays out the events of a trace. Goroutine 1 runs from the start.
func Build(events []Event) *Timeline {
	b := &builder{t: &Timeline{Events: events, Deadlock: -1}, lanes: map[int]*Lane{}, running: 1}
	b.lane(1, 0, "", 1).open(0, Running, "", "goroutine 1 (the main program) runs")
	for i, e := range events {
		b.event(i, e)
	}
	n := len(events)
	sort.Slice(b.t.Lanes, func(i, j int) bool { return b.t.Lanes[i].ID < b.t.Lanes[j].ID })
	for _, l := range b.t.Lanes {
		l.close(n)
	}
	for i := range b.t.Arrows {
		if b.t.Arrows[i].Resume < 0 {
			b.t.Arrows[i].Resume = n
		}
	}
	b.brackets()
	return b.t
}

type builder struct {
	t       *Timeline
	lanes   map[int]*Lane
	running int
	// pending arrows, by the goroutine they point to: they end where it
	// next runs.
	pending map[int][]int
	// deadlock is set between the deadlock event and the wake of
	// goroutine 1 that raises it there (no hand-off).
	deadlock bool
}

func (b *builder) lane(id, at int, where string, nursery int) *Lane {
	l := b.lanes[id]
	if l == nil {
		l = &Lane{ID: id, Where: where, Nursery: nursery}
		b.lanes[id] = l
		b.t.Lanes = append(b.t.Lanes, l)
	}
	return l
}

// open starts a segment at event at, ending the current one.
func (l *Lane) open(at int, s State, on, tip string) {
	l.close(at)
	if n := len(l.Segments); n > 0 && l.Segments[n-1].From == at {
		l.Segments = l.Segments[:n-1] // two events at once: the last wins
	}
	l.Segments = append(l.Segments, Segment{From: at, To: -1, State: s, On: on, Tip: tip})
}

// close ends the open segment, if any, at event at.
func (l *Lane) close(at int) {
	if n := len(l.Segments); n > 0 && l.Segments[n-1].To < 0 {
		l.Segments[n-1].To = at
	}
}

// arg returns the i'th item of e as a goroutine number, or 0.
func arg(e Event, i int) int {
	if i >= len(e.Args) {
		return 0
	}
	n, err := strconv.Atoi(e.Args[i])
	if err != nil {
		return 0
	}
	return n
}

func (b *builder) event(i int, e Event) {
	tip := fmt.Sprintf("%s (%.3f ms)", e, float64(e.Micros)/1000)
	g := arg(e, 0)
	switch e.Kind {
	case "spawn":
		by := arg(e, 2)
		l := b.lane(g, i, e.Where, max(e.Nursery, 1))
		l.open(i, Runnable, "", fmt.Sprintf("goroutine %d started by %d: %s", g, by, tip))
		return
	case "block":
		on := strings.Join(e.Args[1:], " ")
		b.lane(g, i, "", 1).open(i, Blocked, on, fmt.Sprintf("goroutine %d blocked on %s: %s", g, on, tip))
	case "yield", "preempt":
		b.lane(g, i, "", 1).open(i, Runnable, "", fmt.Sprintf("goroutine %d runnable: %s", g, tip))
	case "wake":
		by := arg(e, 2)
		b.lane(g, i, "", 1).open(i, Runnable, "", fmt.Sprintf("goroutine %d woken by %d: %s", g, by, tip))
		if b.deadlock && g == 1 {
			b.deadlock = false
			return
		}
		if b.pending == nil {
			b.pending = map[int][]int{}
		}
		b.pending[g] = append(b.pending[g], len(b.t.Arrows))
		b.t.Arrows = append(b.t.Arrows, Arrow{From: by, To: g, At: i, Resume: -1,
			Tip: fmt.Sprintf("goroutine %d wakes goroutine %d: %s", by, g, tip)})
	case "switch":
		to := arg(e, 2)
		b.running = to
		b.lane(to, i, "", 1).open(i, Running, "", fmt.Sprintf("goroutine %d runs: %s", to, tip))
		for _, a := range b.pending[to] {
			b.t.Arrows[a].Resume = i
		}
		delete(b.pending, to)
	case "exit":
		b.lane(g, i, "", 1).open(i, Done, "", fmt.Sprintf("goroutine %d ended: %s", g, tip))
	case "deadlock":
		b.t.Deadlock = i
		b.deadlock = true
		b.t.Marks = append(b.t.Marks, Mark{Lane: 1, At: i, Kind: "deadlock",
			Tip: "deadlock: every goroutine is blocked (" + tip + ")"})
	default:
		// cancel, and events this package does not know: a mark on the
		// lane of the goroutine they name, else on the running one's.
		lane := g
		if b.lanes[lane] == nil {
			lane = b.running
		}
		b.t.Marks = append(b.t.Marks, Mark{Lane: lane, At: i, Kind: e.Kind, Tip: tip})
	}
}

// brackets makes a bracket of each nursery other than the root.
func (b *builder) brackets() {
	byNursery := map[int]*Bracket{}
	var order []int
	for _, l := range b.t.Lanes {
		if l.Nursery <= 1 || len(l.Segments) == 0 {
			continue
		}
		br := byNursery[l.Nursery]
		if br == nil {
			br = &Bracket{Nursery: l.Nursery, From: l.Segments[0].From, To: -1}
			byNursery[l.Nursery] = br
			order = append(order, l.Nursery)
		}
		br.Lanes = append(br.Lanes, l.ID)
		br.From = min(br.From, l.Segments[0].From)
		end := l.Segments[len(l.Segments)-1]
		if end.State != Done {
			br.To = max(br.To, end.To)
		} else {
			br.To = max(br.To, end.From)
		}
	}
	// The opener is recorded with each spawn.
	for _, e := range b.t.Events {
		if br := byNursery[e.Nursery]; e.Kind == "spawn" && br != nil {
			br.Opener = e.Opener
		}
	}
	for _, n := range order {
		b.t.Brackets = append(b.t.Brackets, *byNursery[n])
	}
}
