package main

// This file builds the site: the WebAssembly interpreter, the pages of
// the chapters and of the playground, and the scripts they use.

import (
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"time"

	"contigo/web/session"
)

//go:embed assets
var assets embed.FS

// chapter is a page of the course.
type chapter struct {
	file  string // 01-continuations.md
	page  string // 01-continuations.html
	title string
}

func build(root, out string, log io.Writer) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	start := time.Now()
	if err := buildWasm(root, out, log); err != nil {
		return err
	}
	if err := copyAssets(root, out); err != nil {
		return err
	}
	chapters, err := listChapters(filepath.Join(root, "docs", "course"))
	if err != nil {
		return err
	}
	for _, c := range chapters {
		src, err := os.ReadFile(filepath.Join(root, "docs", "course", c.file))
		if err != nil {
			return err
		}
		page := chapterPage(c, string(src), chapters, log)
		if err := os.WriteFile(filepath.Join(out, c.page), []byte(page), 0o644); err != nil {
			return err
		}
	}
	if err := copySolutions(root, out); err != nil {
		return err
	}
	pg, err := playgroundPage(root, chapters)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "playground.html"), []byte(pg), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(log, "built the site in %s (%v)\n", out, time.Since(start).Round(time.Millisecond))
	return nil
}

// buildWasm compiles web/wasm for the browser, copies Go's wasm_exec.js
// beside it and writes a gzipped copy for the server.
func buildWasm(root, out string, log io.Writer) error {
	wasm := filepath.Join(out, "contigo.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", wasm, "./web/wasm")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("building the WebAssembly interpreter: %v\n%s", err, msg)
	}
	goroot := runtime.GOROOT()
	if b, err := exec.Command("go", "env", "GOROOT").Output(); err == nil {
		goroot = strings.TrimSpace(string(b))
	}
	var glue []byte
	var err error
	for _, dir := range []string{"lib/wasm", "misc/wasm"} {
		if glue, err = os.ReadFile(filepath.Join(goroot, dir, "wasm_exec.js")); err == nil {
			break
		}
	}
	if err != nil {
		return fmt.Errorf("wasm_exec.js not found in %s/lib/wasm or misc/wasm: %v", goroot, err)
	}
	if err := os.WriteFile(filepath.Join(out, "wasm_exec.js"), glue, 0o644); err != nil {
		return err
	}
	raw, err := os.ReadFile(wasm)
	if err != nil {
		return err
	}
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(raw)
	zw.Close()
	if err := os.WriteFile(wasm+".gz", gz.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(log, "contigo.wasm: %.1f MB, %.1f MB gzipped (served gzipped)\n", float64(len(raw))/1e6, float64(gz.Len())/1e6)
	return nil
}

