package plain

import (
	"strconv"
	"strings"

	"workshop/session/work"
)

// Reflection: every line that is no command is added to the answer and stored as a draft at
// once; a line with only "." (or "done") submits it.

func (w *stepWork) reflectionLine(s string) {
	if strings.TrimSpace(s) == "." {
		w.submit()
		return
	}
	if w.change(func(v any) error {
		r := v.(*work.Reflection)
		if r.Text != "" {
			r.Text += "\n"
		}
		r.Text += s
		return nil
	}) {
		w.r.t.say(msgLineAdded(w.p(), len(strings.Split(w.value.(*work.Reflection).Text, "\n"))))
	}
}

func (w *stepWork) reflectionCommand(cmd string) bool {
	switch cmd {
	case "clear":
		if w.change(func(v any) error { v.(*work.Reflection).Text = ""; return nil }) {
			w.r.t.say(w.p().T("Your answer is empty now."))
		}
	case "undo":
		if w.change(func(v any) error {
			r := v.(*work.Reflection)
			if i := strings.LastIndex(r.Text, "\n"); i >= 0 {
				r.Text = r.Text[:i]
			} else {
				r.Text = ""
			}
			return nil
		}) {
			w.r.t.say(w.p().T("The last line of your answer was taken out."))
		}
	default:
		return false
	}
	return true
}

func (w *stepWork) readReflection(v *work.Reflection) []string {
	if v.Text == "" {
		return []string{w.p().T("Your answer is empty.")}
	}
	return append([]string{w.p().T("Your answer so far:")}, strings.Split(v.Text, "\n")...)
}

// Checklist: tick N, untick N, note N TEXT.

func (w *stepWork) checklistCommand(cmd, args string) bool {
	n := len(w.ex.Items)
	switch cmd {
	case "tick", "untick":
		i, ok := index(args, n)
		if !ok {
			w.r.t.say(msgWhichNumber(w.p(), n))
			return true
		}
		on := cmd == "tick"
		if w.change(func(v any) error { v.(*work.Checklist).Ticks[i] = on; return nil }) {
			w.r.t.say(msgTicked(w.p(), i+1, w.shown.Items[i], on))
		}
	case "note":
		i, text, ok := numberAndRest(args, n)
		if !ok {
			w.r.t.say(msgWhichNumber(w.p(), n))
			return true
		}
		if w.change(func(v any) error { v.(*work.Checklist).Notes[i] = text; return nil }) {
			w.r.t.say(w.p().T("Note saved for item %d.", i+1))
		}
	default:
		return false
	}
	return true
}

func (w *stepWork) readChecklist(v *work.Checklist) []string {
	out := make([]string, 0, len(w.shown.Items))
	for i, it := range w.shown.Items {
		out = append(out, msgChecklistItem(w.p(), i+1, it, v.Ticks[i], v.Notes[i]))
	}
	return out
}

// Quiz: answer Q O, then the option's feedback.

func (w *stepWork) quizCommand(cmd, args string) bool {
	if cmd != "answer" {
		return false
	}
	p, qs := w.p(), w.shown.Questions
	f := strings.Fields(args)
	if len(f) != 2 {
		w.r.t.say(p.T("Type answer, the question number and the option number, for example: answer 1 2."))
		return true
	}
	q, ok := index(f[0], len(qs))
	if !ok {
		w.r.t.say(msgWhichNumber(p, len(qs)))
		return true
	}
	o, ok := index(f[1], len(qs[q].Options))
	if !ok {
		w.r.t.say(p.T("Type an option from 1 to %d.", len(qs[q].Options)))
		return true
	}
	if w.change(func(v any) error { v.(*work.Quiz).Answers[q] = o; return nil }) {
		opt := qs[q].Options[o]
		w.r.t.say(msgAnswered(p, q+1, opt.Text, w.ex.Questions[q].Options[o].Correct, opt.Feedback))
	}
	return true
}

func (w *stepWork) readQuiz(v *work.Quiz) []string {
	var out []string
	for i, q := range w.shown.Questions {
		out = append(out, w.p().T("Question %d: %s", i+1, q.Question))
		for j, o := range q.Options {
			out = append(out, msgOption(w.p(), j+1, o.Text, v.Answers[i] == j))
		}
	}
	return out
}

// Scale: rate N R.

func (w *stepWork) scaleCommand(cmd, args string) bool {
	if cmd != "rate" {
		return false
	}
	p := w.p()
	f := strings.Fields(args)
	n := len(w.ex.Statements)
	how := p.T("Type rate, the statement number and a rating from 1 to 5 (0 to clear), for example: rate 2 4.")
	if len(f) != 2 {
		w.r.t.say(how)
		return true
	}
	i, ok := index(f[0], n)
	if !ok {
		w.r.t.say(msgWhichNumber(p, n))
		return true
	}
	rating, err := strconv.Atoi(f[1])
	if err != nil || rating < 0 || rating > 5 {
		w.r.t.say(how)
		return true
	}
	if w.change(func(v any) error { v.(*work.Scale).Ratings[i] = rating; return nil }) {
		w.r.t.say(p.T("Statement %d: %s.", i+1, ratingName(p, rating, w.scaleLabels())))
	}
	return true
}

func (w *stepWork) readScale(v *work.Scale, cohort [][5]int) []string {
	labels := w.scaleLabels()
	var out []string
	for i, s := range w.shown.Statements {
		var dist []int
		if i < len(cohort) {
			dist = cohort[i][:]
		}
		out = append(out, msgStatement(w.p(), i+1, s, v.Ratings[i], labels, dist))
	}
	return out
}
