package main

// This file finds meta-commands by unique prefixes (,tr is ,trace) and
// completes, at the Tab key, meta-command names and the file name after
// ,load.

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

// lookupMeta finds the meta-command called word: by its name or an alias,
// else by a prefix of exactly one command's names. An ambiguous prefix
// is an error that lists the candidates.
func lookupMeta(word string) (*metaCmd, error) {
	for _, cmd := range metaCmds {
		if cmd.name == word || contains(cmd.aliases, word) {
			return cmd, nil
		}
	}
	var found []*metaCmd
	for _, cmd := range metaCmds {
		if strings.HasPrefix(cmd.name, word) {
			found = append(found, cmd)
			continue
		}
		for _, a := range cmd.aliases {
			if strings.HasPrefix(a, word) {
				found = append(found, cmd)
				break
			}
		}
	}
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("unknown command ,%s (,help lists the commands)", word)
	case 1:
		return found[0], nil
	}
	names := make([]string, len(found))
	for i, cmd := range found {
		names[i] = "," + cmd.name
	}
	return nil, fmt.Errorf("ambiguous command ,%s: it could be %s", word, strings.Join(names, " "))
}

// completeMeta completes a meta-command line: the command name, or the
// file name after ,load. ok is false if line (up to the cursor at rune
// index pos) is not a meta-command.
func completeMeta(line string, pos int) (head string, completions []string, tail string, ok bool) {
	rs := []rune(line)
	left := string(rs[:pos])
	tail = string(rs[pos:])
	trimmed := strings.TrimLeftFunc(left, unicode.IsSpace)
	if !strings.HasPrefix(trimmed, ",") || len(trimmed) > 1 && !isMetaLine(trimmed) {
		return "", nil, "", false
	}
	indent := left[:len(left)-len(trimmed)]
	word := trimmed[1:]
	sp := strings.IndexFunc(word, unicode.IsSpace)
	if sp < 0 {
		// The command name.
		for _, cmd := range metaCmds {
			if strings.HasPrefix(cmd.name, word) {
				completions = append(completions, ","+cmd.name+" ")
			}
		}
		return indent, completions, tail, true
	}
	cmd, err := lookupMeta(word[:sp])
	if err != nil || cmd.name != "load" {
		return "", nil, "", false
	}
	rest := word[sp:]
	arg := strings.TrimLeftFunc(rest, unicode.IsSpace)
	head = indent + "," + word[:sp] + rest[:len(rest)-len(arg)]
	quote := ""
	if strings.HasPrefix(arg, `"`) {
		quote, arg = `"`, arg[1:]
	}
	for _, f := range completeFile(arg) {
		completions = append(completions, quote+f)
	}
	return head, completions, tail, true
}

// completeFile returns the paths that complete prefix, a file name typed
// so far: directories end with a slash; hidden files are offered only
// when prefix names one.
func completeFile(prefix string) []string {
	dir, base := filepath.Split(prefix)
	entries, err := os.ReadDir(filepath.Clean("./" + dir))
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, base) || strings.HasPrefix(name, ".") && !strings.HasPrefix(base, ".") {
			continue
		}
		if e.IsDir() {
			name += "/"
		}
		out = append(out, dir+name)
	}
	sort.Strings(out)
	return out
}
