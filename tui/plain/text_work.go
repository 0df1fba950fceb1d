package plain

import (
	"strconv"
	"strings"

	"workshop/content"
	"workshop/i18n"
	"workshop/session/work"
)

// The replies to the exercises' commands, and the lines that read work back.

func msgPrompt(p *i18n.Printer, prompt string) string {
	return p.T("Exercise: %s", strings.Join(strings.Fields(prompt), " "))
}

func msgSubmitted(p *i18n.Printer, shared bool) string {
	if shared {
		return p.T("Marked done. The board stays open.")
	}
	return p.T("Submitted. You can still change it.")
}

func msgLineAdded(p *i18n.Printer, lines int) string {
	if lines == 1 {
		return p.T("Saved as a draft: 1 line. Type more lines, or a dot alone to submit.")
	}
	return p.T("Saved as a draft: %d lines.", lines)
}

func msgWhichNumber(p *i18n.Printer, n int) string {
	if n == 0 {
		return p.T("There is nothing to choose yet.")
	}
	return p.T("Type a number from 1 to %d.", n)
}

func msgTicked(p *i18n.Printer, n int, item string, on bool) string {
	if on {
		return p.T("Ticked %d: %s.", n, item)
	}
	return p.T("Unticked %d: %s.", n, item)
}

func msgChecklistItem(p *i18n.Printer, n int, item string, ticked bool, note string) string {
	s := p.T("%d. %s: not ticked.", n, item)
	if ticked {
		s = p.T("%d. %s: ticked.", n, item)
	}
	if note != "" {
		s += " " + p.T("Note: %s", note)
	}
	return s
}

func msgAnswered(p *i18n.Printer, q int, option string, correct bool, feedback string) string {
	s := p.T("Question %d: you chose %s. Not quite.", q, option)
	if correct {
		s = p.T("Question %d: you chose %s. Correct.", q, option)
	}
	if feedback != "" {
		s += " " + feedback
	}
	return s
}

func msgOption(p *i18n.Printer, n int, text string, chosen bool) string {
	if chosen {
		return "  " + p.T("option %d: %s (your answer)", n, text)
	}
	return "  " + p.T("option %d: %s", n, text)
}

func ratingName(p *i18n.Printer, r int, labels []string) string {
	if r < 1 || r > len(labels) {
		return p.T("not rated")
	}
	return strconv.Itoa(r) + ", " + labels[r-1]
}

func msgStatement(p *i18n.Printer, n int, s string, r int, labels []string, dist []int) string {
	out := p.T("%d. %s Your rating: %s.", n, s, ratingName(p, r, labels))
	if len(dist) == 5 {
		parts := make([]string, 5)
		for i, c := range dist {
			parts[i] = strconv.Itoa(i+1) + ": " + p.Int(c)
		}
		out += " " + p.T("Cohort: %s.", strings.Join(parts, ", "))
	}
	return out
}

func msgItemAdded(p *i18n.Printer, n, total int, shared, anonymous bool) string {
	switch {
	case anonymous:
		return p.T("Added as item %d, without your name. %d items on the board.", n, total)
	case shared:
		return p.T("Added as item %d. %d items on your team board.", n, total)
	}
	return p.T("Added as item %d. %d items on your list.", n, total)
}

func msgItem(p *i18n.Printer, n int, text string, by i18n.Msg) string {
	if !by.IsZero() {
		return p.T("%d. %s (%s)", n, text, by)
	}
	return strconv.Itoa(n) + ". " + text
}

func msgTally(p *i18n.Printer, t []work.Tally) []string {
	if len(t) == 0 {
		return []string{p.T("The vote result is out: no dots were given.")}
	}
	out := []string{p.T("The vote result is out, most dots first:")}
	for i, x := range t {
		out = append(out, p.T("%d. %s: %d dots.", i+1, x.Item.Text, x.Dots))
	}
	return out
}

func msgPlaceHow(p *i18n.Printer, size int) string {
	return p.T("Type place, the item number, at, then the position across and up, each from 1 to %d, for example: place 2 at 4 1.", size)
}

func msgMatrixItem(p *i18n.Printer, n int, text string, x, y int, quadrant string) string {
	if quadrant == "" {
		return p.T("%d. %s: not placed.", n, text)
	}
	return p.T("%d. %s: at %d across, %d up, %s.", n, text, x, y, quadrant)
}

func msgCellHow(p *i18n.Printer, lanes, stages int) string {
	return p.T("Type set, the lane (1 to %d), the stage (1 to %d) and the text, for example: set 1 2 calls the office.", lanes, stages)
}

func msgCellSet(p *i18n.Printer, row, col, text string) string {
	if text == "" {
		return p.T("%s, %s: emptied.", row, col)
	}
	return row + ", " + col + ": " + text
}

func msgStages(p *i18n.Printer, stages []string) string {
	return p.T("Stages: %s.", numbered(stages, ", "))
}

func msgCell(p *i18n.Printer, lane, stage int, name, text string) string {
	if text == "" {
		return "  " + p.T("%d %d, %s: empty", lane, stage, name)
	}
	return "  " + strconv.Itoa(lane) + " " + strconv.Itoa(stage) + ", " + name + ": " + text
}

func msgTableSetHow(p *i18n.Printer, rows, cols int) string {
	if rows == 0 {
		return p.T("There are no rows yet. Type row to add one.")
	}
	return p.T("Type set, the row (1 to %d), the column (1 to %d) and the value, for example: set 1 2 online.", rows, cols)
}

func msgRowCell(p *i18n.Printer, col, v string) string {
	if v == "" {
		return p.T("%s empty", col)
	}
	return col + " " + v
}

func msgColumns(p *i18n.Printer, cols []content.Column) string {
	parts := make([]string, len(cols))
	for i, c := range cols {
		switch c.Type {
		case content.ColumnNumber:
			parts[i] = p.T("%d %s (a number)", i+1, c.Name)
		case content.ColumnChoice:
			parts[i] = p.T("%d %s (one of: %s)", i+1, c.Name, strings.Join(c.Options, ", "))
		default:
			parts[i] = strconv.Itoa(i+1) + " " + c.Name
		}
	}
	return p.T("Columns: %s.", strings.Join(parts, "; "))
}

// msgBoardChanged says that others changed what the step works on, and how much it holds now.
func msgBoardChanged(p *i18n.Printer, k content.Kind, n int) string {
	switch k {
	case content.KindTable:
		return p.T("The board changed: %d rows now. Type list to hear it.", n)
	case content.KindMatrix:
		return p.T("The board changed: %d items placed now. Type list to hear it.", n)
	case content.KindJourney:
		return p.T("The board changed: %d cells filled now. Type list to hear it.", n)
	case content.KindList:
		return p.T("The board changed: %d items now. Type list to hear it.", n)
	}
	return p.T("The board changed: %d items to work on now. Type list to hear it.", n)
}
