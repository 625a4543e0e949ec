package timeline

// This file draws a Timeline as SVG, and wraps it in a self-contained
// HTML page (no script, no network: tooltips are SVG <title>s).

import (
	"fmt"
	"html"
	"math"
	"strings"
)

// Layout constants, in SVG user units (pixels at scale 1).
const (
	labelWidth = 170 // the lane labels on the left
	laneHeight = 34
	barHeight  = 16
	topMargin  = 46 // the legend
	axisHeight = 30
	rightPad   = 90
)

// MaxLanes is how many goroutines a drawing shows at most: the first
// ones started (the summary says how many more there were).
const MaxLanes = 300

// stepWidth is the width of one event column: wide for a short trace,
// narrow for a long one.
func stepWidth(n int) float64 {
	w := 640.0 / float64(max(n, 1))
	return min(max(w, 6), 32)
}

var colors = map[State]string{
	Running:  "#2e7d32",
	Runnable: "#b0bec5",
	Blocked:  "#ef6c00",
}

// SVG returns the timeline as an <svg> element.
func (t *Timeline) SVG() string {
	d := newDrawing(t)
	fmt.Fprintf(&d.b, `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" font-family="sans-serif" font-size="12" role="img" aria-label="scheduler timeline: %d goroutines, %d events">`,
		d.width, d.height, d.width, d.height, len(d.lanes), d.n)
	d.b.WriteString(`<defs><marker id="arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#1565c0"/></marker></defs>`)
	t.legend(&d.b)
	for _, br := range t.Brackets { // behind everything
		d.bracket(br)
	}
	for _, l := range d.lanes {
		d.lane(l)
	}
	for _, a := range t.Arrows {
		d.arrow(a)
	}
	for _, m := range t.Marks {
		d.mark(m)
	}
	d.axis(t.Events)
	d.b.WriteString(`</svg>`)
	return d.b.String()
}

// drawing is an SVG being drawn: the geometry of a timeline's columns
// (one per event) and rows (one per drawn lane), and the text so far.
type drawing struct {
	b             strings.Builder
	n             int     // events
	dx            float64 // the width of an event column
	lanes         []*Lane // those drawn
	row           map[int]int
	width, height float64
}

func newDrawing(t *Timeline) *drawing {
	d := &drawing{n: len(t.Events), dx: stepWidth(len(t.Events)), row: map[int]int{}}
	d.lanes = t.Lanes[:min(len(t.Lanes), MaxLanes)]
	for i, l := range d.lanes {
		d.row[l.ID] = i
	}
	d.width = d.x(d.n) + rightPad
	d.height = topMargin + float64(len(d.lanes))*laneHeight + axisHeight
	return d
}

// x is the left edge of the column of event step.
func (d *drawing) x(step int) float64 { return labelWidth + float64(step)*d.dx }

// y is the middle of goroutine id's lane.
func (d *drawing) y(id int) float64 {
	return topMargin + float64(d.row[id])*laneHeight + laneHeight/2
}

// drawn reports whether goroutine id has a lane in the drawing.
func (d *drawing) drawn(id int) bool { _, ok := d.row[id]; return ok }

// bracket draws a nursery as a bracket around its drawn lanes.
func (d *drawing) bracket(br Bracket) {
	if !d.drawn(br.Lanes[0]) {
		return
	}
	top, bottom := d.y(br.Lanes[0]), d.y(br.Lanes[0])
	for _, id := range br.Lanes {
		if d.drawn(id) {
			top, bottom = min(top, d.y(id)), max(bottom, d.y(id))
		}
	}
	x0, x1 := d.x(br.From)-3, d.x(max(br.To, br.From+1))+3
	fmt.Fprintf(&d.b, `<g class="nursery"><title>%s</title><path d="M%.1f,%.1f h-6 v%.1f h6 M%.1f,%.1f h6 v%.1f h-6" fill="none" stroke="#6a1b9a" stroke-width="2"/><text x="%.1f" y="%.1f" fill="#6a1b9a" font-size="11">nursery %d</text></g>`,
		esc(fmt.Sprintf("nursery %d, opened by goroutine %d: goroutines %s", br.Nursery, br.Opener, ids(br.Lanes))),
		x0, top-barHeight/2-4, bottom-top+barHeight+8,
		x1, top-barHeight/2-4, bottom-top+barHeight+8,
		x0-2, top-barHeight/2-7, br.Nursery)
}

