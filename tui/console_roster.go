package tui

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"workshop/session"
)

// rosterFilter narrows the roster to the people who need attention.
type rosterFilter int

const (
	showAll rosterFilter = iota
	showHands
	showNotSubmitted
	showOffline
	filterCount
)

// filterName says whom the roster shows, in the facilitator's language.
func (c *Common) filterName(f rosterFilter) string {
	switch f {
	case showHands:
		return c.T("raised hands")
	case showNotSubmitted:
		return c.T("not submitted")
	case showOffline:
		return c.T("filter|offline")
	}
	return c.T("everyone")
}

// rosterSort orders the roster.
type rosterSort int

const (
	sortJoined rosterSort = iota
	sortName
	sortStatus
	sortTeam
	sortCount
)

// sortName says how the roster is ordered, in the facilitator's language.
func (c *Common) sortName(s rosterSort) string {
	switch s {
	case sortName:
		return c.T("sorted|name")
	case sortStatus:
		return c.T("sorted|status")
	case sortTeam:
		return c.T("sorted|team")
	}
	return c.T("sorted|joined")
}

// rosterState is the roster's filter, order and selection. The selection follows a person, not
// a row, so it stays put while people join and the order changes.
type rosterState struct {
	sel    int64
	top    int
	filter rosterFilter
	sort   rosterSort
	query  string
}

// rosterRows is the roster as shown: filtered and sorted.
func (r *cohortRoom) rosterRows() []session.Member {
	s := r.snap
	q := strings.ToLower(r.roster.query)
	out := make([]session.Member, 0, len(s.Roster))
	for _, m := range s.Roster {
		switch r.roster.filter {
		case showHands:
			if m.Hand == nil {
				continue
			}
		case showNotSubmitted:
			if m.Status == session.StatusSubmitted {
				continue
			}
		case showOffline:
			if m.Online {
				continue
			}
		}
		if q != "" && !strings.Contains(strings.ToLower(m.Label()), q) && !strings.Contains(strings.ToLower(m.Name), q) && !strings.Contains(strings.ToLower(r.teamName(m.TeamID)), q) {
			continue
		}
		out = append(out, m)
	}
	switch r.roster.sort {
	case sortName:
		slices.SortStableFunc(out, func(a, b session.Member) int {
			return cmp.Compare(strings.ToLower(a.Label()), strings.ToLower(b.Label()))
		})
	case sortStatus:
		slices.SortStableFunc(out, func(a, b session.Member) int {
			return cmp.Or(cmp.Compare(statusRank(a), statusRank(b)), handTime(a).Compare(handTime(b)))
		})
	case sortTeam:
		order := map[int64]int{0: len(s.Teams)}
		for i, t := range s.Teams {
			order[t.ID] = i
		}
		slices.SortStableFunc(out, func(a, b session.Member) int { return cmp.Compare(order[a.TeamID], order[b.TeamID]) })
	}
	return out
}

// statusRank puts who needs the facilitator first: raised hands, then those who have not
// started, then drafts, then the done, then whoever is away.
func statusRank(m session.Member) int {
	switch {
	case m.Hand != nil:
		return 0
	case !m.Online:
		return 4
	case m.Status == "":
		return 1
	case m.Status == session.StatusDraft:
		return 2
	}
	return 3
}

func handTime(m session.Member) time.Time {
	if m.Hand == nil {
		return time.Time{}
	}
	return m.Hand.At
}

func (r *cohortRoom) teamName(id int64) string {
	if id == 0 {
		return ""
	}
	if t, ok := r.snap.Team(id); ok {
		return t.Name
	}
	return ""
}

// selIndex finds the selected person among rows, or the first row.
func selIndex(rows []session.Member, sel int64) int {
	for i, m := range rows {
		if m.ID == sel {
			return i
		}
	}
	return 0
}

