package session

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"workshop/content"
)

// Facilitator actions. Each one goes through the hub like every other change: it is checked,
// stored together with its timeline event, and only then published to every screen. Actions
// that set a state (lock, pace, dismiss...) do nothing, and record nothing, when the state is
// already what was asked, so scripts can repeat them safely.

// Bounds of what a facilitator types or sets.
const (
	// MaxAnnouncementLen bounds an announcement, in characters.
	MaxAnnouncementLen = 200
	// MaxTimer is the longest countdown.
	MaxTimer = 24 * time.Hour
	// MaxTeams bounds the number of breakout teams.
	MaxTeams = 100
)

// SetPace switches between facilitator-led and self-paced while the session runs. Time spent so
// far is credited to the step each person was on under the old pace. Switching to self-paced
// starts everyone from the group's step, so nobody is thrown onto a step they visited long ago.
func (h *Hub) SetPace(ctx context.Context, by Actor, pace Pace) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	if _, err := ParsePace(string(pace)); err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.cohort.Pace == pace {
		return nil
	}
	h.flushTimeLocked(ctx, h.onlineLocked())
	if pace == PaceSelf {
		// While the cohort is led, own steps are not shown, so writing them first is harmless
		// if the switch below fails.
		for _, mb := range h.members {
			if mb.p.Step == h.cohort.Step {
				continue
			}
			p := mb.p
			p.Step = h.cohort.Step
			if err := h.m.store.UpdateParticipant(ctx, p); err != nil {
				return fmt.Errorf("switch to self-paced: %w", err)
			}
			h.state.Lock()
			mb.p = p
			h.state.Unlock()
		}
	}
	detail := "facilitator-led: everyone is on the facilitator's step"
	if pace == PaceSelf {
		detail = fmt.Sprintf("self-paced from step %d: each participant moves on their own", h.cohort.Step+1)
	}
	return h.changeCohortLocked(ctx, actor, "pace", detail, func(c *Cohort) error {
		c.Pace = pace
		return nil
	})
}

// UndoMove puts the cohort back on the step it was on before the last move. Undoing twice
// redoes the move.
func (h *Hub) UndoMove(ctx context.Context, by Actor) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	u := h.cohort.Live.UndoStep
	if u == nil || *u == h.cohort.Step {
		return Errorf(EConflict, "nothing to undo: the cohort has not moved since it was created")
	}
	return h.moveLocked(ctx, actor, "undo", *u)
}

// moveLocked is Move under the hub's lock, with the action name the timeline records, so an
// undo reads and changes the step in one step even when several facilitators are at work.
func (h *Hub) moveLocked(ctx context.Context, actor, action string, step int) error {
	n := len(h.module.Steps)
	if step < 0 || step >= n {
		return Errorf(EInvalid, "step %d does not exist: this module has steps 1 to %d", step+1, n)
	}
	from := h.cohort.Step
	if step == from {
		return nil
	}
	if h.cohort.Pace == PaceLed {
		h.flushTimeLocked(ctx, h.onlineLocked())
	}
	return h.changeCohortLocked(ctx, actor, action, fmt.Sprintf("from %d to %d: %s", from+1, step+1, h.module.Steps[step].Title), func(c *Cohort) error {
		c.Step = step
		c.Live.UndoStep = &from
		return nil
	})
}

// StepByRef finds a step by its 1-based number or its id, as a person types it.
func StepByRef(mod *content.Module, ref string) (int, error) {
	ref = strings.TrimSpace(ref)
	if i := mod.StepIndex(ref); i >= 0 {
		return i, nil
	}
	if n, err := strconv.Atoi(ref); err == nil {
		if n < 1 || n > len(mod.Steps) {
			return 0, Errorf(EInvalid, "step %d does not exist: this module has steps 1 to %d", n, len(mod.Steps))
		}
		return n - 1, nil
	}
	return 0, Errorf(EInvalid, "%q is not a step: give its number (1 to %d) or its id", ref, len(mod.Steps))
}

func (h *Hub) stepLabel(stepID string) (string, error) {
	i := h.module.StepIndex(stepID)
	if i < 0 {
		return "", Errorf(ENotFound, "this module has no step %q", stepID)
	}
	return fmt.Sprintf("step %d: %s", i+1, h.module.Steps[i].Title), nil
}

// Lock makes a step read-only for participants: they still see their work but cannot change it.
func (h *Hub) Lock(ctx context.Context, by Actor, stepID string) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	label, err := h.stepLabel(stepID)
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.cohort.Live.IsLocked(stepID) {
		return nil
	}
	return h.changeCohortLocked(ctx, actor, "lock", label, func(c *Cohort) error {
		c.Live.Locked = append(c.Live.Locked, stepID)
		return nil
	})
}

