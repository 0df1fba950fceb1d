package session

import (
	"context"
	"errors"
	"fmt"
	"time"

	"workshop/content"
	"workshop/session/work"
)

// The big screen is a read-only picture of the room for a projector or a shared video call:
// how to join, the step the facilitator has the cohort on, the meeting, the timer, and what
// the facilitator chose to show everyone (a spotlight, a revealed vote, the cohort's matrix).
// Whoever holds the cohort's view code may watch it, so what it may show is decided here once:
// only what every participant may see, and never who wrote what.

// BigScreen is what the big screen of a cohort shows at one moment. It carries no participant
// names: a spotlight is headed as the wall heads it (WallEntry.Title), and vote and matrix
// items are their texts alone.
type BigScreen struct {
	// Seq is the Seq of the snapshot it was made from.
	Seq uint64
	// Name is the cohort's name; JoinCode, the code people join with.
	Name     string
	JoinCode string
	// Step is the index of the cohort's step, of Steps; Title and Prompt are that step's.
	Step, Steps int
	Title       string
	Prompt      string
	// Meeting is where the cohort stands in its module's meetings (Of is 0 without any).
	Meeting MeetingNow
	// Timer is the countdown every screen shows; nil when none runs.
	Timer *Timer
	// Announcement is the facilitator's message to everyone; "" for none.
	Announcement string
	// Spotlight is the answer shown to everyone (Title and Text only); nil for none.
	Spotlight *Spotlight
	// Votes is the tally of the step's vote once the facilitator revealed it, most dots
	// first; nil while hidden or on another kind of step.
	Votes []VoteBar
	// Matrix is where the cohort placed the step's items on its 2×2; nil on other steps.
	Matrix *MatrixView
}

// VoteBar is one item of a revealed vote.
type VoteBar struct {
	Text string
	Dots int
}

// MatrixView is a matrix step as the whole cohort placed its items: each item in the quadrant
// most people put it in (the first of those in reading order on a tie), with how many did.
type MatrixView struct {
	XAxis, YAxis content.Axis
	// Quadrants names the four cells: top-left, top-right, bottom-left, bottom-right.
	Quadrants [4]string
	// Cells holds the items placed in each quadrant, in item order.
	Cells [4][]MatrixItem
}

// MatrixItem is one item in its quadrant, with the number of placements there.
type MatrixItem struct {
	Text  string
	Count int
}

// maxScreenItems bounds the items the big screen carries from a vote or a matrix; a screen
// shows far fewer, and a cohort's lists are bounded anyway.
const maxScreenItems = 200

// CohortByViewCode finds a cohort by view code as a person typed it; ErrUnknownCode for a code
// that opens no big screen, a join code included.
func (m *Manager) CohortByViewCode(ctx context.Context, code string) (Cohort, error) {
	code = NormalizeCode(code)
	if !LooksLikeViewCode(code) {
		return Cohort{}, ErrUnknownCode
	}
	c, err := m.store.CohortByViewCode(ctx, code)
	if errors.Is(err, ErrNotFound) {
		return Cohort{}, ErrUnknownCode
	}
	if err != nil {
		return Cohort{}, fmt.Errorf("find cohort by view code: %w", err)
	}
	return c, nil
}

// FacilitatorScreen is the hub of the cohort with join code code, for a facilitator to open
// its big screen; ErrNotFacilitator if by may not.
func (m *Manager) FacilitatorScreen(ctx context.Context, by Actor, code string) (*Hub, error) {
	if _, err := m.Authorize(ctx, by); err != nil {
		return nil, err
	}
	c, err := m.CohortByCode(ctx, code)
	if err != nil {
		return nil, err
	}
	return m.Hub(ctx, c.ID)
}

// WatchScreen opens a big screen on the hub. It is woken for what the big screen shows: every
// change to the cohort's state (a move, the timer, a spotlight, a vote's reveal) and the
// result of the cohort's step, but not for people joining, leaving or saving other work. It
// counts as no one on the roster. Close it when the screen goes away.
func (h *Hub) WatchScreen() *Subscription {
	s := &Subscription{hub: h, view: true, notify: make(chan struct{}, 1)}
	h.state.Lock()
	defer h.state.Unlock()
	h.subs[s] = struct{}{}
	s.wake(h.seq.Load())
	return s
}

// screenKeyLocked says whether a change of a board or result key shows on the big screen: the
// result of the cohort's step. The caller holds h.state.
func (h *Hub) screenKeyLocked(key string) bool {
	if key == "" || len(h.module.Steps) == 0 {
		return false
	}
	return key == ResultsKey(h.module.Steps[clamp(h.cohort.Step, 0, len(h.module.Steps)-1)].ID)
}

