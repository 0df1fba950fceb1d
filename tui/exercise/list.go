package exercise

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"workshop/session"
	"workshop/session/work"
	"workshop/tui/ui"
)

type listMode int

const (
	listBrowse listMode = iota
	listAdding
	listEditing
	listDeleting
)

// listEditor adds, edits, deletes and reorders short items: the participant's own list, their
// team's board (live, with who wrote what) or the cohort's anonymous board (no names at all;
// only items this screen added can be changed, see Env.mine).
type listEditor struct {
	*exBase
	cursor int // an item, or len(items) for the "add" line
	mode   listMode
	input  lineInput
	editID string
}

func newListEditor(b *exBase) *listEditor {
	if _, ok := b.value.(*work.List); !ok {
		b.value = &work.List{Items: []work.Item{}}
	}
	return &listEditor{exBase: b}
}

func (l *listEditor) list() *work.List { return l.value.(*work.List) }

func (l *listEditor) Focus() tea.Cmd {
	l.focused = true
	if l.mode == listAdding || l.mode == listEditing {
		return l.input.focus()
	}
	return nil
}

func (l *listEditor) Blur() { l.focused = false }
func (l *listEditor) Typing() bool {
	return l.focused && (l.mode == listAdding || l.mode == listEditing)
}
func (l *listEditor) Leave() tea.Cmd {
	l.keepTyped()
	return l.leave()
}

// keepTyped puts an item still being typed into the list as the editor goes away (another
// step, or the connection dropped), as a reflection keeps its text: nothing typed is lost.
// leave then hands the change over with the rest.
func (l *listEditor) keepTyped() {
	text := l.input.value()
	if (l.mode != listAdding && l.mode != listEditing) || text == "" {
		return
	}
	editing := l.mode == listEditing
	l.mode = listBrowse
	if editing {
		id, by := l.editID, l.me()
		l.apply(func(v any) error { return v.(*work.List).Edit(id, text, by) })
		return
	}
	if l.room() != nil {
		return
	}
	it := work.Item{ID: work.NewID(), Text: text, By: l.me()}
	l.apply(func(v any) error { v.(*work.List).Add(it); return nil })
	if !l.isError && l.anonymous() {
		l.env.markMine(l.step.ID, it.ID)
	}
}
func (l *listEditor) Wants(msg tea.KeyPressMsg) bool {
	return l.mode != listBrowse && baseWants(msg, l.k)
}

func (l *listEditor) Resize(w, h int) Editor {
	l.width, l.height = w, h
	l.input.resize(w)
	return l
}

func (l *listEditor) Refresh(d Data) Editor {
	id := l.currentID()
	l.refresh(d)
	l.follow(id)
	return l
}

// currentID is the id of the item under the cursor, "" on the add line.
func (l *listEditor) currentID() string {
	if items := l.list().Items; l.cursor < len(items) {
		return items[l.cursor].ID
	}
	return ""
}

// follow keeps the cursor on the same item after the board changed under it.
func (l *listEditor) follow(id string) {
	items := l.list().Items
	switch i := l.list().Index(id); {
	case id == "":
		l.cursor = len(items) // on the add line, new items do not take the cursor away
	case i >= 0:
		l.cursor = i
	default:
		l.cursor = min(l.cursor, len(items))
	}
	if l.mode == listEditing && l.list().Index(l.editID) < 0 {
		l.mode = listBrowse
		l.refuse(l.T("a teammate deleted the item you were editing"))
	}
}

// canChange says whether the participant may change an item, and why not.
func (l *listEditor) canChange(it work.Item) error {
	if l.anonymous() && !l.env.isMine(l.step.ID, it.ID) {
		return session.Errorf(session.EConflict, "on an anonymous board you can change only the items you added since you joined this time: no names are kept")
	}
	return nil
}

func (l *listEditor) Update(msg tea.Msg) (Editor, tea.Cmd) {
	id := l.currentID()
	if cmd, ok := l.common(msg); ok {
		l.follow(id)
		return l, cmd
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return l, l.onKey(msg)
	case tea.PasteMsg:
		if l.mode == listAdding || l.mode == listEditing {
			return l, l.input.update(msg)
		}
	}
	if l.mode == listAdding || l.mode == listEditing {
		return l, l.input.update(msg)
	}
	return l, nil
}

