package tui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"workshop/content"
	"workshop/session"
	"workshop/session/work"
)

// wallRefresh is how often an open answers wall reloads, so drafts show as they are typed
// even when no status changes.
const wallRefresh = 4 * time.Second

// wallState is the answers wall of the cohort's current step, or of the step the facilitator
// browsed to (view) without moving the group.
type wallState struct {
	step     string
	view     string // id of the step browsed to; "" follows the group's step
	entries  []session.WallEntry
	tally    []work.Tally
	err      string
	sel      string // key of the selected entry
	drafts   bool   // drafts are shown as well as submitted answers
	loading  bool
	dirty    bool
	loadedAt time.Time
}

type wallLoadedMsg struct {
	step    string
	entries []session.WallEntry
	tally   []work.Tally
	err     error
}

// requestWall loads the wall, or marks it for another load if one is under way, so at most
// one load runs and the last change is never missed.
func (r *cohortRoom) requestWall() tea.Cmd {
	step := r.wallStep()
	if step.Exercise == nil {
		r.wall.entries, r.wall.tally, r.wall.step, r.wall.err = nil, nil, step.ID, ""
		return nil
	}
	if r.wall.loading {
		r.wall.dirty = true
		return nil
	}
	r.wall.loading = true
	h, ctx, by, id, vote, pr := r.hub, r.deps.Ctx, r.deps.Actor, step.ID, step.Exercise.Kind == content.KindVote, r.Printer
	return func() tea.Msg {
		if vote {
			tally, err := h.VoteTally(ctx, id, 0)
			return wallLoadedMsg{step: id, tally: tally, err: err}
		}
		entries, err := h.WallIn(ctx, by, id, pr)
		return wallLoadedMsg{step: id, entries: entries, err: err}
	}
}

func (r *cohortRoom) onWall(msg wallLoadedMsg) tea.Cmd {
	r.wall.loading, r.wall.loadedAt = false, time.Now()
	if cmd, ok := r.whenRevoked(msg.err); ok {
		return cmd
	}
	r.wall.step, r.wall.entries, r.wall.tally, r.wall.err = msg.step, msg.entries, msg.tally, ""
	if msg.err != nil {
		r.wall.err = r.T("Could not load the answers: %s", r.conSay("load answers", msg.err))
	}
	if r.wall.dirty || msg.step != r.wallStep().ID {
		r.wall.dirty = false
		return r.requestWall()
	}
	return nil
}

// wallRows is the wall as shown: with or without drafts.
func (r *cohortRoom) wallRows() []session.WallEntry {
	if r.wall.step != r.wallStep().ID {
		return nil
	}
	if r.wall.drafts {
		return r.wall.entries
	}
	var out []session.WallEntry
	for _, e := range r.wall.entries {
		if e.Status != session.StatusDraft {
			out = append(out, e)
		}
	}
	return out
}

func wallIndex(rows []session.WallEntry, sel string) int {
	for i, e := range rows {
		if e.Key == sel {
			return i
		}
	}
	return 0
}

func (r *cohortRoom) wallKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := r.ck
	rows := r.wallRows()
	i := wallIndex(rows, r.wall.sel)
	moveTo := func(j int) {
		if len(rows) > 0 {
			r.wall.sel = rows[min(max(j, 0), len(rows)-1)].Key
		}
	}
	switch {
	case key.Matches(msg, k.Up):
		moveTo(i - 1)
	case key.Matches(msg, k.Down):
		moveTo(i + 1)
	case key.Matches(msg, k.Home):
		moveTo(0)
	case key.Matches(msg, k.End):
		moveTo(len(rows) - 1)
	case key.Matches(msg, k.Drafts):
		r.wall.drafts = !r.wall.drafts
	case key.Matches(msg, k.WallPrev):
		return r.browseWall(-1), true
	case key.Matches(msg, k.WallNext):
		return r.browseWall(+1), true
	case key.Matches(msg, k.ReportBack):
		r.status, r.statusBad = r.reportBackKey(), false
		return r.requestWall(), true
	case key.Matches(msg, k.Spotlight):
		if len(rows) == 0 {
			return r.fail(r.T("Nothing to spotlight yet: answers show here as they arrive.")), true
		}
		e, stepID := rows[i], r.wallStep().ID
		return r.act(r.T("On every participant's screen: %s. S releases it.", r.spotTitle(e.Title())), func(ctx context.Context, h *session.Hub, a session.Actor) error {
			return h.Spotlight(ctx, a, stepID, e.Key)
		}), true
	default:
		return nil, false
	}
	return nil, true
}