func copyAssets(root, out string) error {
	entries, err := assets.ReadDir("assets")
	if err != nil {
		return err
	}
	for _, e := range entries {
		data, err := assets.ReadFile("assets/" + e.Name())
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, e.Name()), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// copySolutions copies the exercises' solutions, which the chapters link
// to.
func copySolutions(root, out string) error {
	files, _ := filepath.Glob(filepath.Join(root, "docs", "course", "solutions", "*"))
	if len(files) == 0 {
		return nil
	}
	if err := os.MkdirAll(filepath.Join(out, "solutions"), 0o755); err != nil {
		return err
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, "solutions", filepath.Base(f)), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

var titleRe = regexp.MustCompile(`(?m)^#\s+(.*)$`)

// listChapters lists the course's Markdown files in order, the
// README first (it becomes index.html).
func listChapters(dir string) ([]chapter, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var out []chapter
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		base := filepath.Base(f)
		c := chapter{file: base, page: strings.TrimSuffix(base, ".md") + ".html", title: base}
		if m := titleRe.FindStringSubmatch(string(src)); m != nil {
			c.title = strings.ReplaceAll(m[1], "`", "")
		}
		if base == "README.md" {
			c.page = "index.html"
			out = append([]chapter{c}, out...)
			continue
		}
		out = append(out, c)
	}
	return out, nil
}

// linkFix points links to chapters at their pages.
func linkFix(target string) string {
	if strings.HasPrefix(target, "http") || strings.HasPrefix(target, "#") {
		return target
	}
	path, frag, _ := strings.Cut(target, "#")
	if path == "README.md" {
		path = "index.html"
	} else if strings.HasSuffix(path, ".md") && !strings.Contains(path, "/") {
		path = strings.TrimSuffix(path, ".md") + ".html"
	}
	if frag != "" {
		return path + "#" + frag
	}
	return path
}

// chapterPage renders a chapter. Blocks marked timeline are run here, in
// order with the blocks before them, to draw their timelines ahead of
// time; the reader's Run draws them again.
func chapterPage(c chapter, src string, chapters []chapter, log io.Writer) string {
	timelines := pretrace(c, src, log)
	n := 0
	code := func(lang, info, text string, line int) string {
		switch {
		case lang == "scheme" && !strings.Contains(info, "no-run"):
			n++
			return schemeBlock(n, "docs/course/"+c.file, text, line, strings.Contains(info, "timeline"), timelines[line])
		case lang == "output":
			return fmt.Sprintf("<pre class=\"expected\" title=\"expected output\"><code>%s</code></pre>\n", html.EscapeString(strings.TrimSuffix(text, "\n")))
		}
		cls := "static"
		if lang != "" {
			cls += " lang-" + html.EscapeString(lang)
		}
		return fmt.Sprintf("<pre class=\"%s\"><code>%s</code></pre>\n", cls, html.EscapeString(strings.TrimSuffix(text, "\n")))
	}
	body := renderMarkdown(src, code, linkFix)
	if c.page == "index.html" {
		body += "<p class=\"play-link\">Or open the <a href=\"playground.html\">playground</a>: the examples in Scheme, Go and Trio side by side.</p>\n"
	}
	return page(c.title, c.page, chapters, body, "chapter")
}

// schemeBlock is an editable, runnable block. Its positions are those of
// the course test, file docs/course/NN-NAME.md and the Markdown's lines,
// so what it prints is what the chapter's output blocks show.
func schemeBlock(n int, file, text string, line int, timeline bool, svg string) string {
	var b strings.Builder
	tl := ""
	if timeline {
		tl = " data-timeline=\"1\""
	}
	fmt.Fprintf(&b, "<div class=\"block\" id=\"block-%d\" data-file=\"%s\" data-line=\"%d\"%s>\n", n, html.EscapeString(file), line, tl)
	fmt.Fprintf(&b, "<div class=\"editor\"><pre class=\"gutter\" aria-hidden=\"true\"></pre><textarea spellcheck=\"false\" autocapitalize=\"off\" aria-label=\"Scheme code, block %d\">%s</textarea></div>\n",
		n, html.EscapeString(strings.TrimSuffix(text, "\n")))
	b.WriteString("<div class=\"controls\"><button class=\"run\" title=\"Ctrl-Enter\">Run</button> <button class=\"stop\" disabled>Stop</button>")
	if !timeline {
		b.WriteString(" <label><input type=\"checkbox\" class=\"want-timeline\"> timeline</label>")
	}
	b.WriteString(" <span class=\"state\"></span></div>\n<pre class=\"out\" hidden></pre>\n")
	fmt.Fprintf(&b, "<div class=\"timeline-box\"%s>%s</div>\n", map[bool]string{true: "", false: " hidden"}[svg != ""], svg)
	b.WriteString("</div>\n")
	return b.String()
}

// pretrace runs the scheme blocks of a chapter that has timeline blocks
// and returns the SVG of each timeline block, by its first line.
func pretrace(c chapter, src string, log io.Writer) map[int]string {
	out := map[int]string{}
	if !strings.Contains(src, "```scheme timeline") {
		return out
	}
	var discard bytes.Buffer
	s, err := session.New(&discard, &discard)
	if err != nil {
		fmt.Fprintf(log, "%s: cannot draw the timelines: %v\n", c.file, err)
		return out
	}
	code := func(lang, info, text string, line int) string {
		if lang != "scheme" || strings.Contains(info, "no-run") {
			return ""
		}
		res := s.RunBlock(text, "docs/course/"+c.file, line, strings.Contains(info, "timeline"))
		if res.Timeline != nil {
			out[line] = res.Timeline.SVG()
		}
		return ""
	}
	renderMarkdown(src, code, nil)
	return out
}

// example is a program of examples/, with its twins.
type example struct {
	Name   string `json:"name"`
	Scheme string `json:"scheme"`
	Go     string `json:"go,omitempty"`
	Trio   string `json:"trio,omitempty"`
}

func playgroundPage(root string, chapters []chapter) (string, error) {
	files, err := filepath.Glob(filepath.Join(root, "examples", "*.scm"))
	if err != nil {
		return "", err
	}
	sort.Strings(files)
	var list []example
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return "", err
		}
		base := strings.TrimSuffix(f, ".scm")
		e := example{Name: filepath.Base(base), Scheme: string(src)}
		if b, err := os.ReadFile(base + ".go"); err == nil {
			e.Go = string(b)
		}
		if b, err := os.ReadFile(base + ".py"); err == nil {
			e.Trio = string(b)
		}
		list = append(list, e)
	}
	data, err := json.Marshal(list)
	if err != nil {
		return "", err
	}
	// Inside a <script> element, "</" must not appear.
	js := strings.ReplaceAll(string(data), "</", "<\\/")
	body := `<h1>Playground</h1>
<p>Pick an example, edit it, run it (Ctrl-Enter). The Go and Trio versions print the same thing.</p>
<div class="pick"><label>Example <select id="examples"></select></label></div>
<div class="twins">
<div class="twin"><h3>Scheme (contigo)</h3>
<div class="block" id="playground" data-file="program.scm" data-line="1" data-program="1">
<div class="editor"><pre class="gutter" aria-hidden="true"></pre><textarea spellcheck="false" autocapitalize="off" aria-label="Scheme program"></textarea></div>
<div class="controls"><button class="run" title="Ctrl-Enter">Run</button> <button class="stop" disabled>Stop</button> <label><input type="checkbox" class="want-timeline"> timeline</label> <span class="state"></span></div>
<pre class="out" hidden></pre>
<div class="timeline-box" hidden></div>
</div></div>
<div class="twin"><h3>Go</h3><pre class="static" id="go-src"><code></code></pre></div>
<div class="twin"><h3>Python with Trio</h3><pre class="static" id="trio-src"><code></code></pre></div>
</div>
<script type="application/json" id="examples-data">` + js + `</script>
`
	return page("Playground", "playground.html", chapters, body, "playground"), nil
}

// page wraps a body in the site's layout.
func page(title, self string, chapters []chapter, body, kind string) string {
	var nav strings.Builder
	for _, c := range chapters {
		cls := ""
		if c.page == self {
			cls = " class=\"here\""
		}
		label := c.title
		if c.page == "index.html" {
			label = "Contents"
		}
		fmt.Fprintf(&nav, "<a href=\"%s\"%s>%s</a>\n", c.page, cls, html.EscapeString(label))
	}
	here := ""
	if self == "playground.html" {
		here = " class=\"here\""
	}
	fmt.Fprintf(&nav, "<a href=\"playground.html\"%s>Playground</a>\n", here)
	return fmt.Sprintf(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%s — contigo</title>
<link rel="stylesheet" href="style.css">
</head><body class="%s">
<header><a class="home" href="index.html">contigo</a> <span class="subtitle">From call/cc to goroutines</span>
<span id="status" class="status">starting the interpreter…</span></header>
<div class="layout"><nav>%s</nav>
<main>
%s
</main></div>
<script src="site.js"></script>
</body></html>
`, html.EscapeString(title), kind, nav.String(), body)
}
