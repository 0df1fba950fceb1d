package tui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"workshop/session"
)

// The person page: enter on a roster row opens everything stored about that participant
// (session.PersonPage, the same page `person CODE NAME` prints), with the keys to act on them.
// Esc goes back to the roster as it was left.

// personRefresh is the least time between two reads of an open page while the cohort
// changes: a page follows the person's work without reading the store on every keystroke.
const personRefresh = 2 * time.Second

// personState is the open page: whose, what was read, and how far it is scrolled.
type personState struct {
	pid      int64
	page     *session.PersonPage
	err      string
	top      int
	loading  bool
	stale    bool // the cohort changed since the page was read
	loadedAt time.Time
}

// personLoadedMsg carries a page read from the store.
type personLoadedMsg struct {
	pid  int64
	page session.PersonPage
	err  error
}

// openPerson opens the page of participant pid.
func (r *cohortRoom) openPerson(pid int64) tea.Cmd {
	r.person = &personState{pid: pid}
	r.status = ""
	return r.loadPerson()
}

// loadPerson reads the open page, off the program's loop.
func (r *cohortRoom) loadPerson() tea.Cmd {
	p := r.person
	if p == nil || r.hub == nil {
		return nil
	}
	p.loading, p.stale = true, false
	h, ctx, by, pid := r.hub, r.deps.Ctx, r.deps.Actor, p.pid
	return func() tea.Msg {
		pg, err := h.Person(ctx, by, pid)
		return personLoadedMsg{pid: pid, page: pg, err: err}
	}
}

func (r *cohortRoom) onPersonLoaded(msg personLoadedMsg) tea.Cmd {
	p := r.person
	if p == nil || p.pid != msg.pid {
		return nil
	}
	p.loading, p.loadedAt = false, r.now
	switch {
	case session.ErrorCode(msg.err) == session.ENotFound:
		r.person = nil // removed or merged away: back to the roster
		return nil
	case msg.err != nil:
		if cmd, ok := r.whenRevoked(msg.err); ok {
			return cmd
		}
		logFault(r.deps.logger(), "read person page", msg.err)
		p.err = r.Msg(session.ErrorMsg(msg.err))
		return nil
	}
	p.page, p.err = &msg.page, ""
	return nil
}

// personChanged notes that the cohort changed; personTick reads the page again when it is
// due.
func (r *cohortRoom) personChanged() {
	if r.person != nil {
		r.person.stale = true
	}
}

func (r *cohortRoom) personTick() tea.Cmd {
	p := r.person
	if p == nil || p.loading || !p.stale || r.now.Sub(p.loadedAt) < personRefresh {
		return nil
	}
	return r.loadPerson()
}

// personKey handles the page's keys; ok is false for the room's own (next step, timer...).
func (r *cohortRoom) personKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k, p := r.ck, r.person
	page := max(r.height-12, 5)
	switch {
	case key.Matches(msg, k.Back):
		r.person = nil
	case key.Matches(msg, k.Up):
		p.top--
	case key.Matches(msg, k.Down):
		p.top++
	case key.Matches(msg, k.PageUp):
		p.top -= page
	case key.Matches(msg, k.PageDown):
		p.top += page
	case key.Matches(msg, k.Home):
		p.top = 0
	case key.Matches(msg, k.End):
		p.top = 1 << 20
	case key.Matches(msg, k.Refresh):
		return r.loadPerson(), true
	case key.Matches(msg, k.Message):
		return r.ask(promptMessage, p.pid, ""), true
	case key.Matches(msg, k.RenamePerson):
		name := ""
		if m, ok := r.snap.Member(p.pid); ok {
			name = m.Name
		}
		return r.ask(promptRenamePerson, p.pid, name), true
	case key.Matches(msg, k.ShowCode):
		return r.showCode(p.pid), true
	case key.Matches(msg, k.NewCode):
		return r.askNewCode(p.pid), true
	case key.Matches(msg, k.Remove):
		return r.askRemove(p.pid), true
	case key.Matches(msg, k.ClearHand):
		if m, ok := r.snap.Member(p.pid); ok {
			return r.clearHand(m), true
		}
	default:
		return nil, false
	}
	return nil, true
}

