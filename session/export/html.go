package export

import (
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"
)

// writeHTML writes the report as one self-contained HTML file: inline CSS and inline SVG
// charts, no scripts, no fonts, images or links to anything outside the file, and a content
// security policy that would block them anyway. Every text from the cohort is escaped.
func (r *Report) writeHTML(w io.Writer, o Options) error {
	ew := &errWriter{w: w}
	doc := r.document(o)
	lang := r.Module.Language
	if lang == "" {
		lang = "en"
	}
	ew.str("<!DOCTYPE html>\n<html lang=\"" + esc(lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n")
	ew.str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	ew.str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
	ew.str("<title>" + esc(r.Cohort.Name+" — cohort report") + "</title>\n<style>\n" + css + "</style>\n</head>\n<body>\n<main>\n")
	for i, b := range doc {
		htmlBlock(ew, b)
		if i == 1 {
			htmlContents(ew, doc) // after the title and the cohort's details
		}
	}
	ew.str("</main>\n</body>\n</html>\n")
	return ew.err
}

// htmlContents lists the report's sections with links to them.
func htmlContents(w *errWriter, doc []block) {
	w.str("<nav aria-label=\"Contents\"><h2>Contents</h2>\n<ul>\n")
	for _, b := range doc {
		if h, ok := b.(heading); ok && h.level == 2 {
			w.str("<li><a href=\"#" + esc(h.id) + "\">" + esc(h.text) + "</a></li>\n")
		}
	}
	w.str("</ul></nav>\n")
}

func htmlBlock(w *errWriter, b block) {
	switch b := b.(type) {
	case heading:
		w.str(fmt.Sprintf("<h%d id=\"%s\">%s</h%d>\n", b.level, esc(b.id), esc(b.text), b.level))
	case para:
		w.str("<p>" + htmlSpans(b) + "</p>\n")
	case facts:
		w.str("<dl class=\"facts\">\n")
		for _, f := range b {
			w.str("<dt>" + esc(f[0]) + "</dt><dd>" + esc(f[1]) + "</dd>\n")
		}
		w.str("</dl>\n")
	case bullets:
		w.str("<ul>\n")
		for _, it := range b {
			w.str("<li>" + htmlSpans(it) + "</li>\n")
		}
		w.str("</ul>\n")
	case quote:
		w.str("<figure class=\"answer\"><figcaption>" + htmlSpans(b.who) + "</figcaption><blockquote>" + escLines(strings.TrimRight(b.text, "\n")) + "</blockquote></figure>\n")
	case table:
		htmlTable(w, b)
	case barChart:
		w.str("<figure class=\"chart\"><figcaption>" + esc(b.title) + "</figcaption>\n" + barSVG(b) + "</figure>\n")
	case stackChart:
		w.str("<figure class=\"chart\"><figcaption>" + esc(b.title) + "</figcaption>\n" + stackSVG(b) + "</figure>\n")
	case matrixChart:
		w.str("<figure class=\"chart matrix\"><figcaption>" + esc(b.title) + "</figcaption>\n" + matrixSVG(b))
		w.str("<ol class=\"legend\">\n")
		for _, p := range b.points {
			q := ""
			if p.quadrant >= 0 && p.quadrant < len(b.quadrants) {
				q = b.quadrants[p.quadrant]
			}
			w.str("<li value=\"" + strconv.Itoa(p.n) + "\">" + esc(p.text) + " <span class=\"muted\">— " + esc(q) + " (" + esc(placed(p)) + ")</span></li>\n")
		}
		w.str("</ol></figure>\n")
	}
}

func htmlTable(w *errWriter, t table) {
	w.str("<div class=\"table\"><table>\n<thead><tr>")
	for i, h := range t.head {
		w.str("<th" + numClass(t, i) + " scope=\"col\">" + esc(h) + "</th>")
	}
	w.str("</tr></thead>\n<tbody>\n")
	for _, row := range t.rows {
		w.str("<tr>")
		for i, c := range row {
			if t.rowHeads && i == 0 {
				w.str("<th scope=\"row\">" + escLines(c) + "</th>")
				continue
			}
			w.str("<td" + numClass(t, i) + ">" + escLines(c) + "</td>")
		}
		w.str("</tr>\n")
	}
	w.str("</tbody></table></div>\n")
}

func numClass(t table, i int) string {
	switch {
	case i < len(t.num) && t.num[i]:
		return " class=\"num\""
	case i < len(t.keep) && t.keep[i]:
		return " class=\"keep\""
	}
	return ""
}

func htmlSpans(ss []span) string {
	var b strings.Builder
	for _, s := range ss {
		t := esc(s.text)
		switch {
		case s.strong:
			b.WriteString("<strong>" + t + "</strong>")
		case s.emph:
			b.WriteString("<em>" + t + "</em>")
		default:
			b.WriteString(t)
		}
	}
	return b.String()
}

// esc escapes text for HTML content and quoted attributes.
func esc(s string) string { return html.EscapeString(s) }

// escLines escapes text and keeps its line breaks.
func escLines(s string) string {
	return strings.ReplaceAll(esc(s), "\n", "<br>")
}

// css styles the report on screen and on paper. Charts use shades of one blue with outlines,
// so they still read in black and white.
const css = `:root { color-scheme: light; --ink: #1b1f24; --muted: #5b6570; --line: #d5dbe1; --accent: #1f5fa8; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 62rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; overflow-wrap: break-word; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 1rem; }
h2 { font-size: 1.35rem; margin: 2.2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 2px solid var(--accent); }
p { margin: .5rem 0; }
.muted { color: var(--muted); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1.2rem; margin: 0 0 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
nav ul { columns: 2; margin: .3rem 0; padding: 0; list-style: none; }
nav h2 { border: 0; font-size: 1.05rem; margin: 1rem 0 0; }
a { color: var(--accent); }
.table { overflow-x: auto; margin: .6rem 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
td { overflow-wrap: anywhere; min-width: 7em; }
thead th { background: #eef2f6; }
tbody tr:nth-child(even) { background: #f8fafb; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; min-width: 0; }
td.num, td.keep { white-space: nowrap; }
td.keep { min-width: 0; }
figure { margin: .8rem 0 1.2rem; }
figure.chart figcaption, figure.answer figcaption { font-weight: 600; margin-bottom: .3rem; }
figure.chart svg { display: block; width: 100%; max-width: 50rem; height: auto; }
figure.matrix svg { max-width: 30rem; }
blockquote { margin: 0; padding: .4rem .8rem; border-left: 4px solid var(--line); background: #f8fafb; }
ol.legend { margin: .4rem 0 0; padding-left: 2rem; font-size: .9rem; }
svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
@media print {
  @page { margin: 14mm; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  nav { display: none; }
  h2 { break-after: avoid; }
  figure, tr, blockquote, dl.facts { break-inside: avoid; }
  .table { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
`
