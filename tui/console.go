package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"workshop/session"
)

// console is the facilitator's first screen: every cohort, to open one and run it.
type console struct {
	deps    *Deps
	st      *Styles
	keys    KeyMap
	width   int
	height  int
	cohorts []session.Cohort
	cursor  int
	err     string
	loaded  bool
}

type cohortsMsg struct {
	cohorts []session.Cohort
	err     error
}

func newConsole(deps *Deps, st *Styles, keys KeyMap) *console {
	return &console{deps: deps, st: st, keys: keys}
}

func (c *console) Init() tea.Cmd {
	deps := c.deps
	return func() tea.Msg {
		cs, err := deps.Manager.Cohorts(deps.Ctx)
		return cohortsMsg{cohorts: cs, err: err}
	}
}

func (c *console) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case cohortsMsg:
		c.loaded = true
		c.cohorts, c.err = msg.cohorts, ""
		if msg.err != nil {
			c.err = msg.err.Error()
		}
		c.cursor = min(c.cursor, max(len(c.cohorts)-1, 0))
	case openedMsg:
		if msg.err != nil {
			c.err = "Could not open the cohort: " + msg.err.Error()
			return c, nil
		}
		return c, switchTo(msg.to)
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, c.keys.Up):
			c.cursor = max(c.cursor-1, 0)
		case key.Matches(msg, c.keys.Down):
			c.cursor = min(c.cursor+1, max(len(c.cohorts)-1, 0))
		case msg.String() == "r":
			return c, c.Init()
		case key.Matches(msg, c.keys.Enter):
			if len(c.cohorts) == 0 {
				return c, nil
			}
			return c, openCohort(c.deps, c.st, c.keys, c.cohorts[c.cursor].ID)
		}
	}
	return c, nil
}

type openedMsg struct {
	to  screen
	err error
}

func openCohort(deps *Deps, st *Styles, keys KeyMap, id int64) tea.Cmd {
	return func() tea.Msg {
		h, err := deps.Manager.Hub(deps.Ctx, id)
		if err != nil {
			return openedMsg{err: err}
		}
		sub, err := h.Subscribe(deps.Ctx, 0)
		if err != nil {
			return openedMsg{err: err}
		}
		deps.Conn.Track(sub)
		return openedMsg{to: newCohortRoom(deps, st, keys, h, sub)}
	}
}

func (c *console) View() string {
	st := c.st
	var b strings.Builder
	b.WriteString(spread(st.Title.Render("workshop · facilitator console"), st.Muted.Render(c.deps.Facilitator.Name), c.width) + "\n")
	b.WriteString(rule(st, c.width) + "\n")
	switch {
	case c.err != "":
		b.WriteString(st.Bad.Render(wrap(c.err, c.width)) + "\n")
	case !c.loaded:
		b.WriteString(st.Muted.Render("Loading cohorts…") + "\n")
	case len(c.cohorts) == 0:
		b.WriteString(wrap("No cohorts yet. Create one from the server's shell:", c.width) + "\n\n")
		b.WriteString(st.Accent.Render("  workshop cohort create --module ID --name NAME") + "\n")
		b.WriteString(st.Muted.Render(wrap("or over SSH: ssh -p PORT HOST cohort create --module ID --name NAME, then press r.", c.width)) + "\n")
	default:
		b.WriteString(st.Muted.Render(fmt.Sprintf("  %-7s %-24s %-22s %s", "CODE", "COHORT", "MODULE", "STEP")) + "\n")
		listH := max(c.height-4, 1)
		start := max(0, c.cursor-listH+1)
		for i := start; i < len(c.cohorts) && i < start+listH; i++ {
			co := c.cohorts[i]
			line := fmt.Sprintf("%-7s %-24s %-22s %d", co.Code, truncate(co.Name, 24), truncate(co.ModuleID, 22), co.Step+1)
			if i == c.cursor {
				b.WriteString(st.Selected.Render("› "+line) + "\n")
			} else {
				b.WriteString("  " + line + "\n")
			}
		}
	}
	return b.String()
}

