package exercise

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"workshop/session"
	"workshop/session/work"
	"workshop/tui/ui"
)

// matrixEditor places the items of an earlier list on a 2×2 grid with labelled axes. The
// participant picks an item, presses enter and moves it with the arrows (or drops it in a
// quadrant with 1–4); the grid is drawn with each item as its number. A team matrix is one
// shared board that moves live for the whole team.
type matrixEditor struct {
	*exBase
	items    []work.Item
	itemsErr error
	cursor   int
	moving   bool
}

// quadrantCentre is where 1–4 drop an item: the middle of top-left, top-right, bottom-left,
// bottom-right.
var quadrantCentre = [4]work.Place{{X: 2, Y: 7}, {X: 7, Y: 7}, {X: 2, Y: 2}, {X: 7, Y: 2}}

func newMatrixEditor(b *exBase, d Data) *matrixEditor {
	if _, ok := b.value.(*work.Matrix); !ok {
		b.value = &work.Matrix{Places: map[string]work.Place{}}
	}
	m := &matrixEditor{exBase: b}
	m.take(d)
	return m
}

func (m *matrixEditor) matrix() *work.Matrix { return m.value.(*work.Matrix) }

func (m *matrixEditor) take(d Data) {
	id := ""
	if m.cursor < len(m.items) {
		id = m.items[m.cursor].ID
	}
	m.items, m.itemsErr = d.Items, d.ItemsErr
	m.cursor = min(m.cursor, max(len(m.items)-1, 0))
	for i, it := range m.items {
		if it.ID == id {
			m.cursor = i
		}
	}
	if len(m.items) == 0 {
		m.moving = false
	}
}

func (m *matrixEditor) Focus() tea.Cmd         { m.focused = true; return nil }
func (m *matrixEditor) Blur()                  { m.focused = false; m.moving = false }
func (m *matrixEditor) Typing() bool           { return false }
func (m *matrixEditor) Leave() tea.Cmd         { return m.leave() }
func (m *matrixEditor) Resize(w, h int) Editor { m.width, m.height = w, h; return m }
func (m *matrixEditor) Refresh(d Data) Editor  { m.refresh(d); m.take(d); return m }
func (m *matrixEditor) Wants(msg tea.KeyPressMsg) bool {
	return m.moving && key.Matches(msg, m.k.Cancel)
}

