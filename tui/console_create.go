package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"workshop/content"
	"workshop/session"
)

// consoleCreate makes a new cohort: pick a module from the list (its summary shows under the
// list), then name the cohort and choose its pace.
type consoleCreate struct {
	*Common
	ck     consoleKeys
	width  int
	height int

	mods   []*content.Module
	cursor int
	naming bool
	input  textinput.Model
	pace   session.Pace
	busy   bool
	err    string
}

type cohortCreatedMsg struct {
	cohort session.Cohort
	err    error
}

func newConsoleCreate(com *Common) *consoleCreate {
	c := &consoleCreate{Common: com, ck: newConsoleKeys(com.keys, com.Printer), mods: com.deps.Manager.Library().List(), pace: session.PaceLed}
	c.input = textinput.New()
	c.input.Prompt = com.T("Name › ")
	c.input.Placeholder = com.T("e.g. Tuesday group")
	c.input.CharLimit = session.MaxNameLen
	return c
}

func (c *consoleCreate) Init() tea.Cmd { return nil }

func (c *consoleCreate) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case cohortCreatedMsg:
		c.busy = false
		if cmd, ok := whenRevoked(c.Common, msg.err); ok {
			return c, cmd
		}
		if msg.err != nil {
			c.err = c.conSay("create cohort", msg.err)
			return c, c.input.Focus()
		}
		return c, switchTo(newJoinCard(c.Common, msg.cohort, true))
	case tea.KeyPressMsg:
		if c.busy {
			return c, nil
		}
		if c.naming {
			return c, c.onNameKey(msg)
		}
		switch {
		case key.Matches(msg, c.ck.Up):
			c.cursor = max(c.cursor-1, 0)
		case key.Matches(msg, c.ck.Down):
			c.cursor = min(c.cursor+1, max(len(c.mods)-1, 0))
		case key.Matches(msg, c.ck.Back):
			return c, switchTo(newConsole(c.Common))
		case key.Matches(msg, c.ck.Enter):
			if len(c.mods) == 0 {
				return c, nil
			}
			c.naming, c.err = true, ""
			return c, c.input.Focus()
		}
	case tea.PasteMsg:
		if c.naming {
			msg.Content = session.CleanLine(msg.Content)
			var cmd tea.Cmd
			c.input, cmd = c.input.Update(msg)
			return c, cmd
		}
	}
	return c, nil
}

func (c *consoleCreate) onNameKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, c.ck.Back):
		c.naming, c.err = false, ""
		c.input.Blur()
		return nil
	case msg.String() == "tab" || msg.String() == "shift+tab":
		if c.pace == session.PaceLed {
			c.pace = session.PaceSelf
		} else {
			c.pace = session.PaceLed
		}
		return nil
	case key.Matches(msg, c.ck.Enter):
		name := session.CleanLine(c.input.Value())
		if name == "" {
			c.err = c.T("Type a name for the cohort, e.g. the group or the day.")
			return nil
		}
		c.busy, c.err = true, ""
		deps, mod, pace := c.deps, c.mods[c.cursor], c.pace
		return func() tea.Msg {
			co, err := deps.Manager.CreateCohort(deps.Ctx, session.NewCohort{ModuleID: mod.ID, Name: name, Pace: pace, By: deps.Actor})
			return cohortCreatedMsg{cohort: co, err: err}
		}
	}
	var cmd tea.Cmd
	c.input, cmd = c.input.Update(msg)
	return cmd
}

