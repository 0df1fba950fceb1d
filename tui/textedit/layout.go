package textedit

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// row is one wrapped row of text: text[start:end], never holding a newline.
type row struct {
	start, end int
	width      int  // cells, as drawn
	eol        bool // the last row of its line: the cursor may stand at end
	odd        bool // holds a cluster drawn otherwise than as it is (see cell)
}

// cluster is the length in bytes and the width in cells of the grapheme cluster s starts with
// (s is not empty). A combining mark stays with its base; an emoji with its modifiers is one
// cluster. Terminals count cells either per cluster or per code point (wcwidth), and the two
// differ for emoji with skin tones or joiners (a family is 2 cells one way, 8 the other): the
// width is the larger count, so that a row fits however the terminal counts. Text is mostly
// ASCII, so a printable ASCII byte followed by another is answered without segmenting.
func cluster(s string) (n, w int) {
	if len(s) == 1 || s[0] < utf8.RuneSelf && s[1] < utf8.RuneSelf {
		return 1, 1
	}
	c, w := ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth)
	if wc := ansi.StringWidthWc(c); wc > w {
		w = wc
	}
	return len(c), w
}

// cell is the width a cluster of width w takes in a row tw cells wide, and whether it is drawn
// otherwise than as it is: a cluster of no width (a lone mark, a zero-width space) is drawn after
// a space so that it can be seen and the cursor can stand on it; one wider than the row (a wide
// character in a one-cell row) is drawn as "…".
func cell(w, tw int) (int, bool) {
	if w == 0 || w > tw {
		return 1, true
	}
	return w, false
}

