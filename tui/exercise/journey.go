package exercise

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"workshop/session/work"
	"workshop/tui/ui"
)

type journeyMode int

const (
	journeyBrowse journeyMode = iota
	journeyCell
	journeyNewStage
	journeyRename
	journeyDeleting
)

// journeyEditor fills a grid of stages (columns) by lanes (rows): a journey map or a service
// blueprint. The cursor moves between cells; enter edits a cell; the module's stages are fixed
// and, when the module allows, participants add, rename and remove their own. Columns that do
// not fit scroll sideways with arrows at the edges showing how many are hidden, so the grid
// stays readable at 80 columns and below.
type journeyEditor struct {
	*exBase
	lane, stage int
	first       int // first stage column shown
	mode        journeyMode
	input       lineInput
	// editing names the cell or stage being edited, by position and stage name.
	editLane, editStage int
	editName            string
}

func newJourneyEditor(b *exBase) *journeyEditor {
	if _, ok := b.value.(*work.Journey); !ok {
		b.value = work.New(b.ex)
	}
	return &journeyEditor{exBase: b}
}

func (j *journeyEditor) grid() *work.Journey { return j.value.(*work.Journey) }

func (j *journeyEditor) Focus() tea.Cmd {
	j.focused = true
	if j.Typing() {
		return j.input.focus()
	}
	return nil
}

func (j *journeyEditor) Blur()          { j.focused = false }
func (j *journeyEditor) Leave() tea.Cmd { return j.leave() }
func (j *journeyEditor) Typing() bool {
	return j.mode == journeyCell || j.mode == journeyNewStage || j.mode == journeyRename
}

func (j *journeyEditor) Wants(msg tea.KeyPressMsg) bool {
	if j.mode == journeyCell && (msg.String() == "tab" || msg.String() == "shift+tab") {
		return true
	}
	return j.mode != journeyBrowse && baseWants(msg, j.k)
}

func (j *journeyEditor) Resize(w, h int) Editor {
	j.width, j.height = w, h
	j.input.resize(w)
	return j
}

func (j *journeyEditor) Refresh(d Data) Editor {
	name := j.stageName(j.stage)
	j.refresh(d)
	if s := j.grid().StageIndex(j.stage, name); s >= 0 {
		j.stage = s
	}
	j.clampCursor()
	return j
}

func (j *journeyEditor) stageName(i int) string {
	if g := j.grid(); i >= 0 && i < len(g.Stages) {
		return g.Stages[i]
	}
	return ""
}

func (j *journeyEditor) clampCursor() {
	g := j.grid()
	j.lane = min(max(j.lane, 0), max(len(j.ex.Lanes)-1, 0))
	j.stage = min(max(j.stage, 0), max(len(g.Stages)-1, 0))
}

// ownStage says whether a stage was added by participants (the module's stay fixed).
func (j *journeyEditor) ownStage(i int) bool {
	return i >= len(j.ex.Stages) && i < len(j.grid().Stages)
}

func (j *journeyEditor) Update(msg tea.Msg) (Editor, tea.Cmd) {
	if cmd, ok := j.common(msg); ok {
		j.clampCursor()
		return j, cmd
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return j, j.onKey(msg)
	case tea.PasteMsg:
		if j.Typing() {
			return j, j.input.update(msg)
		}
	}
	if j.Typing() {
		return j, j.input.update(msg)
	}
	return j, nil
}

