package main

// This file renders the subset of Markdown the course is written in:
// ATX headings, paragraphs, fenced and indented code blocks, block
// quotes, bullet and numbered lists (one level, with continuation lines),
// tables, horizontal rules; and inline code, bold, italics and links.
// It is small on purpose: a dependency would render more than the
// course uses, and the code blocks need a hook of their own (the
// interactive Scheme blocks), which this renderer gives as codeBlock.

import (
	"fmt"
	"html"
	"regexp"
	"strings"
)

// codeBlock renders a fenced code block: lang and info are what follows
// the fence, line the Markdown line of its first content line.
type codeBlock func(lang, info, text string, line int) string

type mdRenderer struct {
	lines []string
	i     int
	code  codeBlock
	out   strings.Builder
	// linkFix rewrites link targets (chapter .md links to .html).
	linkFix func(string) string
}

var (
	fenceRe   = regexp.MustCompile("^ {0,3}(```+|~~~+)\\s*([^\\s`]*)\\s*(.*)$")
	headingRe = regexp.MustCompile(`^(#{1,6})\s+(.*?)\s*#*\s*$`)
	bulletRe  = regexp.MustCompile(`^( {0,3})([-*+])\s+(.*)$`)
	orderedRe = regexp.MustCompile(`^( {0,3})(\d+)[.)]\s+(.*)$`)
	hrRe      = regexp.MustCompile(`^ {0,3}(-( *-){2,}|\*( *\*){2,}|_( *_){2,})\s*$`)
	tableSep  = regexp.MustCompile(`^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$`)
)

// renderMarkdown returns the HTML of a Markdown text.
func renderMarkdown(text string, code codeBlock, linkFix func(string) string) string {
	r := &mdRenderer{lines: strings.Split(text, "\n"), code: code, linkFix: linkFix}
	for r.i < len(r.lines) {
		r.block()
	}
	return r.out.String()
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

func (r *mdRenderer) block() {
	line := r.lines[r.i]
	switch {
	case blank(line):
		r.i++
	case fenceRe.MatchString(line):
		m := fenceRe.FindStringSubmatch(line)
		start := r.i + 2
		var body []string
		for r.i++; r.i < len(r.lines); r.i++ {
			t := strings.TrimSpace(r.lines[r.i])
			if strings.HasPrefix(t, m[1]) && strings.Trim(t, m[1][:1]) == "" {
				break
			}
			body = append(body, r.lines[r.i])
		}
		r.i++
		text := strings.Join(body, "\n")
		if len(body) > 0 {
			text += "\n"
		}
		r.out.WriteString(r.code(m[2], m[3], text, start))
	case headingRe.MatchString(line):
		m := headingRe.FindStringSubmatch(line)
		n := len(m[1])
		fmt.Fprintf(&r.out, "<h%d id=\"%s\">%s</h%d>\n", n, slug(m[2]), r.inline(m[2]), n)
		r.i++
	case hrRe.MatchString(line):
		r.out.WriteString("<hr>\n")
		r.i++
	case strings.HasPrefix(line, "    "):
		var body []string
		for ; r.i < len(r.lines) && (strings.HasPrefix(r.lines[r.i], "    ") || blank(r.lines[r.i])); r.i++ {
			body = append(body, strings.TrimPrefix(r.lines[r.i], "    "))
		}
		fmt.Fprintf(&r.out, "<pre class=\"static\"><code>%s</code></pre>\n", html.EscapeString(strings.TrimRight(strings.Join(body, "\n"), "\n")))
	case strings.HasPrefix(strings.TrimSpace(line), ">"):
		var body []string
		for ; r.i < len(r.lines) && strings.HasPrefix(strings.TrimSpace(r.lines[r.i]), ">"); r.i++ {
			body = append(body, strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(r.lines[r.i]), ">"), " "))
		}
		fmt.Fprintf(&r.out, "<blockquote>%s</blockquote>\n", renderMarkdown(strings.Join(body, "\n"), r.code, r.linkFix))
	case bulletRe.MatchString(line):
		r.list(bulletRe, "ul")
	case orderedRe.MatchString(line):
		r.list(orderedRe, "ol")
	case strings.HasPrefix(strings.TrimSpace(line), "|") && r.i+1 < len(r.lines) && tableSep.MatchString(r.lines[r.i+1]):
		r.table()
	default:
		var para []string
		for ; r.i < len(r.lines); r.i++ {
			l := r.lines[r.i]
			if blank(l) || fenceRe.MatchString(l) || headingRe.MatchString(l) || (len(para) > 0 && (bulletRe.MatchString(l) || orderedRe.MatchString(l))) {
				break
			}
			para = append(para, strings.TrimSpace(l))
		}
		fmt.Fprintf(&r.out, "<p>%s</p>\n", r.inline(strings.Join(para, "\n")))
	}
}

