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
//
// Each section (the summary, the participants, each step, the timeline) is a <section>, and
// a heading is kept with the lines that introduce what follows it, so that on paper no
// heading or "Team 1:" is left at the foot of a page without what it introduces.
func (r *Report) writeHTML(w io.Writer, o Options) error {
	ew := &errWriter{w: w}
	x := o.locale(r)
	doc := r.document(x)
	ew.str("<!DOCTYPE html>\n<html lang=\"" + esc(string(x.Lang())) + "\">\n<head>\n<meta charset=\"utf-8\">\n")
	ew.str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	ew.str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
	gen := "workshop"
	if v := r.Generator.Version; v != nil {
		gen += " " + *v
	}
	ew.str("<meta name=\"generator\" content=\"" + esc(gen) + "\">\n")
	ew.str("<title>" + esc(r.title(x)) + "</title>\n<style>\n" + css + "</style>\n</head>\n<body>\n<main>\n")
	section, keep := false, false
	for i, b := range doc {
		h, isHeading := b.(heading)
		p, isPara := b.(para)
		if keep && !isPara {
			ew.str("</div>\n")
			keep = false
		}
		if isHeading && h.level == 2 {
			if section {
				ew.str("</section>\n")
			}
			ew.str("<section aria-labelledby=\"" + esc(h.id) + "\">\n<div class=\"keep\">\n")
			section, keep = true, true
		}
		if isPara && !keep && leads(p) {
			ew.str("<div class=\"keep\">\n") // "Team 1:" stays with its list or table
			keep = true
		}
		htmlBlock(ew, b)
		if keep && isPara && leads(p) {
			ew.str("</div>\n")
			keep = false
		}
		if i == 1 {
			htmlContents(x, ew, doc) // after the title and the cohort's details
		}
	}
	if keep {
		ew.str("</div>\n")
	}
	if section {
		ew.str("</section>\n")
	}
	ew.str("</main>\n</body>\n</html>\n")
	return ew.err
}

// leads says whether a paragraph introduces the block after it, as "Team 1:" does.
func leads(p para) bool {
	return len(p) > 0 && strings.HasSuffix(p[len(p)-1].text, ":")
}

// htmlContents lists the report's sections with links to them.
func htmlContents(x locale, w *errWriter, doc []block) {
	contents := esc(x.T("Contents"))
	w.str("<nav aria-label=\"" + contents + "\"><h2>" + contents + "</h2>\n<ul>\n")
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
		w.str("<figure class=\"chart\"><figcaption>" + esc(b.title) + "</figcaption>\n" + barHTML(b) + "</figure>\n")
	case stackChart:
		w.str("<figure class=\"chart\"><figcaption>" + esc(b.title) + "</figcaption>\n" + stackHTML(b) + "</figure>\n")
	case matrixChart:
		w.str("<figure class=\"chart matrix\"><figcaption>" + esc(b.title) + "</figcaption>\n" + matrixSVG(b))
		w.str("<ol class=\"legend\">\n")
		for _, p := range b.points {
			q := ""
			if p.quadrant >= 0 && p.quadrant < len(b.quadrants) {
				q = b.quadrants[p.quadrant]
			}
			w.str("<li value=\"" + strconv.Itoa(p.n) + "\">" + esc(p.text) + " <span class=\"muted\">— " + esc(q) + " (" + esc(p.placed) + ")</span></li>\n")
		}
		w.str("</ol></figure>\n")
	}
}

