package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"workshop/session"
)

// console is the facilitator's first screen: every cohort with its module, participants,
// step and last activity, to open one, create one or archive one.
type console struct {
	*Common
	ck     consoleKeys
	width  int
	height int

	all          []session.CohortInfo
	showArchived bool
	cursor       int
	err          string
	note         string
	loaded       bool
	// confirm is the archive question waiting for y; nil when none.
	confirm *session.CohortInfo
	now     time.Time
	// loadLang says the session opens on this list: it reads the facilitator's stored
	// language once. Lists shown later keep the language the session speaks, so a choice made
	// in a room and not yet stored is never undone by an older one.
	loadLang bool
}

type cohortsMsg struct {
	cohorts []session.CohortInfo
	err     error
}

// consoleListTick refreshes the list now and then, so counts and activity stay current. It
// names its screen, so a list left and opened again refreshes on one clock.
type consoleListTick struct{ c *console }

const consoleListRefresh = 10 * time.Second

func newConsole(com *Common) *console {
	return &console{Common: com, ck: newConsoleKeys(com.keys, com.Printer), now: time.Now()}
}

// startConsole is the list a facilitator's session opens on.
func startConsole(com *Common) *console {
	c := newConsole(com)
	c.loadLang = true
	return c
}

func (c *console) Init() tea.Cmd {
	cmds := []tea.Cmd{c.load(), c.tick()}
	if c.loadLang {
		c.loadLang = false
		cmds = append(cmds, loadFacilitatorLang(c.Common))
	}
	return tea.Batch(cmds...)
}

// speak is the list in another language, keeping its place.
func (c *console) speak(com *Common) (screen, tea.Cmd) {
	c.Common, c.ck = com, newConsoleKeys(com.keys, com.Printer)
	c.note = ""
	return c, nil
}

func (c *console) tick() tea.Cmd {
	return tea.Tick(consoleListRefresh, func(time.Time) tea.Msg { return consoleListTick{c} })
}

func (c *console) load() tea.Cmd {
	deps := c.deps
	return func() tea.Msg {
		cs, err := deps.Manager.CohortOverview(deps.Ctx, deps.Actor)
		return cohortsMsg{cohorts: cs, err: err}
	}
}

// visible lists the cohorts shown: active ones, and archived ones when asked for.
func (c *console) visible() []session.CohortInfo {
	if c.showArchived {
		return c.all
	}
	out := make([]session.CohortInfo, 0, len(c.all))
	for _, co := range c.all {
		if co.ArchivedAt.IsZero() {
			out = append(out, co)
		}
	}
	return out
}

func (c *console) selected() (session.CohortInfo, bool) {
	v := c.visible()
	if c.cursor < 0 || c.cursor >= len(v) {
		return session.CohortInfo{}, false
	}
	return v[c.cursor], true
}

type archivedMsg struct {
	code     string
	archived bool
	err      error
}

func (c *console) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case facLangMsg:
		return c, onFacilitatorLang(c.Common, msg.lang)
	case cohortsMsg:
		c.loaded, c.now = true, time.Now()
		if cmd, ok := whenRevoked(c.Common, msg.err); ok {
			return c, cmd
		}
		if msg.err != nil {
			c.err = c.T("Could not list cohorts: %s", c.conSay("list cohorts", msg.err))
			return c, nil
		}
		c.err = ""
		// Keep the same cohort selected when the list changes under the cursor.
		sel, had := c.selected()
		c.all = msg.cohorts
		if had {
			for i, co := range c.visible() {
				if co.ID == sel.ID {
					c.cursor = i
				}
			}
		}
		c.cursor = min(c.cursor, max(len(c.visible())-1, 0))
	case consoleListTick:
		if msg.c != c {
			return c, nil
		}
		return c, tea.Batch(c.load(), c.tick())
	case archivedMsg:
		if cmd, ok := whenRevoked(c.Common, msg.err); ok {
			return c, cmd
		}
		if msg.err != nil {
			c.err = c.conSay("archive cohort", msg.err)
			return c, nil
		}
		c.note = c.T("Archived %s. Press A to show archived cohorts.", msg.code)
		if !msg.archived {
			c.note = c.T("%s is active again.", msg.code)
		}
		return c, c.load()
	case openedMsg:
		if cmd, ok := whenRevoked(c.Common, msg.err); ok {
			return c, cmd
		}
		if msg.err != nil {
			c.err = c.T("Could not open the cohort: %s", c.conSay("open cohort", msg.err))
			return c, nil
		}
		return c, switchTo(msg.to)
	case tea.KeyPressMsg:
		return c, c.onKey(msg)
	}
	return c, nil
}