// list renders a list: items start with the marker; lines indented
// under an item, and blank lines followed by such lines, continue it.
func (r *mdRenderer) list(marker *regexp.Regexp, tag string) {
	fmt.Fprintf(&r.out, "<%s>\n", tag)
	for r.i < len(r.lines) {
		m := marker.FindStringSubmatch(r.lines[r.i])
		if m == nil {
			break
		}
		item := []string{m[3]}
		for r.i++; r.i < len(r.lines); r.i++ {
			l := r.lines[r.i]
			if blank(l) {
				if r.i+1 < len(r.lines) && strings.HasPrefix(r.lines[r.i+1], "  ") && !marker.MatchString(r.lines[r.i+1]) {
					item = append(item, "")
					continue
				}
				break
			}
			if marker.MatchString(l) || !strings.HasPrefix(l, " ") && (fenceRe.MatchString(l) || headingRe.MatchString(l)) {
				break
			}
			item = append(item, strings.TrimSpace(l))
		}
		body := strings.Join(item, "\n")
		if strings.Contains(body, "\n\n") {
			fmt.Fprintf(&r.out, "<li>%s</li>\n", renderMarkdown(body, r.code, r.linkFix))
		} else {
			fmt.Fprintf(&r.out, "<li>%s</li>\n", r.inline(body))
		}
		for r.i < len(r.lines) && blank(r.lines[r.i]) {
			if r.i+1 < len(r.lines) && marker.MatchString(r.lines[r.i+1]) {
				r.i++
				continue
			}
			break
		}
	}
	fmt.Fprintf(&r.out, "</%s>\n", tag)
}

func (r *mdRenderer) table() {
	cells := func(l string) []string {
		l = strings.TrimSpace(l)
		l = strings.TrimSuffix(strings.TrimPrefix(l, "|"), "|")
		var out []string
		var cur strings.Builder
		inCode := false
		for _, c := range l {
			switch {
			case c == '`':
				inCode = !inCode
				cur.WriteRune(c)
			case c == '|' && !inCode:
				out = append(out, strings.TrimSpace(cur.String()))
				cur.Reset()
			default:
				cur.WriteRune(c)
			}
		}
		return append(out, strings.TrimSpace(cur.String()))
	}
	r.out.WriteString("<div class=\"table\"><table>\n<tr>")
	for _, c := range cells(r.lines[r.i]) {
		fmt.Fprintf(&r.out, "<th>%s</th>", r.inline(c))
	}
	r.out.WriteString("</tr>\n")
	for r.i += 2; r.i < len(r.lines) && strings.HasPrefix(strings.TrimSpace(r.lines[r.i]), "|"); r.i++ {
		r.out.WriteString("<tr>")
		for _, c := range cells(r.lines[r.i]) {
			fmt.Fprintf(&r.out, "<td>%s</td>", r.inline(c))
		}
		r.out.WriteString("</tr>\n")
	}
	r.out.WriteString("</table></div>\n")
}

var (
	linkRe  = regexp.MustCompile(`\[([^\]]+)\]\(([^)\s]+)\)`)
	boldRe  = regexp.MustCompile(`(?s)\*\*(\S(?:.*?\S)?)\*\*`)
	emRe    = regexp.MustCompile(`(?s)(^|[\s(—])\*(\S(?:.*?\S)?)\*`)
	emUnder = regexp.MustCompile(`(?s)(^|[\s(])_(\S(?:.*?\S)?)_([\s).,;:]|$)`)
)

// inline renders the inline markup of a paragraph's text. Code spans are
// cut out first, so nothing inside them is markup.
func (r *mdRenderer) inline(s string) string {
	var codes []string
	s = cutCodeSpans(s, func(code string) string {
		codes = append(codes, "<code>"+html.EscapeString(code)+"</code>")
		return fmt.Sprintf("\x00%d\x00", len(codes)-1)
	})
	s = html.EscapeString(s)
	s = linkRe.ReplaceAllStringFunc(s, func(m string) string {
		sub := linkRe.FindStringSubmatch(m)
		target := html.UnescapeString(sub[2])
		if r.linkFix != nil {
			target = r.linkFix(target)
		}
		return fmt.Sprintf("<a href=\"%s\">%s</a>", html.EscapeString(target), sub[1])
	})
	s = boldRe.ReplaceAllString(s, "<strong>$1</strong>")
	s = emRe.ReplaceAllString(s, "$1<em>$2</em>")
	s = emUnder.ReplaceAllString(s, "$1<em>$2</em>$3")
	for i, c := range codes {
		s = strings.Replace(s, fmt.Sprintf("\x00%d\x00", i), c, 1)
	}
	return s
}

// cutCodeSpans replaces each code span of s (a run of n backticks, text,
// and the next run of exactly n backticks) by what replace returns for
// its text (trimmed of one space each side, as CommonMark does).
func cutCodeSpans(s string, replace func(string) string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '`')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		n := i
		for n < len(s) && s[n] == '`' {
			n++
		}
		run := s[i:n]
		end := -1
		for j := n; j < len(s); {
			k := strings.Index(s[j:], run)
			if k < 0 {
				break
			}
			k += j
			e := k + len(run)
			if (k == 0 || s[k-1] != '`') && (e == len(s) || s[e] != '`') {
				end = k
				break
			}
			j = e
			for j < len(s) && s[j] == '`' {
				j++
			}
		}
		if end < 0 {
			b.WriteString(s[:n])
			s = s[n:]
			continue
		}
		b.WriteString(s[:i])
		code := strings.ReplaceAll(s[n:end], "\n", " ")
		if len(code) > 2 && code[0] == ' ' && code[len(code)-1] == ' ' {
			code = code[1 : len(code)-1]
		}
		b.WriteString(replace(code))
		s = s[end+len(run):]
	}
}

// slug makes a heading's id: lower case letters and digits, dashes.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(s) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