// htmlTable writes a table. Each cell carries its column's name, so that on a narrow screen,
// where the style sheet stacks each row's cells, every value still says what it is.
func htmlTable(w *errWriter, t table) {
	wide := ""
	if len(t.head) > 6 {
		wide = " wide"
	}
	w.str("<div class=\"table" + wide + "\"><table>\n<thead><tr>")
	for i, h := range t.head {
		w.str("<th" + numClass(t, i) + " scope=\"col\">" + esc(h) + "</th>")
	}
	w.str("</tr></thead>\n<tbody>\n")
	for _, row := range t.rows {
		w.str("<tr>")
		for i, c := range row {
			label := ""
			if i < len(t.head) && t.head[i] != "" {
				label = " data-label=\"" + esc(t.head[i]) + "\""
			}
			if t.rowHeads && i == 0 {
				w.str("<th scope=\"row\">" + escLines(c) + "</th>")
				continue
			}
			w.str("<td" + numClass(t, i) + label + ">" + escLines(c) + "</td>")
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

// css styles the report on screen, on a phone and on paper. Charts use shades of one blue with
// their numbers written out, so they still read in black and white. Words are never broken
// inside: a column is at least as wide as its longest word, and only a word longer than a
// whole line (a link, a code) is broken. Below 40rem, tables show each row as a card of
// "column: value" lines and bar labels go above their bars, so nothing is cut or shrunk.
const css = `:root { color-scheme: light; --ink: #1b1f24; --muted: #5b6570; --line: #d5dbe1; --accent: #1f5fa8; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 62rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; overflow-wrap: break-word; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 1rem; }
h2 { font-size: 1.35rem; line-height: 1.25; margin: 2.2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 2px solid var(--accent); }
p { margin: .5rem 0; }
.muted { color: var(--muted); }
dl.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .2rem 1.2rem; margin: 0 0 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
nav ul { columns: 2; margin: .3rem 0; padding: 0; list-style: none; }
nav h2 { border: 0; font-size: 1.05rem; margin: 1rem 0 0; }
a { color: var(--accent); }
.table { overflow-x: auto; margin: .6rem 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: break-word; hyphens: manual; }
thead th { background: #eef2f6; }
tbody tr:nth-child(even) { background: #f8fafb; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num, td.keep { white-space: nowrap; }
figure { margin: .8rem 0 1.2rem; }
figure.chart figcaption, figure.answer figcaption { font-weight: 600; margin-bottom: .3rem; }
ul.bars, ol.bars, ul.key { list-style: none; margin: 0; padding: 0; }
.bars li { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: .1rem .8rem; align-items: center; padding: .15rem 0; }
.bars .label { overflow-wrap: break-word; }
.bars .rank { font-variant-numeric: tabular-nums; color: var(--muted); }
.track { display: flex; align-items: center; gap: .4rem; min-width: 0; }
.bars .bar { display: block; height: .95rem; min-width: 2px; max-width: 80%; background: var(--accent); border-radius: 2px; }
.bars .value { white-space: nowrap; font-variant-numeric: tabular-nums; font-size: .9rem; }
.stack .track { gap: 0; border: 1px solid var(--line); }
.stack .part { display: block; height: 1.35rem; line-height: 1.35rem; overflow: hidden; white-space: nowrap; text-align: center; font-size: .8rem; font-variant-numeric: tabular-nums; border-right: 1px solid #fff; }
.stack .none { color: var(--muted); font-size: .85rem; padding: 0 .4rem; }
ul.key { display: flex; flex-wrap: wrap; gap: .2rem 1.2rem; margin-bottom: .4rem; font-size: .9rem; }
ul.key .swatch { display: inline-block; width: .9rem; height: .9rem; margin-right: .35rem; vertical-align: -.1rem; border: 1px solid var(--muted); }
figure.matrix { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: flex-start; }
figure.matrix figcaption { flex: 1 0 100%; }
figure.matrix svg { display: block; width: 100%; max-width: 26rem; min-width: 18rem; height: auto; flex: 1 1 18rem; }
figure.matrix ol.legend { flex: 1 1 16rem; }
blockquote { margin: 0; padding: .4rem .8rem; border-left: 4px solid var(--line); background: #f8fafb; }
ol.legend { margin: .4rem 0 0; padding-left: 2rem; font-size: .9rem; }
svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
@media (max-width: 40rem) {
  main { padding: 1rem .9rem 3rem; }
  h1 { font-size: 1.5rem; }
  nav ul { columns: 1; }
  dl.facts { grid-template-columns: minmax(0, 1fr); gap: 0; }
  dl.facts dd { margin-bottom: .3rem; }
  .bars li { grid-template-columns: minmax(0, 1fr); padding: .25rem 0; }
  .table { overflow: visible; }
  .table table, .table thead, .table tbody, .table tr, .table th, .table td { display: block; width: auto; }
  .table thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .table tr { border: 1px solid var(--line); margin: 0 0 .6rem; background: #fff; }
  .table tbody tr:nth-child(even) { background: #fff; }
  .table th, .table td { border: 0; border-top: 1px solid #eef2f6; text-align: left; white-space: normal; }
  .table th[scope=row] { background: #eef2f6; }
  .table td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
  .table td:empty { display: none; }
  figure.matrix svg { min-width: 0; }
}
@media print {
  @page { size: A4; margin: 14mm 13mm 15mm; }
  body { font-size: 9.5pt; line-height: 1.35; }
  main { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  nav { display: none; }
  h1 { font-size: 16pt; margin-bottom: .6rem; }
  h2 { font-size: 12.5pt; margin: 1.1rem 0 .3rem; }
  h1, h2, .keep, figcaption { break-after: avoid; }
  .keep, figure.matrix, tr, blockquote, dl.facts, .bars li, ol.legend li { break-inside: avoid; }
  p { margin: .3rem 0; orphans: 3; widows: 3; }
  figure { margin: .4rem 0 .7rem; }
  .table { overflow: visible; margin: .3rem 0 .6rem; }
  table { font-size: 8.5pt; }
  .table.wide table { font-size: 7.5pt; }
  th, td { padding: .15rem .3rem; }
  thead { display: table-header-group; }
  .bars li { padding: .05rem 0; }
  .bars .bar { height: .75rem; }
  .stack .part { height: 1.05rem; line-height: 1.05rem; }
  figure.matrix svg { max-width: 8.5cm; min-width: 0; }
  a { color: inherit; text-decoration: none; }
}
`
