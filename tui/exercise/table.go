package exercise

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"workshop/content"
	"workshop/session/work"
	"workshop/tui/ui"
)

type tableMode int

const (
	tableBrowse tableMode = iota
	tableEdit
	tableChoose
	tableDeleting
)

// tableEditor fills rows of the columns the module defines: text, numbers (checked as they are
// saved) and choices picked from the column's options. Rows are added at the end and named by
// id, so teammates editing one shared table change the rows they mean.
type tableEditor struct {
	*exBase
	row, col int // row == len(rows) is the "add a row" line
	first    int // first column shown
	mode     tableMode
	input    lineInput
	choice   int // option picked while choosing; -1 for none
	// picked is what the participant typed while choosing: letters pick the option that
	// starts with them, so typing in a choice cell is never taken as a command.
	picked  string
	editID  string
	editCol int
}

func newTableEditor(b *exBase) *tableEditor {
	if _, ok := b.value.(*work.Table); !ok {
		b.value = &work.Table{Rows: [][]string{}}
	}
	return &tableEditor{exBase: b}
}

func (t *tableEditor) table() *work.Table { return t.value.(*work.Table) }

func (t *tableEditor) Focus() tea.Cmd {
	t.focused = true
	if t.mode == tableEdit {
		return t.input.focus()
	}
	return nil
}

func (t *tableEditor) Blur() { t.focused = false }
func (t *tableEditor) Leave() tea.Cmd {
	t.keepTyped()
	return t.leave()
}

// keepTyped puts a cell still being typed into the table as the editor goes away (another
// step, or the connection dropped), unless its column refuses it: nothing typed is lost.
// leave then hands the change over with the rest.
func (t *tableEditor) keepTyped() {
	if t.mode != tableEdit {
		return
	}
	t.mode = tableBrowse
	text := t.input.value()
	if work.CheckCell(t.ex.Columns[t.editCol], text) != nil {
		return
	}
	t.set(t.editID, t.editCol, text)
}
func (t *tableEditor) Typing() bool { return t.mode == tableEdit }
func (t *tableEditor) Wants(msg tea.KeyPressMsg) bool {
	if (t.mode == tableEdit || t.mode == tableChoose) && (msg.String() == "tab" || msg.String() == "shift+tab") {
		return true // tab moves along the row from a cell being filled in, choice or text
	}
	if t.mode == tableBrowse && t.typesIntoCell(msg) {
		return true
	}
	return t.mode != tableBrowse && baseWants(msg, t.k)
}

// typesIntoCell says whether a key pressed on the grid is typing meant for the cell under the
// cursor: on a choice cell, a letter or digit that is no command opens the choice with the
// option it starts.
func (t *tableEditor) typesIntoCell(msg tea.KeyPressMsg) bool {
	tb := t.table()
	if t.row >= len(tb.Rows) || t.ex.Columns[t.col].Type != content.ColumnChoice || msg.Text == "" || msg.Mod&(tea.ModCtrl|tea.ModAlt) != 0 {
		return false
	}
	k := t.k
	return msg.Text != " " && !key.Matches(msg, k.Up, k.Down, k.Left, k.Right, k.Top, k.Bottom, k.Add, k.Edit, k.Delete, k.Submit)
}

func (t *tableEditor) Resize(w, h int) Editor {
	t.width, t.height = w, h
	t.input.resize(w)
	return t
}

func (t *tableEditor) Refresh(d Data) Editor {
	id := t.rowID()
	t.refresh(d)
	t.follow(id)
	return t
}

func (t *tableEditor) rowID() string {
	if tb := t.table(); t.row < len(tb.IDs) {
		return tb.IDs[t.row]
	}
	return ""
}

// follow keeps the cursor on the same row after the table changed under it.
func (t *tableEditor) follow(id string) {
	tb := t.table()
	if i := tb.RowIndex(id); id != "" && i >= 0 {
		t.row = i
	}
	t.row = min(t.row, len(tb.Rows))
	if t.mode != tableBrowse && t.mode != tableDeleting && tb.RowIndex(t.editID) < 0 {
		t.mode = tableBrowse
		t.refuse(t.T("a teammate removed the row you were editing"))
	}
}

func (t *tableEditor) Update(msg tea.Msg) (Editor, tea.Cmd) {
	id := t.rowID()
	if cmd, ok := t.common(msg); ok {
		t.follow(id)
		return t, cmd
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return t, t.onKey(msg)
	case tea.PasteMsg:
		if t.mode == tableEdit {
			return t, t.input.update(msg)
		}
	}
	if t.mode == tableEdit {
		return t, t.input.update(msg)
	}
	return t, nil
}