func (r *cohortRoom) rosterKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := r.ck
	rows := r.rosterRows()
	i := selIndex(rows, r.roster.sel)
	page := max(r.height-12, 5)
	moveTo := func(j int) {
		if len(rows) > 0 {
			r.roster.sel = rows[min(max(j, 0), len(rows)-1)].ID
		}
	}
	switch {
	case key.Matches(msg, k.Up):
		moveTo(i - 1)
	case key.Matches(msg, k.Down):
		moveTo(i + 1)
	case key.Matches(msg, k.PageUp):
		moveTo(i - page)
	case key.Matches(msg, k.PageDown):
		moveTo(i + page)
	case key.Matches(msg, k.Home):
		moveTo(0)
	case key.Matches(msg, k.End):
		moveTo(len(rows) - 1)
	case key.Matches(msg, k.Filter):
		return r.ask(promptFilter, 0, r.roster.query), true
	case key.Matches(msg, k.FilterCycle):
		r.roster.filter = (r.roster.filter + 1) % filterCount
		r.roster.top = 0
	case key.Matches(msg, k.Sort):
		r.roster.sort = (r.roster.sort + 1) % sortCount
	case key.Matches(msg, k.ClearHand):
		if len(rows) == 0 {
			return nil, true
		}
		return r.clearHand(rows[i]), true
	case key.Matches(msg, k.Message):
		if len(rows) == 0 {
			return nil, true
		}
		return r.ask(promptMessage, rows[i].ID, ""), true
	case key.Matches(msg, k.OpenPerson):
		if len(rows) == 0 {
			return nil, true
		}
		return r.openPerson(rows[i].ID), true
	default:
		return nil, false
	}
	return nil, true
}

func (r *cohortRoom) clearHand(m session.Member) tea.Cmd {
	if m.Hand == nil {
		return r.fail(r.T("%s has no hand raised.", m.Label()))
	}
	pid, name := m.ID, m.Label()
	return r.act(r.T("%s's hand cleared.", name), func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.ClearHand(ctx, a, pid) })
}

// rosterView draws the roster in height lines: a column header, the people (scrolled so the
// selection shows) and a line saying what is shown.
func (r *cohortRoom) rosterView(height int) string {
	st, s := r.st, r.snap
	rows := r.rosterRows()
	if len(s.Roster) == 0 {
		return st.Muted.Render(wrap(r.T("Nobody has joined yet. Read out the join line above, or press c to show the code big."), r.width))
	}
	self := s.Cohort.Pace == session.PaceSelf
	wide := r.width >= 70
	listH := max(height-2, 1)
	i := selIndex(rows, r.roster.sel)
	if len(rows) > 0 {
		r.roster.sel = rows[i].ID
	}
	r.roster.top = min(max(r.roster.top, i-listH+1), i)
	r.roster.top = max(min(r.roster.top, len(rows)-listH), 0)

	online, offline := r.T("● online"), r.T("○ offline")
	presW, stepW, workW, teamW, nameW := r.rosterWidths(self, wide)
	col := func(s string, w int) string {
		if w == 0 {
			return ""
		}
		return padRight(truncate(s, w), w) + "  "
	}
	var b strings.Builder
	head := "  " + col(r.T("NAME"), nameW) + col("", presW)
	if self {
		head += col(r.T("STEP"), stepW)
	}
	head += col(ifWide(wide, r.T("THIS STEP"), "✓"), workW) + col(r.T("TEAM"), teamW) + r.T("HAND")
	b.WriteString(st.Muted.Render(truncate(head, r.width)) + "\n")
	for j := r.roster.top; j < len(rows) && j < r.roster.top+listH; j++ {
		m := rows[j]
		line := col(m.Label(), nameW)
		switch {
		case m.Online && wide:
			line += st.Good.Render(col(online, presW))
		case m.Online:
			line += st.Good.Render(col("●", presW))
		case wide:
			line += st.Muted.Render(col(offline, presW))
		default:
			line += st.Muted.Render(col("○", presW))
		}
		if self {
			n := s.StepOf(m.Participant) + 1
			line += col(ifWide(wide, r.T("step %d", n), strconv.Itoa(n)), stepW)
		}
		line += r.workCell(m, wide, workW)
		line += col(r.teamName(m.TeamID), teamW)
		if m.Hand != nil {
			line += st.Warn.Render("✋ " + r.since(r.now, m.Hand.At))
		}
		if j == i {
			b.WriteString(st.Selected.Render("›") + " " + line + "\n")
		} else {
			b.WriteString("  " + line + "\n")
		}
	}
	for j := len(rows); j < listH; j++ {
		if j == 0 {
			b.WriteString(st.Muted.Render("  "+r.T("Nobody matches. f changes what is shown, / finds by name.")) + "\n")
		} else {
			b.WriteString("\n")
		}
	}
	shown := r.T("%d of %d shown", len(rows), len(s.Roster))
	if len(rows) > listH {
		from, to := r.roster.top+1, min(r.roster.top+listH, len(rows))
		shown = r.T("%d–%d of %d shown", from, to, len(rows))
		if len(rows) != len(s.Roster) {
			shown = r.T("%d–%d of %d shown (%d in all)", from, to, len(rows), len(s.Roster))
		}
	}
	foot := r.T("%s · showing %s (f) · sorted by %s (s)", shown, r.filterName(r.roster.filter), r.sortName(r.roster.sort))
	if r.roster.query != "" {
		foot += " · " + r.T("find %q (/)", r.roster.query)
	}
	b.WriteString(st.Muted.Render(truncate(foot, r.width)))
	return b.String()
}

