package exercise

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"workshop/i18n"
	"workshop/session"
	"workshop/session/work"
	"workshop/tui/ui"
)

// voteEditor spends a number of dots across the items of an earlier list, with a limit per
// item, changeable until the facilitator closes the vote; once the facilitator reveals the
// result it shows the ranked tally as a bar chart.
type voteEditor struct {
	*exBase
	items    []work.Item
	itemsErr error
	tally    []work.Tally
	cursor   int
	ranked   int  // the result under the cursor while the results show
	results  bool // showing the results instead of the ballot
	revealed bool // the results were on screen last time we looked
}

func newVoteEditor(b *exBase, d Data) *voteEditor {
	if _, ok := b.value.(*work.Vote); !ok {
		b.value = &work.Vote{Dots: map[string]int{}}
	}
	v := &voteEditor{exBase: b}
	v.take(d)
	return v
}

func (v *voteEditor) vote() *work.Vote { return v.value.(*work.Vote) }

// take adopts freshly loaded items and tally.
func (v *voteEditor) take(d Data) {
	v.items, v.itemsErr, v.tally = d.Items, d.ItemsErr, d.Tally
	v.cursor = min(v.cursor, max(len(v.items)-1, 0))
	revealed := v.env.voteState(v.step.ID).Revealed && d.Tally != nil
	if revealed && !v.revealed {
		v.results = true // show the result the moment it is revealed
	}
	if !revealed {
		v.results = false
	}
	v.revealed = revealed
}

func (v *voteEditor) Focus() tea.Cmd             { v.focused = true; return nil }
func (v *voteEditor) Blur()                      { v.focused = false }
func (v *voteEditor) Typing() bool               { return false }
func (v *voteEditor) Wants(tea.KeyPressMsg) bool { return false }
func (v *voteEditor) Leave() tea.Cmd             { return v.leave() }
func (v *voteEditor) Resize(w, h int) Editor     { v.width, v.height = w, h; return v }
func (v *voteEditor) Refresh(d Data) Editor      { v.refresh(d); v.take(d); return v }
func (v *voteEditor) FullHelp() [][]key.Binding {
	if v.closed() {
		return [][]key.Binding{{v.k.Up, v.k.Down, v.k.Results}}
	}
	return [][]key.Binding{{v.k.Up, v.k.Down, v.k.More, v.k.Less}, {v.k.Submit, v.k.Results}}
}

// closed says whether the facilitator closed the vote: the dots stay as they are.
func (v *voteEditor) closed() bool { return v.env.voteState(v.step.ID).Closed }

// spent counts the dots on items that still exist; dots on removed items are free again.
func (v *voteEditor) spent() int {
	n := 0
	for _, it := range v.items {
		n += v.vote().Dots[it.ID]
	}
	return n
}

func (v *voteEditor) Update(msg tea.Msg) (Editor, tea.Cmd) {
	if cmd, ok := v.common(msg); ok {
		return v, cmd
	}
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return v, nil
	}
	k := v.k
	switch {
	case key.Matches(kp, k.Results) && v.revealed:
		v.results = !v.results
	case v.results && key.Matches(kp, k.Up):
		v.ranked = max(v.ranked-1, 0)
	case v.results && key.Matches(kp, k.Down):
		v.ranked = min(v.ranked+1, max(len(v.tally)-1, 0))
	case key.Matches(kp, k.Up):
		v.cursor = max(v.cursor-1, 0)
	case key.Matches(kp, k.Down):
		v.cursor = min(v.cursor+1, max(len(v.items)-1, 0))
	case key.Matches(kp, k.Submit):
		if err := v.writable(); err != nil {
			v.fail(err)
			return v, nil
		}
		if v.spent() == 0 {
			v.refuse(v.T("put at least one dot on an item before submitting"))
			return v, nil
		}
		return v, v.submit()
	case v.results:
		return v, nil
	case key.Matches(kp, k.More):
		return v, v.change(+1)
	case key.Matches(kp, k.Less):
		return v, v.change(-1)
	}
	return v, nil
}

