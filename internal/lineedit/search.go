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
	e.mu.Lock()
	savedPrompt, savedPW := e.prompt, e.pw
	savedBuf, savedPos := append([]rune(nil), e.buf...), e.pos
	e.mu.Unlock()

	query := ""
	idx := e.historyLen() // the entry found; len(history) for none
	found := savedBuf
	foundPos := savedPos
	failed := false
	show := func() {
		e.mu.Lock()
		p := "(reverse-i-search)`" + query + "': "
		if failed {
			p = "(failed reverse-i-search)`" + query + "': "
		}
		e.prompt, e.pw = p, promptWidths(p)
		e.buf = append(e.buf[:0], found...)
		e.pos = foundPos
		e.refresh()
		e.mu.Unlock()
	}
	find := func(from int) {
		if query == "" {
			return
		}
		i, at := e.search(from, query)
		if i < 0 {
			failed = true
			e.lockedBeep()
			return
		}
		failed = false
		idx = i
		found = []rune(e.entry(i))
		foundPos = at
	}
	leave := func(rs []rune, pos int) {
		e.mu.Lock()
		e.prompt, e.pw = savedPrompt, savedPW
		e.buf = append(e.buf[:0], rs...)
		e.pos = pos
		e.refresh()
		e.mu.Unlock()
	}
	show()
	for {
		k, err := e.readKey()
		if err != nil {
			leave(savedBuf, savedPos)
			return "", &key{r: ctrlD}, false
		}
		switch {
		case k == key{r: ctrlR}:
			find(idx - 1)
		case k == key{r: backspace} || k == key{r: ctrlH}:
			if query != "" {
				_, n := utf8.DecodeLastRuneInString(query)
				query = query[:len(query)-n]
				failed = false
				idx = e.historyLen()
				if query == "" {
					found, foundPos = savedBuf, savedPos
				} else {
					find(idx)
				}
			}
		case k == key{r: ctrlG} || k == key{r: ctrlC}:
			leave(savedBuf, savedPos)
			return "", nil, false
		case k == key{r: ctrlM} || k == key{r: ctrlJ}:
			leave(found, len(found))
			e.mu.Lock()
			e.toEnd()
			e.mu.Unlock()
			e.skipLF = k.r == ctrlM
			return string(found), nil, true
		case k.name == keyChar && !k.meta && k.r >= 0x20 && k.r != backspace:
			query += string(k.r)
			find(idx)
		default:
			leave(found, foundPos)
			return "", &k, false
		}
		show()
	}
}