// isSpace says whether the cluster s starts with is white space: a place to break a row.
func isSpace(s string) bool {
	if s[0] < utf8.RuneSelf {
		return s[0] == ' '
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// lineEnd is the offset of the newline at or after p, or the end of the text.
func lineEnd(s string, p int) int {
	if i := strings.IndexByte(s[p:], '\n'); i >= 0 {
		return p + i
	}
	return len(s)
}

// lineStart is the offset of the first byte of the line holding p.
func lineStart(s string, p int) int { return strings.LastIndexByte(s[:p], '\n') + 1 }

// layout makes the rows match the text and the width.
func (m *Model) layout() {
	if !m.laidOut {
		m.rows = m.wrapLines(0, len(m.text), m.rows[:0])
		m.laidOut = true
	}
}

// wrapLines appends the rows of the lines in text[from:to], where from starts a line and to ends
// one.
func (m *Model) wrapLines(from, to int, out []row) []row {
	for {
		e := lineEnd(m.text[:to], from)
		out = m.wrapLine(from, e, out)
		if e >= to {
			return out
		}
		from = e + 1
	}
}

// wrapLine appends the rows of the line text[ls:le]. Words move whole to the next row when they
// do not fit with the space after them (or, at the end of the line, a cell for the cursor); a
// word too long for a row of its own is broken between clusters. Spaces stay at the end of the
// row they follow while they fit. No row is wider than tw, and the last row of the line leaves a
// cell for the cursor: when it is full, an empty row follows it.
func (m *Model) wrapLine(ls, le int, out []row) []row {
	tw := m.tw
	start, used, odd := ls, 0, false
	emit := func(end int, eol bool) {
		out = append(out, row{start: start, end: end, width: used, eol: eol, odd: odd})
		start, used, odd = end, 0, false
	}
	for i := ls; i < le; {
		// The word at i and its width.
		j, ww, wodd := i, 0, false
		for j < le {
			if c := m.text[j]; c < utf8.RuneSelf && (j+1 == le || m.text[j+1] < utf8.RuneSelf) {
				if c == ' ' { // the common case, without a call: a printable ASCII byte
					break
				}
				ww, j = ww+1, j+1
				continue
			}
			n, w := cluster(m.text[j:le])
			if isSpace(m.text[j : j+n]) {
				break
			}
			w, o := cell(w, tw)
			ww, wodd, j = ww+w, wodd || o, j+n
		}
		after := 1 // the space after the word, or the cursor's cell at the end of the line
		if j < le {
			_, w := cluster(m.text[j:le])
			after, _ = cell(w, tw)
		}
		if used > 0 && used+ww+after > tw {
			emit(i, false)
		}
		if used+ww+after <= tw {
			used, odd = used+ww, odd || wodd
		} else {
			for k := i; k < j; { // too long for a row: break it between clusters
				n, w := cluster(m.text[k:le])
				w, o := cell(w, tw)
				if used > 0 && used+w > tw {
					emit(k, false)
				}
				used, odd, k = used+w, odd || o, k+n
			}
		}
		// The spaces after the word.
		for i = j; i < le; {
			n, w := cluster(m.text[i:le])
			if !isSpace(m.text[i : i+n]) {
				break
			}
			w, o := cell(w, tw)
			if used > 0 && used+w > tw {
				emit(i, false)
			}
			used, odd, i = used+w, odd || o, i+n
		}
	}
	if used >= tw {
		emit(le, false)
	}
	emit(le, true)
	return out
}

// rewrap brings the rows up to date after text[a:b] of old was replaced by n bytes: only the
// rows of the lines the change touched are wrapped again, the rows after them move by the
// change in length.
func (m *Model) rewrap(old string, a, b, n int) {
	if !m.laidOut {
		return
	}
	ls, le := lineStart(old, a), lineEnd(old, b)
	d := n - (b - a)
	r0 := sort.Search(len(m.rows), func(i int) bool { return m.rows[i].start >= ls })
	r1 := sort.Search(len(m.rows), func(i int) bool { return m.rows[i].start > le })
	m.spare = m.wrapLines(ls, le+d, m.spare[:0])
	for i := r1; i < len(m.rows); i++ {
		m.rows[i].start += d
		m.rows[i].end += d
	}
	m.rows = slices.Replace(m.rows, r0, r1, m.spare...)
}

// rowOf is the index of the row the cursor stands on when it is at p.
func (m *Model) rowOf(p int) int {
	i := sort.Search(len(m.rows), func(i int) bool { return m.rows[i].start > p })
	return max(i-1, 0)
}

// col is the column of p within row r.
func (m *Model) col(r row, p int) int {
	c := 0
	for k := r.start; k < p; {
		n, w := cluster(m.text[k:r.end])
		w, _ = cell(w, m.tw)
		c, k = c+w, k+n
	}
	return c
}

// last is the offset where the cursor stands at the end of row r: its end when the row ends a
// line, else the start of its last cluster (the next row starts at its end).
func (m *Model) last(r row) int {
	if r.eol || r.start == r.end {
		return r.end
	}
	return m.before(r, r.end)
}

// before is the start of the last cluster of row r that starts before p (r.start < p ≤ r.end).
func (m *Model) before(r row, p int) int {
	prev := r.start
	for k := r.start; k < p; {
		n, _ := cluster(m.text[k:r.end])
		prev, k = k, k+n
	}
	return prev
}

// at is the offset in row r whose column is the nearest at or left of c.
func (m *Model) at(r row, c int) int {
	lim := m.last(r)
	x, k := 0, r.start
	for k < lim {
		n, w := cluster(m.text[k:r.end])
		w, _ = cell(w, m.tw)
		if x+w > c {
			break
		}
		x, k = x+w, k+n
	}
	return k
}

// prev is the cluster boundary before p (p > 0).
func (m *Model) prev(p int) int {
	ri := m.rowOf(p)
	r := m.rows[ri]
	if p > r.start {
		return m.before(r, p)
	}
	if ri > 0 && m.rows[ri-1].end == p { // the start of a wrapped row: the row above goes on here
		return m.before(m.rows[ri-1], p)
	}
	return p - 1 // the start of a line: the newline before it
}

// next is the cluster boundary after p (p < len(text)).
func (m *Model) next(p int) int {
	n, _ := cluster(m.text[p:])
	return p + n
}

// snap moves p forward to the end of the cluster it falls inside, if it is not on a boundary:
// an edit can join clusters (a letter typed before a combining mark takes the mark).
func (m *Model) snap(p int) int {
	r := m.rows[m.rowOf(p)]
	for k := r.start; k < r.end; {
		n, _ := cluster(m.text[k:r.end])
		if k+n > p {
			if k == p {
				return p
			}
			return k + n
		}
		k += n
	}
	return p
}