// Unlock lets participants change their work on a step again.
func (h *Hub) Unlock(ctx context.Context, by Actor, stepID string) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	label, err := h.stepLabel(stepID)
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.cohort.Live.IsLocked(stepID) {
		return nil
	}
	return h.changeCohortLocked(ctx, actor, "unlock", label, func(c *Cohort) error {
		kept := c.Live.Locked[:0]
		for _, id := range c.Live.Locked {
			if id != stepID {
				kept = append(kept, id)
			}
		}
		c.Live.Locked = kept
		return nil
	})
}

// ErrNoTimer is returned by timer actions that need a countdown when none is set.
var ErrNoTimer = Errorf(EConflict, "no timer is set: start one first")

// StartTimer starts a countdown of d that every screen shows, replacing any other.
func (h *Hub) StartTimer(ctx context.Context, by Actor, d time.Duration) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	if d < time.Second || d > MaxTimer {
		return Errorf(EInvalid, "a timer runs from 1 second to %d hours, not %s", int(MaxTimer.Hours()), FormatDuration(d))
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	now := h.m.now()
	return h.changeCohortLocked(ctx, actor, "timer", "started "+FormatDuration(d), func(c *Cohort) error {
		c.Live.Timer = &Timer{Total: d, EndsAt: now.Add(d)}
		return nil
	})
}

// PauseTimer stops the countdown where it is.
func (h *Hub) PauseTimer(ctx context.Context, by Actor) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	t := h.cohort.Live.Timer
	if t == nil {
		return ErrNoTimer
	}
	if t.Paused {
		return nil
	}
	now := h.m.now()
	left := t.Remaining(now)
	return h.changeCohortLocked(ctx, actor, "timer", "paused with "+FormatDuration(left)+" left", func(c *Cohort) error {
		c.Live.Timer.Paused, c.Live.Timer.Left, c.Live.Timer.EndsAt = true, left, time.Time{}
		return nil
	})
}

// ResumeTimer restarts a paused countdown.
func (h *Hub) ResumeTimer(ctx context.Context, by Actor) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	t := h.cohort.Live.Timer
	if t == nil {
		return ErrNoTimer
	}
	if !t.Paused {
		return nil
	}
	now := h.m.now()
	return h.changeCohortLocked(ctx, actor, "timer", "resumed with "+FormatDuration(t.Left)+" left", func(c *Cohort) error {
		c.Live.Timer.EndsAt, c.Live.Timer.Paused, c.Live.Timer.Left = now.Add(t.Left), false, 0
		return nil
	})
}

// AddTime lengthens the countdown by d, or shortens it for a negative d (down to zero). A
// countdown that already reached zero starts again with d.
func (h *Hub) AddTime(ctx context.Context, by Actor, d time.Duration) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	if d == 0 {
		return Errorf(EInvalid, "add some time, e.g. +2m")
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	t := h.cohort.Live.Timer
	if t == nil {
		return ErrNoTimer
	}
	now := h.m.now()
	left := t.Remaining(now) + d
	if left > MaxTimer {
		return Errorf(EInvalid, "a timer runs for at most %d hours", int(MaxTimer.Hours()))
	}
	left = max(left, 0)
	detail := "added " + FormatDuration(d)
	if d < 0 {
		detail = "took off " + FormatDuration(-d)
	}
	return h.changeCohortLocked(ctx, actor, "timer", detail+": "+FormatDuration(left)+" left", func(c *Cohort) error {
		nt := c.Live.Timer
		nt.Total = max(nt.Total+d, left)
		if nt.Paused {
			nt.Left = left
		} else {
			nt.EndsAt = now.Add(left)
		}
		return nil
	})
}

// StopTimer removes the countdown from every screen.
func (h *Hub) StopTimer(ctx context.Context, by Actor) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.cohort.Live.Timer == nil {
		return nil
	}
	return h.changeCohortLocked(ctx, actor, "timer", "stopped", func(c *Cohort) error {
		c.Live.Timer = nil
		return nil
	})
}

// FormatDuration writes a duration the way facilitators say it: "5m", "1m30s", "45s", "1h15m".
func FormatDuration(d time.Duration) string {
	neg := d < 0
	if neg {
		d = -d
	}
	d = d.Round(time.Second)
	h, m, s := int(d/time.Hour), int(d/time.Minute)%60, int(d/time.Second)%60
	out := ""
	if h > 0 {
		out += fmt.Sprintf("%dh", h)
	}
	if m > 0 {
		out += fmt.Sprintf("%dm", m)
	}
	if s > 0 || out == "" {
		out += fmt.Sprintf("%ds", s)
	}
	if neg {
		out = "-" + out
	}
	return out
}

