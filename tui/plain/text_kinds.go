package plain

import (
	"strconv"
	"strings"

	"workshop/content"
	"workshop/i18n"
	"workshop/session"
	"workshop/session/work"
)

// How each exercise kind is done in plain mode: its introduction, its status line, its help.

// kindIntro says how the step's exercise is done in plain mode.
func kindIntro(w *stepWork) []string {
	p, ex, shown := w.p(), w.ex, w.shown
	switch ex.Kind {
	case content.KindReflection:
		return []string{p.T("Write your answer: each line you type is added to it and saved as a draft. A line with only a dot submits it. Up to %d characters.", ex.TextLimit())}
	case content.KindList:
		switch {
		case ex.Anonymous:
			return []string{p.T("Type an item and press enter to add it to the anonymous board, shared by the cohort without names.")}
		case w.shared():
			return []string{p.T("Type an item and press enter to add it to your team board, shared live with your team.")}
		}
		return []string{p.T("Type an item and press enter to add it to your list.")}
	case content.KindChecklist:
		return append([]string{p.T("Tick the items that apply with tick and the number; add a note with note, the number and the text.")}, w.readChecklist(w.value.(*work.Checklist))...)
	case content.KindQuiz:
		return append([]string{p.T("Answer with answer, the question number and the option number; you hear the feedback at once.")}, w.readQuiz(w.value.(*work.Quiz))...)
	case content.KindScale:
		return append([]string{p.T("Rate each statement with rate, its number and a rating: %s.", numbered(w.scaleLabels(), ", "))}, w.readScale(w.value.(*work.Scale), nil)...)
	case content.KindVote:
		return append([]string{p.T("You have %d dots, at most %d on one item. Type dot and an item number to give it a dot; undot takes one back.", ex.DotCount(), ex.PerItemLimit())}, w.readVote(w.value.(*work.Vote))...)
	case content.KindMatrix:
		x, y := w.axes()
		return append([]string{
			p.T("Place each item on the matrix. Across: %s, from %s (1) to %s (%d). Up: %s, from %s (1) to %s (%d).", x.Label, x.Low, x.High, work.GridSize, y.Label, y.Low, y.High, work.GridSize),
			p.T("Quadrants: %s (top left, top right, bottom left, bottom right).", strings.Join(w.quadrantNames(), ", ")),
			msgPlaceHow(p, work.GridSize),
		}, w.readMatrix(w.value.(*work.Matrix))...)
	case content.KindJourney:
		j := w.value.(*work.Journey)
		out := []string{
			p.T("Fill the journey's cells: lanes are rows, stages are columns."),
			p.T("Lanes: %s.", numbered(shown.Lanes, ", ")),
			msgStages(p, w.stagesShown(j.Stages)),
			msgCellHow(p, len(ex.Lanes), len(j.Stages)),
		}
		if ex.AddStages {
			out = append(out, p.T("Type stage and a name to add a stage."))
		}
		return out
	case content.KindTable:
		return []string{p.T("Fill the table row by row."), msgColumns(p, shown.Columns), p.T("Type row to add a row (or row followed by the values, separated by semicolons), then set, the row, the column and the value.")}
	}
	return nil
}

// numbered writes names as "1 first, 2 second".
func numbered(names []string, sep string) string {
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = strconv.Itoa(i+1) + " " + n
	}
	return strings.Join(parts, sep)
}

// kindStatus is how far the work is, in one line.
func kindStatus(w *stepWork) string {
	p := w.p()
	switch v := w.value.(type) {
	case *work.Reflection:
		if v.Text == "" {
			return p.T("Your answer is empty. Type its first line.")
		}
		return p.T("Your answer has %d lines. Type more, list to hear it, or a dot alone to submit.", len(strings.Split(v.Text, "\n")))
	case *work.List:
		switch {
		case w.ex.Anonymous:
			return p.T("%d items on the anonymous board. Type a new item, or list, next, help.", len(v.Items))
		case w.shared():
			return p.T("%d items on your team board. Type a new item, or list, next, help.", len(v.Items))
		}
		return p.T("%d items on your list. Type a new item, or list, next, help.", len(v.Items))
	case *work.Checklist:
		n := 0
		for _, t := range v.Ticks {
			if t {
				n++
			}
		}
		return p.T("%d of %d items ticked. Type tick and a number, or list, help.", n, len(v.Ticks))
	case *work.Quiz:
		n := 0
		for _, a := range v.Answers {
			if a >= 0 {
				n++
			}
		}
		return p.T("%d of %d questions answered. Type answer, the question and the option, or list, help.", n, len(v.Answers))
	case *work.Scale:
		n := 0
		for _, r := range v.Ratings {
			if r > 0 {
				n++
			}
		}
		return p.T("%d of %d statements rated. Type rate, the statement and a rating, or list, help.", n, len(v.Ratings))
	case *work.Vote:
		return p.T("%d of %d dots spent on %d items. Type dot and a number, or list, help.", v.Spent(), w.ex.DotCount(), len(w.items))
	case *work.Matrix:
		return p.T("%d of %d items placed. Type place N at X Y, or list, help.", len(v.Places), len(w.items))
	case *work.Journey:
		return p.T("%d cells filled. Type set, the lane, the stage and the text, or list, help.", w.count())
	case *work.Table:
		return p.T("%d rows. Type row to add one, set to fill a cell, or list, help.", len(v.Rows))
	}
	return ""
}

// kindHelp lists the commands of one exercise kind.
func kindHelp(p *i18n.Printer, k content.Kind) []string {
	common := p.T("list: hear your work. done: mark the step done.")
	switch k {
	case content.KindReflection:
		return []string{p.T("This step's answer: type lines to add them. A dot alone, or done, submits. undo: take out the last line. clear: start again."), common}
	case content.KindList:
		return []string{p.T("This step's list: type an item to add it. edit N TEXT, delete N, up N, down N change item N."), common}
	case content.KindChecklist:
		return []string{p.T("This step's checklist: tick N, untick N, note N TEXT."), common}
	case content.KindQuiz:
		return []string{p.T("This step's quiz: answer Q O chooses option O for question Q."), common}
	case content.KindScale:
		return []string{p.T("This step's scale: rate N R gives statement N the rating R (1 to 5, 0 to clear)."), common}
	case content.KindVote:
		return []string{p.T("This step's vote: dot N, undot N, dots N K (K dots on item N)."), common}
	case content.KindMatrix:
		return []string{p.T("This step's matrix: place N at X Y, remove N."), common}
	case content.KindJourney:
		return []string{p.T("This step's journey: set LANE STAGE TEXT fills a cell; set LANE STAGE alone empties it. stage NAME adds a stage where allowed."), common}
	case content.KindTable:
		return []string{p.T("This step's table: row adds a row (row a; b; c fills it too), set ROW COLUMN VALUE, delete ROW. A choice can be typed by its number."), common}
	}
	return []string{common}
}

func msgDoneState(p *i18n.Printer, st session.Status, shared bool) string {
	switch {
	case st == session.StatusSubmitted:
		return p.T("You marked it done; you can still change it.")
	case shared:
		return p.T("Changes are saved at once. Type done when you are done.")
	case st == session.StatusDraft:
		return p.T("Draft saved. Type done to submit.")
	}
	return p.T("Not started.")
}
