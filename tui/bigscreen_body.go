package tui

import (
	"strings"

	"workshop/i18n"
	"workshop/session"
)

// bigBody is what the facilitator shows everyone, in at most rows lines of width cells: the
// spotlight, then a revealed vote's bars or the cohort's matrix, sharing the rows.
func bigBody(p *i18n.Printer, st *Styles, s session.BigScreen, w, rows int) []string {
	if rows <= 0 {
		return nil
	}
	results := s.Votes != nil || s.Matrix != nil
	var out []string
	if sp := s.Spotlight; sp != nil {
		share := rows
		if results {
			share = max(rows/2, 2)
		}
		out = append(out, spotlightLines(p, st, sp, w, share)...)
		if results && rows >= 8 && len(out) < rows {
			out = append(out, "")
		}
	}
	left := rows - len(out)
	switch {
	case s.Votes != nil:
		out = append(out, voteLines(p, st, s.Votes, w, left)...)
	case s.Matrix != nil:
		out = append(out, matrixLines(p, st, s.Matrix, w, left)...)
	case s.Spotlight == nil:
		out = append(out, wrapLines(st.Muted, p.T("What the facilitator shows everyone — a spotlit answer, a vote's result — appears here."), w)...)
	}
	if len(out) > rows {
		out = out[:rows]
	}
	return out
}

// spotlightLines is the spotlit answer, headed as the wall heads it, cut to rows lines.
func spotlightLines(p *i18n.Printer, st *Styles, sp *session.Spotlight, w, rows int) []string {
	lines := []string{truncate(st.Accent.Bold(true).Render(p.T("★ Spotlight: %s", i18n.Verbatim(sp.Title))), w)}
	for _, para := range strings.Split(session.CleanText(sp.Text), "\n") {
		lines = append(lines, wrapLines(st.App, para, w)...)
	}
	return clipLines(lines, rows, w)
}

// voteLines is a revealed vote as bars, most dots first, cut to rows lines.
func voteLines(p *i18n.Printer, st *Styles, votes []session.VoteBar, w, rows int) []string {
	if rows <= 0 {
		return nil
	}
	out := []string{st.Subtitle.Render(p.T("Vote results"))}
	if len(votes) == 0 {
		return append(out, st.Muted.Render(p.T("No items to vote on.")))
	}
	most, label, count := 1, 0, 1
	for _, v := range votes {
		most = max(most, v.Dots)
		label = max(label, cellWidth(v.Text))
		count = max(count, cellWidth(p.Int(v.Dots)))
	}
	label = min(label, max(w/2, 8))
	bar := max(w-label-count-2, 1)
	shown := votes
	if len(shown) > rows-1 {
		// The last row says how many more there are, unless it is the only row for bars.
		shown = shown[:max(rows-2, min(rows-1, 1))]
	}
	for _, v := range shown {
		n := v.Dots * bar / most
		if v.Dots > 0 {
			n = max(n, 1)
		}
		name := truncate(v.Text, label)
		line := name + strings.Repeat(" ", label-cellWidth(name)+1) + st.Accent.Render(strings.Repeat("█", n)) + " " + p.Int(v.Dots)
		out = append(out, truncate(line, w))
	}
	if len(shown) < len(votes) {
		out = append(out, st.Muted.Render(p.T("… and %d more", len(votes)-len(shown))))
	}
	return out
}

// matrixLines is the cohort's matrix as a 2×2 grid with its axes, each item in the quadrant
// most people put it in; a list by quadrant where the grid does not fit.
func matrixLines(p *i18n.Printer, st *Styles, m *session.MatrixView, w, rows int) []string {
	if rows <= 0 {
		return nil
	}
	x, y := m.XAxis, m.YAxis
	cell := func(q, width, n int) []string {
		lines := []string{truncate(st.Subtitle.Render(m.Quadrants[q]), width)}
		for _, it := range m.Cells[q] {
			lines = append(lines, truncate("• "+it.Text+" ("+p.Int(it.Count)+")", width))
		}
		return clipLines(lines, n, width)
	}
	if rows < 8 || w < 40 {
		var out []string
		for q := range m.Cells {
			texts := make([]string, 0, len(m.Cells[q]))
			for _, it := range m.Cells[q] {
				texts = append(texts, it.Text)
			}
			out = append(out, truncate(st.Subtitle.Render(m.Quadrants[q]+": ")+strings.Join(texts, ", "), w))
		}
		return clipLines(out, rows, w)
	}
	colW := (w - 3) / 2
	cellRows := (rows - 3) / 2
	out := []string{truncate(st.Muted.Render("↑ "+y.Label+": "+y.High), w)}
	for half := range 2 {
		l, r := cell(2*half, colW, cellRows), cell(2*half+1, colW, cellRows)
		for i := range cellRows {
			a, b := "", ""
			if i < len(l) {
				a = l[i]
			}
			if i < len(r) {
				b = r[i]
			}
			out = append(out, a+strings.Repeat(" ", max(colW-cellWidth(a), 0))+st.Muted.Render(" │ ")+b)
		}
		if half == 0 {
			out = append(out, st.Muted.Render(strings.Repeat("─", colW+1)+"┼"+strings.Repeat("─", colW+1)))
		}
	}
	return append(out, truncate(st.Muted.Render("↓ "+y.Low+" · "+x.Label+": "+x.Low+" → "+x.High), w))
}
