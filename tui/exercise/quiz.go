package exercise

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"workshop/content"
	"workshop/session"
	"workshop/session/work"
	"workshop/tui/ui"
)

// quizEditor answers multiple-choice questions. Once submitted, each answer shows whether it
// was right with the module's feedback, and the score shows; changing an answer hides its
// feedback until the quiz is submitted again.
type quizEditor struct {
	*exBase
	q, opt int // the question and option under the cursor
}

func newQuizEditor(b *exBase) *quizEditor {
	if _, ok := b.value.(*work.Quiz); !ok {
		b.value = work.New(b.ex)
	}
	return &quizEditor{exBase: b}
}

func (z *quizEditor) quiz() *work.Quiz { return z.value.(*work.Quiz) }

func (z *quizEditor) Focus() tea.Cmd             { z.focused = true; return nil }
func (z *quizEditor) Blur()                      { z.focused = false }
func (z *quizEditor) Typing() bool               { return false }
func (z *quizEditor) Wants(tea.KeyPressMsg) bool { return false }
func (z *quizEditor) Leave() tea.Cmd             { return z.leave() }
func (z *quizEditor) Resize(w, h int) Editor     { z.width, z.height = w, h; return z }
func (z *quizEditor) Refresh(d Data) Editor      { z.refresh(d); return z }

// graded says whether feedback shows: the answers on screen are the ones submitted.
func (z *quizEditor) graded() bool {
	return z.status == session.StatusSubmitted && !z.dirty() && !z.saving()
}

func (z *quizEditor) Update(msg tea.Msg) (Editor, tea.Cmd) {
	if cmd, ok := z.common(msg); ok {
		return z, cmd
	}
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return z, nil
	}
	k := z.k
	qs := z.ex.Questions
	switch {
	case key.Matches(kp, k.Up):
		if z.opt > 0 {
			z.opt--
		} else if z.q > 0 {
			z.q--
			z.opt = len(qs[z.q].Options) - 1
		}
	case key.Matches(kp, k.Down):
		if z.opt < len(qs[z.q].Options)-1 {
			z.opt++
		} else if z.q < len(qs)-1 {
			z.q++
			z.opt = 0
		}
	case key.Matches(kp, k.Right):
		z.q, z.opt = min(z.q+1, len(qs)-1), 0
	case key.Matches(kp, k.Left):
		z.q, z.opt = max(z.q-1, 0), 0
	case kp.String() == "space" || kp.String() == "enter":
		q, o := z.q, z.opt
		if z.quiz().Answers[q] == o {
			return z, nil
		}
		return z, z.apply(func(v any) error { v.(*work.Quiz).Answers[q] = o; return nil })
	case key.Matches(kp, k.Submit):
		missing := 0
		for _, a := range z.quiz().Answers {
			if a < 0 {
				missing++
			}
		}
		if missing > 0 {
			z.refuse(z.T("answer every question before submitting: %d left", missing))
			return z, nil
		}
		return z, z.submit()
	}
	return z, nil
}

func (z *quizEditor) View() string {
	st := z.st
	graded := z.graded()
	var body []string
	lo, hi := 0, 0
	items := bodyItems{noun: nounQuestion}
	for qi, q := range z.shown.Questions {
		items.starts = append(items.starts, len(body))
		if qi == z.q {
			lo = len(body)
		}
		for _, l := range strings.Split(ui.Wrap(fmt.Sprintf("%d. %s", qi+1, q.Question), max(z.width-2, 8)), "\n") {
			body = append(body, "  "+st.Subtitle.Render(l))
		}
		chosen := z.quiz().Answers[qi]
		for oi, o := range q.Options {
			radio := "( )"
			if oi == chosen {
				radio = "(•)"
			}
			line := z.cursorLine(qi == z.q && oi == z.opt, radio+" "+o.Text)
			if graded && oi == chosen {
				if o.Correct {
					line += st.Good.Render("  " + z.T("✓ right"))
				} else {
					line += st.Bad.Render("  " + z.T("✗ not quite"))
				}
			}
			body = append(body, line)
			if qi == z.q && oi == z.opt {
				hi = len(body) - 1
			}
			if graded && oi == chosen {
				var more []string
				if o.Feedback != "" {
					for _, l := range strings.Split(ui.Wrap(o.Feedback, max(z.width-6, 8)), "\n") {
						more = append(more, "      "+st.Muted.Render(l))
					}
				}
				if right, ok := rightOption(q); ok && !o.Correct {
					// After a wrong pick the learner sees what was right, not only that it was not.
					for _, l := range strings.Split(ui.Wrap(z.T("The right answer: %s", right.Text), max(z.width-6, 8)), "\n") {
						more = append(more, "      "+st.Good.Render(l))
					}
				}
				body = append(body, more...)
				if len(more) > 0 && qi == z.q && oi == z.opt {
					hi = len(body) - 1
				}
			}
		}
		body = append(body, "")
	}
	items.end = len(body)
	var extra string
	answered := 0
	for _, a := range z.quiz().Answers {
		if a >= 0 {
			answered++
		}
	}
	if graded {
		c, n := work.Score(z.ex, z.quiz())
		extra = z.T("Score: %d of %d", c, n)
	} else {
		extra = z.T("%d/%d answered", answered, len(z.ex.Questions))
	}
	return z.frameItems(body, items, lo, hi, z.statusLine(extra))
}

// rightOption is the question's correct option.
func rightOption(q content.Question) (content.Option, bool) {
	for _, o := range q.Options {
		if o.Correct {
			return o, true
		}
	}
	return content.Option{}, false
}

func (z *quizEditor) ShortHelp() []key.Binding {
	k := z.k
	return []key.Binding{ui.Relabel(k.Up, "↑↓", z.T("pick")), ui.Relabel(k.Toggle, "space", z.T("choose")), k.Submit}
}

func (z *quizEditor) FullHelp() [][]key.Binding {
	k := z.k
	return [][]key.Binding{
		{k.Up, k.Down, ui.Relabel(k.Left, "←/h", z.T("previous question")), ui.Relabel(k.Right, "→/l", z.T("next question"))},
		{ui.Relabel(k.Toggle, "space", z.T("choose answer")), k.Submit},
	}
}