// change adds or takes one dot on the item under the cursor, within the limits.
func (v *voteEditor) change(delta int) tea.Cmd {
	if len(v.items) == 0 {
		return nil
	}
	if err := v.writable(); err != nil {
		v.fail(err) // a closed vote says so, whatever the dots
		return nil
	}
	id := v.items[v.cursor].ID
	n := v.vote().Dots[id] + delta
	switch {
	case n < 0:
		return nil
	case delta > 0 && n > v.ex.PerItemLimit():
		v.refuse(v.T("at most %d dots on one item", v.ex.PerItemLimit()))
		return nil
	case delta > 0 && v.spent() >= v.ex.DotCount():
		v.refuse(v.T("all %d dots are spent; take one from another item first (← or -)", v.ex.DotCount()))
		return nil
	}
	keep := append([]work.Item(nil), v.items...)
	return v.apply(func(x any) error {
		w := x.(*work.Vote)
		w.Keep(keep)
		w.Set(id, n)
		return nil
	})
}

// source names the earlier step and whose items these are. The step's title is the one the
// participant reads when the step they are shown is in their language.
func (b *exBase) source() string {
	ex, env := b.ex, b.env
	title := ex.From
	if env.Snap != nil {
		if i := env.Snap.Module.StepIndex(ex.From); i >= 0 {
			title = b.T("step %s, %s", strconv.Itoa(i+1), b.stepTitle(i))
		}
	}
	if !ex.Team {
		return b.T("From %s: the whole cohort's items", title)
	}
	if t, ok := env.team(); ok {
		return b.T("From %s: %s's items", title, b.teamName(t.Name))
	}
	return b.T("From %s: your team's items", title)
}

// stepTitle is the title of the module's step i as the participant reads it: from the module
// the shown step belongs to when the participant view gave one, else the module's own.
func (b *exBase) stepTitle(i int) string {
	if m := b.env.Shown; m != nil && i < len(m.Steps) {
		return m.Steps[i].Title
	}
	return b.env.Snap.Module.Steps[i].Title
}

// teamName names a team in a sentence: "Team 1" as it is, "Blue" as "Team Blue" (in the
// participant's language).
func (b *exBase) teamName(name string) string {
	if session.NamedTeam(name) {
		return name
	}
	return b.T("Team %s", name)
}

// marker tells the participant which items are theirs.
func (v *voteEditor) marker(it work.Item) string {
	if (it.By != 0 && it.By == v.env.Me) || v.env.isMine(v.ex.From, it.ID) {
		return v.T("yours")
	}
	return ""
}

func (v *voteEditor) View() string {
	if v.results {
		return v.resultsView()
	}
	st := v.st
	total, per := v.ex.DotCount(), v.ex.PerItemLimit()
	left := total - v.spent()
	body := para(st.Muted, v.source(), v.width)
	lo, hi := 0, 0
	switch {
	case v.itemsErr != nil && !v.noTeam:
		body = append(body, para(st.Bad, v.T("Could not read the items: %s", session.ErrorMsg(v.itemsErr)), v.width)...)
	case len(v.items) == 0 && !v.noTeam:
		body = append(body, para(st.Muted, v.T("No items to vote on yet: they come from the earlier step. Ask your facilitator."), v.width)...)
	}
	marks := bodyItems{noun: nounItem}
	for i, it := range v.items {
		marks.starts = append(marks.starts, len(body))
		n := v.vote().Dots[it.ID]
		dots := dotString(n, per)
		mark := v.marker(it)
		avail := max(v.width-2-ui.CellWidth(dots)-1-ui.CellWidth(mark)-1, 6)
		line := v.cursorLine(i == v.cursor, dots+" "+ui.Truncate(it.Text, avail))
		if mark != "" {
			line = ui.Spread(line, st.Muted.Render(mark), v.width)
		}
		body = append(body, line)
		if i == v.cursor {
			lo, hi = len(body)-1, len(body)-1
		}
	}
	head := strings.TrimSpace(dotString(left, 0) + " " + v.T("%d of %d dots left · at most %d per item", left, total, per))
	if v.closed() {
		head = v.T("The vote is closed: you put %d dots on these items.", v.spent())
	}
	extra := ""
	if v.revealed {
		extra = v.T("r: results")
	}
	marks.end = len(body)
	// The dots left stay in sight below the items, however far the list scrolls.
	return v.frameItems(body, marks, lo, hi, wrapped(st.Accent, head, v.width), v.statusLine(extra))
}

