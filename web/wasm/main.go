//go:build js && wasm

// Command wasm is contigo for the browser: built with GOOS=js
// GOARCH=wasm by go run ./web build, it runs in a Web Worker (worker.js)
// and talks to it with messages.
//
// The worker calls contigoStart() once, then
// contigoRun(id, kind, src, file, line, trace) for each run, kind "block"
// (a block of a chapter, sharing the interpreter with the blocks before
// it) or "program" (a fresh interpreter running a whole program). While a
// run goes on, its output is posted to the worker's scope as
// {id, type: "out"|"err", text}; at the end {id, type: "done", status,
// svg, summary}. A runaway run is stopped by terminating the worker (see
// site.js): the interpreter's loop never returns to the JavaScript event
// loop, so no message could reach it.
package main

import (
	"fmt"
	"runtime/debug"
	"sync"
	"syscall/js"
	"time"

	"contigo/web/session"
)

// poster sends what is written to it to the page, at most every 50 ms
// (and at the end of the run): the interpreter flushes its output often,
// and a message per flush would flood the page.
type poster struct {
	mu      sync.Mutex
	id      int
	kind    string
	pending []byte
	last    time.Time
}

func (p *poster) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.pending = append(p.pending, b...)
	if time.Since(p.last) > 50*time.Millisecond || len(p.pending) > 64<<10 {
		p.flushLocked()
	}
	return len(b), nil
}

func (p *poster) flush() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.flushLocked()
}

func (p *poster) flushLocked() {
	p.last = time.Now()
	if len(p.pending) == 0 {
		return
	}
	post(map[string]any{"id": p.id, "type": p.kind, "text": string(p.pending)})
	p.pending = p.pending[:0]
}

func post(msg map[string]any) { js.Global().Call("postMessage", msg) }

var (
	out      = &poster{kind: "out"}
	errOut   = &poster{kind: "err"}
	chapter  *session.Session
	runQueue = make(chan func(), 16)
)

func main() {
	js.Global().Set("contigoStart", js.FuncOf(func(this js.Value, args []js.Value) any {
		// Starting the interpreter allocates a lot in a short time, and
		// WebAssembly's collector runs on the one thread: collecting
		// during start-up doubled it (1.5 s instead of 0.7 s, first
		// run, under node). After it, a higher GOGC than the default
		// also helps the runs, at the price of memory.
		debug.SetGCPercent(-1)
		defer debug.SetGCPercent(400)
		s, err := session.New(out, errOut)
		if err != nil {
			return err.Error()
		}
		chapter = s
		return nil
	}))
	js.Global().Set("contigoRun", js.FuncOf(func(this js.Value, args []js.Value) any {
		id, kind, src := args[0].Int(), args[1].String(), args[2].String()
		file, line, trace := args[3].String(), args[4].Int(), args[5].Bool()
		// A callback must not block (a run may sleep): the run goes to
		// the goroutine below.
		runQueue <- func() { run(id, kind, src, file, line, trace) }
		return nil
	}))
	for f := range runQueue {
		f()
	}
}

func run(id int, kind, src, file string, line int, trace bool) {
	out.id, errOut.id = id, id
	defer func() {
		// The interpreter reports Scheme errors itself; anything else
		// is a bug, which must not leave the page waiting forever.
		if r := recover(); r != nil {
			out.flush()
			errOut.flush()
			post(map[string]any{"id": id, "type": "err", "text": fmt.Sprintf("contigo: internal error: %v\n", r)})
			post(map[string]any{"id": id, "type": "done", "status": 70})
		}
	}()
	var res session.Result
	if kind == "program" {
		s, err := session.New(out, errOut)
		if err != nil {
			post(map[string]any{"id": id, "type": "done", "status": 70, "error": err.Error()})
			return
		}
		res = s.RunProgram(src, file, trace)
	} else {
		res = chapter.RunBlock(src, file, line, trace)
	}
	out.flush()
	errOut.flush()
	msg := map[string]any{"id": id, "type": "done", "status": res.Status}
	if res.Timeline != nil {
		msg["svg"] = res.Timeline.SVG()
		msg["summary"] = res.Timeline.Summary()
		msg["lanes"] = len(res.Timeline.Lanes)
		msg["handoffs"] = len(res.Timeline.Arrows)
	}
	post(msg)
}