// personName is how the page's person is named in messages.
func (r *cohortRoom) personName(pid int64) string {
	if m, ok := r.snap.Member(pid); ok {
		return m.Label()
	}
	return r.T("person|them")
}

// renamePerson renames a participant, as `person rename` does.
func (r *cohortRoom) renamePerson(pid int64, name string) tea.Cmd {
	if name == "" {
		return nil
	}
	old := r.personName(pid)
	h, ctx, by, pr := r.hub, r.deps.Ctx, r.deps.Actor, r.Printer
	return func() tea.Msg {
		p, err := h.RenameParticipant(ctx, by, pid, name)
		return roomActionMsg{done: pr.T("%s is now %s.", old, p.Label()), err: err}
	}
}

// showCode puts a participant's rejoin code on the status line, to read out to them.
func (r *cohortRoom) showCode(pid int64) tea.Cmd {
	name := r.personName(pid)
	h, ctx, by, pr := r.hub, r.deps.Ctx, r.deps.Actor, r.Printer
	return func() tea.Msg {
		code, err := h.RejoinCode(ctx, by, pid)
		switch {
		case err != nil:
			return roomActionMsg{err: err}
		case code == "":
			return roomActionMsg{err: session.Errorf(session.EConflict, "%s joined with an SSH key and comes back with it: they have no rejoin code", name)}
		}
		return roomActionMsg{done: pr.T("Rejoin code of %s: %s (C draws a new one)", name, code)}
	}
}

// askNewCode asks before drawing a new rejoin code: the old one stops working.
func (r *cohortRoom) askNewCode(pid int64) tea.Cmd {
	name := r.personName(pid)
	h, ctx, by, pr := r.hub, r.deps.Ctx, r.deps.Actor, r.Printer
	r.confirm = r.T("New rejoin code for %s? y draws it; the old one stops working.", name)
	r.confirmCmd = func() tea.Msg {
		code, err := h.ReissueRejoinCode(ctx, by, pid)
		return roomActionMsg{done: pr.T("New rejoin code of %s: %s", name, code), err: err}
	}
	return nil
}

// askRemove asks before removing a participant and all their work, as `person remove --yes`.
func (r *cohortRoom) askRemove(pid int64) tea.Cmd {
	name := r.personName(pid)
	r.confirm = r.T("Remove %s and all their work for good? y removes; export the cohort first to keep a record.", name)
	r.confirmCmd = r.act(r.T("%s and their work removed.", name), func(ctx context.Context, h *session.Hub, a session.Actor) error {
		return h.RemoveParticipant(ctx, a, pid)
	})
	return nil
}

// personView draws the open page in height lines: a title line that stays, and the page
// scrolled below it.
func (r *cohortRoom) personView(height int) string {
	st, p, w := r.st, r.person, r.width
	back := " · " + r.T("esc back")
	if w >= 60 {
		back = " · " + r.T("esc back to the roster · ? keys")
	}
	title := st.Subtitle.Render(r.personName(p.pid)) + st.Muted.Render(back)
	var lines []string
	switch {
	case p.err != "":
		lines = []string{st.Bad.Render(wrap(p.err, w))}
	case p.page == nil:
		lines = []string{st.Muted.Render(r.T("Reading their page…"))}
	default:
		lines = r.personLines(*p.page)
	}
	lines = strings.Split(strings.Join(lines, "\n"), "\n")
	listH := max(height-1, 1)
	top := max(min(p.top, len(lines)-listH), 0)
	if p.page != nil {
		p.top = top // keys pressed while the page is read still count once it is there
	}
	end := min(top+listH, len(lines))
	out := append([]string{truncate(title, w)}, lines[top:end]...)
	if len(lines) > listH {
		out[0] = truncate(title+st.Muted.Render(" · "+r.T("lines %d–%d of %d", top+1, end, len(lines))), w)
	}
	return strings.Join(out, "\n")
}