// workWords are the wide roster's words for where a person's work on their step is.
func (c *Common) workWords() (reading, submitted, draft, notStarted string) {
	return c.T("· reading"), c.T("✓ submitted"), c.T("… draft"), c.T("· not started")
}

// workWidth is the wide roster's work column: its longest word, and its heading.
func (r *cohortRoom) workWidth() int {
	a, b, c, d := r.workWords()
	w := cellWidth(r.T("THIS STEP"))
	for _, s := range []string{a, b, c, d} {
		w = max(w, cellWidth(s))
	}
	return min(w, 16)
}

// rosterWidths are the roster's columns: presence, step, work and team, and the name, which
// takes what the hand (the last column) leaves. Wide columns fit their words in the
// facilitator's language.
func (r *cohortRoom) rosterWidths(self, wide bool) (presW, stepW, workW, teamW, nameW int) {
	var handW int
	presW, workW, handW = min(max(cellWidth(r.T("● online")), cellWidth(r.T("○ offline"))), 14), r.workWidth(), 7
	if self {
		stepW = min(max(cellWidth(r.T("step %d", len(r.snap.Module.Steps))), cellWidth(r.T("STEP"))), 10)
	}
	if wide {
		teamW = min(14, max(r.width/8, 8))
	} else {
		presW, workW, handW = 1, 1, 5
		if self {
			stepW = 3
		}
	}
	// A hand raised this minute says so in a word, which may be longer than "4m".
	handW = min(max(handW, cellWidth("✋ "+r.since(r.now, r.now))), 9)
	gaps := 2 + 2*4 // the marker, and the gaps after name, presence, work and team
	if self {
		gaps += 2 // and after the step
	}
	nameW = max(r.width-presW-stepW-workW-teamW-handW-gaps, 6)
	return presW, stepW, workW, teamW, nameW
}

func (r *cohortRoom) workCell(m session.Member, wide bool, w int) string {
	st := r.st
	step := r.snap.Module.Steps[r.snap.StepOf(m.Participant)]
	reading, submitted, draft, notStarted := r.workWords()
	var text string
	var style = st.Muted
	switch {
	case step.Exercise == nil:
		text = ifWide(wide, reading, "·")
	case m.Status == session.StatusSubmitted:
		text, style = ifWide(wide, submitted, "✓"), st.Good
	case m.Status == session.StatusDraft:
		text, style = ifWide(wide, draft, "…"), st.Warn
	default:
		text = ifWide(wide, notStarted, "·")
	}
	return style.Render(padRight(truncate(text, w), w)) + "  "
}

func ifWide(wide bool, a, b string) string {
	if wide {
		return a
	}
	return b
}

// since says how long ago something happened, in a few cells: "now", "4m", "1h05".
func (c *Common) since(now, t time.Time) string { return session.SinceText(c.Printer, now, t) }

// hands lists the raised hands, longest waiting first.
func (r *cohortRoom) hands() []session.Member {
	var out []session.Member
	for _, m := range r.snap.Roster {
		if m.Hand != nil {
			out = append(out, m)
		}
	}
	slices.SortStableFunc(out, func(a, b session.Member) int { return a.Hand.At.Compare(b.Hand.At) })
	return out
}

