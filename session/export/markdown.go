package export

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// writeMarkdown writes the report as CommonMark with GitHub tables. Every text from the cohort
// is escaped so that it reads as typed: no markup, link, raw HTML or heading can come from it.
func (r *Report) writeMarkdown(w io.Writer, o Options) error {
	ew := &errWriter{w: w}
	first := true
	for _, b := range r.document(o) {
		if !mdShows(b) {
			continue
		}
		if !first {
			ew.str("\n")
		}
		first = false
		mdBlock(ew, b)
	}
	return ew.err
}

// mdShows says whether a block appears in Markdown: charts whose numbers are in a table
// beside them do not.
func mdShows(b block) bool {
	switch b := b.(type) {
	case stackChart:
		return false
	case barChart:
		return b.asTable
	}
	return true
}

func mdBlock(w *errWriter, b block) {
	switch b := b.(type) {
	case heading:
		w.str(strings.Repeat("#", b.level) + " " + mdText(b.text) + "\n")
	case para:
		w.str(mdSpans(b) + "\n")
	case facts:
		for _, f := range b {
			w.str("- **" + mdText(f[0]) + ":** " + mdText(f[1]) + "\n")
		}
	case bullets:
		for _, it := range b {
			w.str("- " + mdSpans(it) + "\n")
		}
	case quote:
		w.str(mdSpans(b.who) + "\n\n")
		lines := strings.Split(strings.TrimRight(b.text, "\n"), "\n")
		for i, l := range lines {
			if strings.TrimSpace(l) == "" {
				w.str(">\n")
				continue
			}
			brk := ""
			if i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != "" {
				brk = `\` // a hard line break, as the participant wrote it
			}
			w.str("> " + mdLineStart(mdText(l)) + brk + "\n")
		}
	case table:
		mdTable(w, b)
	case barChart:
		w.str("**" + mdText(b.title) + "**\n\n")
		t := table{head: []string{b.head[0], b.head[1]}, num: []bool{false, true}}
		if b.rank {
			t = table{head: []string{"Rank", b.head[0], b.head[1]}, num: []bool{true, false, true}}
		}
		for i, br := range b.bars {
			row := []string{br.label, br.text}
			if b.rank {
				row = append([]string{strconv.Itoa(rankAt(b.bars, i))}, row...)
			}
			t.rows = append(t.rows, row)
		}
		mdTable(w, t)
	case matrixChart:
		mdMatrix(w, b)
	}
}

// rankAt is the rank of bars[i] when equal values share a rank (1, 1, 3 ...).
func rankAt(bars []bar, i int) int {
	for i > 0 && bars[i-1].value == bars[i].value {
		i--
	}
	return i + 1
}

func mdTable(w *errWriter, t table) {
	w.str("|")
	for _, h := range t.head {
		w.str(" " + mdCell(h) + " |")
	}
	w.str("\n|")
	for i := range t.head {
		if i < len(t.num) && t.num[i] {
			w.str("--:|")
		} else {
			w.str("---|")
		}
	}
	w.str("\n")
	for _, row := range t.rows {
		w.str("|")
		for i, c := range row {
			c = mdCell(c)
			if t.rowHeads && i == 0 && c != "" {
				c = "**" + c + "**"
			}
			w.str(" " + c + " |")
		}
		w.str("\n")
	}
}

// mdMatrix writes a 2×2 as a table: high y on top, low x on the left, each cell naming its
// quadrant and the items in it with their numbers.
func mdMatrix(w *errWriter, m matrixChart) {
	w.str("**" + mdText(m.title) + "**\n\n")
	cells := [4][]string{}
	for _, p := range m.points {
		if p.quadrant >= 0 && p.quadrant < 4 {
			cells[p.quadrant] = append(cells[p.quadrant], fmt.Sprintf("%d. %s (%s)", p.n, p.text, placed(p)))
		}
	}
	cell := func(q int) string {
		lines := append([]string{"*" + mdText(m.quadrants[q]) + "*"}, mdLines(cells[q])...)
		return strings.Join(lines, "<br>")
	}
	w.str("| " + mdCell(m.y.Label+" ↑ / "+m.x.Label+" →") + " | " + mdCell(m.x.Low) + " | " + mdCell(m.x.High) + " |\n")
	w.str("|---|---|---|\n")
	w.str("| **" + mdCell(m.y.High) + "** | " + cell(0) + " | " + cell(1) + " |\n")
	w.str("| **" + mdCell(m.y.Low) + "** | " + cell(2) + " | " + cell(3) + " |\n")
}

func mdLines(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = mdCell(s)
	}
	return out
}

// placed says how often an item was placed and where, e.g. "x 3.5, y 7; 4 placements".
func placed(p matrixPoint) string {
	s := fmt.Sprintf("x %s, y %s", float(p.x), float(p.y))
	if p.placements > 1 {
		s += fmt.Sprintf("; %d placements", p.placements)
	}
	return s
}

func mdSpans(ss []span) string {
	var b strings.Builder
	for i, s := range ss {
		// Spaces stay outside emphasis marks, or the marks would not count.
		lead, core, trail := splitSpace(s.text)
		t := mdText(core)
		if i == 0 && lead == "" {
			t = mdLineStart(t)
		}
		switch {
		case core == "":
			b.WriteString(lead + trail)
		case s.strong:
			b.WriteString(lead + "**" + t + "**" + trail)
		case s.emph:
			b.WriteString(lead + "*" + t + "*" + trail)
		default:
			b.WriteString(lead + t + trail)
		}
	}
	return b.String()
}

// splitSpace splits off leading and trailing spaces.
func splitSpace(s string) (lead, core, trail string) {
	core = strings.TrimLeft(s, " ")
	lead = s[:len(s)-len(core)]
	t := strings.TrimRight(core, " ")
	return lead, t, core[len(t):]
}

// mdEscaper turns characters with a meaning in Markdown into text: HTML-significant ones into
// entities (so no tag or entity from a participant is ever live) and the rest behind a
// backslash.
var mdEscaper = strings.NewReplacer(
	"&", "&amp;", "<", "&lt;", ">", "&gt;",
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "|", `\|`, "~", `\~`,
)

// lineStart finds what would start a block at the beginning of a line: a heading, list item,
// thematic break, setext underline or ordered list number.
var lineStart = regexp.MustCompile(`^([#+=-]|[0-9]{1,9}[.)](\s|$))`)

// mdText escapes text for Markdown, on one line.
func mdText(s string) string {
	return mdEscaper.Replace(oneLine(s))
}

// mdLineStart escapes what would make escaped text at the start of a line a block marker:
// "\#", "\-", "1\.".
func mdLineStart(s string) string {
	m := lineStart.FindStringSubmatchIndex(s)
	if m == nil {
		return s
	}
	end := m[3] - 1 // the marker's last character
	if m[4] >= 0 {
		end = m[4] - 1
	}
	return s[:end] + `\` + s[end:]
}

// mdCell escapes text for a table cell; its line breaks become <br>.
func mdCell(s string) string {
	parts := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, p := range parts {
		parts[i] = mdText(p)
	}
	return strings.Join(parts, "<br>")
}

// errWriter keeps the first write error so rendering code can write without checking each call.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) str(s string) {
	if e.err == nil {
		_, e.err = io.WriteString(e.w, s)
	}
}
