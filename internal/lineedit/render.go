package lineedit

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// This file draws the prompt and the line. The line may be longer than
// the screen is wide: it wraps, and the editor remembers on which row
// of it the cursor is (Editor.row), so that it can go back to the
// prompt's first row and draw everything again after each change.

// advance returns where the cursor is after a character of width w is
// drawn at row, col on a screen cols wide: a character that does not fit
// on the row goes to the start of the next one (terminals move a wide
// character that would straddle the edge, too). col == cols means the
// row is full and the terminal will wrap before the next character.
func advance(row, col, w, cols int) (int, int) {
	if col+w > cols && col > 0 {
		row, col = row+1, 0
	}
	return row, col + w
}

// runeWidth returns how many columns r takes on the screen: 0 for
// combining marks and format characters, 2 for East Asian wide and full
// width characters and emoji, 2 for control characters (shown as ^X).
func runeWidth(r rune) int {
	switch {
	case r < 0x20 || r == 0x7f:
		return 2
	case r < 0x300:
		return 1
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) || r == 0x200b:
		return 0
	case isWide(r):
		return 2
	}
	return 1
}

// wide are the ranges of East Asian Wide (W) and Fullwidth (F)
// characters of Unicode 15 (EastAsianWidth.txt), merged where close.
var wide = [][2]rune{
	{0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC},
	{0x23F0, 0x23F0}, {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615},
	{0x2648, 0x2653}, {0x267F, 0x267F}, {0x2693, 0x2693}, {0x26A1, 0x26A1},
	{0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5}, {0x26CE, 0x26CE},
	{0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
	{0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B},
	{0x2728, 0x2728}, {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755},
	{0x2757, 0x2757}, {0x2795, 0x2797}, {0x27B0, 0x27B0}, {0x27BF, 0x27BF},
	{0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55}, {0x2E80, 0x303E},
	{0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF},
	{0xA960, 0xA97F}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19},
	{0xFE30, 0xFE6F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x16FE0, 0x16FE4},
	{0x17000, 0x18CFF}, {0x1B000, 0x1B2FF}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF},
	{0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F251}, {0x1F260, 0x1F265},
	{0x1F300, 0x1F320}, {0x1F32D, 0x1F335}, {0x1F337, 0x1F37C}, {0x1F37E, 0x1F393},
	{0x1F3A0, 0x1F3CA}, {0x1F3CF, 0x1F3D3}, {0x1F3E0, 0x1F3F0}, {0x1F3F4, 0x1F3F4},
	{0x1F3F8, 0x1F43E}, {0x1F440, 0x1F440}, {0x1F442, 0x1F4FC}, {0x1F4FF, 0x1F53D},
	{0x1F54B, 0x1F54E}, {0x1F550, 0x1F567}, {0x1F57A, 0x1F57A}, {0x1F595, 0x1F596},
	{0x1F5A4, 0x1F5A4}, {0x1F5FB, 0x1F64F}, {0x1F680, 0x1F6C5}, {0x1F6CC, 0x1F6CC},
	{0x1F6D0, 0x1F6D2}, {0x1F6D5, 0x1F6D7}, {0x1F6DC, 0x1F6DF}, {0x1F6EB, 0x1F6EC},
	{0x1F6F4, 0x1F6FC}, {0x1F7E0, 0x1F7EB}, {0x1F7F0, 0x1F7F0}, {0x1F90C, 0x1F93A},
	{0x1F93C, 0x1F945}, {0x1F947, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD},
	{0x30000, 0x3FFFD},
}

func isWide(r rune) bool {
	lo, hi := 0, len(wide)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case r < wide[m][0]:
			hi = m
		case r > wide[m][1]:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

// escapeLen returns the length of the terminal escape sequence at the
// start of s (which starts with ESC): CSI (ESC [ ... final), OSC
// (ESC ] ... BEL or ESC \) or a two-byte sequence.
func escapeLen(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case '[':
		for i := 2; i < len(s); i++ {
			if s[i] >= 0x40 && s[i] <= 0x7e {
				return i + 1
			}
		}
		return len(s)
	case ']':
		for i := 2; i < len(s); i++ {
			if s[i] == 0x07 {
				return i + 1
			}
			if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
		}
		return len(s)
	}
	return 2
}

