package work

import (
	"errors"
	"fmt"
	"slices"

	"workshop/i18n"
)

// The changes below are written as intents ("set the text of item X") rather than whole new
// values, so the same change can be applied to a participant's own copy and, for a shared
// board, again to the newest stored board under the hub's lock: teammates who change different
// things at the same moment both keep their change.

// ErrGone is returned by a change that names something a teammate removed meanwhile.
var ErrGone = errors.New("a teammate removed it a moment ago")

// Index returns the position of the item with the given id, or -1.
func (l *List) Index(id string) int {
	return slices.IndexFunc(l.Items, func(it Item) bool { return it.ID == id })
}

// Add appends an item. Adding an id that is already there changes nothing, so a change that
// is applied twice adds one item.
func (l *List) Add(it Item) {
	if l.Index(it.ID) >= 0 {
		return
	}
	l.Items = append(l.Items, it)
}

// Edit sets an item's text; by is who changed it (0 when no author may be kept).
func (l *List) Edit(id, text string, by int64) error {
	i := l.Index(id)
	if i < 0 {
		return gone(i18n.M("that item is no longer on the board: a teammate removed it a moment ago"))
	}
	l.Items[i].Text = text
	if by != l.Items[i].By {
		l.Items[i].EditedBy = by
	} else {
		l.Items[i].EditedBy = 0
	}
	return nil
}

// Delete removes an item; removing one that is already gone is not an error.
func (l *List) Delete(id string) {
	if i := l.Index(id); i >= 0 {
		l.Items = slices.Delete(l.Items, i, i+1)
	}
}

// Move shifts an item delta places up (negative) or down, stopping at either end.
func (l *List) Move(id string, delta int) error {
	i := l.Index(id)
	if i < 0 {
		return gone(i18n.M("that item is no longer on the board: a teammate removed it a moment ago"))
	}
	j := clamp(i+delta, 0, len(l.Items)-1)
	it := l.Items[i]
	l.Items = slices.Delete(l.Items, i, i+1)
	l.Items = slices.Insert(l.Items, j, it)
	return nil
}

// Spent is the number of dots given out.
func (v *Vote) Spent() int {
	n := 0
	for _, d := range v.Dots {
		n += d
	}
	return n
}

// Set puts n dots on an item (0 removes them).
func (v *Vote) Set(id string, n int) {
	if n <= 0 {
		delete(v.Dots, id)
		return
	}
	v.Dots[id] = n
}

// Keep drops dots on items that are no longer among items, so they can be spent again.
func (v *Vote) Keep(items []Item) {
	for id := range v.Dots {
		if !slices.ContainsFunc(items, func(it Item) bool { return it.ID == id }) {
			delete(v.Dots, id)
		}
	}
}

// Place puts an item at p, clamped to the grid.
func (m *Matrix) Place(id string, p Place) {
	m.Places[id] = Place{X: clamp(p.X, 0, GridSize-1), Y: clamp(p.Y, 0, GridSize-1)}
}

// Unplace takes an item off the grid.
func (m *Matrix) Unplace(id string) { delete(m.Places, id) }

// StageIndex finds a stage by name, preferring position at when that stage still has the
// name; -1 if no stage has it.
func (j *Journey) StageIndex(at int, name string) int {
	if at >= 0 && at < len(j.Stages) && j.Stages[at] == name {
		return at
	}
	return slices.Index(j.Stages, name)
}

// SetCell sets the text of one cell, naming the stage as well as its position so a change
// lands in the right column even if a teammate added or removed a stage meanwhile.
func (j *Journey) SetCell(lane, stage int, stageName, text string) error {
	s := j.StageIndex(stage, stageName)
	if s < 0 {
		return gone(i18n.M("the stage %q is gone: a teammate removed it a moment ago", stageName))
	}
	if lane < 0 || lane >= len(j.Cells) {
		return fmt.Errorf("no lane %d", lane+1)
	}
	j.Cells[lane][s] = text
	return nil
}