func (c *console) onKey(msg tea.KeyPressMsg) tea.Cmd {
	if c.confirm != nil {
		co := *c.confirm
		c.confirm = nil
		if msg.String() != "y" {
			c.note = c.T("Nothing archived.")
			return nil
		}
		return archiveCohort(c.deps, co, true)
	}
	k := c.ck
	n := len(c.visible())
	switch {
	case key.Matches(msg, k.Up):
		c.cursor = max(c.cursor-1, 0)
	case key.Matches(msg, k.Down):
		c.cursor = min(c.cursor+1, max(n-1, 0))
	case key.Matches(msg, k.Refresh):
		return c.load()
	case key.Matches(msg, k.Language):
		return nextFacilitatorLang(c.Common)
	case key.Matches(msg, k.New):
		return switchTo(newConsoleCreate(c.Common))
	case key.Matches(msg, k.ShowArchived):
		c.showArchived = !c.showArchived
		c.cursor = min(c.cursor, max(len(c.visible())-1, 0))
	case key.Matches(msg, k.Archive):
		co, ok := c.selected()
		if !ok {
			return nil
		}
		if !co.ArchivedAt.IsZero() {
			return archiveCohort(c.deps, co, false)
		}
		c.confirm = &co
	case key.Matches(msg, k.Card):
		if co, ok := c.selected(); ok {
			return switchTo(newJoinCard(c.Common, co.Cohort, false))
		}
	case key.Matches(msg, k.Open):
		if co, ok := c.selected(); ok {
			return openCohort(c.Common, co.ID)
		}
	}
	return nil
}

func archiveCohort(deps *Deps, co session.CohortInfo, archive bool) tea.Cmd {
	return func() tea.Msg {
		h, err := deps.Manager.Hub(deps.Ctx, co.ID)
		if err == nil {
			if archive {
				err = h.Archive(deps.Ctx, deps.Actor)
			} else {
				err = h.Unarchive(deps.Ctx, deps.Actor)
			}
		}
		return archivedMsg{code: co.Code, archived: archive, err: err}
	}
}

type openedMsg struct {
	to  screen
	err error
}

func openCohort(com *Common, id int64) tea.Cmd {
	deps := com.deps
	return func() tea.Msg {
		// The room shows who is there and what they wrote: only to a facilitator.
		if _, err := deps.Manager.Authorize(deps.Ctx, deps.Actor); err != nil {
			return openedMsg{err: err}
		}
		h, err := deps.Manager.Hub(deps.Ctx, id)
		if err != nil {
			return openedMsg{err: err}
		}
		sub, err := h.Subscribe(deps.Ctx, 0)
		if err != nil {
			return openedMsg{err: err}
		}
		deps.Conn.Track(sub)
		return openedMsg{to: newCohortRoom(com, h, sub)}
	}
}

func (c *console) View() string {
	st := c.st
	var b strings.Builder
	line := func(s string) { b.WriteString(truncate(s, c.width) + "\n") }
	line(spread(st.Title.Render(c.T("workshop · facilitator console")), st.Muted.Render(c.deps.Facilitator.Name), c.width))
	line(rule(st, c.width))
	cohorts := c.visible()
	archived := len(c.all) - len(cohorts)
	switch {
	case c.err != "":
		b.WriteString(st.Bad.Render(wrap(c.err, c.width)) + "\n")
	case !c.loaded:
		line(st.Muted.Render(c.T("Loading cohorts…")))
	case len(cohorts) == 0:
		b.WriteString(wrap(c.T("No active cohorts. Press n to create one from a module."), c.width) + "\n")
		if archived > 0 {
			line(st.Muted.Render(c.T("%d archived: press A to show them.", archived)))
		}
	default:
		c.table(&b, cohorts)
	}
	// The footer: what the selected cohort is, or the pending question.
	var foot []string
	switch {
	case c.confirm != nil:
		foot = append(foot, st.Warn.Render(c.T("Archive %s? Its work stays stored for export. y archives it.", c.confirm.Code)))
	case c.note != "":
		foot = append(foot, st.Muted.Render(c.note))
	}
	if co, ok := c.selected(); ok && c.height >= 14 {
		foot = append(foot, st.Muted.Render(c.T("Join: %s", st.Accent.Render(c.deps.Hint.Line(co.Code)))))
	}
	body := strings.TrimRight(b.String(), "\n")
	lines := strings.Split(body, "\n")
	room := c.height - len(foot)
	for len(lines) < room {
		lines = append(lines, "")
	}
	if len(lines) > room {
		lines = lines[:max(room, 0)]
	}
	for _, f := range foot {
		lines = append(lines, truncate(f, c.width))
	}
	return strings.Join(lines, "\n")
}

