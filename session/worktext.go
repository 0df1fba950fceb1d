package session

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"workshop/content"
	"workshop/i18n"
	"workshop/session/work"
)

// WorkText writes a piece of work out as plain lines, the way the answers wall and a spotlight
// show it; items are the list items a vote or matrix works on. It returns "" for empty work.
func WorkText(p *i18n.Printer, ex *content.Exercise, v any, items []work.Item) string {
	var lines []string
	switch w := v.(type) {
	case *work.Reflection:
		if t := strings.TrimSpace(w.Text); t != "" {
			lines = append(lines, t)
		}
	case *work.List:
		for _, it := range w.Items {
			if t := strings.TrimSpace(it.Text); t != "" {
				lines = append(lines, "• "+t)
			}
		}
	case *work.Vote:
		lines = voteLines(p, w, items)
	case *work.Matrix:
		lines = matrixLines(ex, w, items)
	case *work.Journey:
		lines = journeyLines(ex, w)
	case *work.Table:
		lines = tableLines(ex, w)
	case *work.Scale:
		lines = scaleLines(ex, w)
	case *work.Checklist:
		lines = checklistLines(ex, w)
	case *work.Quiz:
		lines = quizLines(p, ex, w)
	}
	return strings.Join(lines, "\n")
}

// itemText is the text of the item with the given id among items.
func itemText(p *i18n.Printer, items []work.Item, id string) string {
	for _, it := range items {
		if it.ID == id {
			return it.Text
		}
	}
	return p.T("(an item no longer listed)")
}

// voteLines are the items a vote spent dots on, most dots first.
func voteLines(p *i18n.Printer, w *work.Vote, items []work.Item) []string {
	ids := make([]string, 0, len(w.Dots))
	for id, n := range w.Dots {
		if n > 0 {
			ids = append(ids, id)
		}
	}
	slices.SortFunc(ids, func(a, b string) int { return cmp.Or(cmp.Compare(w.Dots[b], w.Dots[a]), cmp.Compare(a, b)) })
	var lines []string
	for _, id := range ids {
		lines = append(lines, fmt.Sprintf("%d · %s", w.Dots[id], itemText(p, items, id)))
	}
	return lines
}

// matrixLines are the items placed in each quadrant, one line a quadrant.
func matrixLines(ex *content.Exercise, w *work.Matrix, items []work.Item) []string {
	quads := ex.QuadrantNames()
	byQuad := make([][]string, 4)
	for _, pl := range work.Placements(items, w) {
		q := pl.Place.Quadrant()
		byQuad[q] = append(byQuad[q], pl.Item.Text)
	}
	var lines []string
	for q, texts := range byQuad {
		if len(texts) > 0 && q < len(quads) {
			lines = append(lines, fmt.Sprintf("%s: %s", quads[q], strings.Join(texts, "; ")))
		}
	}
	return lines
}

// journeyLines are the filled cells of a journey, lane by lane.
func journeyLines(ex *content.Exercise, w *work.Journey) []string {
	var lines []string
	for l, row := range w.Cells {
		for s, cell := range row {
			if t := strings.TrimSpace(cell); t != "" && l < len(ex.Lanes) && s < len(w.Stages) {
				lines = append(lines, fmt.Sprintf("%s · %s: %s", ex.Lanes[l], w.Stages[s], t))
			}
		}
	}
	return lines
}

// tableLines are a table's rows with something in them, each cell named by its column.
func tableLines(ex *content.Exercise, w *work.Table) []string {
	var lines []string
	for _, row := range w.Rows {
		var cells []string
		for i, c := range row {
			if t := strings.TrimSpace(c); t != "" && i < len(ex.Columns) {
				cells = append(cells, ex.Columns[i].Name+": "+t)
			}
		}
		if len(cells) > 0 {
			lines = append(lines, "• "+strings.Join(cells, " · "))
		}
	}
	return lines
}

// scaleLines are the statements rated, with the rating and its label.
func scaleLines(ex *content.Exercise, w *work.Scale) []string {
	labels := ex.ScaleLabels()
	var lines []string
	for i, r := range w.Ratings {
		if r >= 1 && r <= 5 && i < len(ex.Statements) {
			label := ""
			if r-1 < len(labels) {
				label = " (" + labels[r-1] + ")"
			}
			lines = append(lines, fmt.Sprintf("%s — %d%s", ex.Statements[i], r, label))
		}
	}
	return lines
}

// checklistLines are every item with its tick and note, or none when nothing was ticked or
// noted.
func checklistLines(ex *content.Exercise, w *work.Checklist) []string {
	touched := false
	var lines []string
	for i, item := range ex.Items {
		tick, note := i < len(w.Ticks) && w.Ticks[i], ""
		if i < len(w.Notes) {
			note = strings.TrimSpace(w.Notes[i])
		}
		touched = touched || tick || note != ""
		mark := "[ ]"
		if tick {
			mark = "[x]"
		}
		if note != "" {
			lines = append(lines, fmt.Sprintf("%s %s — %s", mark, item, note))
		} else {
			lines = append(lines, fmt.Sprintf("%s %s", mark, item))
		}
	}
	if !touched {
		return nil
	}
	return lines
}

// quizLines are the score and each answered question, marked right or wrong.
func quizLines(p *i18n.Printer, ex *content.Exercise, w *work.Quiz) []string {
	var lines []string
	for i, q := range ex.Questions {
		if i >= len(w.Answers) || w.Answers[i] < 0 || w.Answers[i] >= len(q.Options) {
			continue
		}
		o := q.Options[w.Answers[i]]
		mark := "✗"
		if o.Correct {
			mark = "✓"
		}
		lines = append(lines, fmt.Sprintf("%s %s — %s", mark, q.Question, o.Text))
	}
	if len(lines) == 0 {
		return nil
	}
	c, t := work.Score(ex, w)
	return append([]string{p.T("%d of %d correct", c, t)}, lines...)
}
