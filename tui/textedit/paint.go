package textedit

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// paint applies a style to short strings. A style that only sets colours and attributes
// wraps what it renders in the same two sequences whatever the text, so those are found once
// and put around each string; any other style is rendered each time.
type paint struct {
	st       lipgloss.Style
	pre, suf string
	wraps    bool
}

// plain leaves strings as they are.
var plain = paint{wraps: true}

func newPaint(st lipgloss.Style) paint {
	p := paint{st: st}
	a, b := st.Render("a"), st.Render(" b c")
	if i := strings.Index(a, "a"); i >= 0 && strings.Count(a, "a") == 1 {
		p.pre, p.suf = a[:i], a[i+1:]
		p.wraps = b == p.pre+" b c"+p.suf
	}
	return p
}

// on is s in the paint's style.
func (p paint) on(s string) string {
	if !p.wraps {
		return p.st.Render(s)
	}
	return p.pre + s + p.suf
}

// write writes s in the paint's style to b without making another string.
func (p paint) write(b *strings.Builder, s string) {
	if !p.wraps {
		b.WriteString(p.st.Render(s))
		return
	}
	b.WriteString(p.pre)
	b.WriteString(s)
	b.WriteString(p.suf)
}