func (c *consoleCreate) View() string {
	st := c.st
	var b strings.Builder
	line := func(s string) { b.WriteString(truncate(s, c.width) + "\n") }
	line(st.Title.Render(c.T("New cohort")))
	line(rule(st, c.width))
	if len(c.mods) == 0 {
		line(st.Bad.Render(c.T("No modules are loaded. Start the server with --content DIR.")))
		return b.String()
	}
	mod := c.mods[c.cursor]
	if c.naming {
		b.WriteString(c.namingView(mod))
		return b.String()
	}
	// The list takes what the summary below leaves; when it scrolls, the heading says where the
	// cursor is among the modules.
	summary := strings.Split(wrap(mod.Summary, max(c.width-2, 10)), "\n")
	head := c.T("Choose the module the cohort will work through:")
	scrolled := c.T("Choose the module the cohort will work through (%d of %d, ↑↓ for more):", c.cursor+1, len(c.mods))
	headH := strings.Count(wrap(scrolled, c.width), "\n") + 1
	listH := max(c.height-3-headH-len(summary)-3, 2)
	start := max(0, c.cursor-listH+1)
	if len(c.mods) > listH {
		head = scrolled
	}
	b.WriteString(st.Muted.Render(wrap(head, c.width)) + "\n")
	for i := start; i < len(c.mods) && i < start+listH; i++ {
		m := c.mods[i]
		meta := c.T("%d steps · about %d min · %s", len(m.Steps), m.Duration, m.ID)
		if i == c.cursor {
			line(spread(st.Selected.Render("› "+m.Title), st.Muted.Render(meta), c.width))
		} else {
			line(spread("  "+m.Title, st.Muted.Render(meta), c.width))
		}
	}
	line("")
	line(st.Subtitle.Render(mod.Title) + st.Muted.Render(" · "+c.T("%d steps · about %d min", len(mod.Steps), mod.Duration)))
	for _, l := range summary {
		line("  " + l)
	}
	return b.String()
}

// namingView is the second part of creating: the name, the pace and what it means, and what
// to press. A short window leaves out the blank lines, then the explanation of the paces, so
// the name, the pace and the last line always show.
func (c *consoleCreate) namingView(mod *content.Module) string {
	st := c.st
	c.input.SetWidth(max(min(session.MaxNameLen+1, c.width-cellWidth(c.input.Prompt)-1), 4))
	led, self := "( )", "( )"
	if c.pace == session.PaceLed {
		led = "(•)"
	} else {
		self = "(•)"
	}
	top := []string{truncate(st.Muted.Render(c.T("Module: %s", st.Subtitle.Render(mod.Title))), c.width), "", truncate(c.input.View(), c.width), ""}
	top = append(top, strings.Split(wrap(c.T("Pace: %s facilitator-led   %s self-paced", led, self), c.width), "\n")...)
	explain := strings.Split(wrap(c.T("Led: everyone sees the step you are on. Self-paced: each person moves on their own and you see where everyone is. You can switch while the session runs."), c.width), "\n")
	for i, l := range explain {
		explain[i] = st.Muted.Render(l)
	}
	var last string
	switch {
	case c.busy:
		last = st.Muted.Render(c.T("Creating…"))
	case c.err != "":
		last = st.Bad.Render(wrap(c.err, c.width))
	default:
		last = st.Muted.Render(wrap(c.T("enter creates the cohort · tab switches the pace · esc back to the modules"), c.width))
	}
	room := c.height - 2 // the title and its rule
	lines := append(append(append([]string{}, top...), explain...), "")
	if len(lines)+lineCount(last) > room {
		lines = []string{top[0], top[2]}
		lines = append(lines, top[4:]...)
		if len(lines)+len(explain)+lineCount(last) <= room {
			lines = append(lines, explain...)
		}
	}
	return strings.Join(lines, "\n") + "\n" + last + "\n"
}

func (c *consoleCreate) Resize(w, h int) screen { c.width, c.height = w, h; return c }
func (c *consoleCreate) Typing() bool           { return c.naming }

func (c *consoleCreate) ShortHelp() []key.Binding {
	if c.naming {
		return []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", c.T("create"))), key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", c.T("pace"))), c.ck.Back}
	}
	return []key.Binding{c.ck.Up, c.ck.Down, key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", c.T("choose"))), key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", c.T("cancel")))}
}

func (c *consoleCreate) FullHelp() [][]key.Binding { return [][]key.Binding{c.ShortHelp()} }
