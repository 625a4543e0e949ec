package main

// This file defines the REPL's documentation commands, ,doc NAME,
// ,describe NAME and ,apropos TEXT, and ,bt, which shows the backtrace of
// the last error.
//
// The documentation is read from the Markdown files of docs/reference,
// embedded in the binary. Each entry there has the shape
//
//	### `(name arg ...)`
//	One-line summary sentence.
//
//	Further paragraphs, up to the next heading.
//
// r7rs.md documents the standard procedures and syntax and contigo's
// other built-ins; concurrency.md the concurrency library of prelude.scm.
// Whatever entries the files hold are used, so a new file in the same
// shape documents more names without a change here.

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"contigo/eval"
	"contigo/value"
)

//go:embed docs/reference/*.md
var referenceFS embed.FS

// docEntry is one documented name.
type docEntry struct {
	name      string // the name documented, e.g. "vector-ref"
	signature string // the heading, e.g. "(vector-ref vector k)"
	summary   string // the one-line summary
	body      string // further paragraphs, trimmed ("" if none)
	source    string // the file it comes from, e.g. "r7rs.md"
}

var (
	docsOnce sync.Once
	docIndex map[string][]*docEntry
	docList  []*docEntry // in name order
)

// docs returns the entries of the embedded reference, by name.
func docs() map[string][]*docEntry {
	docsOnce.Do(func() {
		docIndex = map[string][]*docEntry{}
		files, _ := fs.Glob(referenceFS, "docs/reference/*.md")
		for _, f := range files {
			text, err := referenceFS.ReadFile(f)
			if err != nil {
				continue
			}
			for _, e := range parseReference(string(text), strings.TrimPrefix(f, "docs/reference/")) {
				docIndex[e.name] = append(docIndex[e.name], e)
				docList = append(docList, e)
			}
		}
		sort.SliceStable(docList, func(i, j int) bool { return docList[i].name < docList[j].name })
	})
	return docIndex
}

// parseReference returns the entries of a reference file: a level-3
// heading holding the signature in backquotes, the summary on the next
// non-blank line, then the body up to the next heading of any level.
func parseReference(text, source string) []*docEntry {
	var out []*docEntry
	var cur *docEntry
	var body []string
	flush := func() {
		if cur != nil {
			cur.body = strings.TrimSpace(strings.Join(body, "\n"))
			out = append(out, cur)
		}
		cur, body = nil, nil
	}
	inFence := false
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "```") {
			inFence = !inFence
		}
		if !inFence && strings.HasPrefix(line, "#") {
			flush()
			if sig, ok := strings.CutPrefix(line, "### "); ok {
				sig = strings.Trim(strings.TrimSpace(sig), "`")
				if name := signatureName(sig); name != "" {
					cur = &docEntry{name: name, signature: sig, source: source}
				}
			}
			continue
		}
		if cur == nil {
			continue
		}
		if cur.summary == "" && !inFence {
			cur.summary = strings.TrimSpace(line)
			continue
		}
		body = append(body, line)
	}
	flush()
	return out
}

// signatureName is the name a signature documents: the first word of
// "(name arg ...)", or the whole of a bare keyword such as "else".
func signatureName(sig string) string {
	sig = strings.TrimPrefix(sig, "(")
	if f := strings.Fields(sig); len(f) > 0 {
		return strings.TrimSuffix(f[0], ")")
	}
	return ""
}