func (j *journeyEditor) onKey(msg tea.KeyPressMsg) tea.Cmd {
	k := j.k
	g := j.grid()
	switch j.mode {
	case journeyDeleting:
		j.mode = journeyBrowse
		if key.Matches(msg, k.Yes) {
			at, name := j.stage, j.stageName(j.stage)
			cmd := j.apply(func(v any) error { v.(*work.Journey).DeleteStage(at, name); return nil })
			// The grid may already be drawn without the stage: keep the cursor on it.
			j.clampCursor()
			return cmd
		}
		j.note(j.T("Kept."))
		return nil
	case journeyCell, journeyNewStage, journeyRename:
		switch {
		case key.Matches(msg, k.Cancel):
			j.mode = journeyBrowse
			return nil
		case msg.String() == "enter":
			return j.commit(0)
		case j.mode == journeyCell && msg.String() == "tab":
			return j.commit(+1)
		case j.mode == journeyCell && msg.String() == "shift+tab":
			return j.commit(-1)
		}
		return j.input.update(msg)
	}
	switch {
	case key.Matches(msg, k.Up):
		j.lane--
	case key.Matches(msg, k.Down):
		j.lane++
	case key.Matches(msg, k.Left):
		j.stage--
	case key.Matches(msg, k.Right):
		j.stage++
	case key.Matches(msg, k.Top):
		j.stage = 0
	case key.Matches(msg, k.Bottom):
		j.stage = len(g.Stages) - 1
	case key.Matches(msg, k.Submit):
		return j.submit()
	case key.Matches(msg, k.Add):
		return j.startStage(journeyNewStage)
	case key.Matches(msg, k.Rename):
		return j.startStage(journeyRename)
	case key.Matches(msg, k.Delete):
		if err := j.writable(); err != nil {
			j.fail(err)
			return nil
		}
		if !j.ownStage(j.stage) {
			j.refuse(j.T("the module's stages stay; only stages added here can be removed"))
			return nil
		}
		j.mode = journeyDeleting
	case key.Matches(msg, k.Edit):
		return j.startCell()
	}
	j.clampCursor()
	return nil
}

func (j *journeyEditor) startCell() tea.Cmd {
	g := j.grid()
	if len(g.Stages) == 0 {
		return j.startStage(journeyNewStage)
	}
	if err := j.writable(); err != nil {
		j.fail(err)
		return nil
	}
	j.mode = journeyCell
	j.editLane, j.editStage, j.editName = j.lane, j.stage, g.Stages[j.stage]
	label := j.shown.Lanes[j.lane] + " · " + j.stageShown(j.stage, g.Stages[j.stage])
	j.input = newLineInput(j.st, j.Printer, label, g.Cells[j.lane][j.stage], j.ex.TextLimit(), j.width)
	j.message, j.isError = "", false
	return j.input.focus()
}

func (j *journeyEditor) startStage(mode journeyMode) tea.Cmd {
	if err := j.writable(); err != nil {
		j.fail(err)
		return nil
	}
	if !j.ex.AddStages {
		j.refuse(j.T("this journey's stages are set by the module"))
		return nil
	}
	value := ""
	label := j.T("New stage (added at the end)")
	if mode == journeyRename {
		if !j.ownStage(j.stage) {
			j.refuse(j.T("the module's stages keep their names; only stages added here can be renamed"))
			return nil
		}
		value, label = j.stageName(j.stage), j.T("Rename stage")
		j.editStage, j.editName = j.stage, value
	} else if len(j.grid().Stages) >= work.MaxStages {
		j.refuse(j.T("a journey has at most %d stages", work.MaxStages))
		return nil
	}
	j.mode = mode
	j.input = newLineInput(j.st, j.Printer, label, value, work.MaxStageName, j.width)
	j.message, j.isError = "", false
	return j.input.focus()
}

// commit stores what was typed; for a cell, then moves by step cells along the lane and, if
// there is one, starts editing it (tab and shift+tab).
func (j *journeyEditor) commit(step int) tea.Cmd {
	text := j.input.value()
	mode := j.mode
	j.mode = journeyBrowse
	var cmd tea.Cmd
	switch mode {
	case journeyCell:
		lane, at, name := j.editLane, j.editStage, j.editName
		if text != j.grid().Cells[lane][at] {
			cmd = j.apply(func(v any) error { return v.(*work.Journey).SetCell(lane, at, name, text) })
		}
		if step != 0 && !j.isError {
			next := j.stage + step
			if next >= 0 && next < len(j.grid().Stages) {
				j.stage = next
				return tea.Batch(cmd, j.startCell())
			}
		}
	case journeyNewStage:
		if text == "" {
			return nil
		}
		cmd = j.apply(func(v any) error { return v.(*work.Journey).AddStage(text) })
		if !j.isError {
			j.stage = len(j.grid().Stages) - 1
		}
	case journeyRename:
		at, old := j.editStage, j.editName
		if text == "" || text == old {
			return nil
		}
		cmd = j.apply(func(v any) error { return v.(*work.Journey).RenameStage(at, old, text) })
	}
	return cmd
}

