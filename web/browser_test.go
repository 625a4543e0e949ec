package main

// Browser tests: the site is built (with the WebAssembly interpreter) and
// served, and a real headless Chromium, driven by chromedp, reads it as a
// student would. Without Chromium they skip, except under CI=true, where
// they fail; under -short they skip (building the .wasm takes a while).
//
// Screenshots of the pages at laptop and phone sizes are written to
// $CONTIGO_SCREENSHOTS if set, else to $TMPDIR/contigo-screenshots (the
// log names them): look at them after changing the pages.

import (
	"context"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"

	"contigo/web/session"
)

var (
	siteOnce sync.Once
	siteDir  string
	siteErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if siteDir != "" {
		os.RemoveAll(siteDir)
	}
	os.Exit(code)
}

// site builds the site once for all the browser tests.
func site(t *testing.T) string {
	t.Helper()
	siteOnce.Do(func() {
		root, err := moduleRoot()
		if err != nil {
			siteErr = err
			return
		}
		siteDir, siteErr = os.MkdirTemp("", "contigo-site-test-")
		if siteErr == nil {
			siteErr = build(root, siteDir, io.Discard)
		}
	})
	if siteErr != nil {
		t.Fatal(siteErr)
	}
	return siteDir
}

func findChromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser starts a headless Chromium on the served site; it returns a
// context for chromedp and the site's URL.
func browser(t *testing.T, width, height int) (context.Context, string) {
	t.Helper()
	if testing.Short() {
		t.Skip("browser tests build the WebAssembly interpreter: skipped under -short")
	}
	exe := findChromium()
	if exe == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("Chromium is not installed, and CI must run the browser tests (apt-get install chromium)")
		}
		t.Skip("Chromium is not installed (apt-get install chromium): browser tests skipped")
	}
	srv := httptest.NewServer(siteHandler(site(t)))
	t.Cleanup(srv.Close)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	return ctx, srv.URL
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// wait polls a JavaScript condition.
func wait(t *testing.T, ctx context.Context, cond string, timeout time.Duration) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](cond, chromedp.WithPollingTimeout(timeout), chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
		t.Fatalf("waiting for %s: %v", cond, err)
	}
}

// open loads a page and waits for the interpreter; it returns the
// start-up time the page measured, in ms.
func open(t *testing.T, ctx context.Context, url string) int {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	wait(t, ctx, `document.getElementById("status").classList.contains("ready")`, 60*time.Second)
	return eval[int](t, ctx, `Number(document.getElementById("status").dataset.startup)`)
}

// runBlock clicks a block's Run button and waits for its end; it returns
// the output text.
func runBlock(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	eval[chromedp.Void](t, ctx, fmt.Sprintf(`(() => { const s = document.querySelector(%q + " .state"); delete s.dataset.status; document.querySelector(%q + " .run").click(); })()`, sel, sel))
	wait(t, ctx, fmt.Sprintf(`document.querySelector(%q + " .state").dataset.status !== undefined`, sel), 60*time.Second)
	return eval[string](t, ctx, fmt.Sprintf(`document.querySelector(%q + " .out").textContent`, sel))
}

// setCode replaces a block's code.
func setCode(t *testing.T, ctx context.Context, sel, code string) {
	t.Helper()
	eval[chromedp.Void](t, ctx, fmt.Sprintf(`(() => { const ta = document.querySelector(%q + " textarea"); ta.value = %q; ta.dispatchEvent(new Event("input")); })()`, sel, code))
}

// scrollTo scrolls an element to the top of the window, below the
// page's header.
func scrollTo(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	eval[chromedp.Void](t, ctx, fmt.Sprintf(`window.scrollTo(0, document.querySelector(%q).getBoundingClientRect().top + window.scrollY - 60)`, sel))
}

func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	saveScreenshot(t, name, png)
}

