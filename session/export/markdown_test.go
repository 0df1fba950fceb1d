package export

import (
	"bytes"
	"strings"
	"testing"

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
	for _, bl := range r.document(Options{}) {
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