func (m *matrixEditor) Update(msg tea.Msg) (Editor, tea.Cmd) {
	if cmd, ok := m.common(msg); ok {
		return m, cmd
	}
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok || len(m.items) == 0 {
		if ok && key.Matches(kp, m.k.Submit) {
			m.refuse(m.T("there are no items to place yet"))
		}
		return m, nil
	}
	k := m.k
	id := m.items[m.cursor].ID
	place, placed := m.matrix().Places[id]
	if key.Matches(kp, k.Quadrant) {
		q := int(kp.String()[0] - '1')
		m.moving = false
		return m, m.place(id, quadrantCentre[q])
	}
	if key.Matches(kp, k.Submit) {
		m.moving = false
		if len(m.matrix().Places) == 0 {
			m.refuse(m.T("place at least one item before submitting"))
			return m, nil
		}
		return m, m.submit()
	}
	if m.moving {
		switch {
		case key.Matches(kp, k.Place, k.Cancel):
			m.moving = false
		case key.Matches(kp, k.Up):
			place.Y++
		case key.Matches(kp, k.Down):
			place.Y--
		case key.Matches(kp, k.Left):
			place.X--
		case key.Matches(kp, k.Right):
			place.X++
		case key.Matches(kp, k.Unplace):
			m.moving = false
			return m, m.apply(func(v any) error { v.(*work.Matrix).Unplace(id); return nil })
		default:
			return m, nil
		}
		if !m.moving {
			return m, nil
		}
		return m, m.place(id, place)
	}
	switch {
	case key.Matches(kp, k.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(kp, k.Down):
		m.cursor = min(m.cursor+1, len(m.items)-1)
	case key.Matches(kp, k.Place):
		if err := m.writable(); err != nil {
			m.fail(err)
			return m, nil
		}
		m.moving = true
		if !placed {
			return m, m.place(id, work.Place{X: work.GridSize / 2, Y: work.GridSize / 2})
		}
	case key.Matches(kp, k.Unplace):
		if placed {
			return m, m.apply(func(v any) error { v.(*work.Matrix).Unplace(id); return nil })
		}
	}
	return m, nil
}

func (m *matrixEditor) place(id string, p work.Place) tea.Cmd {
	cmd := m.apply(func(v any) error { v.(*work.Matrix).Place(id, p); return nil })
	if m.isError {
		m.moving = false
	}
	return cmd
}

// quadrantOf names the quadrant an item is in, or says it is not placed.
func (m *matrixEditor) quadrantOf(id string) string {
	p, ok := m.matrix().Places[id]
	if !ok {
		return m.T("not placed")
	}
	return m.quadrantNames()[p.Quadrant()]
}

func (m *matrixEditor) View() string {
	st := m.st
	head := para(st.Muted, m.source(), m.width)
	switch {
	case m.noTeam:
		return m.frame(append(head, para(st.Muted, m.T("This matrix is shared by a team. When the facilitator forms teams, your team's matrix appears here."), m.width)...), 0, 0, m.statusLine(""))
	case m.itemsErr != nil:
		return m.frame(append(head, para(st.Bad, m.T("Could not read the items: %s", session.ErrorMsg(m.itemsErr)), m.width)...), 0, 0, m.statusLine(""))
	case len(m.items) == 0:
		return m.frame(append(head, para(st.Muted, m.T("No items to place yet: they come from the earlier step."), m.width)...), 0, 0, m.statusLine(""))
	}
	placed := m.T("%d/%d placed", len(work.Placements(m.items, m.matrix())), len(m.items))
	footer := []string{m.selectedLine(), m.statusLine(placed)}
	foot := footerLines(footer)
	room := m.height - foot - len(m.fitPrompt(m.height-foot)) - len(head)
	listW := 0
	if m.width >= 70 {
		listW = min(32, m.width/3)
	}
	gridW := m.width - listW
	if room < 7 || gridW < 30 {
		// Too small to draw the grid: the items with their quadrants.
		return m.frame(append(head, m.listLines(m.width, true)...), m.cursor+len(head), m.cursor+len(head), footer...)
	}
	grid := m.gridLines(gridW, min(room, 17))
	if listW == 0 {
		return m.frame(append(head, grid...), 0, len(grid), footer...)
	}
	list := m.listLines(listW-1, false)
	start := 0
	if len(list) > len(grid) {
		start = min(max(m.cursor-len(grid)/2, 0), len(list)-len(grid))
	}
	body := make([]string, len(grid))
	for i := range grid {
		left := ""
		if start+i < len(list) {
			left = list[start+i]
		}
		body[i] = padTo(left, listW) + grid[i]
	}
	return m.frame(append(head, body...), 0, len(body), footer...)
}

// listLines lists the items with their numbers; withQuadrant adds where each one is.
func (m *matrixEditor) listLines(width int, withQuadrant bool) []string {
	var out []string
	for i, it := range m.items {
		_, placed := m.matrix().Places[it.ID]
		mark := "○"
		if placed {
			mark = "●"
		}
		text := fmt.Sprintf("%d %s %s", i+1, mark, it.Text)
		if withQuadrant {
			text += m.st.Muted.Render(" → " + m.quadrantOf(it.ID))
		}
		out = append(out, ui.Truncate(m.cursorLine(i == m.cursor, text), width))
	}
	return out
}

// selectedLine says which item is picked, where it is, and what the keys do now.
func (m *matrixEditor) selectedLine() string {
	it := m.items[m.cursor]
	where := m.quadrantOf(it.ID)
	if m.moving {
		return wrapped(m.st.Accent, m.T("Moving %d (%s): arrows move it, enter puts it down", m.cursor+1, where), m.width)
	}
	// The whole item, which the list and the grid may cut, over at most two lines.
	lines := strings.Split(ui.Wrap(fmt.Sprintf("%d. %s · %s", m.cursor+1, it.Text, where), m.width), "\n")
	if len(lines) > 2 {
		lines = []string{lines[0], ui.Truncate(lines[1]+" …", m.width)}
	}
	return strings.Join(lines, "\n")
}

// gridLines draws the 2×2 grid in width×height cells: the high end of the y axis on top, the
// axes named around it (when there is room; the quadrant names say the same), each
// quadrant's name in its corner and each placed item as its number.
func (m *matrixEditor) gridLines(width, height int) []string {
	st := m.st
	xa, ya := m.axes()
	names := m.quadrantNames()
	axes := height >= 9
	inner := height - 3 // three borders
	if axes {
		inner -= 2 // the axis lines above and below
	}
	hh := max(inner/2, 2) // rows per half
	hw := max((width-3)/2, 6)
	// Each cell holds one character and what it shows, styled only when drawn.
	type cell struct {
		ch   rune
		kind int // 0 empty, 1 quadrant name, 2 item, 3 the picked item
	}
	cells := make([][]cell, 2*hh)
	for r := range cells {
		cells[r] = make([]cell, 2*hw)
		for c := range cells[r] {
			cells[r][c] = cell{ch: ' '}
		}
	}
	put := func(r, c int, s string, kind int) {
		for i, ch := range []rune(s) {
			if c+i >= 0 && c+i < len(cells[r]) {
				cells[r][c+i] = cell{ch: ch, kind: kind}
			}
		}
	}
	for q, name := range names {
		put((q/2)*hh, (q%2)*hw, ui.Truncate(name, hw), 1)
	}
	var picked [3]int // row, column, length of the picked item's label
	for i, it := range m.items {
		p, ok := m.matrix().Places[it.ID]
		if !ok {
			continue
		}
		r, c := cellOf(p, hh, hw)
		label := fmt.Sprint(i + 1)
		if i == m.cursor {
			picked = [3]int{r, max(c-1, 0), len(label) + 2}
			continue
		}
		if cells[r][c].kind == 2 {
			label = "*" // two items share the spot; the list tells them apart
		}
		put(r, c, label, 2)
	}
	if picked[2] > 0 {
		put(picked[0], min(picked[1], 2*hw-picked[2]), "["+fmt.Sprint(m.cursor+1)+"]", 3)
	}
	draw := func(row []cell) string {
		var b strings.Builder
		for _, c := range row {
			switch c.kind {
			case 1:
				b.WriteString(st.Muted.Render(string(c.ch)))
			case 3:
				b.WriteString(st.Selected.Render(string(c.ch)))
			default:
				b.WriteRune(c.ch)
			}
		}
		return b.String()
	}
	border := func(l, mid, r string) string {
		return st.Rule.Render(l + strings.Repeat("─", hw) + mid + strings.Repeat("─", hw) + r)
	}
	var out []string
	if axes {
		out = append(out, st.Muted.Render(ui.Truncate("↑ "+ya.High+" ("+ya.Label+")", width)))
	}
	out = append(out, border("┌", "┬", "┐"))
	for r := range cells {
		if r == hh {
			out = append(out, border("├", "┼", "┤"))
		}
		bar := st.Rule.Render("│")
		out = append(out, bar+draw(cells[r][:hw])+bar+draw(cells[r][hw:])+bar)
	}
	out = append(out, border("└", "┴", "┘"))
	bottom := ui.Spread("↓ "+ya.Low+"  ← "+xa.Low, xa.High+" →", 2*hw+3)
	if axes {
		out = append(out, st.Muted.Render(ui.Truncate(bottom, width)))
	}
	return out
}

// cellOf maps a grid place to a row and column of the drawing, keeping row 0 of each half
// for the quadrant's name.
func cellOf(p work.Place, hh, hw int) (row, col int) {
	half := work.GridSize / 2
	y := work.GridSize - 1 - p.Y // 0 at the top
	qr, yr := y/half, y%half
	qc, xr := p.X/half, p.X%half
	rows := hh - 1 // row 0 holds the name
	row = qr*hh + 1 + yr*rows/half
	col = qc*hw + 1 + xr*(hw-3)/(half-1)
	return row, col
}

// padTo pads or cuts a rendered line to exactly width cells.
func padTo(s string, width int) string {
	s = ui.Truncate(s, width)
	return s + strings.Repeat(" ", max(width-ui.CellWidth(s), 0))
}

func (m *matrixEditor) ShortHelp() []key.Binding {
	k := m.k
	if m.moving {
		return []key.Binding{ui.Relabel(k.Up, m.T("arrows"), m.T("move")), ui.Relabel(k.Place, "enter", m.T("finish|done")), ui.Relabel(k.Unplace, "u", m.T("take off"))}
	}
	return []key.Binding{k.Place, ui.Relabel(k.Quadrant, "1-4", m.T("place")), k.Submit}
}

func (m *matrixEditor) FullHelp() [][]key.Binding {
	k := m.k
	return [][]key.Binding{
		{k.Up, k.Down, k.Place, k.Unplace},
		{ui.Relabel(k.Left, "←↑↓→ hjkl", m.T("move the item")), k.Quadrant, k.Cancel},
		{k.Submit},
	}
}
