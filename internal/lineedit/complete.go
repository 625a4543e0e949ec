package lineedit

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxListed is the number of completions listed without asking first.
const maxListed = 100

// completeWord handles Tab as bash does: a single completion is
// inserted; several are completed as far as they agree, and a second Tab
// lists them in columns below the line.
func (e *Editor) completeWord() {
	if e.complete == nil {
		e.lockedBeep()
		return
	}
	// The completer is called without e.mu: it may wait for a lock that
	// a goroutine printing through e.Print holds.
	e.mu.Lock()
	line, pos := string(e.buf), e.pos
	e.mu.Unlock()
	head, cands, tail := e.complete(line, pos)
	switch len(cands) {
	case 0:
		e.lockedBeep()
		return
	case 1:
		e.replace(head, cands[0], tail)
		return
	}
	prefix := commonPrefix(cands)
	if head+prefix+tail != line {
		e.replace(head, prefix, tail)
		e.tabs = 1 // the next Tab lists them
		return
	}
	if e.tabs < 2 {
		e.lockedBeep()
		return
	}
	if len(cands) > maxListed && !e.confirm("Display all "+strconv.Itoa(len(cands))+" possibilities? (y or n)") {
		return
	}
	e.mu.Lock()
	e.toEnd()
	sorted := append([]string(nil), cands...)
	slices.Sort(sorted)
	e.out.Write(columns(sorted, e.term.Columns()))
	e.refresh()
	e.mu.Unlock()
}

func (e *Editor) lockedBeep() {
	e.mu.Lock()
	e.beep()
	e.mu.Unlock()
}

// replace sets the line to head+word+tail, with the cursor after word.
func (e *Editor) replace(head, word, tail string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.buf = []rune(head + word + tail)
	e.pos = utf8.RuneCountInString(head + word)
	e.show()
}

// confirm asks question below the line and reads y or n; the line is
// drawn again after a no.
func (e *Editor) confirm(question string) bool {
	e.mu.Lock()
	e.toEnd()
	e.out.Write([]byte(question))
	e.mu.Unlock()
	for {
		k, err := e.readKey()
		yes := err == nil && (k.r == 'y' || k.r == 'Y' || k.r == ' ')
		if yes || err != nil || k.r == 'n' || k.r == 'N' || k.r == ctrlC || k.r == ctrlG {
			e.mu.Lock()
			e.out.Write([]byte("\r\n"))
			if !yes {
				e.refresh()
			}
			e.mu.Unlock()
			return yes
		}
	}
}

func commonPrefix(items []string) string {
	p := items[0]
	for _, s := range items[1:] {
		i := 0
		for i < len(p) && i < len(s) && p[i] == s[i] {
			i++
		}
		for i > 0 && i < len(p) && !utf8.RuneStart(p[i]) {
			i-- // do not cut a character in two
		}
		p = p[:i]
	}
	return p
}

// columns lays items out as ls and bash do: in columns, down first, on a
// screen cols wide, each row ended by CR LF.
func columns(items []string, cols int) []byte {
	width := 0
	for _, it := range items {
		width = max(width, displayWidth(it))
	}
	width += 2
	ncol := max(cols/width, 1)
	nrow := (len(items) + ncol - 1) / ncol
	var b strings.Builder
	for r := 0; r < nrow; r++ {
		for c := 0; c < ncol; c++ {
			i := c*nrow + r
			if i >= len(items) {
				break
			}
			b.WriteString(items[i])
			if c < ncol-1 && (c+1)*nrow+r < len(items) {
				b.WriteString(strings.Repeat(" ", width-displayWidth(items[i])))
			}
		}
		b.WriteString("\r\n")
	}
	return []byte(b.String())
}

func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}
