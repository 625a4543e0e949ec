package lineedit

import (
	"io"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// fakeTerm is a terminal for tests: its keys come from a script of
// strings and functions (a function is called when the editor reads up
// to it, so a test can act in the middle of typing), and its screen is a
// small VT100 emulator.
type fakeTerm struct {
	script []any // string or func()
	raw    bool
	cols   int
	scr    *screen
}

func (t *fakeTerm) Read(p []byte) (int, error) {
	for len(t.script) > 0 {
		switch s := t.script[0].(type) {
		case func():
			t.script = t.script[1:]
			s()
			continue
		case string:
			if s == "" {
				t.script = t.script[1:]
				continue
			}
			n := copy(p, s)
			t.script[0] = s[n:]
			return n, nil
		}
	}
	return 0, io.EOF
}

func (t *fakeTerm) Raw() error     { t.raw = true; return nil }
func (t *fakeTerm) Restore() error { t.raw = false; return nil }
func (t *fakeTerm) Columns() int   { return t.cols }

// newFake returns an editor on a fake terminal cols wide and rows high.
func newFake(cols, rows int, script ...any) (*Editor, *fakeTerm) {
	t := &fakeTerm{script: script, cols: cols, scr: newScreen(cols, rows)}
	return New(t, t.scr), t
}

// screen emulates what the editor uses of a terminal: printing with
// wrap at the right margin, CR, LF (as CR LF, the tty's output
// processing), BS, cursor motion, erasing, and SGR (ignored).
type screen struct {
	mu         sync.Mutex
	cols, rows int
	cells      [][]rune
	r, c       int
	all        strings.Builder // every byte written
}

func newScreen(cols, rows int) *screen {
	s := &screen{cols: cols, rows: rows}
	for range rows {
		s.cells = append(s.cells, s.blank())
	}
	return s
}

func (s *screen) blank() []rune {
	row := make([]rune, s.cols)
	for i := range row {
		row[i] = ' '
	}
	return row
}

func (s *screen) lineFeed() {
	s.r++
	if s.r == s.rows {
		s.cells = append(s.cells[1:], s.blank())
		s.r--
	}
}

func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.all.Write(p)
	str := string(p)
	for i := 0; i < len(str); {
		c := str[i]
		switch c {
		case '\r':
			s.c = 0
		case '\n':
			s.c = 0
			s.lineFeed()
		case '\b':
			s.c = max(s.c-1, 0)
		case '\a':
		case 0x1b:
			n := escapeLen(str[i:])
			s.escape(str[i : i+n])
			i += n
			continue
		default:
			r, n := utf8.DecodeRuneInString(str[i:])
			w := runeWidth(r)
			if s.c+w > s.cols {
				s.c = 0
				s.lineFeed()
			}
			if w > 0 {
				s.cells[s.r][s.c] = r
				for j := 1; j < w; j++ {
					s.cells[s.r][s.c+j] = 0 // covered by the wide character
				}
			}
			s.c += w
			i += n
			continue
		}
		i++
	}
	return len(p), nil
}

func (s *screen) escape(seq string) {
	if len(seq) < 3 || seq[1] != '[' {
		return
	}
	final := seq[len(seq)-1]
	n, err := strconv.Atoi(seq[2 : len(seq)-1])
	if err != nil {
		n = 0
	}
	switch final {
	case 'A':
		s.r = max(s.r-max(n, 1), 0)
		s.c = min(s.c, s.cols-1)
	case 'B':
		s.r = min(s.r+max(n, 1), s.rows-1)
	case 'C':
		s.c = min(s.c+max(n, 1), s.cols-1)
	case 'D':
		s.c = max(min(s.c, s.cols-1)-max(n, 1), 0)
	case 'H':
		s.r, s.c = 0, 0
	case 'J':
		if n == 2 {
			for r := range s.cells {
				s.cells[r] = s.blank()
			}
			return
		}
		for c := min(s.c, s.cols); c < s.cols; c++ {
			s.cells[s.r][c] = ' '
		}
		for r := s.r + 1; r < s.rows; r++ {
			s.cells[r] = s.blank()
		}
	case 'K':
		for c := min(s.c, s.cols); c < s.cols; c++ {
			s.cells[s.r][c] = ' '
		}
	}
}

// text returns the screen's rows without trailing blanks and without
// trailing empty rows.
func (s *screen) text() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var lines []string
	for _, row := range s.cells {
		var b strings.Builder
		for _, r := range row {
			if r != 0 {
				b.WriteRune(r)
			}
		}
		lines = append(lines, strings.TrimRight(b.String(), " "))
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

// cursor returns the cursor's row and column.
func (s *screen) cursor() (int, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.r, min(s.c, s.cols-1)
}

// resize makes the screen cols wide, cutting rows as xterm does (no
// reflow).
func (s *screen) resize(cols int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for r, row := range s.cells {
		if cols < len(row) {
			s.cells[r] = row[:cols]
		} else {
			s.cells[r] = append(row, []rune(strings.Repeat(" ", cols-len(row)))...)
		}
	}
	s.cols = cols
	s.c = min(s.c, cols-1)
}