// ParseTimerDuration reads a countdown length as a person types it: "5m", "90s", "1h30m",
// "4:30" (minutes and seconds) or a bare number of minutes ("5").
func ParseTimerDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	bad := Errorf(EInvalid, "%q is not a duration: write e.g. 5m, 90s, 1h30m or 4:30", s)
	if m, sec, ok := strings.Cut(s, ":"); ok {
		mi, err1 := strconv.Atoi(m)
		si, err2 := strconv.Atoi(sec)
		if err1 != nil || err2 != nil || mi < 0 || si < 0 || si > 59 || len(sec) != 2 {
			return 0, bad
		}
		return time.Duration(mi)*time.Minute + time.Duration(si)*time.Second, nil
	}
	if n, err := strconv.Atoi(s); err == nil {
		return time.Duration(n) * time.Minute, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, bad
	}
	return d, nil
}

// Announce shows a message on every screen until it is dismissed, replacing any other.
func (h *Hub) Announce(ctx context.Context, by Actor, text string) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	text = CleanLine(text)
	if text == "" {
		return Errorf(EInvalid, "the announcement is empty: type the message to show everyone")
	}
	if err := Bound("the announcement", text, MaxAnnouncementLen); err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	now := h.m.now()
	return h.changeCohortLocked(ctx, actor, "announce", text, func(c *Cohort) error {
		c.Live.Announcement = &Announcement{Text: text, By: actor, At: now}
		return nil
	})
}

// DismissAnnouncement removes the announcement from every screen.
func (h *Hub) DismissAnnouncement(ctx context.Context, by Actor) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.cohort.Live.Announcement == nil {
		return nil
	}
	return h.changeCohortLocked(ctx, actor, "announce", "dismissed", func(c *Cohort) error {
		c.Live.Announcement = nil
		return nil
	})
}

// ClearHand lowers a participant's raised hand once the facilitator has helped them.
func (h *Hub) ClearHand(ctx context.Context, by Actor, pid int64) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	mb, ok := h.byID[pid]
	if !ok {
		return fmt.Errorf("participant %d is not in cohort %s", pid, h.code)
	}
	if mb.p.Hand == nil {
		return nil
	}
	p, err := h.clearHandLocked(ctx, mb)
	if err != nil {
		return err
	}
	h.recordLocked(ctx, actor, "hand", "cleared "+mb.p.Label()+"'s raised hand")
	h.applyLocked(change{members: []int64{pid}}, func() { mb.p = p })
	return nil
}

// ClearAllHands lowers every raised hand and says how many there were.
func (h *Hub) ClearAllHands(ctx context.Context, by Actor) (int, error) {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return 0, err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	var cleared []*member
	var ps []Participant
	var ids []int64
	for _, mb := range h.members {
		if mb.p.Hand == nil {
			continue
		}
		p, e := h.clearHandLocked(ctx, mb)
		if err = e; err != nil {
			break
		}
		cleared, ps, ids = append(cleared, mb), append(ps, p), append(ids, p.ID)
	}
	n := len(cleared)
	if n > 0 {
		h.recordLocked(ctx, actor, "hand", fmt.Sprintf("cleared all raised hands (%d)", n))
		h.applyLocked(change{members: ids}, func() {
			for i, mb := range cleared {
				mb.p = ps[i]
			}
		})
	}
	return n, err
}

// clearHandLocked stores a member without their raised hand and returns the participant to
// put in memory.
func (h *Hub) clearHandLocked(ctx context.Context, mb *member) (Participant, error) {
	p := mb.p
	p.Hand = nil
	if err := h.m.store.UpdateParticipant(ctx, p); err != nil {
		return Participant{}, fmt.Errorf("clear %s's hand: %w", p.Label(), err)
	}
	return p, nil
}

// recordLocked appends a facilitator action that changed no cohort state to the timeline. The
// change itself is already stored; a failure to record is logged rather than undoing it.
func (h *Hub) recordLocked(ctx context.Context, actor, action, detail string) {
	ev := Event{CohortID: h.id, At: h.m.now(), Actor: actor, Action: action, Detail: detail}
	if err := h.m.store.Record(ctx, ev); err != nil {
		h.m.log.Warn("record facilitator action", "action", action, "err", err)
	}
}

// voteStep checks that a step holds a vote exercise and returns its label.
func (h *Hub) voteStep(stepID string) (string, error) {
	label, err := h.stepLabel(stepID)
	if err != nil {
		return "", err
	}
	ex := h.module.Steps[h.module.StepIndex(stepID)].Exercise
	if ex == nil || ex.Kind != content.KindVote {
		return "", Errorf(EInvalid, "%s is not a vote", label)
	}
	return label, nil
}

