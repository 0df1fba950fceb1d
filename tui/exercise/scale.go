package exercise

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"workshop/session/work"
	"workshop/tui/ui"
)

// scaleEditor rates statements from 1 to 5, each point named by the module's labels. After
// submitting, each statement shows how the cohort rated it.
type scaleEditor struct {
	*exBase
	cursor int
	dist   [][5]int
}

func newScaleEditor(b *exBase, d Data) *scaleEditor {
	if _, ok := b.value.(*work.Scale); !ok {
		b.value = work.New(b.ex)
	}
	return &scaleEditor{exBase: b, dist: d.Scale}
}

func (s *scaleEditor) scale() *work.Scale { return s.value.(*work.Scale) }

func (s *scaleEditor) Focus() tea.Cmd             { s.focused = true; return nil }
func (s *scaleEditor) Blur()                      { s.focused = false }
func (s *scaleEditor) Typing() bool               { return false }
func (s *scaleEditor) Wants(tea.KeyPressMsg) bool { return false }
func (s *scaleEditor) Leave() tea.Cmd             { return s.leave() }
func (s *scaleEditor) Resize(w, h int) Editor     { s.width, s.height = w, h; return s }
func (s *scaleEditor) Refresh(d Data) Editor      { s.refresh(d); s.dist = d.Scale; return s }
func (s *scaleEditor) FullHelp() [][]key.Binding {
	return [][]key.Binding{{s.k.Up, s.k.Down, s.k.Left, s.k.Right}, {s.k.Rate, s.k.Submit}}
}

func (s *scaleEditor) Update(msg tea.Msg) (Editor, tea.Cmd) {
	if cmd, ok := s.common(msg); ok {
		return s, cmd
	}
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return s, nil
	}
	k := s.k
	n := len(s.ex.Statements)
	cur := s.scale().Ratings[s.cursor]
	switch {
	case key.Matches(kp, k.Up):
		s.cursor = max(s.cursor-1, 0)
	case key.Matches(kp, k.Down), kp.String() == "enter":
		s.cursor = min(s.cursor+1, n-1)
	case key.Matches(kp, k.Left):
		return s, s.rate(max(cur-1, 1))
	case key.Matches(kp, k.Right):
		return s, s.rate(min(cur+1, 5))
	case key.Matches(kp, k.Rate):
		return s, s.rate(int(kp.String()[0] - '0'))
	case key.Matches(kp, k.Submit):
		missing := 0
		for _, r := range s.scale().Ratings {
			if r == 0 {
				missing++
			}
		}
		if missing > 0 {
			s.refuse(s.T("rate every statement before submitting: %d left", missing))
			return s, nil
		}
		return s, s.submit()
	}
	return s, nil
}

func (s *scaleEditor) rate(r int) tea.Cmd {
	i := s.cursor
	if s.scale().Ratings[i] == r {
		return nil
	}
	return s.apply(func(v any) error { v.(*work.Scale).Ratings[i] = r; return nil })
}

// showResults says whether the cohort's ratings show: once the participant has submitted.
func (s *scaleEditor) showResults() bool {
	return s.submitted && s.dist != nil
}

func (s *scaleEditor) View() string {
	st := s.st
	labels := s.scaleLabels()
	var body []string
	lo, hi := 0, 0
	items := bodyItems{noun: nounStatement}
	for i, stmt := range s.shown.Statements {
		items.starts = append(items.starts, len(body))
		sel := i == s.cursor
		if sel {
			lo = len(body)
		}
		text := strings.Split(ui.Wrap(fmt.Sprintf("%d. %s", i+1, stmt), max(s.width-2, 8)), "\n")
		for j, t := range text {
			body = append(body, s.cursorLine(sel && j == 0, t))
		}
		r := s.scale().Ratings[i]
		var pts []string
		for p := 1; p <= 5; p++ {
			if p == r {
				pts = append(pts, st.Selected.Render(fmt.Sprintf("[%d]", p)))
			} else {
				pts = append(pts, fmt.Sprintf(" %d ", p))
			}
		}
		name := st.Muted.Render(s.T("not rated (1 %s … 5 %s)", labels[0], labels[4]))
		if r > 0 {
			name = st.Accent.Render(labels[r-1])
		}
		body = append(body, "   "+strings.Join(pts, "")+"  "+name)
		if s.showResults() && i < len(s.dist) {
			body = append(body, "   "+st.Muted.Render(s.distLine(s.dist[i])))
		}
		if sel {
			hi = len(body) - 1
		}
	}
	items.end = len(body)
	rated := 0
	for _, r := range s.scale().Ratings {
		if r > 0 {
			rated++
		}
	}
	extra := s.T("%d/%d rated", rated, len(s.ex.Statements))
	return s.frameItems(body, items, lo, hi, s.statusLine(extra))
}

// distLine draws how many people gave each rating, as a small chart and counts, and their
// average in the participant's way of writing decimals.
func (s *scaleEditor) distLine(d [5]int) string {
	most, total := 0, 0
	for _, n := range d {
		most, total = max(most, n), total+n
	}
	bars := []rune("▁▂▃▄▅▆▇█")
	var spark, counts strings.Builder
	for p, n := range d {
		if most > 0 && n > 0 {
			spark.WriteRune(bars[(n*(len(bars)-1)+most-1)/most])
		} else {
			spark.WriteRune(' ')
		}
		fmt.Fprintf(&counts, " %d:%d", p+1, n)
	}
	if total == 0 {
		return s.T("Cohort (%d): %s %s", total, spark.String(), counts.String())
	}
	sum := 0
	for p, n := range d {
		sum += (p + 1) * n
	}
	return s.T("Cohort (%d): %s %s · average %s", total, spark.String(), counts.String(), s.Number(float64(sum)/float64(total), 1))
}

func (s *scaleEditor) ShortHelp() []key.Binding {
	k := s.k
	return []key.Binding{ui.Relabel(k.Rate, "1-5", s.T("rate")), ui.Relabel(k.Down, "↑↓", s.T("next")), k.Submit}
}