// promptWidths returns the widths of the characters of prompt that
// show: escape sequences (colours) and text between \001 and \002 (as
// readline marks invisible text) take no room.
func promptWidths(prompt string) []int {
	var ws []int
	for i := 0; i < len(prompt); {
		switch c := prompt[i]; {
		case c == 0x1b:
			i += escapeLen(prompt[i:])
			continue
		case c == 0x01:
			if j := indexByte(prompt[i:], 0x02); j >= 0 {
				i += j + 1
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(prompt[i:])
		i += n
		if r < 0x20 || r == 0x7f {
			continue // a control character moves nothing we can tell
		}
		ws = append(ws, runeWidth(r))
	}
	return ws
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// textEnd returns the column where output p, written from column col
// of a screen cols wide, leaves the cursor (cols when it fills the row).
func textEnd(col int, p []byte, cols int) int {
	for i := 0; i < len(p); {
		c := p[i]
		switch {
		case c == 0x1b:
			i += escapeLen(string(p[i:min(i+64, len(p))]))
			continue
		case c == '\r' || c == '\n':
			col = 0
		case c == '\b':
			col = max(min(col, cols-1)-1, 0)
		case c == '\t':
			_, col = advance(0, col, 1, cols)
			col = min((col+7)/8*8, cols)
		case c < 0x20 || c == 0x7f:
		default:
			r, n := utf8.DecodeRune(p[i:])
			_, col = advance(0, col, runeWidth(r), cols)
			i += n
			continue
		}
		i++
	}
	return col
}

func moveRight(b []byte, n int) []byte {
	if n <= 0 {
		return b
	}
	b = append(b, "\x1b["...)
	b = strconv.AppendInt(b, int64(n), 10)
	return append(b, 'C')
}

func moveUp(b []byte, n int) []byte {
	if n <= 0 {
		return b
	}
	b = append(b, "\x1b["...)
	b = strconv.AppendInt(b, int64(n), 10)
	return append(b, 'A')
}

// toPromptStart moves the cursor to the first column of the prompt's
// first row.
func (e *Editor) toPromptStart(b []byte) []byte {
	return append(moveUp(b, e.row), '\r')
}

// appendRune appends r as it is shown: control characters in caret
// notation.
func appendRune(b []byte, r rune) []byte {
	if r < 0x20 || r == 0x7f {
		return append(b, '^', byte(r)^0x40)
	}
	return utf8.AppendRune(b, r)
}

// layoutEnd returns the row and column where the line ends, counted
// from the start of the prompt.
func (e *Editor) layoutEnd() (row, col int) {
	cols := max(e.term.Columns(), 1)
	for _, w := range e.pw {
		row, col = advance(row, col, w, cols)
	}
	for _, r := range e.buf {
		row, col = advance(row, col, runeWidth(r), cols)
	}
	return row, col
}

// refresh draws the prompt and the line again and puts the cursor where
// it belongs. It is called with e.mu held.
func (e *Editor) refresh() {
	e.stale = false
	b := e.toPromptStart(nil)
	b = append(b, "\x1b[J"...)
	b = append(b, e.prompt...)
	cols := max(e.term.Columns(), 1)
	row, col := 0, 0
	for _, w := range e.pw {
		row, col = advance(row, col, w, cols)
	}
	crow, ccol := -1, 0
	for i, r := range e.buf {
		w := runeWidth(r)
		if i == e.pos {
			crow, ccol = advance(row, col, w, cols)
			ccol -= w
		}
		b = appendRune(b, r)
		row, col = advance(row, col, w, cols)
	}
	e.wrapped = false
	if col >= cols {
		// The line fills its last row: the terminal has not moved to
		// the next one yet. Make it, so that row counts are right.
		b = append(b, "\r\n"...)
		row, col = row+1, 0
		e.wrapped = e.pos == len(e.buf)
	}
	if crow < 0 {
		crow, ccol = row, col
	}
	b = moveUp(b, row-crow)
	if row != crow || ccol != col {
		b = moveRight(append(b, '\r'), ccol)
	}
	e.row = crow
	e.out.Write(b)
}

// toEnd moves the cursor below the last row of the line, to the start
// of a new row, with e.mu held.
func (e *Editor) toEnd() {
	if e.pos != len(e.buf) || e.stale {
		pos := e.pos
		e.pos = len(e.buf)
		e.refresh()
		e.pos = pos
	}
	if !e.wrapped {
		e.out.Write([]byte("\r\n"))
	}
	e.row = 0
}
