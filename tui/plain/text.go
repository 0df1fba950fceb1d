package plain

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"workshop/content"
	"workshop/session"
	"workshop/session/work"
)

// Everything a participant reads in plain mode is here, as constants and small functions, so
// it can move into message catalogs in one place. Lines are short and say one thing each: a
// screen reader reads them in order.

const msgWelcome = "workshop, plain mode: one line at a time. Type help and press enter at any time for the commands."

const msgAskCode = "Type the join code your facilitator gave you and press enter. Coming back from another computer? Type your personal rejoin code instead. Type full for the full-screen mode."

var msgLobbyHelp = []string{
	"Type the join code (6 letters and digits) or your personal rejoin code (8), then enter.",
	"full: switch to the full-screen mode. quit: leave.",
}

func msgCodeFailed(err error) string {
	var tooMany *session.TooManyCodesError
	if errorsAs(err, &tooMany) {
		return tooMany.Error()
	}
	if errorsIs(err, session.ErrUnknownCode) {
		return "No workshop or participant has that code. Check it with your facilitator and try again."
	}
	return "Could not look up that code: " + sentence(session.ErrorMessage(err))
}

func msgCannotLookUp(reason string) string {
	return "Could not find where you were: " + sentence(reason)
}

func msgArchived(name string) string {
	return fmt.Sprintf("The workshop %q has been archived by its facilitator and takes no new participants.", name)
}

func msgAskName(cohort string) string {
	return fmt.Sprintf("Cohort: %s. What name should the facilitator and your group see? Type it and press enter, or type back for another code.", cohort)
}

const msgNeedName = "Type a name so the facilitator knows who you are."

func msgCannotJoin(reason string) string { return "Could not join: " + sentence(reason) }

func msgCannotOpen(reason string) string {
	return "Could not open the workshop: " + sentence(reason)
}

func msgRejoinCode(code string) []string {
	return []string{
		"You are in. Your personal rejoin code is " + spellCode(code) + ".",
		"Write it down: to come back as yourself, from this or another computer, connect again and type this code instead of the join code.",
	}
}

// spellCode writes a code with its characters apart, so a screen reader spells it instead of
// reading it as a word.
func spellCode(code string) string {
	return code + " (" + strings.Join(strings.Split(strings.ReplaceAll(code, "-", ""), ""), " ") + ")"
}

func msgGoodbye(rejoin string) string {
	if rejoin != "" {
		return "Goodbye. Your work is stored. To come back, connect again and type your rejoin code " + session.FormatRejoinCode(rejoin) + "."
	}
	return "Goodbye. Your work is stored. To come back, connect again with the same key."
}

func msgInCohort(cohort, name string) string {
	return fmt.Sprintf("Welcome, %s. You are in the workshop %s.", name, cohort)
}

func msgStep(n, of int, title string, timebox int, group bool) string {
	s := fmt.Sprintf("Step %d of %d: %s.", n, of, title)
	if timebox > 0 {
		s += fmt.Sprintf(" Time box %d minutes.", timebox)
	}
	if !group {
		s += " The group is on another step; type group to go there."
	}
	return s
}

func msgNoExercise(more bool) string {
	if more {
		return "Nothing to do on this step but read. Wait for the facilitator, or type help."
	}
	return "This is the last step. Type help for the commands, quit to leave."
}