func (t *tableEditor) onKey(msg tea.KeyPressMsg) tea.Cmd {
	k := t.k
	cols := t.ex.Columns
	tb := t.table()
	switch t.mode {
	case tableDeleting:
		t.mode = tableBrowse
		if key.Matches(msg, k.Yes) {
			id := t.rowID()
			return t.apply(func(v any) error { v.(*work.Table).DeleteRow(id); return nil })
		}
		t.note(t.T("Kept."))
		return nil
	case tableChoose:
		return t.onChooseKey(msg)
	case tableEdit:
		switch {
		case key.Matches(msg, k.Cancel):
			t.mode = tableBrowse
			return nil
		case msg.String() == "enter":
			return t.commit(0)
		case msg.String() == "tab":
			return t.commit(+1)
		case msg.String() == "shift+tab":
			return t.commit(-1)
		case key.Matches(msg, k.Submit):
			// "ctrl+s when done": the cell as typed is kept, then the table submitted.
			cmd := t.commit(0)
			if t.mode == tableEdit || t.isError {
				return cmd // the cell is refused and stays open to fix it
			}
			return tea.Batch(cmd, t.submit())
		}
		return t.input.update(msg)
	}
	if t.typesIntoCell(msg) {
		// Typing on a choice cell picks from its options, never runs a command.
		cmd := t.startEdit()
		if t.mode == tableChoose {
			return tea.Batch(cmd, t.onChooseKey(msg))
		}
		return cmd
	}
	switch {
	case key.Matches(msg, k.Up):
		t.row = max(t.row-1, 0)
	case key.Matches(msg, k.Down):
		t.row = min(t.row+1, len(tb.Rows))
	case key.Matches(msg, k.Left):
		t.col = max(t.col-1, 0)
	case key.Matches(msg, k.Right):
		t.col = min(t.col+1, len(cols)-1)
	case key.Matches(msg, k.Top):
		t.col = 0
	case key.Matches(msg, k.Bottom):
		t.col = len(cols) - 1
	case key.Matches(msg, k.Submit):
		if len(tb.Rows) == 0 {
			t.refuse(t.T("add at least one row before submitting"))
			return nil
		}
		return t.submit()
	case key.Matches(msg, k.Add), msg.String() == "enter" && t.row == len(tb.Rows):
		return t.addRow()
	case key.Matches(msg, k.Edit):
		return t.startEdit()
	case key.Matches(msg, k.Delete):
		if t.row >= len(tb.Rows) {
			return nil
		}
		if err := t.writable(); err != nil {
			t.fail(err)
			return nil
		}
		t.mode = tableDeleting
	}
	return nil
}

// onChooseKey handles a key while a choice cell's options show: arrows move along them,
// typing picks the option that starts with what was typed (letters are never commands here),
// enter chooses, tab and shift+tab choose and go on to the next or previous cell, esc keeps
// the cell as it was.
func (t *tableEditor) onChooseKey(msg tea.KeyPressMsg) tea.Cmd {
	opts := t.ex.Columns[t.editCol].Options // stored as the module writes them
	chosen := func() string {
		if t.choice >= 0 {
			return opts[t.choice]
		}
		return ""
	}
	switch s := msg.String(); {
	case key.Matches(msg, t.k.Cancel):
		t.mode = tableBrowse
		t.message = ""
	case s == "left" || s == "up":
		t.choice, t.picked = max(t.choice-1, -1), ""
	case s == "right" || s == "down":
		t.choice, t.picked = min(t.choice+1, len(opts)-1), ""
	case s == "enter":
		t.mode = tableBrowse
		return t.set(t.editID, t.editCol, chosen())
	case key.Matches(msg, t.k.Submit):
		t.mode = tableBrowse
		cmd := t.set(t.editID, t.editCol, chosen())
		if t.isError {
			return cmd
		}
		return tea.Batch(cmd, t.submit())
	case s == "tab" || s == "shift+tab":
		step := 1
		if s == "shift+tab" {
			step = -1
		}
		t.mode = tableBrowse
		cmd := t.set(t.editID, t.editCol, chosen())
		if next := t.editCol + step; !t.isError && next >= 0 && next < len(t.ex.Columns) {
			t.col = next
			return tea.Batch(cmd, t.startEdit())
		}
		return cmd
	case s == "backspace":
		if r := []rune(t.picked); len(r) > 0 {
			t.picked = string(r[:len(r)-1])
			t.pick()
		}
	case msg.Text != "" && msg.Mod&(tea.ModCtrl|tea.ModAlt) == 0:
		t.picked += msg.Text
		t.pick()
	}
	return nil
}