func (h *Hub) setVote(ctx context.Context, actor, stepID, what string, change func(v *VoteState)) error {
	label, err := h.voteStep(stepID)
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	v := h.cohort.Live.Vote(stepID)
	change(&v)
	if v == h.cohort.Live.Vote(stepID) {
		return nil
	}
	return h.changeCohortLocked(ctx, actor, "vote", what+" "+label, func(c *Cohort) error {
		if c.Live.Votes == nil {
			c.Live.Votes = map[string]VoteState{}
		}
		c.Live.Votes[stepID] = v
		return nil
	})
}

// OpenVote lets participants vote on a vote step (again).
func (h *Hub) OpenVote(ctx context.Context, by Actor, stepID string) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	return h.setVote(ctx, actor, stepID, "opened", func(v *VoteState) { v.Closed = false })
}

// CloseVote stops a vote step from taking votes.
func (h *Hub) CloseVote(ctx context.Context, by Actor, stepID string) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	return h.setVote(ctx, actor, stepID, "closed", func(v *VoteState) { v.Closed = true })
}

// RevealVote shows a vote step's results on every participant's screen.
func (h *Hub) RevealVote(ctx context.Context, by Actor, stepID string) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	return h.setVote(ctx, actor, stepID, "revealed the results of", func(v *VoteState) { v.Revealed = true })
}

// HideVote takes a vote step's results off participants' screens.
func (h *Hub) HideVote(ctx context.Context, by Actor, stepID string) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	return h.setVote(ctx, actor, stepID, "hid the results of", func(v *VoteState) { v.Revealed = false })
}

// Archive marks the cohort finished: it leaves the facilitators' list of active cohorts, and
// everything it holds stays stored for export.
func (h *Hub) Archive(ctx context.Context, by Actor) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.cohort.ArchivedAt.IsZero() {
		return nil
	}
	now := h.m.now()
	return h.changeCohortLocked(ctx, actor, "archive", "archived", func(c *Cohort) error {
		c.ArchivedAt = now
		return nil
	})
}

// Unarchive makes an archived cohort active again.
func (h *Hub) Unarchive(ctx context.Context, by Actor) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.cohort.ArchivedAt.IsZero() {
		return nil
	}
	return h.changeCohortLocked(ctx, actor, "archive", "made active again", func(c *Cohort) error {
		c.ArchivedAt = time.Time{}
		return nil
	})
}

// RecentActions returns the last n events of the cohort's timeline, oldest first, so every
// facilitator of a cohort sees what the others did. Only a facilitator may read it.
func (h *Hub) RecentActions(ctx context.Context, by Actor, n int) ([]Event, error) {
	if _, err := h.m.Authorize(ctx, by); err != nil {
		return nil, err
	}
	evs, err := h.m.store.Timeline(ctx, h.id)
	if err != nil {
		return nil, fmt.Errorf("load the cohort's timeline: %w", err)
	}
	if n > 0 && len(evs) > n {
		evs = evs[len(evs)-n:]
	}
	return evs, nil
}

// CohortInfo is one line of the facilitators' list of cohorts.
type CohortInfo struct {
	Cohort
	// ModuleTitle is the title of the module version the cohort runs ("" if it cannot load).
	ModuleTitle string
	// Steps is the number of steps of that module version.
	Steps        int
	Participants int
	// Online counts the participants connected now.
	Online int
	// LastActivity is the latest of the last facilitator action and the last time a
	// participant was seen; now while someone is online.
	LastActivity time.Time
}

// CohortOverview lists every cohort, newest first, with its participants and last activity.
// Only a facilitator may read it. It reads the store alone, so the server and a command run
// beside it list the same.
func (m *Manager) CohortOverview(ctx context.Context, by Actor) ([]CohortInfo, error) {
	if _, err := m.Authorize(ctx, by); err != nil {
		return nil, err
	}
	cs, err := m.Cohorts(ctx)
	if err != nil {
		return nil, err
	}
	now := m.now()
	out := make([]CohortInfo, 0, len(cs))
	for _, c := range cs {
		info := CohortInfo{Cohort: c, LastActivity: c.UpdatedAt}
		ps, err := m.store.Participants(ctx, c.ID)
		if err != nil {
			return nil, fmt.Errorf("count participants of %s: %w", c.Code, err)
		}
		info.Participants = len(ps)
		for _, p := range ps {
			if p.LastSeen.After(info.LastActivity) {
				info.LastActivity = p.LastSeen
			}
			if !p.OnlineSince.IsZero() {
				info.Online++
			}
		}
		if info.Online > 0 {
			info.LastActivity = now
		}
		if mod, err := m.Module(ctx, c); err == nil {
			info.ModuleTitle, info.Steps = mod.Title, len(mod.Steps)
		}
		out = append(out, info)
	}
	return out, nil
}
