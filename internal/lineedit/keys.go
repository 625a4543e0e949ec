package lineedit

import (
	"io"
	"unicode/utf8"
)

// A key is what one key press sends: a character (control characters
// included), a character with Meta (ESC then the character, as Alt
// sends it), or a named key sent as an escape sequence.
type key struct {
	r    rune
	meta bool
	name keyName
}

type keyName uint8

const (
	keyChar keyName = iota
	keyUp
	keyDown
	keyLeft
	keyRight
	keyWordLeft // Ctrl-Left, Alt-Left
	keyWordRight
	keyHome
	keyEnd
	keyDelete
	keyUnknown
)

const (
	ctrlA = 'A' - '@' + iota
	ctrlB
	ctrlC
	ctrlD
	ctrlE
	ctrlF
	ctrlG
	ctrlH
	tab
	ctrlJ
	ctrlK
	ctrlL
	ctrlM
	ctrlN
	ctrlO
	ctrlP
	ctrlQ
	ctrlR
	ctrlS
	ctrlT
	ctrlU
	ctrlV
	ctrlW
	ctrlX
	ctrlY
	ctrlZ
	esc
	backspace = 0x7f
)

// readByte reads one byte: the editor never reads beyond the line it
// returns, so what the user typed ahead is left for whoever reads next
// (a program's read-line, say).
func (e *Editor) readByte() (byte, error) {
	var b [1]byte
	for {
		n, err := e.term.Read(b[:])
		if n == 1 {
			return b[0], nil
		}
		if err != nil {
			return 0, err
		}
	}
}

// readKey reads the next key.
func (e *Editor) readKey() (key, error) {
	c, err := e.readByte()
	if err != nil {
		return key{}, err
	}
	if c != esc {
		r, err := e.readRune(c)
		return key{r: r}, err
	}
	c, err = e.readByte()
	if err != nil {
		return key{}, err
	}
	switch c {
	case '[':
		return e.readCSI()
	case 'O': // SS3: what some terminals send for arrows and Home/End
		c, err = e.readByte()
		if err != nil {
			return key{}, err
		}
		return key{name: finalKey(c)}, nil
	}
	r, err := e.readRune(c)
	return key{r: r, meta: true}, err
}

// readRune reads the rest of the UTF-8 sequence that starts with c.
func (e *Editor) readRune(c byte) (rune, error) {
	if c < utf8.RuneSelf {
		return rune(c), nil
	}
	n := 0
	switch {
	case c&0xe0 == 0xc0:
		n = 2
	case c&0xf0 == 0xe0:
		n = 3
	case c&0xf8 == 0xf0:
		n = 4
	default:
		return utf8.RuneError, nil
	}
	b := []byte{c}
	for len(b) < n {
		c, err := e.readByte()
		if err != nil {
			return 0, err
		}
		b = append(b, c)
		if c&0xc0 != 0x80 {
			break
		}
	}
	r, _ := utf8.DecodeRune(b)
	return r, nil
}

// readCSI reads a control sequence after ESC [: parameters, then a final
// byte.
func (e *Editor) readCSI() (key, error) {
	var params []int
	cur, has := 0, false
	for {
		c, err := e.readByte()
		if err != nil {
			return key{}, err
		}
		switch {
		case c >= '0' && c <= '9':
			cur, has = cur*10+int(c-'0'), true
			continue
		case c == ';':
			params = append(params, cur)
			cur, has = 0, false
			continue
		case c < 0x40:
			continue // other parameter and intermediate bytes
		}
		if has {
			params = append(params, cur)
		}
		modified := len(params) >= 2 && params[1] > 1
		switch c {
		case '~':
			if len(params) == 0 {
				return key{name: keyUnknown}, nil
			}
			switch params[0] {
			case 1, 7:
				return key{name: keyHome}, nil
			case 4, 8:
				return key{name: keyEnd}, nil
			case 3:
				return key{name: keyDelete}, nil
			}
			return key{name: keyUnknown}, nil
		case 'C':
			if modified {
				return key{name: keyWordRight}, nil
			}
		case 'D':
			if modified {
				return key{name: keyWordLeft}, nil
			}
		}
		return key{name: finalKey(c)}, nil
	}
}

func finalKey(c byte) keyName {
	switch c {
	case 'A':
		return keyUp
	case 'B':
		return keyDown
	case 'C':
		return keyRight
	case 'D':
		return keyLeft
	case 'H':
		return keyHome
	case 'F':
		return keyEnd
	}
	return keyUnknown
}

// isEOF reports whether err is the end of the input.
func isEOF(err error) bool { return err == io.EOF || err == io.ErrUnexpectedEOF }