const (
	msgFirstStep        = "This is the first step."
	msgLastStep         = "This is the last step."
	msgFacilitatorOpens = "The facilitator opens the next steps. Type group to return to the group's step."
	msgGoHow            = "Type go and a step number, for example: go 2."
	msgHandHow          = "Type hand and what you need, for example: hand I am stuck on the table."
	msgHandRaised       = "Your hand is raised: the facilitator sees it. Type lower to lower it."
	msgHandLowered      = "Hand lowered."
	msgNoHand           = "Your hand is not raised."
	msgHandAnswered     = "The facilitator answered your raised hand: your hand is down. Type hand again if you still need help."
	msgSpotlightOff     = "The spotlight is off."
	msgTimerStopped     = "The timer was stopped."
	msgTimeUp           = "Time is up."
	msgLastMinute       = "One minute left."
	msgNoTimer          = "No timer is running."
	msgVoteClosed       = "The vote is closed: dots are counted as they are."
	msgNoTeamNow        = "You are in no team now."
	msgNoTeamYet        = "You are not in a team yet: the facilitator will form teams."
	msgUnreadable       = "Your earlier work on this step could not be read; starting afresh."
	msgNotSavedYet      = "Not saved yet: the server could not store it just now. It stays here and is stored with your next change, or when you leave."
	msgCleared          = "Your answer is empty now."
	msgUndone           = "The last line of your answer was taken out."
	msgEmptyAnswer      = "Your answer is empty."
	msgYourAnswer       = "Your answer so far:"
	msgNoItems          = "No items yet."
	msgNotYours         = "On an anonymous board you can change only the items you added since you joined this time: no names are kept."
	msgNothingToVoteOn  = "There is nothing to vote on yet: the earlier step has no items."
	msgNothingToPlace   = "There is nothing to place yet: the earlier step has no items."
	msgAnswerHow        = "Type answer, the question number and the option number, for example: answer 1 2."
	msgRateHow          = "Type rate, the statement number and a rating from 1 to 5 (0 to clear), for example: rate 2 4."
	msgVoteHow          = "Type dot and an item number to give it a dot, undot to take one back, or dots, the number and how many, for example: dots 2 3."
	msgNoNewStages      = "This journey has fixed stages."
	msgStageHow         = "Type stage and the new stage's name."
	msgNoRows           = "No rows yet. Type row to add one."
)

func msgLineCut(limit int) string {
	return fmt.Sprintf("That line was longer than %d characters; the rest was left out.", limit)
}

func msgCannot(reason string) string { return sentence(reason) }

func msgNotSaved(reason string) string { return "Not saved: " + sentence(reason) }

func msgCannotLoad(reason string) string {
	return "Could not load this exercise: " + sentence(reason)
}

func msgNotACommand(s string) string {
	w, _ := word(s)
	return fmt.Sprintf("%q is not a command here. Type help for the commands.", w)
}

func msgAnnouncement(by, text string) string {
	if by != "" {
		return fmt.Sprintf("Announcement from %s: %s", by, text)
	}
	return "Announcement: " + text
}

func msgSpotlight(title, text string) string {
	return fmt.Sprintf("Spotlight, %s: %s", title, strings.ReplaceAll(text, "\n", " / "))
}

func msgPace(self bool) string {
	if self {
		return "The workshop is self-paced now: type next to go on when you are ready."
	}
	return "The facilitator leads the steps now."
}

func msgTeam(name string) string { return "You are in " + name + " now." }

func msgGroupMoved(n int, title string) string {
	return fmt.Sprintf("The group moved to step %d: %s.", n, title)
}

func msgGroupMovedAway(n int, title string) string {
	return fmt.Sprintf("The group moved to step %d: %s. Type group to go there.", n, title)
}

func msgLocked(locked bool) string {
	if locked {
		return "This step is locked: you can read your work but not change it."
	}
	return "This step is open again: you can change your work."
}

func minutes(d time.Duration) string {
	secs := int((d + time.Second - 1) / time.Second)
	switch {
	case secs >= 120:
		return fmt.Sprintf("%d minutes", (secs+30)/60)
	case secs >= 60:
		return fmt.Sprintf("1 minute %d seconds", secs-60)
	}
	return fmt.Sprintf("%d seconds", secs)
}

func msgTimerRunning(left time.Duration) string { return "Timer: " + minutes(left) + " left." }

func msgTimerPaused(left time.Duration) string {
	return "The timer is paused with " + minutes(left) + " left."
}

func msgTimeLeft(t *session.Timer) string {
	left := t.Remaining(time.Now())
	switch {
	case left <= 0:
		return msgTimeUp
	case t.Paused:
		return msgTimerPaused(left)
	}
	return msgTimerRunning(left)
}

var msgHelp = []string{
	"Commands, each on its own line:",
	"step: read this step again. status: where you are and your work. time: the timer.",
	"next, back: the next or the earlier step. group: the group's step. go N: step N.",
	"hand TEXT: ask the facilitator for help. lower: lower your hand.",
	"full: the full-screen mode. quit: leave; your work is stored.",
	"A line starting with ' is always text for the exercise, even if it is a command word.",
}

