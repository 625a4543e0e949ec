package eval

// This file makes every error point at the user's code. An error raised
// inside the library written in Scheme (core.scm, srfi.scm, Options.Library)
// is positioned at the user's call that led to it: the innermost pending
// call in the user's code, or, when the library was entered by a tail
// call (no frame of the caller is left), the call that entered it, which
// the machine remembers. Backtraces leave the library's frames out.

import (
	"sync"

	"contigo/value"
)

// libFiles holds the File pointers of the positions of library sources
// (value.Pos.File), so a position can be told apart from one in a user
// file of the same name.
var libFiles sync.Map

// isUserPos reports whether p is a known position in the user's code.
func isUserPos(p value.Pos) bool { return p.IsValid() && !isLibPos(p) }

// isLibPos reports whether p is a position in a library source.
func isLibPos(p value.Pos) bool {
	if p.File == nil {
		return false
	}
	_, ok := libFiles.Load(p.File)
	return ok
}

// loadLibrary is Load for a source of the library: its positions are
// registered as the library's. It reads the source's image instead of
// its text when the image was made for this very library (image.go).
func (in *Interp) loadLibrary(s Source) error {
	in.loadingLib = true
	defer func() { in.loadingLib = false }()
	key := chainKey(in.libKey, s.Name, s.Text)
	defer func() { in.libKey = key }()
	if k, ok := imageKey(s.Image); ok && k == key && useImages && !eagerLibrary && in.images == nil {
		return in.loadImage(s.Image, s.Text, s.Name)
	}
	return in.loadLib(s.Text, s.Name, key)
}

// enter records that user code at s is calling into the library, with
// the continuation as it is now: see blame. The machine forgets it when
// the call returns (the frame it returns to is popped), when another
// goroutine runs, and when an interrupt handler runs.
func (m *Machine) enter(s *site) {
	m.entry = s
	m.entryDepth = 0
	if m.k != nil {
		m.entryDepth = m.k.Depth
	}
}

// blame returns the site in the user's code to hold responsible for an
// error raised at s, which is s itself unless s is in the library: then
// the innermost frame of the continuation in user code, unless the
// library was entered more recently than that frame was pushed (the
// frame is no deeper than the continuation at the entry), in which case
// the entry. Its site is nil if no user code is involved at all; its
// continuation is where the backtrace goes on from there: below the
// frame chosen, which the site stands for.
func (m *Machine) blame(s *site) raisePoint {
	if s == nil || !s.lib {
		return raisePoint{k: m.k, s: s, calls: m.calls}
	}
	stop := m.entryDepth // -1 without an entry
	f, name, pos := userFrame(m.k, stop)
	if f != nil {
		return raisePoint{k: f.Next, s: &site{pos: pos, name: name}, calls: f.Calls}
	}
	f = m.k // down to the frame the entry call was made from, if any
	for f != nil && f.Depth > stop {
		f = f.Next
	}
	if m.entry == nil {
		// No user frame is pending and the entry was another
		// goroutine's (forgotten at the switch, resumeRaw): the main
		// program's call in tail position of a top-level form, such
		// as a receive woken by a deadlock, is blamed on that form.
		if m.thread == nil && isUserPos(m.in.topPos) {
			return raisePoint{s: &site{pos: m.in.topPos}}
		}
		return raisePoint{k: f}
	}
	if f != nil {
		// The frame the entry call was made from points at that call
		// when it waits for its value: the site already says so.
		if _, pos := frameWhere(f); pos == m.entry.pos {
			f = f.Next
		}
	}
	return raisePoint{k: f, s: m.entry}
}

// forgetEntry forgets the entry into the library.
func (m *Machine) forgetEntry() { m.entry, m.entryDepth = nil, -1 }

// userFrame returns the innermost frame of k in the user's code, deeper
// than stop, with the procedure it belongs to and the position of what
// it waits for (frameWhere); nil if there is none.
func userFrame(k *Frame, stop int32) (*Frame, string, value.Pos) {
	for f := k; f != nil && f.Depth > stop; f = f.Next {
		if s, ok := f.Code.(interface{ siteOf() *site }); ok && s.siteOf().lib {
			// A frame of library code, known by its node's site
			// without a lookup of the position (what it waits for
			// is in the same source): a switch of goroutines walks
			// such frames (waitSite).
			continue
		}
		name, pos, lib := frameWhereLib(f)
		if lib == libNo || lib == libUnknown && isUserPos(pos) {
			return f, name, pos
		}
	}
	return nil, "", value.Pos{}
}

// waitSite is where the code running in continuation k, having entered
// the library at entry (at depth entryDepth), waits when its goroutine is
// switched out (%call/cc-raw): the call by which the user's code entered
// the library, when it was in tail position, as in (go (send c v)), so
// that no frame of the user's code waits for it; else nil, and the
// innermost frame of the user's code says where.
func waitSite(k *Frame, entry *site, entryDepth int32) *site {
	// entry.lib says what isLibPos(entry.pos) would, without its lookup:
	// this runs at every switch of goroutines.
	if entry == nil || !entry.pos.IsValid() || entry.lib {
		return nil
	}
	f, _, pos := userFrame(k, entryDepth-1)
	if f != nil && (f.Depth > entryDepth || pos == entry.pos) {
		return nil
	}
	return entry
}
