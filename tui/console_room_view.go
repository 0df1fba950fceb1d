package tui

// How a cohort room is drawn: its header, summary, tabs and the prompt or outcome below.

import (
	"fmt"
	"strings"
	"time"

	"workshop/content"
	"workshop/session"
)

// View draws the header, the tab line, the current view and the bottom lines in exactly the
// room's size.
func (r *cohortRoom) View() string {
	if r.showCard {
		return renderJoinCard(r.Common, r.snap.Cohort, "", r.width, r.height)
	}
	head := r.header()
	bottom := r.bottom()
	bodyH := max(r.height-len(head)-1-len(bottom), 1)
	var body string
	switch r.tab {
	case tabRoster:
		body = r.rosterView(bodyH)
		if r.person != nil {
			body = r.personView(bodyH)
		}
	case tabHands:
		body = r.handsView(bodyH)
	case tabWall:
		body = r.wallView(bodyH)
	case tabTeams:
		body = r.teamsView(bodyH)
	case tabSteps:
		body = r.stepsView(bodyH)
	case tabLog:
		body = r.logView(bodyH)
	}
	out := append(head, r.tabLine())
	out = append(out, strings.Split(fitBlock(body, r.width, bodyH), "\n")...)
	out = append(out, bottom...)
	return fitBlock(strings.Join(out, "\n"), r.width, r.height)
}

// header is the always-visible top: cohort and code, how to join, the step and timer, the
// counts and state, and what participants see on top of the step.
func (r *cohortRoom) header() []string {
	st, s, w := r.st, r.snap, r.width
	c := s.Cohort
	full := r.height >= 18
	var out []string
	code := st.Accent.Bold(true).Render(r.T("Code %s", c.Code))
	if !c.ArchivedAt.IsZero() {
		code = st.Warn.Render(r.T("archived")+" ") + code
	}
	out = append(out, conSpread(st.Title.Render(c.Name), code, w))
	if full {
		out = append(out, truncate(st.Muted.Render(r.T("Join: %s", st.Accent.Render(r.deps.Hint.Line(c.Code))))+st.Muted.Render(" · "+r.T("c shows the code big")), w))
	}
	stepLine := r.T("Step %d of %d — %s", c.Step+1, len(s.Module.Steps), r.shown().Steps[c.Step].Title)
	out = append(out, conSpread(st.Subtitle.Render(stepLine), r.timerText(), w))
	out = append(out, conSpread(r.summary(), r.flags(), w))
	if a := c.Live.Announcement; a != nil {
		out = append(out, truncate(st.Warn.Render(r.T("Announcement: %s", a.Text))+st.Muted.Render(" · "+r.T("A dismisses")), w))
	}
	if sp := c.Live.Spotlight; sp != nil {
		out = append(out, truncate(st.Accent.Render(r.T("Spotlight: %s", r.spotTitle(sp.Title)))+st.Muted.Render(" · "+r.T("S releases")), w))
	}
	if line := r.meetingLine(); line != "" {
		out = append(out, line)
	}
	if line := r.bigScreenLine(); line != "" {
		out = append(out, line)
	}
	if notes := strings.TrimSpace(r.step().Notes); notes != "" && r.height >= 22 && r.tab != tabSteps {
		out = append(out, truncate(st.Muted.Render(r.T("Notes: %s", session.CleanLine(notes))), w))
	}
	if line := r.notesLine(); line != "" && r.height >= 16 {
		out = append(out, line)
	}
	return out
}

// timerText is the countdown as every screen shows it.
func (r *cohortRoom) timerText() string {
	t := r.snap.Cohort.Live.Timer
	if t == nil {
		return ""
	}
	left := t.Remaining(r.now)
	switch {
	case t.Paused:
		return r.st.Warn.Render("⏸ " + consoleClock(left))
	case left <= 0:
		return r.st.Bad.Render("⏱ 00:00 " + r.T("Time is up"))
	}
	return r.st.Accent.Bold(true).Render("⏱ " + consoleClock(left))
}

// consoleClock writes a remaining time as MM:SS, rounding up so 00:00 means time is up.
func consoleClock(d time.Duration) string { return session.ClockText(d) }

func (r *cohortRoom) summary() string {
	online, submitted, total := r.snap.Counts()
	hands := 0
	for _, m := range r.snap.Roster {
		if m.Hand != nil {
			hands++
		}
	}
	var text string
	if r.step().Exercise != nil || r.snap.Cohort.Pace == session.PaceSelf {
		text = r.T("%d of %d submitted · %d online", submitted, total, online)
	} else {
		text = r.T("%s · %d online", r.T("%d participants", total), online)
	}
	out := r.st.Muted.Render(text)
	if hands > 0 {
		out += r.st.Warn.Render(fmt.Sprintf(" · ✋ %d", hands))
	}
	return out
}

// flags says how the cohort runs now: pace, lock and vote state of the current step.
func (r *cohortRoom) flags() string {
	c := r.snap.Cohort
	var parts []string
	if c.Pace == session.PaceSelf {
		parts = append(parts, r.T("self-paced"))
	} else {
		parts = append(parts, r.T("led"))
	}
	step := r.step()
	if c.Live.IsLocked(step.ID) {
		parts = append(parts, r.T("Locked"))
	}
	if step.Exercise != nil && step.Exercise.Kind == content.KindVote {
		v := c.Live.Vote(step.ID)
		var state string
		switch {
		case v.Closed && v.Revealed:
			state = r.T("vote closed, results shown")
		case v.Closed:
			state = r.T("vote closed, results hidden")
		case v.Revealed:
			state = r.T("vote open, results shown")
		default:
			state = r.T("vote open, results hidden")
		}
		parts = append(parts, state)
	}
	return r.st.Muted.Render(strings.Join(parts, " · "))
}

// tabLine names the views, the current one highlighted; narrow windows show only the current.
func (r *cohortRoom) tabLine() string {
	st := r.st
	hands := 0
	for _, m := range r.snap.Roster {
		if m.Hand != nil {
			hands++
		}
	}
	label := func(t roomTab) string {
		l := fmt.Sprintf("%d %s", t+1, r.tabName(t))
		if t == tabHands && hands > 0 {
			l += fmt.Sprintf(" ✋%d", hands)
		}
		return l
	}
	var parts []string
	for t := range tabCount {
		// Brackets mark the current view even where no style shows (plain terminals).
		if t == r.tab {
			parts = append(parts, st.Selected.Render("["+label(t)+"]"))
		} else {
			parts = append(parts, st.Muted.Render(" "+label(t)+" "))
		}
	}
	line := strings.Join(parts, "")
	if cellWidth(line) <= r.width {
		return line
	}
	return truncate(st.Selected.Render("["+label(r.tab)+"]")+st.Muted.Render(" "+r.T("view %d of %d · tab for the next", r.tab+1, tabCount)), r.width)
}

// bottom is the prompt or question being asked, the last action's outcome, and the recent
// actions of every facilitator.
func (r *cohortRoom) bottom() []string {
	st := r.st
	var first string
	switch {
	case r.prompt != promptNone:
		first = r.input.View()
	case r.confirm != "":
		first = st.Warn.Render(r.confirm)
	case r.status != "" && r.statusBad:
		first = st.Bad.Render(r.status)
	case r.status != "":
		first = st.Good.Render(r.status)
	}
	recent := r.recentLine()
	if r.height < 16 {
		if first == "" {
			first = recent
		}
		return []string{truncate(first, r.width)}
	}
	if first == "" {
		return []string{rule(st, r.width), truncate(recent, r.width)}
	}
	return []string{truncate(first, r.width), truncate(recent, r.width)}
}