// pick puts the choice on the first option that starts with what was typed, or says there is
// none.
func (t *tableEditor) pick() {
	t.message, t.isError = "", false
	if t.picked == "" {
		return
	}
	for i, o := range t.shown.Columns[t.editCol].Options { // as the participant reads them
		if strings.HasPrefix(strings.ToLower(o), strings.ToLower(t.picked)) {
			t.choice = i
			return
		}
	}
	t.refuse(t.T("no option starts with %q: pick one with ← and →", t.picked))
}

func (t *tableEditor) addRow() tea.Cmd {
	if err := t.writable(); err != nil {
		t.fail(err)
		return nil
	}
	if len(t.table().Rows) >= t.ex.RowLimit() {
		t.refuse(t.T("the table is full: %d rows is the limit", t.ex.RowLimit()))
		return nil
	}
	id, n := work.NewID(), len(t.ex.Columns)
	cmd := t.apply(func(v any) error { v.(*work.Table).AddRow(id, n); return nil })
	if t.isError {
		return cmd
	}
	t.row, t.col = t.table().RowIndex(id), 0
	return tea.Batch(cmd, t.startEdit())
}

func (t *tableEditor) startEdit() tea.Cmd {
	tb := t.table()
	if t.row >= len(tb.Rows) {
		return t.addRow()
	}
	if err := t.writable(); err != nil {
		t.fail(err)
		return nil
	}
	col := t.ex.Columns[t.col]
	t.editID, t.editCol = tb.IDs[t.row], t.col
	cur := tb.Rows[t.row][t.col]
	t.message, t.isError = "", false
	if col.Type == content.ColumnChoice {
		t.mode, t.picked = tableChoose, ""
		t.choice = slices.Index(col.Options, cur)
		return nil
	}
	t.mode = tableEdit
	label := t.T("Row %d · %s", t.row+1, t.shown.Columns[t.col].Name)
	if col.Type == content.ColumnNumber {
		label = t.T("Row %d · %s (a number)", t.row+1, t.shown.Columns[t.col].Name)
	}
	t.input = newLineInput(t.st, t.Printer, label, cur, t.ex.TextLimit(), t.width)
	return t.input.focus()
}

// commit stores the typed cell, refusing a number column's text that is not a number; tab
// and shift+tab then edit the next or previous cell of the row.
func (t *tableEditor) commit(step int) tea.Cmd {
	text := t.input.value()
	col := t.ex.Columns[t.editCol]
	if err := work.CheckCell(col, text); err != nil {
		t.fail(err)
		return nil // the field stays open to fix it
	}
	t.mode = tableBrowse
	cmd := t.set(t.editID, t.editCol, text)
	if step != 0 && !t.isError {
		next := t.editCol + step
		if next >= 0 && next < len(t.ex.Columns) {
			t.col = next
			return tea.Batch(cmd, t.startEdit())
		}
	}
	return cmd
}

func (t *tableEditor) set(id string, col int, v string) tea.Cmd {
	tb := t.table()
	if i := tb.RowIndex(id); i >= 0 && tb.Rows[i][col] == v {
		return nil
	}
	return t.apply(func(x any) error { return x.(*work.Table).SetCell(id, col, v) })
}

func (t *tableEditor) ShortHelp() []key.Binding {
	k := t.k
	switch t.mode {
	case tableEdit:
		return []key.Binding{ui.Relabel(k.Enter, "enter", t.T("save")), ui.Relabel(k.NextField, "tab", t.T("next")), k.Cancel}
	case tableChoose:
		return []key.Binding{ui.Relabel(k.Left, t.T("←→ or type"), t.T("pick")), ui.Relabel(k.Enter, "enter", t.T("choose")), ui.Relabel(k.NextField, "tab", t.T("next")), k.Cancel}
	case tableDeleting:
		return []key.Binding{ui.Relabel(k.Yes, "y", t.T("delete")), ui.Relabel(k.Cancel, t.T("other key"), t.T("keep"))}
	}
	return []key.Binding{ui.Relabel(k.Add, "a", t.T("add row")), ui.Relabel(k.Edit, "enter", t.T("edit")), k.Submit}
}

func (t *tableEditor) FullHelp() [][]key.Binding {
	k := t.k
	return [][]key.Binding{
		{k.Up, k.Down, k.Left, k.Right, k.Top, k.Bottom},
		{ui.Relabel(k.Add, "a", t.T("add a row")), ui.Relabel(k.Edit, "enter/e", t.T("edit the cell")), ui.Relabel(k.Delete, "d", t.T("delete the row")),
			ui.Relabel(k.Edit, t.T("a letter"), t.T("pick a choice"))},
		{ui.Relabel(k.NextField, "tab", t.T("in a cell: next")), ui.Relabel(k.PrevField, "shift+tab", t.T("in a cell: back")),
			k.Cancel, k.Submit},
	}
}
