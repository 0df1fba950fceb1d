package tui

import (
	"fmt"
	"strings"

	"workshop/i18n"
)

// topTitle is what the participant's top line names: the meeting being held ("Meeting 2 of 6
// — Explore the problem"), the homework between meetings, or else the module.
func (v *participantView) topTitle() string {
	n := v.snap.Meeting()
	switch {
	case n.Open:
		return v.T("Meeting %d of %d — %s", n.Number, n.Of, i18n.Verbatim(n.Title))
	case n.Between() && n.Number < n.Of:
		title := v.T("Homework before meeting %d of %d", n.Number+1, n.Of)
		if cellWidth(title) > v.width-cellWidth(v.T("● connected"))-2 {
			// Narrow: the shorter words keep the meeting's number whole beside the status.
			title = v.T("Homework for meeting %d of %d", n.Number+1, n.Of)
		}
		return title
	case n.Between():
		return v.T("After the last meeting — %s", i18n.Verbatim(v.module().Title))
	}
	return v.module().Title
}

// homework is, between meetings, the homework of the meeting that ended, rendered for the
// guidance pane with the steps the participant may open alone; empty otherwise.
func (v *participantView) homework() string {
	n := v.snap.Meeting()
	if !n.Between() || (n.Homework == "" && len(n.HomeworkSteps) == 0) {
		return ""
	}
	st := v.st
	lines := []string{st.Title.Render(truncate(v.T("Homework from meeting %d: %s", n.Number, i18n.Verbatim(n.Title)), v.width))}
	if n.Homework != "" {
		out, err := st.Cache.Guidance(n.Homework, v.width, st.Markdown)
		if err != nil {
			out = wrap(n.Homework, v.width)
		}
		lines = append(lines, strings.TrimRight(out, "\n"))
	}
	if len(n.HomeworkSteps) > 0 {
		var names []string
		for _, i := range n.HomeworkSteps {
			names = append(names, fmt.Sprintf("%d %s", i+1, v.module().Steps[i].Title))
		}
		lines = append(lines, st.Muted.Render(wrap(v.T("Work on these steps alone until the next meeting ([ and ] move): %s", i18n.Verbatim(strings.Join(names, " · "))), v.width)))
	}
	lines = append(lines, rule(st, v.width))
	return strings.Join(lines, "\n")
}

// aheadNotice says why the participant cannot go ahead alone.
func (v *participantView) aheadNotice() i18n.Msg {
	if n := v.snap.Meeting(); n.Between() && len(n.HomeworkSteps) > 0 {
		return i18n.M("Until the next meeting you may work on the homework steps only. Press g to return to yours.")
	}
	return i18n.M("The facilitator opens the next steps. Press g to return to the group's step.")
}

// skipToHomework turns a step ahead that the participant may not move to, between meetings,
// into the next homework step after the one on screen, so ] goes from one homework step to
// the next over the steps between them.
func (v *participantView) skipToHomework(to int) int {
	if to <= v.viewing || v.snap.MayMoveTo(to) {
		return to
	}
	for _, i := range v.snap.Meeting().HomeworkSteps {
		if i > v.viewing {
			return i
		}
	}
	return to
}