func msgPrompt(p string) string { return "Exercise: " + strings.Join(strings.Fields(p), " ") }

func msgDoneState(st session.Status, shared bool) string {
	switch {
	case st == session.StatusSubmitted:
		return "You marked it done; you can still change it."
	case shared:
		return "Changes are saved at once. Type done when you are done."
	case st == session.StatusDraft:
		return "Draft saved. Type done to submit."
	}
	return "Not started."
}

func msgSubmitted(shared bool) string {
	if shared {
		return "Marked done. The board stays open."
	}
	return "Submitted. You can still change it."
}

func msgLineAdded(lines int) string {
	if lines == 1 {
		return "Saved as a draft: 1 line. Type more lines, or a dot alone to submit."
	}
	return fmt.Sprintf("Saved as a draft: %d lines.", lines)
}

func msgWhichNumber(n int) string {
	if n == 0 {
		return "There is nothing to choose yet."
	}
	return fmt.Sprintf("Type a number from 1 to %d.", n)
}

func msgWhichOption(n int) string { return fmt.Sprintf("Type an option from 1 to %d.", n) }

func msgTicked(n int, item string, on bool) string {
	if on {
		return fmt.Sprintf("Ticked %d: %s.", n, item)
	}
	return fmt.Sprintf("Unticked %d: %s.", n, item)
}

func msgNoted(n int) string { return fmt.Sprintf("Note saved for item %d.", n) }

func msgChecklistItem(n int, item string, ticked bool, note string) string {
	s := fmt.Sprintf("%d. %s: ", n, item)
	if ticked {
		s += "ticked."
	} else {
		s += "not ticked."
	}
	if note != "" {
		s += " Note: " + note
	}
	return s
}

func msgAnswered(q int, option string, correct bool, feedback string) string {
	s := fmt.Sprintf("Question %d: you chose %s.", q, option)
	if correct {
		s += " Correct."
	} else {
		s += " Not quite."
	}
	if feedback != "" {
		s += " " + feedback
	}
	return s
}

func msgQuestion(n int, q string) string { return fmt.Sprintf("Question %d: %s", n, q) }

func msgOption(n int, text string, chosen bool) string {
	if chosen {
		return fmt.Sprintf("  option %d: %s (your answer)", n, text)
	}
	return fmt.Sprintf("  option %d: %s", n, text)
}

func ratingName(r int, labels []string) string {
	if r < 1 || r > len(labels) {
		return "not rated"
	}
	return fmt.Sprintf("%d, %s", r, labels[r-1])
}

func msgRated(n, r int, labels []string) string {
	return fmt.Sprintf("Statement %d: %s.", n, ratingName(r, labels))
}

func msgStatement(n int, s string, r int, labels []string, dist []int) string {
	out := fmt.Sprintf("%d. %s Your rating: %s.", n, s, ratingName(r, labels))
	if len(dist) == 5 {
		parts := make([]string, 5)
		for i, c := range dist {
			parts[i] = fmt.Sprintf("%d: %d", i+1, c)
		}
		out += " Cohort: " + strings.Join(parts, ", ") + "."
	}
	return out
}

func msgItemAdded(n, total int, shared, anonymous bool) string {
	switch {
	case anonymous:
		return fmt.Sprintf("Added as item %d, without your name. %d items on the board.", n, total)
	case shared:
		return fmt.Sprintf("Added as item %d. %d items on your team board.", n, total)
	}
	return fmt.Sprintf("Added as item %d. %d items on your list.", n, total)
}

func msgItemDeleted(text string, left int) string {
	return fmt.Sprintf("Deleted %q. %d items left.", text, left)
}

func msgEditHow(n int) string {
	return fmt.Sprintf("Type edit, the item number (1 to %d) and the new text, for example: edit 1 shorter queues.", n)
}

func msgItemEdited(n int) string { return fmt.Sprintf("Item %d changed.", n) }

func msgItemMoved(n int) string { return fmt.Sprintf("The item is number %d now.", n) }

func msgItem(n int, text, by string) string {
	if by != "" {
		return fmt.Sprintf("%d. %s (%s)", n, text, by)
	}
	return fmt.Sprintf("%d. %s", n, text)
}