// docNames returns the documented names.
func docNames() []string {
	var names []string
	for name := range docs() {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// docName is the name an argument of ,doc or ,describe asks about: its
// first word, without the parentheses or quote a reader may type.
func docName(arg string) string {
	f := strings.Fields(arg)
	if len(f) == 0 {
		return ""
	}
	if name := strings.Trim(f[0], "()'`"); name != "" {
		return name
	}
	return f[0]
}

func metaDoc(c *metaCtx, arg string) bool {
	name := docName(arg)
	if name == "" {
		fmt.Fprintln(c.errOut, ",doc needs a name, as in ,doc map (,apropos TEXT searches)")
		return false
	}
	entries := docs()[name]
	if len(entries) == 0 {
		c.noDoc(name)
		return false
	}
	for i, e := range entries {
		if i > 0 {
			fmt.Fprintln(c.out)
		}
		fmt.Fprintf(c.out, "%s\n  %s\n", c.paint(colorBold, e.signature), e.summary)
		if e.body != "" {
			fmt.Fprintf(c.out, "\n%s\n", indent(e.body, "  "))
		}
	}
	return false
}

// metaDescribe shows what a name is bound to, then its documentation.
func metaDescribe(c *metaCtx, arg string) bool {
	name := docName(arg)
	if name == "" {
		fmt.Fprintln(c.errOut, ",describe needs a name, as in ,describe map")
		return false
	}
	bound := true
	if v, ok := c.in.Lookup(name); ok {
		fmt.Fprintf(c.out, "%s is bound to %s\n", name, shortWrite(v, 70))
	} else if contains(c.in.Completions(name), name) {
		fmt.Fprintf(c.out, "%s is syntax (a special form or macro)\n", name)
	} else {
		bound = false
	}
	entries := docs()[name]
	switch {
	case len(entries) > 0:
		if bound {
			fmt.Fprintln(c.out)
		}
		return metaDoc(c, name)
	case bound:
		fmt.Fprintln(c.out, "(no documentation: not one of contigo's built-ins)")
	default:
		c.noDoc(name)
	}
	return false
}

// noDoc reports a name with no documentation, suggesting close names.
func (c *metaCtx) noDoc(name string) {
	msg := "no documentation for " + name
	if s := suggestFrom(name, docNames()); s != "" {
		msg += " (did you mean " + s + "?)"
	}
	if _, ok := c.in.Lookup(name); ok {
		msg += "; it is a user definition"
	}
	fmt.Fprintln(c.errOut, msg+"; ,apropos TEXT searches names and summaries")
}

// metaApropos lists the documented names whose name or summary contains
// the text (ignoring case), and the other bound names that contain it.
func metaApropos(c *metaCtx, arg string) bool {
	text := strings.ToLower(strings.TrimSpace(arg))
	if text == "" {
		fmt.Fprintln(c.errOut, ",apropos needs a text to search for, as in ,apropos vector")
		return false
	}
	docs()
	seen := map[string]bool{}
	n := 0
	for _, e := range docList {
		if strings.Contains(strings.ToLower(e.name), text) || strings.Contains(strings.ToLower(e.summary), text) {
			if seen[e.name] {
				continue
			}
			seen[e.name] = true
			fmt.Fprintf(c.out, "%-28s %s\n", e.name, e.summary)
			n++
		}
	}
	for _, name := range c.in.Completions("") {
		if !seen[name] && strings.Contains(strings.ToLower(name), text) {
			fmt.Fprintf(c.out, "%-28s (no documentation)\n", name)
			n++
		}
	}
	if n == 0 {
		fmt.Fprintf(c.out, "nothing matches %q\n", arg)
	}
	return false
}

// lastErrors holds, per interpreter, the last error reportError printed,
// for ,bt.
var lastErrors sync.Map // *eval.Interp -> error

func rememberError(in *eval.Interp, err error) { lastErrors.Store(in, err) }

// metaBT prints the last error again with its whole backtrace.
func metaBT(c *metaCtx, arg string) bool {
	v, ok := lastErrors.Load(c.in)
	if !ok {
		fmt.Fprintln(c.out, "no error yet")
		return false
	}
	err := v.(error)
	fmt.Fprintln(c.out, err)
	var e *eval.Error
	if errors.As(err, &e) {
		fmt.Fprint(c.out, e.Backtrace())
	} else {
		fmt.Fprintln(c.out, "(no backtrace: the error was not raised by running code)")
	}
	return false
}

func indent(s, prefix string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n")
}

// shortWrite is v in write form, cut to about n characters.
func shortWrite(v value.Value, n int) string { return value.ShortText(value.WriteString(v), n) }

// suggestFrom returns the name among candidates that name was probably
// meant to be (eval.SuggestName), or "".
func suggestFrom(name string, candidates []string) string { return eval.SuggestName(name, candidates) }
