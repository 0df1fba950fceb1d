package exercise

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"workshop/session/work"
	"workshop/tui/ui"
)

// checklistEditor ticks the module's items and keeps a short note with each.
type checklistEditor struct {
	*exBase
	cursor  int
	editing bool
	input   lineInput
}

func newChecklistEditor(b *exBase) *checklistEditor {
	if _, ok := b.value.(*work.Checklist); !ok {
		b.value = work.New(b.ex)
	}
	return &checklistEditor{exBase: b}
}

func (c *checklistEditor) list() *work.Checklist { return c.value.(*work.Checklist) }

func (c *checklistEditor) Focus() tea.Cmd {
	c.focused = true
	if c.editing {
		return c.input.focus()
	}
	return nil
}

func (c *checklistEditor) Blur()                          { c.focused = false }
func (c *checklistEditor) Typing() bool                   { return c.editing }
func (c *checklistEditor) Wants(msg tea.KeyPressMsg) bool { return c.editing && baseWants(msg, c.k) }
func (c *checklistEditor) Leave() tea.Cmd                 { return c.leave() }
func (c *checklistEditor) Refresh(d Data) Editor          { c.refresh(d); return c }
func (c *checklistEditor) Resize(w, h int) Editor {
	c.width, c.height = w, h
	c.input.resize(w)
	return c
}

func (c *checklistEditor) Update(msg tea.Msg) (Editor, tea.Cmd) {
	if cmd, ok := c.common(msg); ok {
		return c, cmd
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return c, c.onKey(msg)
	case tea.PasteMsg:
		if c.editing {
			return c, c.input.update(msg)
		}
	}
	if c.editing {
		return c, c.input.update(msg)
	}
	return c, nil
}

func (c *checklistEditor) onKey(msg tea.KeyPressMsg) tea.Cmd {
	k := c.k
	i := c.cursor
	if c.editing {
		switch {
		case key.Matches(msg, k.Cancel):
			c.editing = false
			return nil
		case msg.String() == "enter":
			c.editing = false
			text := c.input.value()
			if text == c.list().Notes[i] {
				return nil
			}
			return c.apply(func(v any) error { v.(*work.Checklist).Notes[i] = text; return nil })
		}
		return c.input.update(msg)
	}
	switch {
	case key.Matches(msg, k.Up):
		c.cursor = max(c.cursor-1, 0)
	case key.Matches(msg, k.Down):
		c.cursor = min(c.cursor+1, len(c.ex.Items)-1)
	case key.Matches(msg, k.Toggle):
		tick := !c.list().Ticks[i]
		return c.apply(func(v any) error { v.(*work.Checklist).Ticks[i] = tick; return nil })
	case key.Matches(msg, k.Edit):
		if err := c.writable(); err != nil {
			c.fail(err)
			return nil
		}
		c.editing = true
		c.message = ""
		c.input = newLineInput(c.st, c.Printer, c.T("Note on “%s”", c.shown.Items[i]), c.list().Notes[i], c.ex.TextLimit(), c.width)
		return c.input.focus()
	case key.Matches(msg, k.Submit):
		return c.submit()
	}
	return nil
}

func (c *checklistEditor) View() string {
	st := c.st
	cl := c.list()
	var body []string
	lo, hi := 0, 0
	done := 0
	items := bodyItems{noun: nounItem}
	for i, item := range c.shown.Items {
		items.starts = append(items.starts, len(body))
		box := "[ ]"
		if cl.Ticks[i] {
			box = "[x]"
			done++
		}
		sel := i == c.cursor
		if sel {
			lo = len(body)
		}
		text := strings.Split(ui.Wrap(item, max(c.width-6, 8)), "\n")
		for j, t := range text {
			if j == 0 {
				body = append(body, c.cursorLine(sel, box+" "+t))
			} else {
				body = append(body, "      "+t)
			}
		}
		if cl.Notes[i] != "" {
			note := strings.Split(ui.Wrap(c.T("note: %s", cl.Notes[i]), max(c.width-6, 8)), "\n")
			if !sel && len(note) > 1 {
				note = []string{ui.Truncate(note[0]+"…", c.width-6)}
			}
			for _, n := range note {
				body = append(body, "      "+st.Muted.Render(n))
			}
		}
		if sel {
			hi = len(body) - 1
		}
	}
	items.end = len(body)
	var footer []string
	if c.editing {
		footer = c.input.lines(c.width)
	}
	footer = append(footer, c.statusLine(c.T("%d/%d ticked", done, len(c.ex.Items))))
	return c.frameItems(body, items, lo, hi, footer...)
}

func (c *checklistEditor) ShortHelp() []key.Binding {
	k := c.k
	if c.editing {
		return []key.Binding{ui.Relabel(k.Enter, "enter", c.T("save note")), k.Cancel}
	}
	return []key.Binding{k.Toggle, ui.Relabel(k.Edit, "e", c.T("note")), k.Submit}
}

func (c *checklistEditor) FullHelp() [][]key.Binding {
	k := c.k
	return [][]key.Binding{{k.Up, k.Down}, {ui.Relabel(k.Toggle, "space/x", c.T("tick or untick")), ui.Relabel(k.Edit, "e/enter", c.T("write a note")), k.Submit}}
}
