package export

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// writeMarkdown writes the report as CommonMark. Every text from the cohort is escaped so
// that it reads as typed: no markup, link, raw HTML or heading can come from it. It has no
// tables: a table of more than a few columns is unreadable at 80 columns in a terminal, and
// a table cell cannot hold a list. Each table becomes a list of its rows instead, which a
// forge and a terminal renderer both show well.
func (r *Report) writeMarkdown(w io.Writer, o Options) error {
	ew := &errWriter{w: w}
	first := true
	x := o.locale(r)
	for _, b := range r.document(x) {
		if !mdShows(b) {
			continue
		}
		if !first {
			ew.str("\n")
		}
		first = false
		mdBlock(x, ew, b)
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

func mdBlock(x locale, w *errWriter, b block) {
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
		if len(b.md) > 0 {
			for i, m := range b.md {
				if i > 0 {
					w.str("\n")
				}
				mdBlock(x, w, m)
			}
			return
		}
		mdRows(x, w, b)
	case barChart:
		w.str("**" + mdText(b.title) + "**\n\n")
		for i, br := range b.bars {
			label := br.label
			if b.rank {
				label = strconv.Itoa(rankAt(b.bars, i)) + ". " + label
			}
			w.str("- " + mdLineStart(mdText(label)) + ": " + mdText(br.text) + " " + mdText(strings.ToLower(b.head[1])) + "\n")
		}
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

// mdRows writes a table as a list with one entry per row: its first cell in bold, then the
// other cells as "column: value", on the same line when they are short, or one per line
// under it when a cell is long or has lines of its own, which it keeps.
func mdRows(x locale, w *errWriter, t table) {
	for _, row := range t.rows {
		first, rest := "", row
		if len(row) > 0 {
			first, rest = row[0], row[1:]
		}
		head := func(i int) string {
			if i+1 < len(t.head) {
				return t.head[i+1]
			}
			return ""
		}
		nested := false
		for _, c := range rest {
			if strings.Contains(strings.TrimRight(c, "\n"), "\n") || len([]rune(c)) > 60 {
				nested = true
			}
		}
		item := "- "
		if first != "" {
			item += "**" + mdLineStart(mdText(first)) + "**"
		} else if len(t.head) > 0 && t.head[0] != "" {
			item += "*(" + mdText(x.T("no %s", strings.ToLower(t.head[0]))) + ")*"
		}
		if !nested {
			var parts []string
			for i, c := range rest {
				if c == "" {
					continue
				}
				parts = append(parts, mdField(head(i), c))
			}
			if len(parts) > 0 {
				item += ": " + strings.Join(parts, "; ")
			}
			w.str(item + "\n")
			continue
		}
		w.str(item + "\n")
		for i, c := range rest {
			if c == "" {
				continue
			}
			w.str("  - " + mdIndented(mdField(head(i), c), "    ") + "\n")
		}
	}
}

// mdField is "column: value", the value's own lines kept.
func mdField(head, value string) string {
	lines := strings.Split(strings.TrimRight(value, "\n"), "\n")
	for i, l := range lines {
		lines[i] = mdText(l)
		if i > 0 {
			lines[i] = mdLineStart(lines[i]) // a line of its own must not start a block
		}
	}
	v := strings.Join(lines, "\\\n")
	if head == "" {
		return mdLineStart(v)
	}
	return mdText(head) + ": " + v
}

// mdIndented indents the lines after the first by indent, so that they stay in their list
// item.
func mdIndented(s, indent string) string {
	return strings.ReplaceAll(s, "\n", "\n"+indent)
}

// mdMatrix writes a 2×2 as a list of its quadrants, high y first, each with its items on
// lines of their own and their numbers.
func mdMatrix(w *errWriter, m matrixChart) {
	w.str("**" + mdText(m.title) + "**\n\n")
	w.str("*" + mdText(m.x.Label+": "+m.x.Low+" → "+m.x.High+"; "+m.y.Label+": "+m.y.Low+" → "+m.y.High) + "*\n\n")
	cells := [4][]string{}
	for _, p := range m.points {
		if p.quadrant >= 0 && p.quadrant < 4 {
			cells[p.quadrant] = append(cells[p.quadrant], fmt.Sprintf("%d. %s (%s)", p.n, p.text, p.placed))
		}
	}
	corner := [4]string{m.y.High + ", " + m.x.Low, m.y.High + ", " + m.x.High, m.y.Low + ", " + m.x.Low, m.y.Low + ", " + m.x.High}
	for q := range 4 {
		name := ""
		if q < len(m.quadrants) {
			name = m.quadrants[q]
		}
		w.str("- **" + mdLineStart(mdText(name)) + "**")
		if name != strings.ReplaceAll(corner[q], ", ", " · ") {
			w.str(" *(" + mdText(corner[q]) + ")*") // where a named quadrant is
		}
		if len(cells[q]) == 0 {
			w.str(": " + mdText(m.nothing) + "\n")
			continue
		}
		w.str("\n")
		for _, c := range cells[q] {
			w.str("  - " + mdLineStart(mdText(c)) + "\n")
		}
	}
}

// placed says how often an item was placed and where, e.g. "x 3.5, y 7; 4 placements".
func (x locale) placed(p matrixPoint) string {
	if p.placements > 1 {
		return x.T("x %s, y %s; %d placements", x.float(p.x), x.float(p.y), p.placements)
	}
	return x.T("x %s, y %s", x.float(p.x), x.float(p.y))
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
// backslash (an @ too, so an email address stays text and no mail link).
var mdEscaper = strings.NewReplacer(
	"&", "&amp;", "<", "&lt;", ">", "&gt;",
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "|", `\|`, "~", `\~`, "@", `\@`,
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
