package plain

import (
	"strconv"
	"strings"

	"workshop/content"
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
		w.r.t.say(msgLineAdded(len(strings.Split(w.value.(*work.Reflection).Text, "\n"))))
	}
}

func (w *stepWork) reflectionCommand(cmd string) bool {
	switch cmd {
	case "clear":
		if w.change(func(v any) error { v.(*work.Reflection).Text = ""; return nil }) {
			w.r.t.say(msgCleared)
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
			w.r.t.say(msgUndone)
		}
	default:
		return false
	}
	return true
}

func readReflection(v *work.Reflection) []string {
	if v.Text == "" {
		return []string{msgEmptyAnswer}
	}
	return append([]string{msgYourAnswer}, strings.Split(v.Text, "\n")...)
}

// Checklist: tick N, untick N, note N TEXT.

func (w *stepWork) checklistCommand(cmd, args string) bool {
	n := len(w.ex.Items)
	switch cmd {
	case "tick", "untick":
		i, ok := index(args, n)
		if !ok {
			w.r.t.say(msgWhichNumber(n))
			return true
		}
		on := cmd == "tick"
		if w.change(func(v any) error { v.(*work.Checklist).Ticks[i] = on; return nil }) {
			w.r.t.say(msgTicked(i+1, w.ex.Items[i], on))
		}
	case "note":
		i, text, ok := numberAndRest(args, n)
		if !ok {
			w.r.t.say(msgWhichNumber(n))
			return true
		}
		if w.change(func(v any) error { v.(*work.Checklist).Notes[i] = text; return nil }) {
			w.r.t.say(msgNoted(i + 1))
		}
	default:
		return false
	}
	return true
}

func readChecklist(ex *content.Exercise, v *work.Checklist) []string {
	out := make([]string, 0, len(ex.Items))
	for i, it := range ex.Items {
		out = append(out, msgChecklistItem(i+1, it, v.Ticks[i], v.Notes[i]))
	}
	return out
}

// Quiz: answer Q O, then the option's feedback.

func (w *stepWork) quizCommand(cmd, args string) bool {
	if cmd != "answer" {
		return false
	}
	qs := w.ex.Questions
	f := strings.Fields(args)
	if len(f) != 2 {
		w.r.t.say(msgAnswerHow)
		return true
	}
	q, ok := index(f[0], len(qs))
	if !ok {
		w.r.t.say(msgWhichNumber(len(qs)))
		return true
	}
	o, ok := index(f[1], len(qs[q].Options))
	if !ok {
		w.r.t.say(msgWhichOption(len(qs[q].Options)))
		return true
	}
	if w.change(func(v any) error { v.(*work.Quiz).Answers[q] = o; return nil }) {
		opt := qs[q].Options[o]
		w.r.t.say(msgAnswered(q+1, opt.Text, opt.Correct, opt.Feedback))
	}
	return true
}

func readQuiz(ex *content.Exercise, v *work.Quiz) []string {
	var out []string
	for i, q := range ex.Questions {
		out = append(out, msgQuestion(i+1, q.Question))
		for j, o := range q.Options {
			out = append(out, msgOption(j+1, o.Text, v.Answers[i] == j))
		}
	}
	return out
}

// Scale: rate N R.

func (w *stepWork) scaleCommand(cmd, args string) bool {
	if cmd != "rate" {
		return false
	}
	f := strings.Fields(args)
	n := len(w.ex.Statements)
	if len(f) != 2 {
		w.r.t.say(msgRateHow)
		return true
	}
	i, ok := index(f[0], n)
	if !ok {
		w.r.t.say(msgWhichNumber(n))
		return true
	}
	rating, err := strconv.Atoi(f[1])
	if err != nil || rating < 0 || rating > 5 {
		w.r.t.say(msgRateHow)
		return true
	}
	if w.change(func(v any) error { v.(*work.Scale).Ratings[i] = rating; return nil }) {
		w.r.t.say(msgRated(i+1, rating, w.ex.ScaleLabels()))
	}
	return true
}

func readScale(ex *content.Exercise, v *work.Scale, cohort [][5]int) []string {
	labels := ex.ScaleLabels()
	var out []string
	for i, s := range ex.Statements {
		var dist []int
		if i < len(cohort) {
			dist = cohort[i][:]
		}
		out = append(out, msgStatement(i+1, s, v.Ratings[i], labels, dist))
	}
	return out
}