func (r *cohortRoom) handsKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := r.ck
	hands := r.hands()
	r.handsSel = min(r.handsSel, max(len(hands)-1, 0))
	switch {
	case key.Matches(msg, k.Up):
		r.handsSel = max(r.handsSel-1, 0)
	case key.Matches(msg, k.Down):
		r.handsSel = min(r.handsSel+1, max(len(hands)-1, 0))
	case key.Matches(msg, k.ClearHand, k.Enter):
		if len(hands) == 0 {
			return nil, true
		}
		return r.clearHand(hands[r.handsSel]), true
	case key.Matches(msg, k.ClearAll):
		return r.act(r.T("Every hand cleared."), func(ctx context.Context, h *session.Hub, a session.Actor) error {
			_, err := h.ClearAllHands(ctx, a)
			return err
		}), true
	default:
		return nil, false
	}
	return nil, true
}

// handsView lists who asks for help, since when and with what message.
func (r *cohortRoom) handsView(height int) string {
	st := r.st
	hands := r.hands()
	if len(hands) == 0 {
		return st.Muted.Render(wrap(r.T("No hands raised. Participants press ctrl+r to ask for help; they show here with their message."), r.width))
	}
	r.handsSel = min(r.handsSel, len(hands)-1)
	var b strings.Builder
	b.WriteString(st.Muted.Render(truncate(r.T("%d waiting, longest first · x clears the selected one, X clears all", len(hands)), r.width)) + "\n")
	listH := max(height-1, 1)
	top := max(0, r.handsSel-listH+1)
	for j := top; j < len(hands) && j < top+listH; j++ {
		m := hands[j]
		who := m.Label()
		if t := r.teamName(m.TeamID); t != "" {
			who += " (" + t + ")"
		}
		line := st.Warn.Render("✋ "+padRight(r.since(r.now, m.Hand.At), 5)) + " " + who
		if !m.Online {
			line += st.Muted.Render(" · " + r.T("state|offline"))
		}
		if m.Hand.Text != "" {
			line += st.Muted.Render(" — ") + m.Hand.Text
		}
		if j == r.handsSel {
			b.WriteString(st.Selected.Render("›") + " " + truncate(line, r.width-2) + "\n")
		} else {
			b.WriteString("  " + truncate(line, r.width-2) + "\n")
		}
	}
	return b.String()
}

func (r *cohortRoom) tabShortHelp() []key.Binding {
	k := r.ck
	switch {
	case r.tab == tabRoster && r.person != nil:
		return r.personHelp()
	}
	switch r.tab {
	case tabRoster:
		return []key.Binding{k.OpenPerson, k.Filter, k.FilterCycle, k.Sort}
	case tabHands:
		return []key.Binding{k.ClearHand, k.ClearAll}
	case tabWall:
		return []key.Binding{k.Spotlight, k.Release}
	case tabTeams:
		return []key.Binding{k.Split, k.MoveTo, k.Rename}
	case tabSteps:
		return []key.Binding{k.JumpHere, k.LockHere}
	}
	return nil
}

func (r *cohortRoom) tabFullHelp() []key.Binding {
	k := r.ck
	nav := []key.Binding{k.Up, k.Down}
	if r.tab == tabRoster && r.person != nil {
		return append(append(nav, k.PageUp, k.PageDown, k.Home, k.End), r.personHelp()...)
	}
	switch r.tab {
	case tabRoster:
		return append(nav, k.PageUp, k.PageDown, k.Home, k.End, k.OpenPerson, k.Filter, k.FilterCycle, k.Sort, k.ClearHand, k.Message)
	case tabHands:
		return append(nav, k.ClearHand, k.ClearAll)
	case tabWall:
		return append(nav, k.Spotlight, k.Release, k.Drafts, k.WallPrev, k.ReportBack, k.VoteOpen, k.VoteReveal)
	case tabTeams:
		return append(nav, k.Split, k.MoveTo, k.TeamPrev, k.TeamNext, k.Rename)
	case tabSteps:
		return append(nav, k.JumpHere, k.LockHere)
	}
	return append(nav, k.PageUp, k.PageDown)
}
