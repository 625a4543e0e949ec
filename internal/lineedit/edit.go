package lineedit

import (
	"io"
	"unicode"
)

// edit reads keys and edits the line until the user enters it.
func (e *Editor) edit() (string, error) {
	var pending *key // a key read by a search, to be handled here
	for {
		var k key
		if pending != nil {
			k, pending = *pending, nil
		} else {
			var err error
			if k, err = e.readKey(); err != nil {
				if isEOF(err) {
					err = io.EOF
				}
				return "", err
			}
		}
		if e.skipLF && k == (key{r: ctrlJ}) {
			e.skipLF = false
			continue // CR LF: one line end
		}
		e.skipLF = false
		if k != (key{r: tab}) {
			e.tabs = 0
		}
		switch {
		case k == key{r: ctrlM} || k == key{r: ctrlJ}:
			e.skipLF = k.r == ctrlM
			e.mu.Lock()
			e.toEnd()
			line := string(e.buf)
			e.mu.Unlock()
			return line, nil
		case k == key{r: ctrlC}:
			// Shown as a shell shows it: ^C after the line, which
			// stays on the screen as typed.
			e.mu.Lock()
			e.buf = append(e.buf, '^', 'C')
			e.pos = len(e.buf)
			e.stale = true
			e.toEnd()
			e.mu.Unlock()
			return "", ErrAborted
		case k == key{r: ctrlD} && len(e.buf) == 0:
			return "", io.EOF
		case k == key{r: tab}:
			e.tabs++
			e.completeWord()
		case k == key{r: ctrlR}:
			line, k, done := e.searchHistory()
			if done {
				return line, nil
			}
			pending = k
		case k == key{r: ctrlZ}:
			if s, ok := e.term.(interface{ Suspend() }); ok {
				s.Suspend()
				e.mu.Lock()
				e.row = 0
				e.refresh()
				e.mu.Unlock()
			}
		case k == key{r: ctrlP} || k.name == keyUp:
			e.historyOlder()
		case k == key{r: ctrlN} || k.name == keyDown:
			e.historyNewer()
		default:
			e.mu.Lock()
			e.editKey(k)
			e.mu.Unlock()
		}
	}
}

// editKey applies a key that changes the line or moves the cursor, and
// shows the result, with e.mu held.
func (e *Editor) editKey(k key) {
	b := e.buf
	switch {
	case k == key{r: ctrlA} || k.name == keyHome:
		e.pos = 0
	case k == key{r: ctrlE} || k.name == keyEnd:
		e.pos = len(b)
	case k == key{r: ctrlB} || k.name == keyLeft:
		e.pos = max(e.pos-1, 0)
	case k == key{r: ctrlF} || k.name == keyRight:
		e.pos = min(e.pos+1, len(b))
	case k == key{r: 'b', meta: true} || k.name == keyWordLeft:
		e.pos = wordStart(b, e.pos)
	case k == key{r: 'f', meta: true} || k.name == keyWordRight:
		e.pos = wordEnd(b, e.pos)
	case k == key{r: backspace} || k == key{r: ctrlH}:
		if e.pos == 0 {
			e.beep()
			return
		}
		e.buf = append(b[:e.pos-1], b[e.pos:]...)
		e.pos--
	case k == key{r: ctrlD} || k.name == keyDelete:
		if e.pos == len(b) {
			e.beep()
			return
		}
		e.buf = append(b[:e.pos], b[e.pos+1:]...)
	case k == key{r: ctrlK}:
		e.cut(e.pos, len(b))
	case k == key{r: ctrlU}:
		e.cut(0, e.pos)
	case k == key{r: ctrlW}:
		i := e.pos
		for i > 0 && unicode.IsSpace(b[i-1]) {
			i--
		}
		for i > 0 && !unicode.IsSpace(b[i-1]) {
			i--
		}
		e.cut(i, e.pos)
	case k == key{r: backspace, meta: true} || k == key{r: ctrlH, meta: true}:
		e.cut(wordStart(b, e.pos), e.pos)
	case k == key{r: 'd', meta: true}:
		e.cut(e.pos, wordEnd(b, e.pos))
	case k == key{r: ctrlY}:
		e.insert(e.kill...)
	case k == key{r: ctrlT}:
		if e.pos == 0 || len(b) < 2 {
			e.beep()
			return
		}
		i := min(e.pos, len(b)-1)
		b[i-1], b[i] = b[i], b[i-1]
		e.pos = i + 1
	case k == key{r: ctrlL}:
		e.out.Write([]byte("\x1b[H\x1b[2J"))
		e.row = 0
	case k.name == keyChar && !k.meta && k.r >= 0x20 && k.r != backspace:
		if e.pos == len(e.buf) && !e.stale {
			// Typing at the end of the line, the common case: show
			// the character alone if it fits on the row.
			if _, col := e.layoutEnd(); col+runeWidth(k.r) < e.term.Columns() {
				e.insert(k.r)
				e.out.Write(appendRune(nil, k.r))
				return
			}
		}
		e.insert(k.r)
	default:
		e.beep()
		return
	}
	e.show()
}