// columns works out how many stage columns fit and how wide they are, and scrolls so the
// cursor's column shows.
func (j *journeyEditor) columns() (laneW, colW, n int) {
	laneW = 4
	for _, l := range j.shown.Lanes {
		laneW = max(laneW, ui.CellWidth(l))
	}
	laneW = min(laneW, max(j.width/4, 8)) + 1
	stages := len(j.grid().Stages)
	const minCol = 16
	n = max((j.width-laneW)/(minCol+1), 1)
	n = min(n, max(stages, 1))
	room := j.width - laneW
	if stages > n {
		room -= 5 // room for " 27 ▶", the stages hidden on the right, so no stage name is cut for it
	}
	colW = max(room/n-1, 4)
	if j.stage < j.first {
		j.first = j.stage
	}
	if j.stage >= j.first+n {
		j.first = j.stage - n + 1
	}
	j.first = min(max(j.first, 0), max(stages-n, 0))
	return laneW, colW, n
}

func (j *journeyEditor) View() string {
	st := j.st
	g := j.grid()
	var footer []string
	switch j.mode {
	case journeyCell, journeyNewStage, journeyRename:
		footer = append(footer, j.input.lines(j.width)...)
	case journeyDeleting:
		footer = append(footer, wrapped(st.Bad, j.T("Remove stage %q and its cells? y removes, any other key keeps it", j.stageName(j.stage)), j.width))
	default:
		footer = append(footer, j.detail()...)
	}
	extra := ""
	if n := len(g.Stages); n > 0 {
		extra = j.T("stage %d of %d", j.stage+1, n)
	}
	footer = append(footer, j.statusLine(extra))
	if j.noTeam {
		return j.frame(para(st.Muted, j.T("This journey is shared by a team. When the facilitator forms teams, your team's grid appears here."), j.width), 0, 0, footer...)
	}
	if len(g.Stages) == 0 {
		return j.frame(para(st.Muted, j.T("No stages yet. Press a to add the first stage (a column), such as “Find out”."), j.width), 0, 0, footer...)
	}
	laneW, colW, n := j.columns()
	room := j.height - len(footer) - len(j.fitPrompt(j.height-len(footer))) - 1
	rowH := min(max((room-1)/max(len(j.ex.Lanes), 1), 1), 3)

	// The stage header, with arrows where columns are hidden.
	head := padTo(st.Muted.Render(j.hiddenLeft()), laneW)
	for s := j.first; s < j.first+n && s < len(g.Stages); s++ {
		name := j.stageShown(s, g.Stages[s])
		if j.ownStage(s) {
			name += "*"
		}
		cellText := padTo(ui.Truncate(name, colW), colW)
		if s == j.stage {
			cellText = st.Subtitle.Render(cellText)
		}
		head += st.Rule.Render("│") + cellText
	}
	if right := j.hiddenRight(n); right != "" {
		head = ui.Truncate(head, j.width-ui.CellWidth(right)) + st.Muted.Render(right)
	}
	body := []string{head}
	lo, hi := 0, 0
	for l, lane := range j.shown.Lanes {
		if l == j.lane {
			lo = len(body)
		}
		cols := make([][]string, 0, n)
		for s := j.first; s < j.first+n && s < len(g.Stages); s++ {
			lines := strings.Split(ui.Wrap(g.Cells[l][s], colW), "\n")
			if len(lines) > rowH {
				lines = lines[:rowH]
				lines[rowH-1] = ui.Truncate(lines[rowH-1]+"…", colW)
			}
			cols = append(cols, lines)
		}
		for r := range rowH {
			label := ""
			if r == 0 {
				label = ui.Truncate(lane, laneW-1)
				if l == j.lane {
					label = st.Subtitle.Render(label)
				}
			}
			line := padTo(label, laneW)
			for c, lines := range cols {
				text := ""
				if r < len(lines) {
					text = lines[r]
				}
				if text == "" && r == 0 && g.Cells[l][j.first+c] == "" {
					text = st.Muted.Render("·")
				}
				cellText := padTo(text, colW)
				if l == j.lane && j.first+c == j.stage {
					// A marker as well as the style, so the cell shows without colour too.
					mark := " "
					if r == 0 {
						mark = "›"
					}
					cellText = st.Selected.Render(padTo(mark+stripStyle(ui.Truncate(text, colW-1)), colW))
				}
				line += st.Rule.Render("│") + cellText
			}
			body = append(body, line)
		}
		if l == j.lane {
			hi = len(body) - 1
		}
	}
	return j.frame(body, lo, hi, footer...)
}