func (c *console) Resize(w, h int) screen { c.width, c.height = w, h; return c }
func (c *console) Typing() bool           { return false }
func (c *console) ShortHelp() []key.Binding {
	return []key.Binding{c.keys.Up, c.keys.Down, key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")), key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "refresh"))}
}
func (c *console) FullHelp() [][]key.Binding { return [][]key.Binding{c.ShortHelp()} }

// cohortRoom is the live view of one cohort for a facilitator: the roster and step control.
type cohortRoom struct {
	deps   *Deps
	st     *Styles
	keys   KeyMap
	hub    *session.Hub
	sub    *session.Subscription
	snap   *session.Snapshot
	width  int
	height int
	scroll int
	err    string
}

func newCohortRoom(deps *Deps, st *Styles, keys KeyMap, h *session.Hub, sub *session.Subscription) *cohortRoom {
	r := &cohortRoom{deps: deps, st: st, keys: keys, hub: h, sub: sub, snap: sub.Snapshot()}
	if r.snap == nil {
		r.snap = h.Snapshot()
	}
	return r
}

func (r *cohortRoom) Init() tea.Cmd { return waitState(r.deps, r.sub) }

type actionDoneMsg struct{ err error }

func (r *cohortRoom) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case stateMsg:
		if msg.snap != nil {
			r.snap = msg.snap
		}
		return r, waitState(r.deps, r.sub)
	case actionDoneMsg:
		r.err = ""
		if msg.err != nil {
			r.err = msg.err.Error()
		}
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, r.keys.Next):
			return r, r.move(+1)
		case key.Matches(msg, r.keys.Prev):
			return r, r.move(-1)
		case key.Matches(msg, r.keys.Up):
			r.scroll = max(r.scroll-1, 0)
		case key.Matches(msg, r.keys.Down):
			r.scroll = min(r.scroll+1, max(len(r.snap.Roster)-1, 0))
		case key.Matches(msg, r.keys.Back):
			r.sub.Close()
			return r, switchTo(newConsole(r.deps, r.st, r.keys))
		}
	}
	return r, nil
}

func (r *cohortRoom) move(delta int) tea.Cmd {
	h, deps, actor := r.hub, r.deps, r.deps.Facilitator.Name
	return func() tea.Msg { return actionDoneMsg{h.MoveBy(deps.Ctx, actor, delta)} }
}

func (r *cohortRoom) View() string {
	st, s := r.st, r.snap
	c, mod := s.Cohort, s.Module
	var b strings.Builder
	b.WriteString(spread(st.Title.Render(truncate(c.Name, max(r.width-14, 10))), st.Accent.Bold(true).Render("Code "+c.Code), r.width) + "\n")
	b.WriteString(st.Muted.Render(truncate(mod.Title+" · join with: "+r.deps.Hint.Line(c.Code), r.width)) + "\n")
	step := mod.Steps[c.Step]
	b.WriteString(st.Subtitle.Render(truncate(fmt.Sprintf("Step %d of %d — %s", c.Step+1, len(mod.Steps), step.Title), r.width)) + "\n")
	online, submitted, total := s.Counts()
	summary := fmt.Sprintf("%d participants · %d online · %d of %d submitted", total, online, submitted, total)
	if step.Exercise == nil {
		summary = fmt.Sprintf("%d participants · %d online · no exercise on this step", total, online)
	}
	b.WriteString(st.Muted.Render(truncate(summary, r.width)) + "\n")
	if r.err != "" {
		b.WriteString(st.Bad.Render(truncate(r.err, r.width)) + "\n")
	} else {
		b.WriteString(rule(st, r.width) + "\n")
	}
	nameW := min(max(r.width-28, 10), session.MaxNameLen)
	b.WriteString(st.Muted.Render(fmt.Sprintf("%-*s  %-9s  %s", nameW, "NAME", "", "THIS STEP")) + "\n")
	listH := max(r.height-7, 1)
	if len(s.Roster) == 0 {
		b.WriteString(st.Muted.Render(wrap("Nobody has joined yet. Read out the join line above.", r.width)) + "\n")
	}
	start := min(r.scroll, max(len(s.Roster)-listH, 0))
	for i := start; i < len(s.Roster) && i < start+listH; i++ {
		m := s.Roster[i]
		presence := st.Muted.Render("○ offline")
		if m.Online {
			presence = st.Good.Render("● online ")
		}
		var work string
		switch m.Status {
		case session.StatusSubmitted:
			work = st.Good.Render("✓ submitted")
		case session.StatusDraft:
			work = st.Warn.Render("… draft")
		default:
			work = st.Muted.Render("· not started")
		}
		name := lipgloss.NewStyle().Width(nameW).Render(truncate(m.Name, nameW))
		b.WriteString(name + "  " + presence + "  " + work + "\n")
	}
	return b.String()
}

func (r *cohortRoom) Resize(w, h int) screen { r.width, r.height = w, h; return r }
func (r *cohortRoom) Typing() bool           { return false }
func (r *cohortRoom) ShortHelp() []key.Binding {
	return []key.Binding{r.keys.Next, r.keys.Prev, r.keys.Up, r.keys.Down, key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "all cohorts"))}
}
func (r *cohortRoom) FullHelp() [][]key.Binding { return [][]key.Binding{r.ShortHelp()} }