// show draws the line again unless more keys are already waiting: a
// paste is then drawn once, at its end.
func (e *Editor) show() {
	if p, ok := e.term.(interface{ Pending() int }); ok && p.Pending() > 0 {
		e.stale = true
		return
	}
	e.refresh()
}

func (e *Editor) beep() { e.out.Write([]byte{'\a'}) }

func (e *Editor) insert(rs ...rune) {
	e.buf = append(e.buf[:e.pos], append(rs, e.buf[e.pos:]...)...)
	e.pos += len(rs)
}

// cut removes buf[i:j] into the kill buffer.
func (e *Editor) cut(i, j int) {
	if i >= j {
		e.beep()
		return
	}
	e.kill = append(e.kill[:0], e.buf[i:j]...)
	e.buf = append(e.buf[:i], e.buf[j:]...)
	e.pos = i
}

// isWordRune reports whether r belongs to a word for the word motions:
// anything that may be part of a Scheme symbol or number.
func isWordRune(r rune) bool {
	switch r {
	case '(', ')', '[', ']', '{', '}', '\'', '`', ',', '"', ';', '|':
		return false
	}
	return !unicode.IsSpace(r) && !unicode.IsControl(r)
}

func wordStart(b []rune, pos int) int {
	for pos > 0 && !isWordRune(b[pos-1]) {
		pos--
	}
	for pos > 0 && isWordRune(b[pos-1]) {
		pos--
	}
	return pos
}

func wordEnd(b []rune, pos int) int {
	for pos < len(b) && !isWordRune(b[pos]) {
		pos++
	}
	for pos < len(b) && isWordRune(b[pos]) {
		pos++
	}
	return pos
}

// historyOlder shows the previous history entry that starts with what
// was typed before browsing began.
func (e *Editor) historyOlder() {
	if e.histPos == e.historyLen() {
		e.histLine = append([]rune(nil), e.buf...)
	}
	i := e.older(e.histPos, string(e.histLine))
	if i < 0 {
		e.mu.Lock()
		e.beep()
		e.mu.Unlock()
		return
	}
	e.histPos = i
	e.setLine([]rune(e.entry(i)))
}

func (e *Editor) historyNewer() {
	if e.histPos >= e.historyLen() {
		e.mu.Lock()
		e.beep()
		e.mu.Unlock()
		return
	}
	i, item := e.newer(e.histPos, string(e.histLine))
	e.histPos = i
	if i == e.historyLen() {
		e.setLine(e.histLine)
		return
	}
	e.setLine([]rune(item))
}

func (e *Editor) historyLen() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return len(e.history)
}

// setLine replaces the line, with the cursor at its end.
func (e *Editor) setLine(rs []rune) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.buf = append(e.buf[:0], rs...)
	e.pos = len(e.buf)
	e.show()
}