// lane draws a goroutine's label, its line and its segments.
func (d *drawing) lane(l *Lane) {
	ly := d.y(l.ID)
	label := fmt.Sprintf("goroutine %d", l.ID)
	sub := "main program"
	if l.ID != 1 {
		sub = "go at " + shortPos(l.Where)
	}
	fmt.Fprintf(&d.b, `<g class="lane" data-goroutine="%d"><title>%s</title><text x="8" y="%.1f" font-weight="bold">%s</text><text x="8" y="%.1f" fill="#555" font-size="10">%s</text>`,
		l.ID, esc(label+": "+sub), ly-2, esc(label), ly+10, esc(sub))
	fmt.Fprintf(&d.b, `<line x1="%d" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#e0e0e0"/>`, labelWidth, ly, d.x(d.n), ly)
	for _, s := range l.Segments {
		d.segment(s, ly)
	}
	d.b.WriteString(`</g>`)
}

// segment draws a stretch of a lane whose middle is at ly: a bar in the
// colour of its state, or "done".
func (d *drawing) segment(s Segment, ly float64) {
	if s.State == Done {
		fmt.Fprintf(&d.b, `<g class="seg done"><title>%s</title><text x="%.1f" y="%.1f" fill="#888" font-size="10">done</text></g>`,
			esc(s.Tip), d.x(s.From)+3, ly+4)
		return
	}
	w := d.x(s.To) - d.x(s.From)
	fmt.Fprintf(&d.b, `<g class="seg %s"><title>%s</title><rect x="%.1f" y="%.1f" width="%.1f" height="%d" rx="2" fill="%s"/>`,
		s.State, esc(s.Tip), d.x(s.From), ly-barHeight/2, max(w, 1), barHeight, colors[s.State])
	if s.State == Blocked && s.On != "" && w > 40 {
		fmt.Fprintf(&d.b, `<text x="%.1f" y="%.1f" fill="#fff" font-size="10">%s</text>`,
			d.x(s.From)+3, ly+4, esc(fit(s.On, w)))
	}
	d.b.WriteString(`</g>`)
}

// arrow draws a hand-off between two drawn lanes.
func (d *drawing) arrow(a Arrow) {
	if !d.drawn(a.From) || !d.drawn(a.To) {
		return
	}
	x0, y0 := d.x(a.At)+d.dx/2, d.y(a.From)
	x1, y1 := d.x(a.Resume)+1, d.y(a.To)
	if y1 > y0 {
		y0, y1 = y0+barHeight/2, y1-barHeight/2
	} else {
		y0, y1 = y0-barHeight/2, y1+barHeight/2
	}
	fmt.Fprintf(&d.b, `<g class="handoff" data-from="%d" data-to="%d"><title>%s</title><path d="M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f" fill="none" stroke="#1565c0" stroke-width="1.5" marker-end="url(#arrowhead)"/></g>`,
		a.From, a.To, esc(a.Tip), x0, y0, x0, (y0+y1)/2, x1, (y0+y1)/2, x1, y1)
}

// mark draws a deadlock line across all lanes, a cancel cross or another
// event's dot.
func (d *drawing) mark(m Mark) {
	if !d.drawn(m.Lane) {
		return
	}
	mx, my := d.x(m.At)+d.dx/2, d.y(m.Lane)
	switch m.Kind {
	case "deadlock":
		fmt.Fprintf(&d.b, `<g class="deadlock"><title>%s</title><line x1="%.1f" y1="%d" x2="%.1f" y2="%.1f" stroke="#c62828" stroke-width="2" stroke-dasharray="4 3"/><text x="%.1f" y="%d" fill="#c62828" font-weight="bold">deadlock</text></g>`,
			esc(m.Tip), mx, topMargin-6, mx, d.height-axisHeight, mx+4, topMargin-8)
	case "cancel":
		fmt.Fprintf(&d.b, `<g class="mark cancel"><title>%s</title><path d="M%.1f,%.1f l8,8 m0,-8 l-8,8" stroke="#c62828" stroke-width="2.5"/></g>`,
			esc(m.Tip), mx-4, my-4)
	default:
		fmt.Fprintf(&d.b, `<g class="mark %s"><title>%s</title><circle cx="%.1f" cy="%.1f" r="4" fill="#6d4c41"/></g>`,
			esc(m.Kind), esc(m.Tip), mx, my)
	}
}

// axis draws the events in order, with the time of some of them.
func (d *drawing) axis(events []Event) {
	ay := d.height - axisHeight + 12
	fmt.Fprintf(&d.b, `<text x="8" y="%.1f" fill="#555" font-size="10">events →</text>`, ay+4)
	every := max(1, int(math.Ceil(80/d.dx)))
	for i := 0; i < d.n; i += every {
		fmt.Fprintf(&d.b, `<text x="%.1f" y="%.1f" fill="#777" font-size="9">%.2fms</text>`, d.x(i), ay+4, float64(events[i].Micros)/1000)
	}
}

