package exercise

import (
	"fmt"
	"strings"

	"workshop/content"
	"workshop/tui/ui"
)

// layout works out which columns fit, and their widths, scrolling to the cursor's column.
func (t *tableEditor) layout() (numW int, widths []int) {
	cols := t.ex.Columns
	numW = len(fmt.Sprint(len(t.table().Rows)+1)) + 3
	const minCol = 12
	avail := t.width - numW
	n := max(min(avail/(minCol+1), len(cols)), 1)
	if n < len(cols) {
		// Columns are hidden on the right at least some of the time: keep room for the
		// " N ▶" mark beside the last heading shown, so it never covers the heading.
		avail -= ui.CellWidth(t.rightMark(len(cols)))
		n = max(min(avail/(minCol+1), len(cols)), 1)
	}
	if t.col < t.first {
		t.first = t.col
	}
	if t.col >= t.first+n {
		t.first = t.col - n + 1
	}
	t.first = min(max(t.first, 0), max(len(cols)-n, 0))
	w := max(avail/n-1, 4)
	widths = make([]int, n)
	for i := range widths {
		widths[i] = w
	}
	return numW, widths
}

func (t *tableEditor) View() string {
	st := t.st
	tb := t.table()
	numW, widths := t.layout()
	sep := st.Rule.Render("│")

	head := padTo(st.Muted.Render(t.hiddenLeft()), numW)
	for i, w := range widths {
		c := t.first + i
		name := padTo(ui.Truncate(t.shown.Columns[c].Name, w), w)
		if c == t.col {
			name = st.Subtitle.Render(name)
		}
		head += sep + name
	}
	if right := t.hiddenRight(len(widths)); right != "" {
		head = padTo(head, t.width-ui.CellWidth(right)) + st.Muted.Render(right)
	}
	body := []string{head}
	lo := 0
	if t.noTeam {
		body = append(body, para(st.Muted, t.T("This table is shared by a team. When the facilitator forms teams, your team's table appears here."), t.width)...)
	}
	rows := bodyItems{noun: nounRow}
	for r, row := range tb.Rows {
		rows.starts = append(rows.starts, len(body))
		mark := "  "
		if r == t.row {
			mark = "› "
			lo = len(body)
		}
		line := padTo(mark+fmt.Sprint(r+1), numW)
		for i, w := range widths {
			c := t.first + i
			text := padTo(ui.Truncate(t.cellShown(c, row[c]), w), w)
			if r == t.row && c == t.col {
				text = st.Selected.Render(text)
			}
			line += sep + text
		}
		body = append(body, line)
	}
	rows.end = len(body)
	add := st.Muted.Render(t.T("+ Add a row (a)"))
	if len(tb.Rows) >= t.ex.RowLimit() {
		add = st.Muted.Render(t.T("The table is full."))
	}
	body = append(body, t.cursorLine(t.row == len(tb.Rows), add))
	if t.row == len(tb.Rows) {
		lo = len(body) - 1
	}
	var footer []string
	switch t.mode {
	case tableEdit:
		footer = append(footer, t.input.lines(t.width)...)
	case tableChoose:
		footer = append(footer, t.chooser())
	case tableDeleting:
		footer = append(footer, wrapped(st.Bad, t.T("Delete row %d? y deletes, any other key keeps it", t.row+1), t.width))
	default:
		footer = append(footer, t.detail())
	}
	footer = append(footer, t.statusLine(t.T("%d/%d rows", len(tb.Rows), t.ex.RowLimit())))
	return t.frameItems(body, rows, lo, lo, footer...)
}

func (t *tableEditor) hiddenLeft() string {
	if t.first > 0 {
		return fmt.Sprintf("◀ %d", t.first)
	}
	return ""
}

func (t *tableEditor) hiddenRight(n int) string {
	if rest := len(t.ex.Columns) - t.first - n; rest > 0 {
		return t.rightMark(rest)
	}
	return ""
}

// rightMark is the mark of rest columns hidden on the right.
func (t *tableEditor) rightMark(rest int) string { return fmt.Sprintf(" %d ▶", rest) }