// wallView shows every answer to the current step as it arrives, with the selected one in
// full below; for a vote, the tally as bars.
func (r *cohortRoom) wallView(height int) string {
	st := r.st
	step := r.wallStep()
	head := r.wallHeading()
	if step.Exercise == nil {
		return head + st.Muted.Render(wrap(r.T("Step %d has no exercise, so there are no answers to show. Answers of a step show here as they arrive.", r.module().StepIndex(step.ID)+1), r.width))
	}
	if r.wall.err != "" {
		return head + st.Bad.Render(wrap(r.wall.err, r.width))
	}
	if r.wall.step != step.ID {
		return head + st.Muted.Render(r.T("Loading answers…"))
	}
	if step.Exercise.Kind == content.KindVote {
		return head + r.tallyView(height-r.wallHeadingLines())
	}
	var b strings.Builder
	b.WriteString(head)
	height -= r.wallHeadingLines()
	rows := r.wallRows()
	submitted := 0
	for _, e := range r.wall.entries {
		if e.Status == session.StatusSubmitted {
			submitted++
		}
	}
	what := r.T("%d answers, %d submitted", len(r.wall.entries), submitted)
	switch {
	case step.Exercise.Anonymous:
		what = r.T("%d anonymous items: nobody, you included, sees who wrote what", max(len(r.wall.entries)-1, 0))
	case step.Exercise.Team:
		what = r.T("%d team boards", len(r.wall.entries))
	}
	drafts := r.T("drafts shown (d hides)")
	if !r.wall.drafts {
		drafts = r.T("drafts hidden (d shows)")
	}
	if step.Exercise.Anonymous || step.Exercise.Team {
		drafts = r.T("enter spotlights")
	}
	b.WriteString(st.Muted.Render(truncate(what+" · "+drafts, r.width)) + "\n")
	if len(rows) == 0 {
		b.WriteString(st.Muted.Render(wrap(r.T("No answers yet. They show here as participants write them."), r.width)))
		return b.String()
	}
	i := wallIndex(rows, r.wall.sel)
	r.wall.sel = rows[i].Key
	// The list takes about half; the selected answer in full takes the rest.
	listH := max(min(len(rows), (height-1)/2), 1)
	top := max(0, i-listH+1)
	sp := r.snap.Cohort.Live.Spotlight
	for j := top; j < len(rows) && j < top+listH; j++ {
		e := rows[j]
		mark := "  "
		if sp != nil && sp.StepID == step.ID && sp.Title == e.Title() && sp.Text == e.Text {
			mark = st.Accent.Render("★ ")
		}
		line := mark + r.entryLabel(e) + "  " + firstLine(e.Text)
		if j == i {
			b.WriteString(st.Selected.Render("›") + truncate(line, r.width-1) + "\n")
		} else {
			b.WriteString(" " + truncate(line, r.width-1) + "\n")
		}
	}
	b.WriteString(rule(st, r.width) + "\n")
	e := rows[i]
	when := r.Clock(e.At.Local())
	b.WriteString(st.Subtitle.Render(truncate(r.entryLabel(e), r.width-8)) + st.Muted.Render(" · "+when) + "\n")
	b.WriteString(wrap(e.Text, r.width))
	return b.String()
}

// entryLabel says whose the entry is, as far as the facilitator may know.
func (r *cohortRoom) entryLabel(e session.WallEntry) string {
	st := r.st
	switch {
	case e.Team != "":
		return st.Accent.Render(e.Team)
	case e.Key == "pool":
		return st.Accent.Render(r.T("All items"))
	case e.Author == "":
		return st.Muted.Render(r.T("anonymous"))
	case e.Status == session.StatusSubmitted:
		return st.Good.Render("✓ ") + e.Author
	}
	return st.Warn.Render("… ") + e.Author + st.Muted.Render(" "+r.T("(draft)"))
}

// spotTitle is a spotlight's title as session stores it ("Blue's board", "An answer"), in
// the facilitator's language.
func (c *Common) spotTitle(stored string) string {
	switch stored {
	case "Everyone's items":
		return c.T("Everyone's items")
	case "An item from the group":
		return c.T("An item from the group")
	case "An answer":
		return c.T("An answer")
	}
	if team, ok := strings.CutSuffix(stored, "'s board"); ok {
		return c.T("%s's board", team)
	}
	return stored
}

func firstLine(s string) string {
	first, rest, _ := strings.Cut(s, "\n")
	if rest != "" {
		first += " …"
	}
	return first
}

// tallyView draws a vote's result as a ranked bar chart, with the vote's state.
func (r *cohortRoom) tallyView(height int) string {
	st := r.st
	v := r.snap.Cohort.Live.Vote(r.wallStep().ID)
	state := r.T("Vote open (v closes it)")
	if v.Closed {
		state = r.T("Vote closed (v opens it)")
	}
	if v.Revealed {
		state += " · " + r.T("results on every screen (V hides them)")
	} else {
		state += " · " + r.T("results only here (V shows everyone)")
	}
	var b strings.Builder
	b.WriteString(st.Muted.Render(truncate(state, r.width)) + "\n")
	if len(r.wall.tally) == 0 {
		b.WriteString(st.Muted.Render(wrap(r.T("No items to vote on yet: they come from the step this vote draws on."), r.width)))
		return b.String()
	}
	top := 1
	for _, t := range r.wall.tally {
		top = max(top, t.Dots)
	}
	labelW := min(max(r.width/3, 10), 40)
	barW := max(r.width-labelW-8, 4)
	for j, t := range r.wall.tally {
		if j >= height-1 {
			break
		}
		bar := strings.Repeat("█", t.Dots*barW/top)
		b.WriteString(padRight(truncate(t.Item.Text, labelW), labelW) + " " + st.Accent.Render(bar) + fmt.Sprintf(" %d", t.Dots) + "\n")
	}
	return b.String()
}
