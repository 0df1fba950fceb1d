package tui

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"workshop/i18n"
	"workshop/session"
	"workshop/tui/exercise"
)

// timerTickMsg redraws the countdown.
type timerTickMsg struct{}

// tick schedules the next redraw of a running countdown, on the next whole second, and rings
// the bell once when it reaches zero if the participant turned the bell on.
func (v *participantView) tick() tea.Cmd {
	t := v.snap.Cohort.Live.Timer
	if t == nil {
		v.live.lastLeft = -1
		return nil
	}
	left := t.Remaining(time.Now())
	secs := int((left + time.Second - 1) / time.Second)
	var ring tea.Cmd
	if secs == 0 && v.live.lastLeft > 0 && v.live.bell {
		ring = tea.Raw("\a")
	}
	v.live.lastLeft = secs
	if t.Paused || secs == 0 || v.live.ticking {
		return ring
	}
	v.live.ticking = true
	wait := left % time.Second
	if wait < 50*time.Millisecond {
		wait += time.Second
	}
	return tea.Batch(ring, tea.Tick(wait, func(time.Time) tea.Msg { return timerTickMsg{} }))
}

// timerText is the countdown for the header: ⏱ while running, ⏸ while paused, and a calm
// "Time is up" at zero.
func (v *participantView) timerText() string {
	t := v.snap.Cohort.Live.Timer
	if t == nil {
		return ""
	}
	left := t.Remaining(time.Now())
	secs := int((left + time.Second - 1) / time.Second)
	if secs <= 0 {
		return v.T("Time is up")
	}
	mark := "⏱"
	if t.Paused {
		mark = "⏸"
	}
	return fmt.Sprintf("%s %02d:%02d", mark, secs/60, secs%60)
}

// handDoneMsg reports raising or lowering the hand.
type handDoneMsg struct {
	note    i18n.Msg
	err     error
	lowered bool // the participant lowered it
}

// handAnswered tells the participant that their raised hand went down: by their own ctrl+r,
// or because the facilitator answered it (cleared it in the console or with `hands --clear`).
// It shows the moment the hub says so, without waiting for a key.
func (v *participantView) handAnswered() {
	if v.live.lowering {
		v.live.lowering = false
		v.notice = i18n.M("Hand lowered.")
		return
	}
	v.live.answered = true
	v.notice = i18n.M("The facilitator answered your raised hand: your hand is down. ctrl+r raises it again.")
}

// toggleHand lowers a raised hand, or opens the one-line request for help.
func (v *participantView) toggleHand() tea.Cmd {
	h, deps, pid := v.hub, v.deps, v.me.ID
	if v.me.Hand != nil {
		v.live.lowering = true
		return func() tea.Msg {
			return handDoneMsg{note: i18n.M("Hand lowered."), err: h.LowerHand(deps.Ctx, pid), lowered: true}
		}
	}
	in := textinput.New()
	in.Prompt = ""
	in.CharLimit = 140
	in.Placeholder = v.T("e.g. I am stuck on the table")
	steadyCursor(&in)
	in.SetWidth(max(v.width-36, 8))
	v.live.hand, v.live.handOpen = in, true
	return v.live.hand.Focus()
}

func (v *participantView) onHandKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, v.keys.Back), key.Matches(msg, v.ek.Hand):
		v.live.handOpen = false
		return nil
	case key.Matches(msg, v.keys.Enter):
		v.live.handOpen, v.live.answered = false, false
		text := session.CleanLine(v.live.hand.Value())
		h, deps, pid := v.hub, v.deps, v.me.ID
		return func() tea.Msg {
			return handDoneMsg{note: i18n.M("Your hand is raised: the facilitator sees it. ctrl+r lowers it."), err: h.RaiseHand(deps.Ctx, pid, text)}
		}
	}
	var cmd tea.Cmd
	v.live.hand, cmd = v.live.hand.Update(msg)
	return cmd
}