// personLines is the page, line by line, wrapped to the room's width.
func (r *cohortRoom) personLines(pg session.PersonPage) []string {
	st, w := r.st, r.width
	var out []string
	add := func(s string) { out = append(out, truncate(s, w)) }
	para := func(indent int, s string) {
		for _, l := range strings.Split(wrap(s, max(w-indent, 8)), "\n") {
			add(strings.Repeat(" ", indent) + l)
		}
	}
	for _, l := range r.personHead(pg) {
		para(0, l)
	}
	add(st.Accent.Render(r.T("Steps")))
	for _, s := range pg.Steps {
		add(fmt.Sprintf("%d %s · %s · %s", s.Number, s.Title, r.Msg(s.StatusMsg()), r.Msg(s.TimeText())))
		switch {
		case s.Anonymous:
			para(3, st.Muted.Render(r.T("anonymous: no item here is tied to a person")))
		case s.Work != "":
			if s.Board != "" {
				para(3, st.Muted.Render(r.T("on %s's board:", pg.Team)))
			}
			for _, l := range strings.Split(s.Work, "\n") {
				para(3, l)
			}
		}
	}
	if len(pg.Meetings) > 0 {
		add(st.Accent.Render(r.T("Meetings")))
		for _, m := range pg.Meetings {
			para(0, fmt.Sprintf("%d %s · %s", m.Number, m.Title, r.Msg(m.Summary())))
		}
	}
	add(st.Accent.Render(r.T("Hands raised (%d)", len(pg.Hands))))
	for _, hd := range pg.Hands {
		line := r.T("%s · still up (x clears)", r.DateTime(hd.RaisedAt))
		if !hd.LoweredAt.IsZero() {
			line = r.T("%s · lowered %s", r.DateTime(hd.RaisedAt), r.Clock(hd.LoweredAt))
		}
		add(line)
	}
	add(st.Accent.Render(r.T("Messages to them (%d) · w writes one", len(pg.Messages))))
	for _, m := range pg.Messages {
		state := st.Warn.Render(r.T("on their screen"))
		if !m.DismissedAt.IsZero() {
			state = st.Muted.Render(r.T("dismissed %s", r.Clock(m.DismissedAt)))
		}
		para(0, r.DateTime(m.At)+" "+m.By+": "+m.Text+" · "+state)
	}
	return out
}

// personHead is who the page is about: department, team and presence, then email, when they
// joined and how they come back.
func (r *cohortRoom) personHead(pg session.PersonPage) []string {
	st := r.st
	who := []string{}
	if pg.Department != "" {
		who = append(who, pg.Department)
	}
	if pg.Team != "" {
		who = append(who, r.teamWord(pg.Team))
	}
	presence := st.Muted.Render("○ " + r.T("online|offline"))
	if pg.Online {
		presence = st.Good.Render("● " + r.T("online|online"))
	}
	back := r.T("comes back with a rejoin code (c shows it)")
	if pg.Key {
		back = r.T("comes back with an SSH key")
	}
	joined := r.T("joined %s UTC", r.DateTime(pg.JoinedAt))
	return []string{strings.Join(append(who, ""), " · ") + presence, strings.Join(nonEmpty(pg.Email, joined, back), " · ")}
}

// teamWord names a team in a line: "team Blue", or "Team 1" as it is.
func (r *cohortRoom) teamWord(name string) string {
	if session.NamedTeam(name) {
		return name
	}
	return r.T("team %s", name)
}

func nonEmpty(parts ...string) []string {
	out := parts[:0:0]
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

func (r *cohortRoom) personHelp() []key.Binding {
	k := r.ck
	return []key.Binding{k.Message, k.RenamePerson, k.ShowCode, k.NewCode, k.Remove, k.ClearHand, k.Back}
}