// AddStage appends a stage with empty cells; stage names are unique.
func (j *Journey) AddStage(name string) error {
	if slices.Contains(j.Stages, name) {
		return refuse(i18n.M("there is already a stage called %q", name))
	}
	j.Stages = append(j.Stages, name)
	for i := range j.Cells {
		j.Cells[i] = append(j.Cells[i], "")
	}
	return nil
}

// RenameStage renames a stage; names stay unique.
func (j *Journey) RenameStage(at int, old, name string) error {
	s := j.StageIndex(at, old)
	if s < 0 {
		return gone(i18n.M("the stage %q is gone: a teammate removed it a moment ago", old))
	}
	if old != name && slices.Contains(j.Stages, name) {
		return refuse(i18n.M("there is already a stage called %q", name))
	}
	j.Stages[s] = name
	return nil
}

// DeleteStage removes a stage and its cells.
func (j *Journey) DeleteStage(at int, name string) {
	s := j.StageIndex(at, name)
	if s < 0 {
		return
	}
	j.Stages = slices.Delete(j.Stages, s, s+1)
	for i := range j.Cells {
		if s < len(j.Cells[i]) {
			j.Cells[i] = slices.Delete(j.Cells[i], s, s+1)
		}
	}
}

// RowIndex returns the position of the row with the given id, or -1.
func (t *Table) RowIndex(id string) int { return slices.Index(t.IDs, id) }

// AddRow appends an empty row of n cells with the given id; an id already there adds nothing.
func (t *Table) AddRow(id string, n int) {
	if t.RowIndex(id) >= 0 {
		return
	}
	t.Rows = append(t.Rows, make([]string, n))
	t.IDs = append(t.IDs, id)
}

// SetCell sets one cell of the row with the given id.
func (t *Table) SetCell(id string, col int, v string) error {
	i := t.RowIndex(id)
	if i < 0 {
		return gone(i18n.M("that row is no longer in the table: a teammate removed it a moment ago"))
	}
	if col < 0 || col >= len(t.Rows[i]) {
		return fmt.Errorf("no column %d", col+1)
	}
	t.Rows[i][col] = v
	return nil
}

// DeleteRow removes the row with the given id; removing one already gone is not an error.
func (t *Table) DeleteRow(id string) {
	if i := t.RowIndex(id); i >= 0 {
		t.Rows = slices.Delete(t.Rows, i, i+1)
		t.IDs = slices.Delete(t.IDs, i, i+1)
	}
}

// Clone returns a deep copy of decoded work of any kind, so an editor can try a change and
// keep the original if the change breaks a limit.
func Clone(v any) any {
	switch w := v.(type) {
	case *Reflection:
		c := *w
		return &c
	case *List:
		return &List{Items: slices.Clone(w.Items)}
	case *Vote:
		c := &Vote{Dots: make(map[string]int, len(w.Dots))}
		for k, n := range w.Dots {
			c.Dots[k] = n
		}
		return c
	case *Matrix:
		c := &Matrix{Places: make(map[string]Place, len(w.Places))}
		for k, p := range w.Places {
			c.Places[k] = p
		}
		return c
	case *Journey:
		c := &Journey{Stages: slices.Clone(w.Stages), Cells: make([][]string, len(w.Cells))}
		for i, row := range w.Cells {
			c.Cells[i] = slices.Clone(row)
		}
		return c
	case *Table:
		c := &Table{Rows: make([][]string, len(w.Rows)), IDs: slices.Clone(w.IDs)}
		for i, row := range w.Rows {
			c.Rows[i] = slices.Clone(row)
		}
		return c
	case *Scale:
		return &Scale{Ratings: slices.Clone(w.Ratings)}
	case *Checklist:
		return &Checklist{Ticks: slices.Clone(w.Ticks), Notes: slices.Clone(w.Notes)}
	case *Quiz:
		return &Quiz{Answers: slices.Clone(w.Answers)}
	case *Shared:
		c := *w
		return &c
	}
	return v
}