// Screen makes the big screen of a snapshot of this hub, reading the step's results from the
// store. The step's title, prompt and matrix labels come from the module's translation that
// best suits prefs (the screen's language), when the cohort pinned one; results go by the
// module the cohort runs.
func (h *Hub) Screen(ctx context.Context, snap *Snapshot, prefs ...string) (BigScreen, error) {
	c, mod := snap.Cohort, snap.Module
	out := BigScreen{Seq: snap.Seq, Name: c.Name, JoinCode: c.Code, Steps: len(mod.Steps), Meeting: snap.Meeting()}
	if a := c.Live.Announcement; a != nil {
		out.Announcement = a.Text
	}
	if t := c.Live.Timer; t != nil {
		tt := *t
		out.Timer = &tt
	}
	if sp := c.Live.Spotlight; sp != nil {
		out.Spotlight = &Spotlight{StepID: sp.StepID, Title: sp.Title, Text: sp.Text, At: sp.At}
	}
	if len(mod.Steps) == 0 {
		return out, nil
	}
	out.Step = clamp(c.Step, 0, len(mod.Steps)-1)
	step := mod.Steps[out.Step]
	shown := step
	if tr := h.ModuleIn(prefs...); len(prefs) > 0 && tr != nil && len(tr.Steps) == len(mod.Steps) {
		shown = tr.Steps[out.Step]
	}
	out.Title = shown.Title
	ex := step.Exercise
	if ex == nil {
		return out, nil
	}
	if shown.Exercise == nil {
		shown.Exercise = ex
	}
	out.Prompt = shown.Exercise.Prompt
	var err error
	switch ex.Kind {
	case content.KindVote:
		if c.Live.Vote(step.ID).Revealed {
			out.Votes, err = h.screenVotes(ctx, step.ID)
		}
	case content.KindMatrix:
		out.Matrix, err = h.screenMatrix(ctx, ex, shown.Exercise, step.ID)
	}
	if err != nil {
		return out, fmt.Errorf("big screen of %s: %w", step.ID, err)
	}
	return out, nil
}

// screenVotes is a revealed vote's tally for the whole cohort, as texts.
func (h *Hub) screenVotes(ctx context.Context, stepID string) ([]VoteBar, error) {
	tally, err := h.VoteTally(ctx, stepID, 0)
	if err != nil {
		return nil, err
	}
	bars := make([]VoteBar, 0, min(len(tally), maxScreenItems))
	for _, t := range tally[:min(len(tally), maxScreenItems)] {
		bars = append(bars, VoteBar{Text: CleanLine(t.Item.Text), Dots: t.Dots})
	}
	return bars, nil
}

// screenMatrix gathers every placement of a matrix step, from each participant's own matrix
// and each team's board, and puts each item where most of them put it. The axes and quadrants
// are named as labels (the exercise in the screen's language) names them.
func (h *Hub) screenMatrix(ctx context.Context, ex, labels *content.Exercise, stepID string) (*MatrixView, error) {
	mv := &MatrixView{}
	mv.XAxis, mv.YAxis = labels.MatrixAxes()
	copy(mv.Quadrants[:], labels.QuadrantNames())
	if ex.From == "" {
		return mv, nil
	}
	items, err := h.Items(ctx, 0, stepID)
	if err != nil {
		return nil, err
	}
	arts, boards, err := h.StepWork(ctx, stepID)
	if err != nil {
		return nil, err
	}
	counts := map[string]*[4]int{}
	add := func(schema int, data []byte) {
		v, err := work.Decode(ex, schema, data)
		if err != nil {
			return
		}
		m, ok := v.(*work.Matrix)
		if !ok {
			return
		}
		for id, p := range m.Places {
			if counts[id] == nil {
				counts[id] = &[4]int{}
			}
			counts[id][p.Quadrant()]++
		}
	}
	for _, a := range arts {
		add(a.Schema, a.Data)
	}
	for _, b := range boards {
		add(b.Schema, b.Data)
	}
	shown := 0
	for _, it := range items {
		n := counts[it.ID]
		if n == nil || shown >= maxScreenItems {
			continue
		}
		best := 0
		for q := range n {
			if n[q] > n[best] {
				best = q
			}
		}
		mv.Cells[best] = append(mv.Cells[best], MatrixItem{Text: CleanLine(it.Text), Count: n[best]})
		shown++
	}
	return mv, nil
}

// Left is the time the big screen's countdown shows at now, rounded up to whole seconds, and
// whether it runs; zero and false with no timer.
func (b BigScreen) Left(now time.Time) (left time.Duration, running bool) {
	if b.Timer == nil {
		return 0, false
	}
	left = b.Timer.Remaining(now)
	return left, !b.Timer.Paused && left > 0
}