func (l *listEditor) onKey(msg tea.KeyPressMsg) tea.Cmd {
	k := l.k
	switch l.mode {
	case listDeleting:
		l.mode = listBrowse
		if key.Matches(msg, k.Yes) {
			id := l.currentID()
			return l.apply(func(v any) error { v.(*work.List).Delete(id); return nil })
		}
		l.note(l.T("Kept."))
		return nil
	case listAdding, listEditing:
		switch {
		case key.Matches(msg, k.Cancel):
			l.mode = listBrowse
			return nil
		case msg.String() == "enter":
			return l.commitInput()
		case key.Matches(msg, k.Submit):
			return l.commitAndSubmit()
		}
		return l.input.update(msg)
	}
	items := l.list().Items
	switch {
	case key.Matches(msg, k.Up):
		l.cursor = max(l.cursor-1, 0)
	case key.Matches(msg, k.Down):
		l.cursor = min(l.cursor+1, len(items))
	case key.Matches(msg, k.Top):
		l.cursor = 0
	case key.Matches(msg, k.Bottom):
		l.cursor = len(items)
	case key.Matches(msg, k.Submit):
		if len(items) == 0 {
			l.refuse(l.T("add at least one item before submitting"))
			return nil
		}
		return l.submit()
	case key.Matches(msg, k.Add), msg.String() == "enter" && l.cursor == len(items):
		return l.startAdding()
	case key.Matches(msg, k.Edit):
		return l.startEditing()
	case key.Matches(msg, k.Delete):
		if l.cursor >= len(items) {
			return nil
		}
		if err := l.writable(); err != nil {
			l.fail(err)
			return nil
		}
		if err := l.canChange(items[l.cursor]); err != nil {
			l.fail(err)
			return nil
		}
		l.mode = listDeleting
	case key.Matches(msg, k.MoveUp, k.MoveDown):
		return l.move(key.Matches(msg, k.MoveDown))
	}
	return nil
}

func (l *listEditor) startAdding() tea.Cmd {
	if err := l.writable(); err != nil {
		l.fail(err)
		return nil
	}
	if err := l.room(); err != nil {
		l.fail(err)
		return nil
	}
	l.mode = listAdding
	l.cursor = len(l.list().Items)
	l.input = newLineInput(l.st, l.Printer, l.T("New item"), "", l.ex.TextLimit(), l.width)
	l.message = ""
	return l.input.focus()
}

func (l *listEditor) startEditing() tea.Cmd {
	items := l.list().Items
	if l.cursor >= len(items) {
		return l.startAdding()
	}
	if err := l.writable(); err != nil {
		l.fail(err)
		return nil
	}
	it := items[l.cursor]
	if err := l.canChange(it); err != nil {
		l.fail(err)
		return nil
	}
	l.mode, l.editID = listEditing, it.ID
	l.input = newLineInput(l.st, l.Printer, l.T("Edit item"), it.Text, l.ex.TextLimit(), l.width)
	l.message = ""
	return l.input.focus()
}

// commitInput stores the typed item. After adding, the field stays open for the next item.
func (l *listEditor) commitInput() tea.Cmd {
	text := l.input.value()
	if l.mode == listEditing {
		l.mode = listBrowse
		if text == "" {
			l.refuse(l.T("an item cannot be empty; press d to delete it instead"))
			return nil
		}
		id, by := l.editID, l.me()
		return l.apply(func(v any) error { return v.(*work.List).Edit(id, text, by) })
	}
	if text == "" {
		l.mode = listBrowse
		return nil
	}
	it := work.Item{ID: work.NewID(), Text: text, By: l.me()}
	cmd := l.apply(func(v any) error { v.(*work.List).Add(it); return nil })
	if l.isError {
		return nil
	}
	if l.anonymous() {
		l.env.markMine(l.step.ID, it.ID)
	}
	l.cursor = len(l.list().Items)
	if full := l.fullLine(); full != "" {
		l.mode = listBrowse
		l.note(l.T("Added. %s", l.nowFull()))
	} else {
		l.input = newLineInput(l.st, l.Printer, l.T("New item"), "", l.ex.TextLimit(), l.width)
		return tea.Batch(cmd, l.input.focus())
	}
	return cmd
}