// dotString draws n dots out of limit (filled, then empty), or a count when there are many.
func dotString(n, limit int) string {
	if limit > 6 || n > 6 {
		return fmt.Sprintf("●×%-2d", n)
	}
	if limit == 0 {
		return strings.Repeat("●", n)
	}
	return strings.Repeat("●", n) + strings.Repeat("·", max(limit-n, 0))
}

// resultsView is the ranked tally as horizontal bars: item, bar, dots.
func (v *voteEditor) resultsView() string {
	st := v.st
	title := st.Title.Render(v.T("Results"))
	if v.ex.Team {
		title += st.Muted.Render(v.T(" · your team's dots"))
	} else {
		title += st.Muted.Render(v.T(" · the whole cohort's dots"))
	}
	chart, starts := barChart(st, v.Printer, v.tally, v.vote(), v.width)
	body := append([]string{title}, chart...)
	marks := bodyItems{noun: nounItem, end: len(body)}
	for _, s := range starts {
		marks.starts = append(marks.starts, s+1)
	}
	lo, hi := 0, 0
	if v.ranked = min(v.ranked, max(len(starts)-1, 0)); v.ranked < len(starts) {
		lo, hi = marks.starts[v.ranked], marks.end-1
		if v.ranked+1 < len(marks.starts) {
			hi = marks.starts[v.ranked+1] - 1
		}
	}
	extra := ""
	if !v.env.voteState(v.step.ID).Closed {
		extra = v.T("r: your dots")
	}
	return v.frameItems(body, marks, lo, hi, v.statusLine(extra))
}

// barChart draws a ranked tally: the item's text (wrapped, never cut), a bar as long as its
// share of the most dots, and its count, marking the participant's own dots. starts are the
// first line of each item.
func barChart(st *ui.Styles, p *i18n.Printer, tally []work.Tally, mine *work.Vote, width int) (lines []string, starts []int) {
	if len(tally) == 0 {
		return []string{st.Muted.Render(p.T("No items were voted on."))}, nil
	}
	you := func(n int) string { return p.T(" (you %d)", n) }
	most, youW := 1, 0
	for _, t := range tally {
		most = max(most, t.Dots)
		if mine != nil && mine.Dots[t.Item.ID] > 0 {
			youW = max(youW, ui.CellWidth(you(mine.Dots[t.Item.ID])))
		}
	}
	countW := len(fmt.Sprint(most)) + 1
	textW := min(max(width*2/5, 10), 36)
	barW := width - textW - countW - youW - 2
	if barW < 3 {
		textW = max(textW-(3-barW), 6)
		barW = max(width-textW-countW-youW-2, 1)
	}
	var out []string
	for i, t := range tally {
		num := fmt.Sprintf("%d. ", i+1)
		label := strings.Split(ui.Wrap(t.Item.Text, max(textW-len(num), 4)), "\n")
		n := t.Dots * barW / most
		if t.Dots > 0 && n == 0 {
			n = 1
		}
		bar := st.Accent.Render(strings.Repeat("█", n)) + strings.Repeat(" ", barW-n)
		first := padTo(num+label[0], textW)
		line := fmt.Sprintf("%s %s %*d", first, bar, countW, t.Dots)
		if mine != nil && mine.Dots[t.Item.ID] > 0 {
			line += st.Muted.Render(you(mine.Dots[t.Item.ID]))
		}
		starts = append(starts, len(out))
		out = append(out, line)
		for _, l := range label[1:] {
			out = append(out, strings.Repeat(" ", len(num))+l)
		}
	}
	return out, starts
}

func (v *voteEditor) ShortHelp() []key.Binding {
	k := v.k
	if v.results {
		return []key.Binding{k.Up, k.Down, ui.Relabel(k.Results, "r", v.T("your dots"))}
	}
	if v.closed() {
		if v.revealed {
			return []key.Binding{k.Up, k.Down, ui.Relabel(k.Results, "r", v.T("results"))}
		}
		return []key.Binding{k.Up, k.Down}
	}
	return []key.Binding{ui.Relabel(k.More, "→/+", v.T("dot")), ui.Relabel(k.Less, "←/-", v.T("dot|undo")), k.Submit}
}