// detail shows the whole value under the cursor, which the grid may cut.
func (t *tableEditor) detail() string {
	tb := t.table()
	if t.row >= len(tb.Rows) {
		return t.st.Muted.Render(t.T("Press a or enter to add a row."))
	}
	name := t.shown.Columns[t.col].Name
	v := t.cellShown(t.col, tb.Rows[t.row][t.col])
	if v == "" {
		where := t.T("Row %d · %s: ", t.row+1, name)
		return ui.Truncate(where, t.width/2) + t.st.Muted.Render(ui.Truncate(t.T("empty, enter fills it in"), t.width-min(t.width/2, ui.CellWidth(where))))
	}
	// The whole value, which the grid may cut, over at most two lines.
	lines := strings.Split(ui.Wrap(t.T("Row %d · %s: %s", t.row+1, name, v), t.width), "\n")
	if len(lines) > 2 {
		lines = []string{lines[0], ui.Truncate(lines[1]+" …", t.width)}
	}
	return strings.Join(lines, "\n")
}

// chooser shows a choice column's options with the one picked marked. When they do not all fit
// the line, it shows those around the one picked, with ◀ and ▶ where more are out of sight and
// where the pick is among them ("3/6"), so that nothing is ever chosen blind.
func (t *tableEditor) chooser() string {
	col := t.shown.Columns[t.editCol] // the options as the participant reads them
	label := t.st.Accent.Render(col.Name + ":")
	where := fmt.Sprintf("%d/%d", t.choice+1, len(col.Options))
	if t.choice < 0 {
		where = t.T("none/%d", len(col.Options))
	}
	room := t.width - ui.CellWidth(col.Name) - 2 - ui.CellWidth(where) - 1
	lines := []string{}
	if room < t.width/2 {
		// A long column name gets a line of its own, so the options keep theirs.
		lines = append(lines, ui.Truncate(label, t.width))
		room = t.width - ui.CellWidth(where) - 1
	} else {
		label += " "
	}
	parts := append([]string{t.T("(none)")}, col.Options...)
	shown := pickerWindow(parts, t.choice+1, room)
	var b strings.Builder
	if shown[0] > 0 {
		b.WriteString(t.st.Muted.Render("◀"))
	}
	for i := shown[0]; i < shown[1]; i++ {
		if i-1 == t.choice {
			b.WriteString(t.st.Selected.Render("[" + ui.Truncate(parts[i], max(room-4, 4)) + "]"))
		} else {
			b.WriteString(" " + parts[i] + " ")
		}
	}
	if shown[1] < len(parts) {
		b.WriteString(t.st.Muted.Render("▶"))
	}
	row := b.String()
	if len(lines) == 0 {
		row = label + row
	}
	return strings.Join(append(lines, ui.Spread(ui.Truncate(row, t.width-ui.CellWidth(where)-1), t.st.Muted.Render(where), t.width)), "\n")
}

// pickerWindow is the range [from, to) of parts, each drawn two cells wider than its text,
// that fits in room cells with the one at cur among them: from cur, taking in the next and the
// previous ones in turn while they fit, keeping a cell for each ◀ or ▶ mark.
func pickerWindow(parts []string, cur, room int) [2]int {
	w := func(i int) int { return ui.CellWidth(parts[i]) + 2 }
	from, to := cur, cur+1
	used := w(cur)
	for {
		grew := false
		marks := 0
		if from > 0 {
			marks++
		}
		if to < len(parts) {
			marks++
		}
		if to < len(parts) && used+w(to)+marks <= room {
			used += w(to)
			to++
			grew = true
		}
		if from > 0 && used+w(from-1)+marks <= room {
			from--
			used += w(from)
			grew = true
		}
		if !grew {
			return [2]int{from, to}
		}
	}
}

// cellShown is a stored cell of column col as the participant reads it: a choice in their
// language, anything typed as it was typed.
func (t *tableEditor) cellShown(col int, v string) string {
	if t.ex.Columns[col].Type != content.ColumnChoice || v == "" {
		return v
	}
	return t.optionShown(col, v)
}