func saveScreenshot(t *testing.T, name string, png []byte) {
	t.Helper()
	dir := os.Getenv("CONTIGO_SCREENSHOTS")
	if dir == "" {
		// Kept after the run (and overwritten by the next), so that
		// they can be looked at.
		dir = filepath.Join(os.TempDir(), "contigo-screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

// TestBrowserChapter reads chapter 7: runs ping-pong and checks its
// output and timeline, an error's position, the deadlock report, and
// Stop on an endless loop.
func TestBrowserChapter(t *testing.T) {
	ctx, url := browser(t, 1280, 900)
	ms := open(t, ctx, url+"/07-scheduling.html")
	t.Logf("interpreter start-up in the page: %d ms (%s)", ms, eval[string](t, ctx, `document.getElementById("status").title`))

	// A second page loads the .wasm again (from Chromium's cache).
	ms2 := open(t, ctx, url+"/07-scheduling.html")
	t.Logf("start-up of the next page: %d ms (%s)", ms2, eval[string](t, ctx, `document.getElementById("status").title`))

	// The timelines were drawn when the site was built.
	if n := eval[int](t, ctx, `document.querySelectorAll(".timeline-box svg.timeline").length`); n != 4 {
		t.Errorf("%d timelines drawn ahead of time, want 4", n)
	}

	t.Run("ping-pong", func(t *testing.T) {
		out := runBlock(t, ctx, "#block-1")
		if want := "ping 0\npong 1\nping 2\npong 3\nping 4\npong 5\n"; out != want {
			t.Errorf("output %q, want %q", out, want)
		}
		lanes := eval[string](t, ctx, `document.querySelector("#block-1 .timeline-box").dataset.lanes`)
		handoffs := eval[string](t, ctx, `document.querySelector("#block-1 .timeline-box").dataset.handoffs`)
		drawn := eval[int](t, ctx, `document.querySelectorAll("#block-1 .timeline-box g.handoff").length`)
		if lanes != "2" || handoffs != "6" || drawn != 6 {
			t.Errorf("ping-pong timeline: %s lanes, %s hand-offs (%d drawn), want 2 and 6", lanes, handoffs, drawn)
		}
		// Hovering shows the event and where in the block it happened.
		tip := eval[string](t, ctx, `document.querySelector("#block-1 .timeline-box g.handoff title").textContent`)
		if !strings.Contains(tip, "goroutine 2 wakes goroutine 1: wake 1 by 2 at docs/course/07-scheduling.md:71:21") {
			t.Errorf("the first hand-off's tooltip is %q", tip)
		}
		scrollTo(t, ctx, "#block-1")
		screenshot(t, ctx, "chapter7-laptop.png")
		png, err := chromedp.Run(ctx, chromedp.Screenshot("#block-1"))
		if err != nil {
			t.Fatal(err)
		}
		saveScreenshot(t, "chapter7-pingpong-block.png", png)
	})

	t.Run("deadlock", func(t *testing.T) {
		out := runBlock(t, ctx, "#block-3")
		for _, want := range []string{"07-scheduling.md:", "all goroutines are asleep - deadlock!", "goroutine 1 [chan receive]:"} {
			if !strings.Contains(out, want) {
				t.Errorf("the deadlock report %q lacks %q", out, want)
			}
		}
		if st := eval[string](t, ctx, `document.querySelector("#block-3 .state").dataset.status`); st != "2" {
			t.Errorf("status %s, want 2", st)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll("#block-3 .timeline-box g.deadlock").length`); n != 1 {
			t.Errorf("%d deadlock marks, want 1", n)
		}
	})

	t.Run("show-continuation", func(t *testing.T) {
		out := runBlock(t, ctx, "#block-5")
		for _, want := range []string{"When resumed with a value, this continuation will:",
			"1. use it as argument 2 of the call (+ 1 □), then call", "in f at docs/course/07-scheduling.md:217:8"} {
			if !strings.Contains(out, want) {
				t.Errorf("show-continuation printed %q, without %q", out, want)
			}
		}
	})

	t.Run("error position", func(t *testing.T) {
		line := eval[int](t, ctx, `Number(document.querySelector("#block-5").dataset.line)`)
		setCode(t, ctx, "#block-5", "(define x 1)\n  (car x)")
		out := runBlock(t, ctx, "#block-5")
		want := fmt.Sprintf("07-scheduling.md:%d:3: car: expected pair, got 1", line+1)
		if !strings.Contains(out, want) {
			t.Errorf("error %q, want it to contain %q", out, want)
		}
		bad := eval[string](t, ctx, `(document.querySelector("#block-5 .gutter .bad") || {}).textContent || ""`)
		if bad != fmt.Sprint(line+1) {
			t.Errorf("marked gutter line %q, want %d", bad, line+1)
		}
	})

	t.Run("stop", func(t *testing.T) {
		setCode(t, ctx, "#block-5", "(let loop ((i 0)) (loop (+ i 1)))")
		eval[chromedp.Void](t, ctx, `document.querySelector("#block-5 .run").click()`)
		time.Sleep(time.Second)
		if st := eval[string](t, ctx, `document.querySelector("#block-5 .state").textContent`); st != "running…" {
			t.Fatalf("after a second the endless loop shows %q", st)
		}
		// The page still answers while the loop runs.
		if n := eval[int](t, ctx, `1 + 1`); n != 2 {
			t.Fatal("the page is frozen")
		}
		eval[chromedp.Void](t, ctx, `document.querySelector("#block-5 .stop").click()`)
		wait(t, ctx, `document.querySelector("#block-5 .state").textContent === "stopped"`, 10*time.Second)
		wait(t, ctx, `document.getElementById("status").classList.contains("ready") && !/replaying/.test(document.getElementById("status").textContent)`, 60*time.Second)
		// The blocks that had run were replayed: println, defined by
		// ping-pong's block, is still there.
		out := runBlock(t, ctx, "#block-4")
		if want := "a: cancelled\nb: cancelled\nnursery failed: c failed\n"; out != want {
			t.Errorf("after Stop, the nursery block printed %q, want %q", out, want)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll("#block-4 .timeline-box g.nursery").length`); n != 1 {
			t.Errorf("%d nursery brackets, want 1", n)
		}
	})
}

// TestBrowserCourse runs every block of every chapter in the browser
// (running a chapter's last block runs the ones above it first) and
// checks each against the expected output that follows it, as the
// course test does natively. A block may fail only if it says it does
// (";; => ERROR:").
func TestBrowserCourse(t *testing.T) {
	ctx, url := browser(t, 1280, 900)
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	chapters, err := listChapters(filepath.Join(root, "docs", "course"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range chapters {
		open(t, ctx, url+"/"+c.page)
		n := eval[int](t, ctx, `document.querySelectorAll(".block").length`)
		if n == 0 {
			continue
		}
		runBlock(t, ctx, fmt.Sprintf("#block-%d", n))
		wait(t, ctx, `Array.from(document.querySelectorAll(".block .state")).every(s => s.dataset.status !== undefined)`, 5*time.Minute)
		problems := eval[[]string](t, ctx, `Array.from(document.querySelectorAll(".block")).flatMap(b => {
			const next = b.nextElementSibling;
			const want = next && next.matches("pre.expected") ? next.textContent : null;
			const out = b.querySelector(".out").textContent;
			const status = b.querySelector(".state").dataset.status;
			const r = [];
			if (want !== null && out.replace(/\n$/, "") !== want.replace(/\n$/, ""))
				r.push(b.id + " (line " + b.dataset.line + ") printed " + JSON.stringify(out) + ", want " + JSON.stringify(want));
			if (status !== "0" && !/;; => ERROR:/.test(b.querySelector("textarea").value))
				r.push(b.id + " (line " + b.dataset.line + ") ended with status " + status + ": " + out);
			return r;
		})`)
		for _, p := range problems {
			t.Errorf("%s: %s", c.file, p)
		}
	}
}

// TestBrowserExamples runs every program of the playground in the
// browser and compares what it prints with a native run.
func TestBrowserExamples(t *testing.T) {
	ctx, url := browser(t, 1280, 900)
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(root, "examples", "*.scm"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	open(t, ctx, url+"/playground.html")
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".scm")
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var want strings.Builder
		s, err := session.New(&want, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		if res := s.RunProgram(string(src), name+".scm", false); res.Status != 0 {
			t.Fatalf("%s: status %d natively", name, res.Status)
		}
		eval[chromedp.Void](t, ctx, fmt.Sprintf(`(() => { const s = document.getElementById("examples"); s.value = %q; s.dispatchEvent(new Event("change")); })()`, name))
		got := runBlock(t, ctx, "#playground")
		if st := eval[string](t, ctx, `document.querySelector("#playground .state").dataset.status`); st != "0" || got != want.String() {
			t.Errorf("%s: status %s in the browser; output (-native +browser):\n%s", name, st, cmp.Diff(want.String(), got))
		}
	}
}

// TestBrowserPhone looks at a chapter and the playground on a phone-sized
// screen: nothing may be wider than the screen but code and timelines,
// which scroll.
func TestBrowserPhone(t *testing.T) {
	ctx, url := browser(t, 1280, 900)
	// A window cannot be narrower than 500 px: emulate the phone's screen.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, url+"/07-scheduling.html")
	runBlock(t, ctx, "#block-1")
	wide := eval[int](t, ctx, `document.documentElement.scrollWidth`)
	if wide > 400 {
		t.Errorf("the page is %d px wide on a 390 px screen", wide)
	}
	scrollTo(t, ctx, "#block-1 .timeline-box")
	screenshot(t, ctx, "chapter7-phone.png")
	open(t, ctx, url+"/playground.html#gbe-channels")
	if wide := eval[int](t, ctx, `document.documentElement.scrollWidth`); wide > 400 {
		t.Errorf("the playground is %d px wide on a 390 px screen", wide)
	}
	screenshot(t, ctx, "playground-phone.png")
}

// TestBrowserPlayground runs an example beside its Go and Trio twins.
func TestBrowserPlayground(t *testing.T) {
	ctx, url := browser(t, 1280, 900)
	open(t, ctx, url+"/playground.html#gbe-channels")
	if goSrc := eval[string](t, ctx, `document.querySelector("#go-src").textContent`); !strings.Contains(goSrc, "package main") {
		t.Errorf("the Go twin is not shown: %q", goSrc)
	}
	out := runBlock(t, ctx, "#playground")
	if out != "ping\n" {
		t.Errorf("gbe-channels printed %q, want %q", out, "ping\n")
	}
	// Ctrl-Enter runs too.
	setCode(t, ctx, "#playground", `(display "from the keyboard")`)
	eval[chromedp.Void](t, ctx, `(() => { delete document.querySelector("#playground .state").dataset.status;
		document.querySelector("#playground textarea").dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", ctrlKey: true, bubbles: true})); })()`)
	wait(t, ctx, `document.querySelector("#playground .state").dataset.status === "0"`, 30*time.Second)
	if out := eval[string](t, ctx, `document.querySelector("#playground .out").textContent`); out != "from the keyboard" {
		t.Errorf("Ctrl-Enter: output %q", out)
	}
	screenshot(t, ctx, "playground-laptop.png")
}
