package textedit

import (
	"strings"
	"unicode/utf8"
)

// clean is what the editor takes of text typed, pasted or set: the Clean option's result, with
// invalid bytes and control characters dropped, carriage returns (alone or before a newline) and
// line or paragraph separators made newlines, and tabs made four spaces. Anything else would
// draw wider or narrower than it measures, or move the terminal's cursor.
func (m *Model) clean(s string) string {
	if m.opt.Clean != nil {
		s = m.opt.Clean(s)
	}
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\n' || c >= 0x7f {
			plain = false
			break
		}
	}
	if plain {
		return s // printable ASCII and newlines: nothing to do, nothing to copy
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
		case r == '\r':
			b.WriteByte('\n')
			if i+1 < len(s) && s[i+1] == '\n' {
				n++
			}
		case r == '\n', r == '\u2028', r == '\u2029':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteString("    ")
		case r < 0x20, r >= 0x7f && r < 0xa0:
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// fit cuts s to at most room characters when room > 0, at a cluster boundary (an emoji is
// not cut in half), and says whether all of s fitted.
func (m *Model) fit(s string, room int) (string, bool) {
	if room <= 0 || len(s) <= room || utf8.RuneCountInString(s) <= room {
		return s, true
	}
	k, count := 0, 0
	for k < len(s) {
		n, _ := cluster(s[k:])
		c := utf8.RuneCountInString(s[k : k+n])
		if count+c > room {
			break
		}
		k, count = k+n, count+c
	}
	return s[:k], false
}

// insert puts s (already clean) at the cursor, cut to the limit, and says whether all of it
// went in.
func (m *Model) insert(s string) bool {
	if s == "" {
		return true
	}
	fitted := true
	if m.opt.Limit > 0 {
		room := m.opt.Limit - m.runes
		if room <= 0 {
			return false
		}
		s, fitted = m.fit(s, room)
	}
	if s != "" {
		m.replace(m.pos, m.pos, s)
		m.moveTo(m.pos + len(s))
	}
	return fitted
}

// replace puts s in place of text[a:b] and brings the rows up to date. It leaves the cursor to
// the caller, which must then call moveTo.
func (m *Model) replace(a, b int, s string) {
	old := m.text
	m.text = old[:a] + s + old[b:]
	m.runes += utf8.RuneCountInString(s) - utf8.RuneCountInString(old[a:b])
	m.rewrap(old, a, b, len(s))
	m.fresh = false
}

// remove deletes text[a:b] and leaves the cursor at a.
func (m *Model) remove(a, b int) bool {
	if a >= b {
		return false
	}
	m.replace(a, b, "")
	m.moveTo(a)
	return true
}

// moveTo puts the cursor at p, on a cluster boundary, forgets the column vertical moves aim
// for, and scrolls to keep the cursor in view.
func (m *Model) moveTo(p int) {
	m.layout()
	if p = m.snap(min(max(p, 0), len(m.text))); p != m.pos {
		m.pos, m.fresh = p, false
	}
	m.goal = -1
	m.follow()
}

// follow scrolls so that the cursor's row is in view, and no further than the last row allows.
func (m *Model) follow() {
	cr := m.rowOf(m.pos)
	top := m.top
	if cr < top {
		top = cr
	}
	if cr >= top+m.height {
		top = cr - m.height + 1
	}
	top = min(top, max(len(m.rows)-m.height, 0))
	if top != m.top {
		m.top, m.fresh = top, false
	}
}

// wordLeft is where the word before p starts: spaces (and, unless within is set, newlines)
// skipped back, then the word; within stops at the start of p's line.
func (m *Model) wordLeft(p int, within bool) int {
	floor := 0
	if within {
		floor = lineStart(m.text, p)
	}
	for p > floor {
		q := m.prev(p)
		if !isSpace(m.text[q:]) && m.text[q] != '\n' {
			break
		}
		p = q
	}
	for p > floor {
		q := m.prev(p)
		if isSpace(m.text[q:]) || m.text[q] == '\n' {
			break
		}
		p = q
	}
	return p
}

// wordRight is where the word after p ends: spaces (and, unless within is set, newlines)
// skipped, then the word; within stops at the end of p's line.
func (m *Model) wordRight(p int, within bool) int {
	ceil := len(m.text)
	if within {
		ceil = lineEnd(m.text, p)
	}
	for p < ceil && (isSpace(m.text[p:]) || m.text[p] == '\n') {
		p = m.next(p)
	}
	for p < ceil && !isSpace(m.text[p:]) && m.text[p] != '\n' {
		p = m.next(p)
	}
	return p
}

// vertical moves the cursor to row target (clamped), aiming for the column the first of a run
// of vertical moves started from.
func (m *Model) vertical(target int) {
	m.layout()
	cr := m.rowOf(m.pos)
	if m.goal < 0 {
		m.goal = m.col(m.rows[cr], m.pos)
	}
	target = min(max(target, 0), len(m.rows)-1)
	if p := m.at(m.rows[target], m.goal); p != m.pos {
		m.pos, m.fresh = p, false
	}
	m.follow()
}