// table draws the cohort list, scrolled so the cursor is visible. Wide windows show every
// column; narrow ones keep the code, name and step.
func (c *console) table(b *strings.Builder, cohorts []session.CohortInfo) {
	st := c.st
	wide := c.width >= 72
	// marker, code, people, step and last activity take 40 cells with their gaps.
	peopleW := max(7, cellWidth(c.T("PEOPLE"))) // the heading may be longer than "●12/30"
	flex := max(c.width-42-(peopleW-7), 16)
	nameW, modW := flex/2, flex-flex/2
	if !wide {
		nameW = max(c.width-2-6-2-2-5, 8)
	}
	row := func(code, name, module, people, step, last string) string {
		if !wide {
			return fmt.Sprintf("%-6s  %s  %5s", code, padRight(truncate(name, nameW), nameW), step)
		}
		return fmt.Sprintf("%-6s  %s  %s  %*s  %5s  %s", code, padRight(truncate(name, nameW), nameW), padRight(truncate(module, modW), modW), peopleW, people, step, last)
	}
	b.WriteString(st.Muted.Render(truncate("  "+row(c.T("CODE"), c.T("COHORT"), c.T("MODULE"), c.T("PEOPLE"), c.T("STEP"), c.T("LAST ACTIVE")), c.width)) + "\n")
	listH := max(c.height-5, 1)
	start := max(0, c.cursor-listH+1)
	for i := start; i < len(cohorts) && i < start+listH; i++ {
		co := cohorts[i]
		name := co.Name
		if !co.ArchivedAt.IsZero() {
			name = c.T("(archived) %s", name)
		}
		people := fmt.Sprint(co.Participants)
		if co.Online > 0 {
			people = fmt.Sprintf("●%d/%d", co.Online, co.Participants)
		}
		line := row(co.Code, name, consoleModuleTitle(co), people, fmt.Sprintf("%d/%d", co.Step+1, co.Steps), c.ago(co.LastActivity))
		if i == c.cursor {
			b.WriteString(st.Selected.Render(truncate("› "+line, c.width)) + "\n")
		} else {
			b.WriteString(truncate("  "+line, c.width) + "\n")
		}
	}
	if co, ok := c.selected(); ok && c.height >= 16 {
		// Wrapped, not cut: who made the cohort is at the end of the line. Two lines at most.
		detail := strings.Split(wrap(c.T("%s · %s · %s, %d online · created by %s", consoleModuleTitle(co), c.paceName(co.Pace), c.T("%d participants", co.Participants), co.Online, co.CreatedBy), c.width), "\n")
		if len(detail) > 2 {
			detail = detail[:2]
		}
		b.WriteString("\n")
		for _, l := range detail {
			b.WriteString(st.Muted.Render(truncate(l, c.width)) + "\n")
		}
	}
}

func consoleModuleTitle(co session.CohortInfo) string {
	if co.ModuleTitle == "" {
		return co.ModuleID
	}
	return co.ModuleTitle
}

// padRight pads s with spaces to width cells.
func padRight(s string, width int) string {
	if w := cellWidth(s); w < width {
		return s + strings.Repeat(" ", width-w)
	}
	return s
}

// ago says how long before the list was loaded t was, in the few words a list has room for.
func (c *console) ago(t time.Time) string {
	if t.IsZero() {
		return c.T("never")
	}
	d := c.now.Sub(t)
	switch {
	case d < time.Minute:
		return c.T("just now")
	case d < time.Hour:
		return c.T("%dm ago", int(d/time.Minute))
	case d < 48*time.Hour:
		return c.T("%dh ago", int(d/time.Hour))
	}
	return c.T("%dd ago", int(d/(24*time.Hour)))
}

func (c *console) Resize(w, h int) screen { c.width, c.height = w, h; return c }
func (c *console) Typing() bool           { return false }

func (c *console) ShortHelp() []key.Binding {
	k := c.ck
	return []key.Binding{k.Open, k.New, langHelp(c.Common, k.Language), k.Archive, k.Up, k.Down}
}

func (c *console) FullHelp() [][]key.Binding {
	k := c.ck
	return [][]key.Binding{{k.Up, k.Down, k.Open, k.Card}, {k.New, k.Archive, k.ShowArchived, k.Refresh, langHelp(c.Common, k.Language)}}
}

// paceName names a pace the way facilitators say it.
func (c *Common) paceName(p session.Pace) string {
	if p == session.PaceSelf {
		return c.T("self-paced")
	}
	return c.T("facilitator-led")
}
