package export

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	gmtext "github.com/yuin/goldmark/text"
)

// A CommonMark renderer with GitHub's extensions reads the Markdown report of hostile text as
// the report's own structure only: exactly its headings, tables whose rows keep their cells,
// and no raw HTML or script link from what participants typed.
func TestMarkdownParsesAsWritten(t *testing.T) {
	t.Parallel()
	r := hostileReport(t)
	var b bytes.Buffer
	if err := r.Write(&b, Options{Format: Markdown}); err != nil {
		t.Fatal(err)
	}
	src := b.Bytes()
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	doc := md.Parser().Parse(gmtext.NewReader(src))

	wantHeadings := 0
	for _, bl := range r.document((Options{}).locale(r)) {
		if _, ok := bl.(heading); ok {
			wantHeadings++
		}
	}
	headings := 0
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			headings++
		case *ast.RawHTML:
			raw := string(n.Segments.Value(src))
			if raw != "<br>" { // the report's own line breaks in table cells
				t.Errorf("raw HTML from the text: %q", raw)
			}
		case *ast.HTMLBlock:
			t.Errorf("an HTML block: %q", n.Lines().Value(src))
		case *ast.Link:
			t.Errorf("a link to %q", n.Destination)
		case *ast.Image:
			t.Errorf("an image from %q", n.Destination)
		case *ast.AutoLink:
			if url := string(n.URL(src)); !strings.HasPrefix(url, "http://") && !strings.HasPrefix(url, "https://") && !strings.HasPrefix(url, "www.") {
				t.Errorf("an autolink to %q", url)
			}
		case *ast.ThematicBreak:
			t.Error("a thematic break from the text")
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if headings != wantHeadings {
		t.Errorf("%d headings, want the report's %d", headings, wantHeadings)
	}
}

// The Markdown report reads in a terminal: rendered by Glamour (the terminal Markdown
// renderer the project uses) at 80 columns, no line is wider than 80 cells, and each item
// of a matrix quadrant is on a line of its own.
func TestMarkdownReadsAt80Columns(t *testing.T) {
	t.Parallel()
	reports := map[string]*Report{
		"fixture":       newFixture(t).report(),
		"three people":  threePeople(t, "participatory-policy").report(),
		"service steps": threePeople(t, "service-digitisation").report(),
		"hostile":       hostileReport(t),
	}
	for name, r := range reports {
		var b bytes.Buffer
		if err := r.Write(&b, Options{Format: Markdown}); err != nil {
			t.Fatal(err)
		}
		tr, err := glamour.NewTermRenderer(glamour.WithStandardStyle("ascii"), glamour.WithWordWrap(80))
		if err != nil {
			t.Fatal(err)
		}
		out, err := tr.Render(b.String())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		wide := 0
		for i, l := range strings.Split(out, "\n") {
			l = strings.TrimRight(ansi.Strip(l), " ")
			if w := ansi.StringWidth(l); w > 80 && !strings.Contains(l, strings.Repeat("ä", 40)) {
				if wide++; wide <= 3 {
					t.Errorf("%s: line %d is %d cells wide: %q", name, i+1, w, l)
				}
			}
		}
		for _, res := range r.Results {
			if res.Matrix == nil {
				continue
			}
			for _, g := range res.Matrix.Groups {
				n := 0
				for _, it := range g.Items {
					if it.X == nil {
						continue
					}
					n++
					want := fmt.Sprintf("%d. %s", n, oneLine(it.Text))
					if !lineStartsWith(out, want) {
						t.Errorf("%s: matrix item %q is not on a line of its own", name, want)
					}
				}
			}
		}
	}
}

// lineStartsWith says whether a line of rendered text starts, after its indent and list
// mark, with want (or the start of it that fits the line).
func lineStartsWith(out, want string) bool {
	for _, l := range strings.Split(ansi.Strip(out), "\n") {
		l = strings.TrimLeft(strings.TrimSpace(l), "•*- ")
		if l == "" {
			continue
		}
		if strings.HasPrefix(want, l) || strings.HasPrefix(l, want) {
			return true
		}
	}
	return false
}
