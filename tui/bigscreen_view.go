package tui

import (
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"workshop/i18n"
	"workshop/session"
)

// View draws the code prompt, or the cohort's room filling the window.
func (b *bigScreen) View() string {
	if b.asking || !b.have {
		return b.gateView()
	}
	return renderBig(b.Printer, b.st, b.deps.Hint, b.shown, b.now(), b.err, b.width, b.height)
}

// gateView asks for the view code, or says that the cohort is opening or could not be.
func (b *bigScreen) gateView() string {
	st, w := b.st, b.width
	lines := []string{st.Title.Render(b.T("Big screen")), ""}
	switch {
	case b.asking:
		lines = append(lines, wrapLines(st.Muted, b.T("Type the cohort's view code to show its room here, read-only. A join code does not open it."), w)...)
		lines = append(lines, "", truncate(b.input.View(), w))
	case b.busy:
		lines = append(lines, st.Muted.Render(b.T("Opening the room…")))
	}
	if b.err != "" {
		lines = append(lines, "")
		lines = append(lines, wrapLines(st.Warn, b.err, w)...)
	}
	if !b.asking && b.err != "" {
		lines = append(lines, "", st.Muted.Render(b.T("q leaves")))
	}
	return fitBlock(lipgloss.Place(w, b.height, lipgloss.Center, lipgloss.Center, strings.Join(lines, "\n")), w, b.height)
}

// wrapLines wraps text to width and styles each line.
func wrapLines(style lipgloss.Style, text string, width int) []string {
	out := strings.Split(wrap(text, max(width, 1)), "\n")
	for i, l := range out {
		out[i] = style.Render(l)
	}
	return out
}

// clipLines keeps at most n lines, the last of them ending in "…" when more were left out.
func clipLines(lines []string, n, width int) []string {
	if n <= 0 {
		return nil
	}
	if len(lines) <= n {
		return lines
	}
	out := append([]string(nil), lines[:n]...)
	if last := truncate(out[n-1], max(width-1, 1)); strings.HasSuffix(ansi.Strip(last), "…") {
		out[n-1] = last
	} else {
		out[n-1] = last + "…"
	}
	return out
}

// renderBig draws a cohort's big screen in exactly width×height: how to join, the meeting, the
// step and its prompt, the countdown, the announcement, and below them what the facilitator
// shows everyone — the spotlight, a revealed vote, the cohort's matrix. The larger the window,
// the larger the join code and the countdown.
func renderBig(p *i18n.Printer, st *Styles, hint JoinHint, s session.BigScreen, now time.Time, note string, width, height int) string {
	w, h := width, height
	roomy := h >= 20
	var top []string
	gap := func() {
		if roomy {
			top = append(top, "")
		}
	}
	top = append(top, bigJoin(p, st, hint, s, w, h)...)
	gap()
	top = append(top, bigStep(p, st, s, now, w, roomy)...)
	if roomy {
		top = append(top, bigClock(p, st, s, now, w)...)
	}
	if s.Prompt != "" {
		gap()
		top = append(top, clipLines(wrapLines(st.Subtitle, session.CleanText(s.Prompt), w), max(1, h/8), w)...)
	}
	if s.Announcement != "" {
		gap()
		top = append(top, clipLines(wrapLines(st.Warn, p.T("Announcement: %s", i18n.Verbatim(s.Announcement)), w), 2, w)...)
	}
	if note != "" {
		top = append(top, truncate(st.Warn.Render(note), w))
	}
	var foot []string
	if h >= 16 {
		foot = []string{truncate(st.Muted.Render(p.T("Big screen of %s · read-only · q leaves", i18n.Verbatim(s.Name))), w)}
	}
	rest := h - len(top) - len(foot)
	if rest < 2 {
		// No room below the step: what is drawn is cut at the bottom, the footer first.
		return fitBlock(strings.Join(append(top, foot...), "\n"), w, h)
	}
	top = append(top, rule(st, w))
	body := fitBlock(strings.Join(bigBody(p, st, s, w, rest-1), "\n"), w, rest-1)
	return fitBlock(strings.Join(append(append(top, body), foot...), "\n"), w, h)
}