// watchKeys sums up what the editor's shared data depends on in the snapshot. ident changes
// when the participant's team does (the editor then works on another board); watch changes
// when the board, the earlier step's items or a shown result change (session decides which).
func (v *participantView) watchKeys() (ident, watch string) {
	step := v.step()
	if step.Exercise == nil {
		return "", ""
	}
	return fmt.Sprint(v.me.TeamID), v.snap.Watch(v.me, step.ID)
}

// writeTimeout bounds one change to the hub, so a write never hangs on for ever.
const writeTimeout = 30 * time.Second

// writeDoneMsg carries the answer to one hub change back to the editors; req is the change
// asked for, so one a fault kept from being stored can be asked for again.
type writeDoneMsg struct {
	result tea.Msg
	req    tea.Msg
}

// queueWrite adds a change (a save, a board change, a move) to this screen's queue, the one
// place its changes are ordered: they reach the hub one at a time, in the order asked, so an
// older save never lands after a newer one. A save of own work that finds the same editor's
// save of the same step last in the queue, not started yet, takes its place: it holds all that
// one did (and its submit, if it asked for one), so rapid changes make one write, not many.
func (v *participantView) queueWrite(msg tea.Msg) tea.Cmd {
	if s, ok := msg.(exercise.SaveWork); ok && len(v.writes) > 0 {
		last := len(v.writes) - 1
		if w, ok := v.writes[last].(exercise.SaveWork); ok && w.Editor == s.Editor && w.StepID == s.StepID {
			s.Submit = s.Submit || w.Submit
			v.writes[last] = s
			return v.nextWrite()
		}
	}
	v.writes = append(v.writes, msg)
	return v.nextWrite()
}

// nextWrite starts the oldest queued change.
func (v *participantView) nextWrite() tea.Cmd {
	if v.busy || len(v.writes) == 0 {
		return nil
	}
	msg := v.writes[0]
	v.writes = v.writes[1:]
	if r, ok := msg.(reopenEditorMsg); ok { // every change before it is stored
		return tea.Batch(v.reopen(r), v.nextWrite())
	}
	switch msg.(type) {
	case exercise.SaveWork, exercise.BoardOp, moveMsg:
	default:
		return v.nextWrite() // not a change: nothing to store
	}
	v.busy = true
	h, pid, log, code := v.hub, v.me.ID, v.deps.logger(), v.snap.Cohort.Code
	// A change that has started is finished even if the participant disconnects meanwhile:
	// what they saw on screen is what is stored.
	ctx := context.WithoutCancel(v.deps.Ctx)
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, writeTimeout)
		defer cancel()
		return writeDoneMsg{write(ctx, h, pid, msg, log, code), msg}
	}
}

// write makes one queued change through the hub and returns its answer for the editors (or
// the view, for a move): the one dispatch of a screen's changes, used by the queue while the
// session runs and by flush as it ends. log and code name the cohort in the log of a fault.
func write(ctx context.Context, h *session.Hub, pid int64, msg tea.Msg, log *slog.Logger, code string) tea.Msg {
	switch m := msg.(type) {
	case exercise.SaveWork:
		a, err := h.SaveWork(ctx, pid, m.StepID, m.Schema, m.Data, m.Submit)
		logFault(log, "work not stored", err, "cohort", code, "participant", pid, "step", m.StepID)
		return exercise.WorkSaved{Editor: m.Editor, Artifact: a, Data: m.Data, Submit: m.Submit, Seq: m.Seq, Err: err}
	case exercise.BoardOp:
		out, err := h.UpdateBoard(ctx, pid, m.StepID, m.Op)
		logFault(log, "board change not stored", err, "cohort", code, "participant", pid, "step", m.StepID)
		return exercise.BoardSaved{Editor: m.Editor, V: out, Err: err, Op: m.Op}
	case moveMsg:
		return moveDoneMsg{h.MoveParticipant(ctx, pid, m.to)}
	}
	return nil
}
