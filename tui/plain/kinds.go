package plain

import (
	"strconv"
	"strings"

	"workshop/content"
	"workshop/session/work"
)

// intro says what the exercise asks and how to do it here.
func (w *stepWork) intro() []string {
	var out []string
	if w.shown.Prompt != "" {
		out = append(out, msgPrompt(w.p(), w.shown.Prompt))
	}
	out = append(out, kindIntro(w)...)
	if w.noTeam {
		out = append(out, w.p().T("You are not in a team yet: the facilitator will form teams."))
	}
	if w.r.snap.Cohort.Live.IsLocked(w.step.ID) {
		out = append(out, msgLocked(w.p(), true))
	}
	return out
}

// status is the line before the prompt: how far the work is and what to type next.
func (w *stepWork) status() string {
	return kindStatus(w) + " " + msgDoneState(w.p(), w.state, w.shared())
}

// help lists the exercise's commands.
func (w *stepWork) help() []string { return kindHelp(w.p(), w.ex.Kind) }

// takesText says whether the exercise takes lines of free text (an answer, new items).
func (w *stepWork) takesText() bool {
	return w.ex.Kind == content.KindReflection || w.ex.Kind == content.KindList
}

// command handles one of the exercise's commands, given as the English word it stands for
// (see commandOf); false if cmd is none of them.
func (w *stepWork) command(cmd, args string) bool {
	switch cmd {
	case "done":
		w.submit()
		return true
	case "list":
		w.r.t.say(w.read()...)
		return true
	}
	switch w.ex.Kind {
	case content.KindReflection:
		return w.reflectionCommand(cmd)
	case content.KindChecklist:
		return w.checklistCommand(cmd, args)
	case content.KindQuiz:
		return w.quizCommand(cmd, args)
	case content.KindScale:
		return w.scaleCommand(cmd, args)
	case content.KindList:
		return w.listCommand(cmd, args)
	case content.KindVote:
		return w.voteCommand(cmd, args)
	case content.KindMatrix:
		return w.matrixCommand(cmd, args)
	case content.KindJourney:
		return w.journeyCommand(cmd, args)
	case content.KindTable:
		return w.tableCommand(cmd, args)
	}
	return false
}

// text takes a line that is no command: an answer's next line, a new item. False when the
// exercise takes no free text.
func (w *stepWork) text(s string) bool {
	switch w.ex.Kind {
	case content.KindReflection:
		w.reflectionLine(s)
		return true
	case content.KindList:
		w.addItem(s)
		return true
	}
	// A bare pair of numbers is a quick answer: "2 3" rates statement 2 as 3, answers
	// question 2 with option 3, and so on.
	if f := strings.Fields(s); len(f) >= 2 {
		if _, err := strconv.Atoi(f[0]); err == nil {
			return w.command(quickVerb(w.ex.Kind), s)
		}
	}
	if _, err := strconv.Atoi(strings.TrimSpace(s)); err == nil && w.ex.Kind == content.KindVote {
		return w.command("dot", s)
	}
	return false
}

func quickVerb(k content.Kind) string {
	switch k {
	case content.KindScale:
		return "rate"
	case content.KindQuiz:
		return "answer"
	case content.KindVote:
		return "dots"
	case content.KindChecklist:
		return "note"
	case content.KindTable, content.KindJourney:
		return "set"
	}
	return ""
}

// read says the work as it is now.
func (w *stepWork) read() []string {
	switch v := w.value.(type) {
	case *work.Reflection:
		return w.readReflection(v)
	case *work.Checklist:
		return w.readChecklist(v)
	case *work.Quiz:
		return w.readQuiz(v)
	case *work.Scale:
		return w.readScale(v, w.scale)
	case *work.List:
		return w.readList(v)
	case *work.Vote:
		return w.readVote(v)
	case *work.Matrix:
		return w.readMatrix(v)
	case *work.Journey:
		return w.readJourney(v)
	case *work.Table:
		return w.readTable(v)
	}
	return nil
}

// count is how many things the work holds, for news of a changed board.
func (w *stepWork) count() int {
	switch v := w.value.(type) {
	case *work.List:
		return len(v.Items)
	case *work.Table:
		return len(v.Rows)
	case *work.Matrix:
		return len(v.Places)
	case *work.Journey:
		n := 0
		for _, row := range v.Cells {
			for _, c := range row {
				if c != "" {
					n++
				}
			}
		}
		return n
	}
	return len(w.items)
}

// index reads a 1-based number typed for one of n things, as a 0-based index.
func index(s string, n int) (int, bool) {
	i, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || i < 1 || i > n {
		return 0, false
	}
	return i - 1, true
}

// numberAndRest splits "3 some text" into 3 (as an index among n) and "some text".
func numberAndRest(args string, n int) (int, string, bool) {
	first, rest, _ := strings.Cut(strings.TrimSpace(args), " ")
	i, ok := index(first, n)
	return i, strings.TrimSpace(rest), ok
}

// tallyLines says a revealed vote's result.
func (w *stepWork) tallyLines() []string {
	return msgTally(w.p(), w.tally)
}
