package markdown

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"workshop/content"
)

var renderStyles = []string{StyleDark, StyleLight, StyleNoTTY, StyleASCII}

// hardMarkdown has what word wrapping alone cannot fit: long words and URLs, wide tables, long
// code lines, deep nesting and wide characters.
const hardMarkdown = "# A heading that is long enough to need wrapping at forty columns\n\n" +
	"See https://example.org/a/very/long/path/that/cannot/be/broken/at/spaces/because/there/are/none?query=1&more=2 for details.\n\n" +
	"Supercalifragilisticexpialidocious-and-then-some-more-letters-without-any-break-at-all-whatsoever.\n\n" +
	"```\nfunc main() { fmt.Println(\"a code line that is much longer than forty or even eighty columns in total\") }\n```\n\n" +
	"| Service | Channel | Monthly requests | Redesign potential | Notes |\n|---|---|---|---|---|\n" +
	"| Business licence renewal | Counter | 12000 | High | Queues at the counter every morning |\n\n" +
	"- level one\n  - level two\n    - level three\n      - level four with a fairly long sentence to wrap\n\n" +
	"> A quotation that goes on for a while so that it has to wrap inside the quote marker.\n\n" +
	"全角文字の長い行は幅が二倍になるので折り返しの計算に注意が必要です。全角文字の長い行は幅が二倍になります。\n\n" +
	"1. first\n2. second with **bold**, *emphasis* and `code spans that are long`\n"

func checkWidth(t *testing.T, what, out string, width int) {
	t.Helper()
	for i, line := range strings.Split(out, "\n") {
		if w := ansi.StringWidth(ansi.Strip(line)); w > width {
			t.Errorf("%s: line %d is %d wide, more than %d: %q", what, i+1, w, width, ansi.Strip(line))
		}
	}
}

// TestRenderBuiltinGuidanceFits renders the guidance of every step of every built-in module.
func TestRenderBuiltinGuidanceFits(t *testing.T) {
	r := New()
	lib, ps, err := content.NewLibrary("")
	if err != nil || len(ps) > 0 {
		t.Fatalf("NewLibrary: %v %v", ps, err)
	}
	for _, m := range lib.List() {
		for _, s := range m.Steps {
			for _, style := range renderStyles {
				for _, width := range []int{40, 80, 120} {
					what := fmt.Sprintf("%s/%s %s %d", m.ID, s.ID, style, width)
					out, err := r.Render(s.Guidance, width, style)
					if err != nil {
						t.Fatalf("%s: %v", what, err)
					}
					if strings.TrimSpace(ansi.Strip(out)) == "" {
						t.Errorf("%s: nothing rendered", what)
					}
					checkWidth(t, what, out, width)
				}
			}
		}
	}
}

func TestRenderHardMarkdownFits(t *testing.T) {
	r := New()
	for _, style := range renderStyles {
		for _, width := range []int{1, 2, 5, 10, 20, 40, 80, 120} {
			out, err := r.Render(hardMarkdown, width, style)
			if err != nil {
				t.Fatal(err)
			}
			limit := width
			if width == 1 {
				limit = 2 // a wide character cannot be split
			}
			checkWidth(t, fmt.Sprintf("%s %d", style, width), out, limit)
		}
	}
}

func TestRenderKeepsText(t *testing.T) {
	r := New()
	out, err := r.Render(hardMarkdown, 40, StyleNoTTY)
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(out), "")
	for _, want := range []string{"https://example.org/a/very/long", "expialidocious", "levelfour", "折り返しの計算"} {
		if !strings.Contains(flat, want) {
			t.Errorf("rendered text lost %q:\n%s", want, out)
		}
	}
}

func TestRenderPlainStylesHaveNoEscapes(t *testing.T) {
	r := New()
	for _, style := range []string{StyleNoTTY, StyleASCII} {
		out, err := r.Render(hardMarkdown, 60, style)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(out, "\x1b") {
			t.Errorf("%s output has escape sequences: %q", style, out)
		}
	}
	out, err := r.Render("Some **bold** text", 60, StyleDark)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "\x1b[") {
		t.Errorf("dark output has no styling: %q", out)
	}
}

func TestRenderStyles(t *testing.T) {
	r := New()
	if _, err := r.Render("x", 40, "sepia"); err == nil {
		t.Error("unknown style accepted")
	}
	a, err := r.Render("hello", 40, "")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := r.Render("hello", 40, StyleDark)
	if a != b {
		t.Error("empty style is not dark")
	}
	c, _ := r.Render("hello", 0, StyleNoTTY)
	d, _ := r.Render("hello", DefaultWidth, StyleNoTTY)
	if c != d {
		t.Error("width 0 does not mean the default width")
	}
}