func msgDots(n, dots, left int) string {
	return fmt.Sprintf("Item %d has %d of your dots. %d dots left.", n, dots, left)
}

func msgVoteItem(n int, text string, dots int) string {
	return fmt.Sprintf("%d. %s: %d of your dots.", n, text, dots)
}

func msgDotsLeft(left, total int) string {
	return fmt.Sprintf("%d of your %d dots left.", left, total)
}

func msgTally(t []work.Tally) []string {
	if len(t) == 0 {
		return []string{"The vote result is out: no dots were given."}
	}
	out := []string{"The vote result is out, most dots first:"}
	for i, x := range t {
		out = append(out, fmt.Sprintf("%d. %s: %d dots.", i+1, x.Item.Text, x.Dots))
	}
	return out
}

func msgPlaceHow(size int) string {
	return fmt.Sprintf("Type place, the item number, at, then the position across and up, each from 1 to %d, for example: place 2 at 4 1.", size)
}

func msgPlaced(n, x, y int, quadrant string) string {
	return fmt.Sprintf("Item %d placed at %d across, %d up: %s.", n, x, y, quadrant)
}

func msgUnplaced(n int) string { return fmt.Sprintf("Item %d taken off the matrix.", n) }

func msgMatrixItem(n int, text string, x, y int, quadrant string) string {
	if quadrant == "" {
		return fmt.Sprintf("%d. %s: not placed.", n, text)
	}
	return fmt.Sprintf("%d. %s: at %d across, %d up, %s.", n, text, x, y, quadrant)
}

func msgCellHow(lanes, stages int) string {
	return fmt.Sprintf("Type set, the lane (1 to %d), the stage (1 to %d) and the text, for example: set 1 2 calls the office.", lanes, stages)
}

func msgCellSet(row, col, text string) string {
	if text == "" {
		return fmt.Sprintf("%s, %s: emptied.", row, col)
	}
	return fmt.Sprintf("%s, %s: %s", row, col, text)
}

func msgStageAdded(name string, n int) string {
	return fmt.Sprintf("Stage %d added: %s.", n, name)
}

func msgStages(stages []string) string {
	parts := make([]string, len(stages))
	for i, s := range stages {
		parts[i] = fmt.Sprintf("%d %s", i+1, s)
	}
	return "Stages: " + strings.Join(parts, ", ") + "."
}

func msgLane(n int, lane string) string { return fmt.Sprintf("Lane %d: %s.", n, lane) }

func msgCell(lane, stage int, name, text string) string {
	if text == "" {
		text = "empty"
	}
	return fmt.Sprintf("  %d %d, %s: %s", lane, stage, name, text)
}

func msgTableFull(n int) string { return fmt.Sprintf("The table is full: %d rows is the limit.", n) }

func msgRowAdded(n int) string {
	return fmt.Sprintf("Row %d added. Fill it with set %d, the column number and the value.", n, n)
}

func msgTableSetHow(rows, cols int) string {
	if rows == 0 {
		return "There are no rows yet. Type row to add one."
	}
	return fmt.Sprintf("Type set, the row (1 to %d), the column (1 to %d) and the value, for example: set 1 2 online.", rows, cols)
}

func msgRowDeleted(n, left int) string { return fmt.Sprintf("Row %d deleted. %d rows left.", n, left) }

func msgRowName(n int) string { return fmt.Sprintf("Row %d", n) }

func msgRowCell(col, v string) string {
	if v == "" {
		v = "empty"
	}
	return col + " " + v
}

func msgColumns(cols []content.Column) string {
	parts := make([]string, len(cols))
	for i, c := range cols {
		p := fmt.Sprintf("%d %s", i+1, c.Name)
		switch c.Type {
		case content.ColumnNumber:
			p += " (a number)"
		case content.ColumnChoice:
			p += " (one of: " + strings.Join(c.Options, ", ") + ")"
		}
		parts[i] = p
	}
	return "Columns: " + strings.Join(parts, "; ") + "."
}

func msgBoardChanged(before, after int, noun string) string {
	if before == after {
		return fmt.Sprintf("The board changed; %d %s. Type list to hear it.", after, noun)
	}
	return fmt.Sprintf("The board changed: %d %s now. Type list to hear it.", after, noun)
}

