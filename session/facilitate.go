package session

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"workshop/content"
	"workshop/i18n"
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
	// Time on the step being left is counted now, but stored after the move is out: every
	// screen waits for the move, none for the time, and time stored in any order adds up the
	// same (see storeTime). With many cohorts moving at once, storing first held every move
	// behind every cohort's time.
	var spent stepTimes
	var at time.Time
	if h.cohort.Pace == PaceLed {
		online := h.onlineLocked()
		h.state.Lock()
		spent, at = h.takeTimeLocked(online)
		h.state.Unlock()
	}
	defer h.storeTime(ctx, spent, Clock{At: at, Running: true})
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
	if err := Bound(i18n.M("the announcement"), text, MaxAnnouncementLen); err != nil {
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
	h.recordActivity(ctx, pid, ActHandDown, h.m.now())
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
		for _, id := range ids {
			h.recordActivity(ctx, id, ActHandDown, h.m.now())
		}
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