func (j *journeyEditor) hiddenLeft() string {
	if j.first > 0 {
		return fmt.Sprintf("◀ %d", j.first)
	}
	return ""
}

func (j *journeyEditor) hiddenRight(n int) string {
	if rest := len(j.grid().Stages) - j.first - n; rest > 0 {
		return fmt.Sprintf(" %d ▶", rest)
	}
	return ""
}

// detail shows the whole text of the cell under the cursor, which the grid may cut.
func (j *journeyEditor) detail() []string {
	g := j.grid()
	if len(g.Stages) == 0 {
		return nil
	}
	where := j.shown.Lanes[j.lane] + " · " + j.stageShown(j.stage, g.Stages[j.stage])
	label := where + ": "
	if j.ownStage(j.stage) {
		label = j.T("%s (added here: r renames, d removes): ", where)
	}
	text := g.Cells[j.lane][j.stage]
	if text == "" {
		text = j.st.Muted.Render(j.T("empty, press enter to write"))
	}
	lines := strings.Split(ui.Wrap(label+text, j.width), "\n")
	if n := 1 + min(max(j.height-10, 0), 1); len(lines) > n {
		lines = lines[:n]
		lines[n-1] = ui.Truncate(lines[n-1]+"…", j.width)
	}
	return lines
}

// stripStyle removes styling so a selected cell can be drawn in one style.
func stripStyle(s string) string { return ansi.Strip(s) }

func (j *journeyEditor) ShortHelp() []key.Binding {
	k := j.k
	switch j.mode {
	case journeyCell:
		return []key.Binding{ui.Relabel(k.Enter, "enter", j.T("save")), ui.Relabel(k.NextField, "tab", j.T("next")), k.Cancel}
	case journeyNewStage, journeyRename:
		return []key.Binding{ui.Relabel(k.Enter, "enter", j.T("save")), k.Cancel}
	case journeyDeleting:
		return []key.Binding{ui.Relabel(k.Yes, "y", j.T("remove")), ui.Relabel(k.Cancel, j.T("other key"), j.T("keep"))}
	}
	b := []key.Binding{ui.Relabel(k.Edit, "enter", j.T("write"))}
	if j.ex.AddStages {
		b = append(b, ui.Relabel(k.Add, "a", j.T("stage")))
	}
	return append(b, k.Submit)
}

func (j *journeyEditor) FullHelp() [][]key.Binding {
	k := j.k
	groups := [][]key.Binding{
		{k.Up, k.Down, k.Left, k.Right, k.Top, k.Bottom},
		{ui.Relabel(k.Edit, "enter/e", j.T("write in cell")), ui.Relabel(k.NextField, "tab", j.T("in a cell: next")), ui.Relabel(k.PrevField, "shift+tab", j.T("in a cell: back")), k.Cancel},
	}
	if j.ex.AddStages {
		groups = append(groups, []key.Binding{ui.Relabel(k.Add, "a", j.T("add a stage")), k.Rename, ui.Relabel(k.Delete, "d", j.T("remove own stage"))})
	}
	return append(groups, []key.Binding{k.Submit})
}