// kindIntro says how the step's exercise is done in plain mode.
func kindIntro(w *stepWork) []string {
	ex := w.ex
	switch ex.Kind {
	case content.KindReflection:
		return []string{fmt.Sprintf("Write your answer: each line you type is added to it and saved as a draft. A line with only a dot submits it. Up to %d characters.", ex.TextLimit())}
	case content.KindList:
		where := "your list"
		switch {
		case ex.Anonymous:
			where = "the anonymous board, shared by the cohort without names"
		case w.shared():
			where = "your team board, shared live with your team"
		}
		return []string{"Type an item and press enter to add it to " + where + "."}
	case content.KindChecklist:
		return append([]string{"Tick the items that apply with tick and the number; add a note with note, the number and the text."}, readChecklist(ex, w.value.(*work.Checklist))...)
	case content.KindQuiz:
		return append([]string{"Answer with answer, the question number and the option number; you hear the feedback at once."}, readQuiz(ex, w.value.(*work.Quiz))...)
	case content.KindScale:
		labels := ex.ScaleLabels()
		parts := make([]string, len(labels))
		for i, l := range labels {
			parts[i] = fmt.Sprintf("%d %s", i+1, l)
		}
		return append([]string{"Rate each statement with rate, its number and a rating: " + strings.Join(parts, ", ") + "."}, readScale(ex, w.value.(*work.Scale), nil)...)
	case content.KindVote:
		return append([]string{fmt.Sprintf("You have %d dots, at most %d on one item. Type dot and an item number to give it a dot; undot takes one back.", ex.DotCount(), ex.PerItemLimit())}, w.readVote(w.value.(*work.Vote))...)
	case content.KindMatrix:
		x, y := ex.MatrixAxes()
		return append([]string{
			fmt.Sprintf("Place each item on the matrix. Across: %s, from %s (1) to %s (%d). Up: %s, from %s (1) to %s (%d).", x.Label, x.Low, x.High, work.GridSize, y.Label, y.Low, y.High, work.GridSize),
			"Quadrants: " + strings.Join(ex.QuadrantNames(), ", ") + " (top left, top right, bottom left, bottom right).",
			msgPlaceHow(work.GridSize),
		}, w.readMatrix(w.value.(*work.Matrix))...)
	case content.KindJourney:
		j := w.value.(*work.Journey)
		lanes := make([]string, len(ex.Lanes))
		for i, l := range ex.Lanes {
			lanes[i] = fmt.Sprintf("%d %s", i+1, l)
		}
		out := []string{"Fill the journey's cells: lanes are rows, stages are columns.", "Lanes: " + strings.Join(lanes, ", ") + ".", msgStages(j.Stages), msgCellHow(len(ex.Lanes), len(j.Stages))}
		if ex.AddStages {
			out = append(out, "Type stage and a name to add a stage.")
		}
		return out
	case content.KindTable:
		return []string{"Fill the table row by row.", msgColumns(ex.Columns), "Type row to add a row (or row followed by the values, separated by semicolons), then set, the row, the column and the value."}
	}
	return nil
}

// kindStatus is how far the work is, in one line.
func kindStatus(w *stepWork) string {
	switch v := w.value.(type) {
	case *work.Reflection:
		if v.Text == "" {
			return "Your answer is empty. Type its first line."
		}
		return fmt.Sprintf("Your answer has %d lines. Type more, list to hear it, or a dot alone to submit.", len(strings.Split(v.Text, "\n")))
	case *work.List:
		where := "on your list"
		switch {
		case w.ex.Anonymous:
			where = "on the anonymous board"
		case w.shared():
			where = "on your team board"
		}
		return fmt.Sprintf("%d items %s. Type a new item, or list, next, help.", len(v.Items), where)
	case *work.Checklist:
		n := 0
		for _, t := range v.Ticks {
			if t {
				n++
			}
		}
		return fmt.Sprintf("%d of %d items ticked. Type tick and a number, or list, help.", n, len(v.Ticks))
	case *work.Quiz:
		n := 0
		for _, a := range v.Answers {
			if a >= 0 {
				n++
			}
		}
		return fmt.Sprintf("%d of %d questions answered. Type answer, the question and the option, or list, help.", n, len(v.Answers))
	case *work.Scale:
		n := 0
		for _, r := range v.Ratings {
			if r > 0 {
				n++
			}
		}
		return fmt.Sprintf("%d of %d statements rated. Type rate, the statement and a rating, or list, help.", n, len(v.Ratings))
	case *work.Vote:
		return fmt.Sprintf("%d of %d dots spent on %d items. Type dot and a number, or list, help.", v.Spent(), w.ex.DotCount(), len(w.items))
	case *work.Matrix:
		return fmt.Sprintf("%d of %d items placed. Type place N at X Y, or list, help.", len(v.Places), len(w.items))
	case *work.Journey:
		return fmt.Sprintf("%d cells filled. Type set, the lane, the stage and the text, or list, help.", w.count())
	case *work.Table:
		return fmt.Sprintf("%d rows. Type row to add one, set to fill a cell, or list, help.", len(v.Rows))
	}
	return ""
}

