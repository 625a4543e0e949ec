package lineedit

import (
	"bufio"
	"io"
	"strings"
)

// ReadHistory adds the lines of r to the history, oldest first, and
// returns how many it read.
func (e *Editor) ReadHistory(r io.Reader) (int, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		e.appendHistory(strings.TrimSuffix(sc.Text(), "\r"))
		n++
	}
	return n, sc.Err()
}

// WriteHistory writes the history to w, one entry a line, oldest first,
// and returns how many entries it wrote.
func (e *Editor) WriteHistory(w io.Writer) (int, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	bw := bufio.NewWriter(w)
	for _, item := range e.history {
		bw.WriteString(item)
		bw.WriteByte('\n')
	}
	return len(e.history), bw.Flush()
}

// History returns a copy of the history, oldest first.
func (e *Editor) History() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]string(nil), e.history...)
}

// older finds the entry before index from that starts with prefix, or
// -1.
func (e *Editor) older(from int, prefix string) int {
	e.mu.Lock()
	defer e.mu.Unlock()
	for i := min(from, len(e.history)) - 1; i >= 0; i-- {
		if strings.HasPrefix(e.history[i], prefix) {
			return i
		}
	}
	return -1
}

// newer finds the entry after index from that starts with prefix, or
// len(history).
func (e *Editor) newer(from int, prefix string) (int, string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for i := from + 1; i < len(e.history); i++ {
		if strings.HasPrefix(e.history[i], prefix) {
			return i, e.history[i]
		}
	}
	return len(e.history), ""
}

// entry returns history entry i.
func (e *Editor) entry(i int) string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.history[i]
}

// search finds, from index from backwards, the newest entry containing
// q; it returns the entry's index and the rune index of the match, or
// -1.
func (e *Editor) search(from int, q string) (int, int) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for i := min(from, len(e.history)-1); i >= 0; i-- {
		if j := strings.LastIndex(e.history[i], q); j >= 0 {
			return i, len([]rune(e.history[i][:j]))
		}
	}
	return -1, 0
}
