package textedit

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// View is Height rows joined by newlines, each the prompt and one row of text, with the cursor
// drawn into the text while the editor is focused; rows below the text show the prompt alone.
// No row is wider than Width. The view is drawn again only when the text, the cursor, the size,
// the focus or the scrolling changed since the last call.
func (m *Model) View() string {
	if m.fresh {
		return m.view
	}
	m.layout()
	m.follow()
	var b strings.Builder
	b.Grow(m.height*(len(m.prompt)+m.tw+2) + 16)
	if m.text == "" && m.opt.Placeholder != "" {
		m.drawPlaceholder(&b)
	} else {
		m.drawText(&b)
	}
	m.view, m.fresh = b.String(), true
	return m.view
}

func (m *Model) drawText(b *strings.Builder) {
	cr := -1
	if m.focus {
		cr = m.rowOf(m.pos)
	}
	for i := range m.height {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(m.prompt)
		ri := m.top + i
		if ri >= len(m.rows) {
			continue
		}
		r := m.rows[ri]
		if ri != cr {
			m.drawSpan(b, r.start, r.end, r.odd)
			continue
		}
		m.drawSpan(b, r.start, m.pos, r.odd)
		if m.pos < r.end {
			n, w := cluster(m.text[m.pos:r.end])
			m.st.cursor.write(b, m.face(m.text[m.pos:m.pos+n], w))
			m.drawSpan(b, m.pos+n, r.end, r.odd)
		} else {
			m.st.cursor.write(b, " ")
		}
	}
}

// drawSpan writes text[from:to], part of one row; odd says whether some cluster in the row is
// drawn otherwise than as it is.
func (m *Model) drawSpan(b *strings.Builder, from, to int, odd bool) {
	if !odd {
		b.WriteString(m.text[from:to])
		return
	}
	for k := from; k < to; {
		n, w := cluster(m.text[k:to])
		b.WriteString(m.face(m.text[k:k+n], w))
		k += n
	}
}

// face is how a cluster of width w is drawn, taking the cells cell says it takes.
func (m *Model) face(c string, w int) string {
	switch {
	case w == 0:
		return " " + c
	case w > m.tw:
		return "…"
	}
	return c
}

func (m *Model) drawPlaceholder(b *strings.Builder) {
	if m.held == nil {
		// Wrapped by one count of cells then the other (which only breaks lines further), and
		// cut where a cluster is still too wide.
		m.held = strings.Split(ansi.Wrap(ansi.WrapWc(m.opt.Placeholder, m.tw, ""), m.tw, ""), "\n")
		for i, l := range m.held {
			m.held[i] = m.cut(l)
		}
	}
	for i := range m.height {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(m.prompt)
		if i >= len(m.held) {
			continue
		}
		l := m.held[i]
		if i > 0 || !m.focus {
			m.st.placeholder.write(b, l)
			continue
		}
		if l == "" {
			m.st.cursor.write(b, " ")
			continue
		}
		n, _ := cluster(l)
		m.st.cursor.write(b, l[:n])
		if n < len(l) {
			m.st.placeholder.write(b, l[n:])
		}
	}
}

// cut is the start of s that fits a row.
func (m *Model) cut(s string) string {
	used := 0
	for k := 0; k < len(s); {
		n, w := cluster(s[k:])
		if used+w > m.tw {
			return s[:k]
		}
		used, k = used+w, k+n
	}
	return s
}
