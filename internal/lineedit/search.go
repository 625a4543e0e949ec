package lineedit

import "unicode/utf8"

// searchHistory is Ctrl-R, bash's reverse incremental search: each
// character typed narrows the search to the newest entry containing the
// text typed so far; Ctrl-R again finds an older one; Backspace widens
// it. Return enters the entry found (done is true, line is the entry);
// Ctrl-G or Ctrl-C gives the line back as it was; any other key leaves
// the entry found in the line for editing and is then handled as usual
// (it is returned as next).
func (e *Editor) searchHistory() (line string, next *key, done bool) {
	s := e.newSearch()
	s.show()
	for {
		k, err := e.readKey()
		if err != nil {
			s.leave(s.savedBuf, s.savedPos)
			return "", &key{r: ctrlD}, false
		}
		switch {
		case k == key{r: ctrlR}:
			s.find(s.idx - 1)
		case k == key{r: backspace} || k == key{r: ctrlH}:
			s.shorten()
		case k == key{r: ctrlG} || k == key{r: ctrlC}:
			s.leave(s.savedBuf, s.savedPos)
			return "", nil, false
		case k == key{r: ctrlM} || k == key{r: ctrlJ}:
			return s.accept(k), nil, true
		case k.name == keyChar && !k.meta && k.r >= 0x20 && k.r != backspace:
			s.query += string(k.r)
			s.find(s.idx)
		default:
			s.leave(s.found, s.foundPos)
			return "", &k, false
		}
		s.show()
	}
}

// histSearch is the state of a Ctrl-R search.
type histSearch struct {
	e     *Editor
	query string
	idx   int // the entry found; len(history) for none
	// found is the line shown, the entry found or the line as it was,
	// with the cursor at foundPos.
	found    []rune
	foundPos int
	failed   bool // the last character typed matched nothing
	// The prompt and line as they were before the search.
	savedPrompt string
	savedPW     []int
	savedBuf    []rune
	savedPos    int
}

func (e *Editor) newSearch() *histSearch {
	e.mu.Lock()
	s := &histSearch{e: e, savedPrompt: e.prompt, savedPW: e.pw,
		savedBuf: append([]rune(nil), e.buf...), savedPos: e.pos}
	e.mu.Unlock()
	s.idx = e.historyLen()
	s.found, s.foundPos = s.savedBuf, s.savedPos
	return s
}

// show draws the search prompt and the line found.
func (s *histSearch) show() {
	e := s.e
	e.mu.Lock()
	p := "(reverse-i-search)`" + s.query + "': "
	if s.failed {
		p = "(failed reverse-i-search)`" + s.query + "': "
	}
	e.prompt, e.pw = p, promptWidths(p)
	e.buf = append(e.buf[:0], s.found...)
	e.pos = s.foundPos
	e.refresh()
	e.mu.Unlock()
}

// find looks for the query in the entries from from back, beeping if
// none has it.
func (s *histSearch) find(from int) {
	if s.query == "" {
		return
	}
	i, at := s.e.search(from, s.query)
	if i < 0 {
		s.failed = true
		s.e.lockedBeep()
		return
	}
	s.failed = false
	s.idx = i
	s.found = []rune(s.e.entry(i))
	s.foundPos = at
}

// shorten drops the last character of the query and searches again
// from the newest entry.
func (s *histSearch) shorten() {
	if s.query == "" {
		return
	}
	_, n := utf8.DecodeLastRuneInString(s.query)
	s.query = s.query[:len(s.query)-n]
	s.failed = false
	s.idx = s.e.historyLen()
	if s.query == "" {
		s.found, s.foundPos = s.savedBuf, s.savedPos
	} else {
		s.find(s.idx)
	}
}

// leave ends the search, restoring the prompt, with the line rs and the
// cursor at pos.
func (s *histSearch) leave(rs []rune, pos int) {
	e := s.e
	e.mu.Lock()
	e.prompt, e.pw = s.savedPrompt, s.savedPW
	e.buf = append(e.buf[:0], rs...)
	e.pos = pos
	e.refresh()
	e.mu.Unlock()
}

// accept ends the search with the line found entered by k (Return or
// Ctrl-J), and returns the line.
func (s *histSearch) accept(k key) string {
	e := s.e
	s.leave(s.found, len(s.found))
	e.mu.Lock()
	e.toEnd()
	e.mu.Unlock()
	e.skipLF = k.r == ctrlM
	return string(s.found)
}