func (t *Timeline) legend(b *strings.Builder) {
	items := []struct{ label, color string }{
		{"running", colors[Running]}, {"runnable", colors[Runnable]}, {"blocked", colors[Blocked]},
	}
	lx := 8.0
	for _, it := range items {
		fmt.Fprintf(b, `<rect x="%.0f" y="10" width="14" height="10" rx="2" fill="%s"/><text x="%.0f" y="19">%s</text>`, lx, it.color, lx+18, it.label)
		lx += 90
	}
	fmt.Fprintf(b, `<path d="M%.0f,15 h22" stroke="#1565c0" stroke-width="1.5" marker-end="url(#arrowhead)"/><text x="%.0f" y="19">wakes</text>`, lx, lx+28)
	lx += 80
	fmt.Fprintf(b, `<path d="M%.0f,10 l8,8 m0,-8 l-8,8" stroke="#c62828" stroke-width="2.5"/><text x="%.0f" y="19">cancel</text>`, lx, lx+14)
	lx += 70
	fmt.Fprintf(b, `<text x="%.0f" y="19" fill="#6a1b9a">[ ] nursery</text>`, lx)
}

// shortPos drops the file name of a position "file:line:col".
func shortPos(where string) string {
	if where == "" {
		return "?"
	}
	parts := strings.Split(where, ":")
	if len(parts) >= 3 {
		return strings.Join(parts[len(parts)-2:], ":")
	}
	return where
}

// fit shortens s to about what fits in w pixels of 10px text.
func fit(s string, w float64) string {
	n := int(w / 6)
	if len(s) <= n {
		return s
	}
	if n <= 1 {
		return ""
	}
	return s[:n-1] + "…"
}

func ids(l []int) string {
	s := make([]string, len(l))
	for i, id := range l {
		s[i] = fmt.Sprint(id)
	}
	return strings.Join(s, ", ")
}

func esc(s string) string { return html.EscapeString(s) }

// HTML returns a self-contained page showing the timeline, with the
// list of events below it and, if it is not empty, the program's output.
func HTML(title string, t *Timeline, output string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>%s</title>\n<style>%s</style></head><body>\n", esc(title), PageCSS)
	fmt.Fprintf(&b, "<h1>%s</h1>\n<p class=\"summary\">%s</p>\n<div class=\"timeline-box\">%s</div>\n", esc(title), esc(t.Summary()), t.SVG())
	if output != "" {
		fmt.Fprintf(&b, "<h2>Output</h2>\n<pre class=\"output\">%s</pre>\n", esc(output))
	}
	b.WriteString("<h2>Events</h2>\n<table class=\"events\"><tr><th>#</th><th>ms</th><th>event</th><th>where</th></tr>\n")
	for i, e := range t.Events {
		fmt.Fprintf(&b, "<tr><td>%d</td><td>%.3f</td><td>%s</td><td>%s</td></tr>\n", i, float64(e.Micros)/1000,
			esc(strings.TrimSpace(e.Kind+" "+strings.Join(e.Args, " "))), esc(e.Where))
	}
	b.WriteString("</table>\n</body></html>\n")
	return b.String()
}

// Summary says in a sentence what the timeline shows.
func (t *Timeline) Summary() string {
	s := fmt.Sprintf("%d goroutines, %d scheduler events, %d hand-offs", len(t.Lanes), len(t.Events), len(t.Arrows))
	if len(t.Brackets) > 0 {
		s += fmt.Sprintf(", %d nurser%s", len(t.Brackets), map[bool]string{true: "y", false: "ies"}[len(t.Brackets) == 1])
	}
	if t.Deadlock >= 0 {
		s += "; deadlock at event " + fmt.Sprint(t.Deadlock)
	}
	if len(t.Lanes) > MaxLanes {
		s += fmt.Sprintf("; only the first %d goroutines are drawn", MaxLanes)
	}
	if t.LeftOut > 0 {
		s += fmt.Sprintf("; the %d events after these are not drawn", t.LeftOut)
	}
	return s + ". Hover over a bar or an arrow for the event and its source position."
}

// PageCSS styles the timeline in a page (also used by the course site).
const PageCSS = `body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
.timeline-box{overflow-x:auto;border:1px solid #ddd;border-radius:6px;background:#fff;padding:4px}
.timeline .seg:hover rect,.timeline .handoff:hover path{stroke:#000;stroke-width:2}
pre.output{background:#f6f8fa;padding:.6em;border-radius:4px;white-space:pre-wrap}
table.events{border-collapse:collapse;font-size:13px}
table.events td,table.events th{border-bottom:1px solid #eee;padding:2px 8px;text-align:left;font-family:ui-monospace,monospace}`