// bigJoin is how to join: the ssh line with the meeting beside it, and on a projector-sized
// window the join code in block letters above it.
func bigJoin(p *i18n.Printer, st *Styles, hint JoinHint, s session.BigScreen, w, h int) []string {
	join := st.Muted.Render(p.T("Join:")+" ") + st.Accent.Bold(true).Render(hint.Line(s.JoinCode))
	meet := meetingText(p, s.Meeting)
	var out []string
	if letters := bigCode(s.JoinCode, w); letters != nil && h >= 36 {
		out = append(out, center(st.Muted.Render(p.T("Join code")), w))
		for _, l := range letters {
			out = append(out, center(st.Accent.Bold(true).Render(l), w))
		}
		out = append(out, "", center(join, w))
		if meet != "" {
			out = append(out, center(st.Subtitle.Render(meet), w))
		}
		return out
	}
	if meet != "" && cellWidth(join)+2+cellWidth(meet) <= w {
		return []string{spread(join, st.Subtitle.Render(meet), w)}
	}
	out = append(out, truncate(join, w))
	if meet != "" {
		out = append(out, truncate(st.Subtitle.Render(meet), w))
	}
	return out
}

// meetingText says where the cohort stands in its meetings; "" for a module without any or
// before the first.
func meetingText(p *i18n.Printer, n session.MeetingNow) string {
	switch {
	case n.Of == 0 || n.Number == 0:
		return ""
	case n.Open:
		return p.T("Meeting %d of %d", n.Number, n.Of)
	}
	return p.T("After meeting %d of %d", n.Number, n.Of)
}

// bigStep is the step's place and title, with the countdown beside them when it is not drawn
// large below.
func bigStep(p *i18n.Printer, st *Styles, s session.BigScreen, now time.Time, w int, roomy bool) []string {
	where := st.Muted.Render(p.T("Step %d of %d", s.Step+1, s.Steps))
	if !roomy {
		if clock := clockText(p, st, s, now); clock != "" {
			where = spread(where, clock, w)
		}
	}
	lines := []string{truncate(where, w)}
	return append(lines, clipLines(wrapLines(st.Title, s.Title, w), 2, w)...)
}

// clockText is the countdown on one line: ⏱ while running, ⏸ while paused, "Time is up" at
// zero; "" without a timer.
func clockText(p *i18n.Printer, st *Styles, s session.BigScreen, now time.Time) string {
	if s.Timer == nil {
		return ""
	}
	left := s.Timer.Remaining(now)
	switch {
	case s.Timer.Paused:
		return st.Warn.Render(p.T("⏸ %s paused", session.ClockText(left)))
	case left <= 0:
		return st.Bad.Render(p.T("Time is up"))
	}
	return st.Accent.Bold(true).Render("⏱ " + session.ClockText(left))
}

// bigClock is the countdown in block digits, centred, with what state it is in below; the
// one-line form where the digits do not fit; nothing without a timer.
func bigClock(p *i18n.Printer, st *Styles, s session.BigScreen, now time.Time, w int) []string {
	if s.Timer == nil {
		return nil
	}
	left := s.Timer.Remaining(now)
	style, label := st.Accent.Bold(true), ""
	switch {
	case s.Timer.Paused:
		style, label = st.Warn, p.T("paused")
	case left <= 0:
		style, label = st.Bad, p.T("Time is up")
	}
	digits := bigText(session.ClockText(left), w)
	if digits == nil {
		return []string{center(clockText(p, st, s, now), w)}
	}
	var out []string
	for _, l := range digits {
		out = append(out, center(style.Render(l), w))
	}
	if label != "" {
		out = append(out, center(style.Render(label), w))
	}
	return out
}

// center places a line in the middle of width cells.
func center(s string, width int) string {
	if n := cellWidth(s); n < width {
		return strings.Repeat(" ", (width-n)/2) + s
	}
	return truncate(s, width)
}

// bigText writes text in 5-row block letters one column apart, or nil if it does not fit in
// width or has a character without a block letter.
func bigText(text string, width int) []string {
	rows := make([]string, 5)
	for i, r := range text {
		g, ok := bigGlyphs[r]
		if !ok {
			if g, ok = clockGlyphs[r]; !ok {
				return nil
			}
		}
		for row := range rows {
			if i > 0 {
				rows[row] += " "
			}
			rows[row] += strings.ReplaceAll(g[row], "#", "█")
		}
	}
	if cellWidth(rows[0]) > width {
		return nil
	}
	return rows
}

// clockGlyphs are what a countdown needs beyond the code alphabet's block letters.
var clockGlyphs = map[rune][5]string{
	'0': {" ### ", "#   #", "#   #", "#   #", " ### "},
	'1': {"  #  ", " ##  ", "  #  ", "  #  ", " ### "},
	':': {" ", "#", " ", "#", " "},
}