// TestRenderConcurrent renders distinct texts from many goroutines at once, so that renderers
// really are shared; run with -race.
func TestRenderConcurrent(t *testing.T) {
	r := New()
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 4 {
				w := []int{30, 50, 70}[(i+j)%3]
				tag := fmt.Sprintf("variant-%d-%d", i, j)
				out, err := r.Render(hardMarkdown+"\n\n"+tag+"\n", w, StyleDark)
				if err != nil {
					t.Error(err)
					return
				}
				if !strings.Contains(out, tag) || strings.Count(ansi.Strip(out), "variant-") != 1 {
					t.Errorf("%s: output mixed up with another render", tag)
				}
				checkWidth(t, tag, out, w)
			}
		}()
	}
	wg.Wait()
}

// Screens asking at once for guidance not yet rendered share one rendering: a move shows a
// whole cohort a new step at the same moment.
func TestScreensAskingAtOnceShareOneRendering(t *testing.T) {
	r := New()
	start := make(chan struct{})
	var wg sync.WaitGroup
	outs := make([]string, 50)
	for i := range outs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			out, err := r.Render(hardMarkdown, 80, StyleDark)
			if err != nil {
				t.Error(err)
			}
			outs[i] = out
		}()
	}
	close(start)
	wg.Wait()
	if n := r.renders.Load(); n != 1 {
		t.Errorf("%d renderings for 50 screens asking at once, want 1", n)
	}
	for i, out := range outs {
		if out != outs[0] || out == "" {
			t.Fatalf("screen %d got another text", i)
		}
	}
}

func TestRendererCacheBounded(t *testing.T) {
	r := New()
	for w := 1; w <= rendererCacheSize+20; w++ {
		if _, err := r.Render("x", w, StyleNoTTY); err != nil {
			t.Fatal(err)
		}
	}
	r.renderers.mu.Lock()
	n := len(r.renderers.idle)
	r.renderers.mu.Unlock()
	if n > rendererCacheSize {
		t.Errorf("%d renderer keys cached, limit %d", n, rendererCacheSize)
	}
}

func TestOutputCacheBounded(t *testing.T) {
	r := New()
	for i := range outputCacheSize + 50 {
		if _, err := r.Render(fmt.Sprintf("text %d", i), 40, StyleNoTTY); err != nil {
			t.Fatal(err)
		}
	}
	r.outputs.mu.Lock()
	n := len(r.outputs.out)
	r.outputs.mu.Unlock()
	if n > outputCacheSize {
		t.Errorf("%d outputs cached, limit %d", n, outputCacheSize)
	}
}

func BenchmarkRenderMarkdown(b *testing.B) {
	r := New()
	for i := 0; b.Loop(); i++ {
		// A different width each time defeats the output cache.
		if _, err := r.Render(hardMarkdown, 40+i%8, StyleDark); err != nil {
			b.Fatal(err)
		}
	}
}

// Headings show as headings, never with the "#" marks of their Markdown source.
func TestRenderHeadingsWithoutMarks(t *testing.T) {
	r := New()
	md := "# Top level\n\n## A visit you remember\n\nSome text.\n\n### Third level\n\nMore text.\n"
	for _, style := range renderStyles {
		out, err := r.Render(md, 60, style)
		if err != nil {
			t.Fatal(err)
		}
		plain := ansi.Strip(out)
		if strings.Contains(plain, "#") {
			t.Errorf("%s: a heading shows its # marks:\n%s", style, plain)
		}
		heading := "A visit you remember"
		if style == StyleNoTTY || style == StyleASCII {
			heading = "A VISIT YOU REMEMBER"
		}
		for _, want := range []string{heading, "Third level", "Some text."} {
			if !strings.Contains(plain, want) {
				t.Errorf("%s: %q missing:\n%s", style, want, plain)
			}
		}
	}
}

// Each Renderer keeps its own caches, and a nil one renders the same text without keeping
// anything.
func TestRenderersKeepTheirOwnCaches(t *testing.T) {
	a, b := New(), New()
	want, err := a.Render(hardMarkdown, 50, StyleDark)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(b.outputs.out); n != 0 {
		t.Errorf("a second renderer holds %d outputs the first made", n)
	}
	var none *Renderer
	for range 2 {
		got, err := none.Render(hardMarkdown, 50, StyleDark)
		if err != nil || got != want {
			t.Fatalf("a nil renderer drew something else (%v):\n%s", err, got)
		}
	}
}