// kindHelp lists the commands of one exercise kind.
func kindHelp(k content.Kind) []string {
	common := "list: hear your work. done: mark the step done."
	switch k {
	case content.KindReflection:
		return []string{"This step's answer: type lines to add them. A dot alone, or done, submits. undo: take out the last line. clear: start again.", common}
	case content.KindList:
		return []string{"This step's list: type an item to add it. edit N TEXT, delete N, up N, down N change item N.", common}
	case content.KindChecklist:
		return []string{"This step's checklist: tick N, untick N, note N TEXT.", common}
	case content.KindQuiz:
		return []string{"This step's quiz: answer Q O chooses option O for question Q.", common}
	case content.KindScale:
		return []string{"This step's scale: rate N R gives statement N the rating R (1 to 5, 0 to clear).", common}
	case content.KindVote:
		return []string{"This step's vote: dot N, undot N, dots N K (K dots on item N).", common}
	case content.KindMatrix:
		return []string{"This step's matrix: place N at X Y, remove N.", common}
	case content.KindJourney:
		return []string{"This step's journey: set LANE STAGE TEXT fills a cell; set LANE STAGE alone empties it. stage NAME adds a stage where allowed.", common}
	case content.KindTable:
		return []string{"This step's table: row adds a row (row a; b; c fills it too), set ROW COLUMN VALUE, delete ROW. A choice can be typed by its number.", common}
	}
	return []string{common}
}

// guidanceLines turns a step's Markdown guidance into plain lines: headings and emphasis
// marks dropped, blank lines folded, so a screen reader reads words rather than symbols.
func guidanceLines(md string) []string {
	var out []string
	blank := false
	for _, l := range strings.Split(md, "\n") {
		l = strings.TrimSpace(l)
		l = strings.TrimLeft(l, "#")
		l = strings.NewReplacer("**", "", "__", "", "`", "").Replace(strings.TrimSpace(l))
		if strings.HasPrefix(l, "* ") || strings.HasPrefix(l, "- ") || strings.HasPrefix(l, "+ ") {
			l = "• " + l[2:]
		}
		if l == "" {
			blank = len(out) > 0
			continue
		}
		if blank {
			out = append(out, "")
			blank = false
		}
		out = append(out, l)
	}
	return out
}

// sentence makes a message start with a capital letter and end with a full stop.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	r := []rune(s)
	if r[0] >= 'a' && r[0] <= 'z' {
		r[0] -= 'a' - 'A'
	}
	s = string(r)
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "?") && !strings.HasSuffix(s, "!") {
		s += "."
	}
	return s
}

// msgYourCohorts lists the workshops a returning key belongs to, to choose by number.
func msgYourCohorts(ms []session.Membership) []string {
	out := []string{"You are in " + strconv.Itoa(len(ms)) + " workshops. Type the number of one to go back to it, or a join code for another."}
	for i, m := range ms {
		line := strconv.Itoa(i+1) + ". " + m.Cohort.Name
		if m.ModuleTitle != "" {
			line += ", " + m.ModuleTitle + ", step " + strconv.Itoa(m.Step+1) + " of " + strconv.Itoa(m.Steps)
		}
		out = append(out, line)
	}
	return out
}
