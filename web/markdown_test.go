package main

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRenderMarkdown(t *testing.T) {
	code := func(lang, info, text string, line int) string {
		return fmt.Sprintf("[%s|%s|%d|%q]\n", lang, info, line, text)
	}
	tests := []struct{ name, md, want string }{
		{"heading and paragraph", "# Chapter 1 — *Go*\n\nSome `(car x)` and **bold**\ntext.\n",
			"<h1 id=\"chapter-1-go\">Chapter 1 — <em>Go</em></h1>\n<p>Some <code>(car x)</code> and <strong>bold</strong>\ntext.</p>\n"},
		{"code blocks keep their first line", "text\n\n```scheme timeline\n(display 1)\n```\n",
			"<p>text</p>\n[scheme|timeline|4|\"(display 1)\\n\"]\n"},
		{"markup is not read in code spans, HTML is escaped", "a `*x* <b>` b <i>\n",
			"<p>a <code>*x* &lt;b&gt;</code> b &lt;i&gt;</p>\n"},
		{"a code span holding backticks", "opened with `` ```scheme no-run `` is\n",
			"<p>opened with <code>```scheme no-run</code> is</p>\n"},
		{"emphasis across lines", "goes on *as if\n`(f)` returned*.\n",
			"<p>goes on <em>as if\n<code>(f)</code> returned</em>.</p>\n"},
		{"links to chapters become pages", "[next](02-coroutines.md#top) [web](https://go.dev)\n",
			"<p><a href=\"02-coroutines.html#top\">next</a> <a href=\"https://go.dev\">web</a></p>\n"},
		{"lists", "- one\n  more\n- two\n\n1. first\n2. second\n",
			"<ul>\n<li>one\nmore</li>\n<li>two</li>\n</ul>\n<ol>\n<li>first</li>\n<li>second</li>\n</ol>\n"},
		{"table with a pipe in code", "| a | b |\n|---|---|\n| `x|y` | 2 |\n",
			"<div class=\"table\"><table>\n<tr><th>a</th><th>b</th></tr>\n<tr><td><code>x|y</code></td><td>2</td></tr>\n</table></div>\n"},
		{"indented code", "text\n\n    contigo --trace-html a.html a.scm\n",
			"<p>text</p>\n<pre class=\"static\"><code>contigo --trace-html a.html a.scm</code></pre>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, renderMarkdown(tt.md, code, linkFix)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
