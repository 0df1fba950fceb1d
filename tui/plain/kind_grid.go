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
	j := w.journey()
	switch cmd {
	case "set", "cell":
		lane, rest, ok := numberAndRest(args, len(w.ex.Lanes))
		if !ok {
			w.r.t.say(msgCellHow(len(w.ex.Lanes), len(j.Stages)))
			return true
		}
		stage, text, ok := numberAndRest(rest, len(j.Stages))
		if !ok {
			w.r.t.say(msgCellHow(len(w.ex.Lanes), len(j.Stages)))
			return true
		}
		name := j.Stages[stage]
		if w.change(func(v any) error { return v.(*work.Journey).SetCell(lane, stage, name, text) }) {
			w.r.t.say(msgCellSet(w.ex.Lanes[lane], name, text))
		}
	case "stage":
		if !w.ex.AddStages {
			w.r.t.say(msgNoNewStages)
			return true
		}
		name := strings.TrimSpace(args)
		if name == "" {
			w.r.t.say(msgStageHow)
			return true
		}
		if w.change(func(v any) error { return v.(*work.Journey).AddStage(name) }) {
			w.r.t.say(msgStageAdded(name, len(w.journey().Stages)))
		}
	default:
		return false
	}
	return true
}

func readJourney(ex *content.Exercise, j *work.Journey) []string {
	var out []string
	out = append(out, msgStages(j.Stages))
	for l, lane := range ex.Lanes {
		out = append(out, msgLane(l+1, lane))
		for s, stage := range j.Stages {
			out = append(out, msgCell(l+1, s+1, stage, j.Cells[l][s]))
		}
	}
	return out
}

// Tables: row adds a row, set ROW COLUMN VALUE fills a cell, delete ROW removes one.

func (w *stepWork) table() *work.Table { return w.value.(*work.Table) }

func (w *stepWork) tableCommand(cmd, args string) bool {
	t := w.table()
	cols := w.ex.Columns
	switch cmd {
	case "row", "add":
		if len(t.Rows) >= w.ex.RowLimit() {
			w.r.t.say(msgTableFull(w.ex.RowLimit()))
			return true
		}
		id := work.NewID()
		if w.change(func(v any) error { v.(*work.Table).AddRow(id, len(cols)); return nil }) {
			w.r.t.say(msgRowAdded(w.table().RowIndex(id) + 1))
			if args != "" {
				w.setRowValues(id, args)
			}
		}
	case "set", "cell":
		row, rest, ok := numberAndRest(args, len(t.Rows))
		if !ok {
			w.r.t.say(msgTableSetHow(len(t.Rows), len(cols)))
			return true
		}
		col, value, ok := numberAndRest(rest, len(cols))
		if !ok {
			w.r.t.say(msgTableSetHow(len(t.Rows), len(cols)))
			return true
		}
		value = pickOption(cols[col], value)
		id := t.IDs[row]
		if w.change(func(v any) error { return v.(*work.Table).SetCell(id, col, value) }) {
			w.r.t.say(msgCellSet(msgRowName(row+1), cols[col].Name, value))
		}
	case "delete", "remove":
		row, ok := index(args, len(t.Rows))
		if !ok {
			w.r.t.say(msgWhichNumber(len(t.Rows)))
			return true
		}
		id := t.IDs[row]
		if w.change(func(v any) error { v.(*work.Table).DeleteRow(id); return nil }) {
			w.r.t.say(msgRowDeleted(row+1, len(w.table().Rows)))
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
		values = append(values, pickOption(cols[i], strings.TrimSpace(p)))
	}
	if w.change(func(v any) error {
		for i, val := range values {
			if err := v.(*work.Table).SetCell(id, i, val); err != nil {
				return err
			}
		}
		return nil
	}) {
		w.r.t.say(readRow(cols, w.table().RowIndex(id)+1, w.table().Rows[w.table().RowIndex(id)]))
	}
}

// pickOption lets a choice be typed by its number or the start of its name.
func pickOption(col content.Column, v string) string {
	if col.Type != content.ColumnChoice || v == "" {
		return v
	}
	if i, ok := index(v, len(col.Options)); ok {
		return col.Options[i]
	}
	for _, o := range col.Options {
		if strings.EqualFold(o, v) {
			return o
		}
	}
	for _, o := range col.Options {
		if strings.HasPrefix(strings.ToLower(o), strings.ToLower(v)) {
			return o
		}
	}
	return v
}

func readTable(ex *content.Exercise, t *work.Table) []string {
	out := []string{msgColumns(ex.Columns)}
	if len(t.Rows) == 0 {
		return append(out, msgNoRows)
	}
	for i, row := range t.Rows {
		out = append(out, readRow(ex.Columns, i+1, row))
	}
	return out
}

func readRow(cols []content.Column, n int, row []string) string {
	parts := make([]string, len(cols))
	for i, c := range cols {
		parts[i] = msgRowCell(c.Name, row[i])
	}
	return msgRowName(n) + ": " + strings.Join(parts, "; ")
}