// commitAndSubmit is ctrl+s with the item field open ("ctrl+s when done"): what is typed there
// is added, or the edit kept, and then the list is submitted as ctrl+s does on the list.
func (l *listEditor) commitAndSubmit() tea.Cmd {
	var stored tea.Cmd
	if l.input.value() != "" {
		stored = l.commitInput()
		if l.isError {
			return stored
		}
	}
	l.mode = listBrowse
	if len(l.list().Items) == 0 {
		l.refuse(l.T("add at least one item before submitting"))
		return stored
	}
	return tea.Batch(stored, l.submit())
}

// own counts the items of the list that are the participant's: all of their own list, the
// ones they added on a team board, the ones this screen added on an anonymous board.
func (l *listEditor) own() int {
	items := l.list().Items
	switch {
	case l.anonymous():
		n := 0
		for _, it := range items {
			if l.env.isMine(l.step.ID, it.ID) {
				n++
			}
		}
		return n
	case l.shared():
		return work.OwnItems(l.list(), l.env.Me)
	}
	return len(items)
}

// room says why one more item cannot be added, or nil. On an anonymous board the hub also
// counts what the participant added before this screen, and refuses in its own words.
func (l *listEditor) room() error { return work.Room(l.ex, l.list(), l.own()) }

// fullLine says in a short line why nothing more can be added, or "".
func (l *listEditor) fullLine() string {
	switch {
	case l.room() == nil:
		return ""
	case !l.shared():
		return l.T("The list is full.")
	case len(l.list().Items) >= l.ex.BoardItemLimit():
		return l.T("The board is full.")
	}
	return l.T("You have added the %d items you may add here.", l.ex.ItemLimit())
}

// nowFull is fullLine for the moment the last item that fits was added.
func (l *listEditor) nowFull() string {
	if !l.shared() {
		return l.T("The list is now full.")
	}
	return l.fullLine()
}

// count is the status line's tally: the list against its limit; on a team board the
// participant's share against theirs; on an anonymous board, where only the hub knows the
// share, the board's items.
func (l *listEditor) count() string {
	n := len(l.list().Items)
	switch {
	case l.anonymous():
		return l.T("%d on the board", n)
	case l.shared():
		return l.T("%d/%d yours", l.own(), l.ex.ItemLimit())
	}
	return l.T("%d/%d items", n, l.ex.ItemLimit())
}

// me is the author stored with an item: nobody on an anonymous board.
func (l *listEditor) me() int64 {
	if l.anonymous() {
		return 0
	}
	return l.env.Me
}

func (l *listEditor) move(down bool) tea.Cmd {
	items := l.list().Items
	if l.cursor >= len(items) {
		return nil
	}
	if l.anonymous() {
		l.refuse(l.T("items on an anonymous board keep the order they were added in"))
		return nil
	}
	delta := -1
	if down {
		delta = 1
	}
	id := items[l.cursor].ID
	cmd := l.apply(func(v any) error { return v.(*work.List).Move(id, delta) })
	l.follow(id)
	return cmd
}

// whose says whose list this is, for the line above the items.
func (l *listEditor) ShortHelp() []key.Binding {
	k := l.k
	switch l.mode {
	case listAdding:
		return []key.Binding{ui.Relabel(k.Enter, "enter", l.T("add")), ui.Relabel(k.Cancel, "esc", l.T("finish|done"))}
	case listEditing:
		return []key.Binding{ui.Relabel(k.Enter, "enter", l.T("save")), k.Cancel}
	case listDeleting:
		return []key.Binding{ui.Relabel(k.Yes, "y", l.T("delete")), ui.Relabel(k.Cancel, l.T("other key"), l.T("keep"))}
	}
	return []key.Binding{k.Add, k.Edit, ui.Relabel(k.Delete, "d", l.T("del")), ui.Relabel(k.Submit, "ctrl+s", l.T("finish|done"))}
}

func (l *listEditor) FullHelp() [][]key.Binding {
	k := l.k
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom},
		{k.Add, k.Edit, k.Delete, k.MoveUp, k.MoveDown},
		{k.Submit, ui.Relabel(k.Enter, "enter", l.T("save item")), ui.Relabel(k.Cancel, "esc", l.T("close the field"))},
	}
}
