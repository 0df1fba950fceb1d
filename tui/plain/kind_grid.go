package plain

import (
	"strings"

	"workshop/content"
	"workshop/session/work"
)

// Journeys: set LANE STAGE TEXT fills a cell ("set 1 2" alone empties it); stage NAME adds a
// stage where the exercise allows it.

func (w *stepWork) journey() *work.Journey { return w.value.(*work.Journey) }

func (w *stepWork) journeyCommand(cmd, args string) bool {
	p, j := w.p(), w.journey()
	switch cmd {
	case "set":
		lane, rest, ok := numberAndRest(args, len(w.ex.Lanes))
		if !ok {
			w.r.t.say(msgCellHow(p, len(w.ex.Lanes), len(j.Stages)))
			return true
		}
		stage, text, ok := numberAndRest(rest, len(j.Stages))
		if !ok {
			w.r.t.say(msgCellHow(p, len(w.ex.Lanes), len(j.Stages)))
			return true
		}
		name := j.Stages[stage]
		if w.change(func(v any) error { return v.(*work.Journey).SetCell(lane, stage, name, text) }) {
			w.r.t.say(msgCellSet(p, w.shown.Lanes[lane], w.stageShown(stage, name), text))
		}
	case "stage":
		if !w.ex.AddStages {
			w.r.t.say(p.T("This journey has fixed stages."))
			return true
		}
		name := strings.TrimSpace(args)
		if name == "" {
			w.r.t.say(p.T("Type stage and the new stage's name."))
			return true
		}
		if w.change(func(v any) error { return v.(*work.Journey).AddStage(name) }) {
			w.r.t.say(p.T("Stage %d added: %s.", len(w.journey().Stages), name))
		}
	default:
		return false
	}
	return true
}

func (w *stepWork) readJourney(j *work.Journey) []string {
	p, stages := w.p(), w.stagesShown(j.Stages)
	out := []string{msgStages(p, stages)}
	for l, lane := range w.shown.Lanes {
		out = append(out, p.T("Lane %d: %s.", l+1, lane))
		for s, stage := range stages {
			out = append(out, msgCell(p, l+1, s+1, stage, j.Cells[l][s]))
		}
	}
	return out
}

// Tables: row adds a row, set ROW COLUMN VALUE fills a cell, delete ROW removes one.

func (w *stepWork) table() *work.Table { return w.value.(*work.Table) }

func (w *stepWork) tableCommand(cmd, args string) bool {
	p, t := w.p(), w.table()
	cols := w.ex.Columns
	switch cmd {
	case "row", "add":
		if len(t.Rows) >= w.ex.RowLimit() {
			w.r.t.say(p.T("The table is full: %d rows is the limit.", w.ex.RowLimit()))
			return true
		}
		id := work.NewID()
		if w.change(func(v any) error { v.(*work.Table).AddRow(id, len(cols)); return nil }) {
			n := w.table().RowIndex(id) + 1
			w.r.t.say(p.T("Row %d added. Fill it with set %d, the column number and the value.", n, n))
			if args != "" {
				w.setRowValues(id, args)
			}
		}
	case "set":
		row, rest, ok := numberAndRest(args, len(t.Rows))
		if !ok {
			w.r.t.say(msgTableSetHow(p, len(t.Rows), len(cols)))
			return true
		}
		col, value, ok := numberAndRest(rest, len(cols))
		if !ok {
			w.r.t.say(msgTableSetHow(p, len(t.Rows), len(cols)))
			return true
		}
		value = w.pickOption(col, value)
		id := t.IDs[row]
		if w.change(func(v any) error { return v.(*work.Table).SetCell(id, col, value) }) {
			w.r.t.say(msgCellSet(p, p.T("Row %d", row+1), w.shown.Columns[col].Name, w.optionShown(col, value)))
		}
	case "delete", "remove":
		row, ok := index(args, len(t.Rows))
		if !ok {
			w.r.t.say(msgWhichNumber(p, len(t.Rows)))
			return true
		}
		id := t.IDs[row]
		if w.change(func(v any) error { v.(*work.Table).DeleteRow(id); return nil }) {
			w.r.t.say(p.T("Row %d deleted. %d rows left.", row+1, len(w.table().Rows)))
		}
	default:
		return false
	}
	return true
}

// setRowValues fills a new row from "a; b; c", one value per column in order.
func (w *stepWork) setRowValues(id, args string) {
	cols := w.ex.Columns
	parts := strings.Split(args, ";")
	values := make([]string, 0, len(parts))
	for i, p := range parts {
		if i >= len(cols) {
			break
		}
		values = append(values, w.pickOption(i, strings.TrimSpace(p)))
	}
	if w.change(func(v any) error {
		for i, val := range values {
			if err := v.(*work.Table).SetCell(id, i, val); err != nil {
				return err
			}
		}
		return nil
	}) {
		w.r.t.say(w.readRow(w.table().RowIndex(id)+1, w.table().Rows[w.table().RowIndex(id)]))
	}
}

// pickOption lets a choice of column col be typed by its number or (the start of) its name,
// in the participant's language or the module's own; it returns the module's own option, as
// work stores it.
func (w *stepWork) pickOption(col int, v string) string {
	orig := w.ex.Columns[col]
	if orig.Type != content.ColumnChoice || v == "" {
		return v
	}
	if i, ok := index(v, len(orig.Options)); ok {
		return orig.Options[i]
	}
	lists := [][]string{w.shown.Columns[col].Options, orig.Options}
	for _, opts := range lists {
		for i, o := range opts {
			if strings.EqualFold(o, v) {
				return orig.Options[i]
			}
		}
	}
	for _, opts := range lists {
		for i, o := range opts {
			if strings.HasPrefix(fold(o), fold(v)) {
				return orig.Options[i]
			}
		}
	}
	return v
}

func (w *stepWork) readTable(t *work.Table) []string {
	out := []string{msgColumns(w.p(), w.shown.Columns)}
	if len(t.Rows) == 0 {
		return append(out, w.p().T("No rows yet. Type row to add one."))
	}
	for i, row := range t.Rows {
		out = append(out, w.readRow(i+1, row))
	}
	return out
}

func (w *stepWork) readRow(n int, row []string) string {
	p, cols := w.p(), w.shown.Columns
	parts := make([]string, len(cols))
	for i, c := range cols {
		parts[i] = msgRowCell(p, c.Name, w.optionShown(i, row[i]))
	}
	return p.T("Row %d: %s", n, strings.Join(parts, "; "))
}
