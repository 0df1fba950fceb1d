package tui

// The keys of a cohort room: the room's own, a vote's, and each view's.

import (
	"context"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"workshop/content"
	"workshop/session"
)

func (r *cohortRoom) onKey(msg tea.KeyPressMsg) tea.Cmd {
	if r.prompt != promptNone {
		return r.onPromptKey(msg)
	}
	if r.confirm != "" {
		cmd := r.confirmCmd
		r.confirm, r.confirmCmd = "", nil
		if msg.String() == "y" || msg.String() == "Y" {
			return cmd
		}
		r.status, r.statusBad = r.T("Cancelled: nothing changed."), false
		return nil
	}
	if r.showCard {
		if key.Matches(msg, r.ck.Back, r.ck.Card, r.ck.Enter) {
			r.showCard = false
		}
		return nil
	}
	if cmd, ok := r.onTabKey(msg); ok {
		return cmd
	}
	k := r.ck
	live := r.snap.Cohort.Live
	switch {
	case key.Matches(msg, k.Back):
		r.leave()
		r.sub.Close()
		return switchTo(newConsole(r.Common))
	case key.Matches(msg, k.Language):
		return nextFacilitatorLang(r.Common)
	case key.Matches(msg, k.Next):
		return r.act("", func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.MoveBy(ctx, a, +1) })
	case key.Matches(msg, k.Prev):
		return r.act("", func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.MoveBy(ctx, a, -1) })
	case key.Matches(msg, k.Undo):
		return r.act(r.T("Move undone (u again redoes it)."), func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.UndoMove(ctx, a) })
	case key.Matches(msg, k.Jump):
		return r.ask(promptJump, 0, "")
	case key.Matches(msg, k.Pace):
		to, done := session.PaceSelf, r.T("Self-paced: everyone starts from step %d and moves on their own.", r.snap.Cohort.Step+1)
		if r.snap.Cohort.Pace == session.PaceSelf {
			to, done = session.PaceLed, r.T("Facilitator-led: everyone is on your step.")
		}
		return r.act(done, func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.SetPace(ctx, a, to) })
	case key.Matches(msg, k.Meeting):
		return r.meetingKey()
	case key.Matches(msg, k.Lock):
		id := r.step().ID
		if live.IsLocked(id) {
			return r.act(r.T("Unlocked: participants can change their work."), func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.Unlock(ctx, a, id) })
		}
		return r.act(r.T("Locked: participants can read but not change their work."), func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.Lock(ctx, a, id) })
	case key.Matches(msg, k.Timer):
		return r.ask(promptTimer, 0, "")
	case key.Matches(msg, k.PauseTimer):
		switch {
		case live.Timer == nil:
			return r.fail(r.T("No timer is set: press t to start one."))
		case live.Timer.Paused:
			return r.act("", func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.ResumeTimer(ctx, a) })
		}
		return r.act("", func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.PauseTimer(ctx, a) })
	case key.Matches(msg, k.AddTime):
		return r.act(r.T("Added a minute."), func(ctx context.Context, h *session.Hub, a session.Actor) error {
			return h.AddTime(ctx, a, time.Minute)
		})
	case key.Matches(msg, k.TakeTime):
		return r.act(r.T("Took a minute off."), func(ctx context.Context, h *session.Hub, a session.Actor) error {
			return h.AddTime(ctx, a, -time.Minute)
		})
	case key.Matches(msg, k.StopTimer):
		return r.act(r.T("Timer stopped."), func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.StopTimer(ctx, a) })
	case key.Matches(msg, k.Announce):
		prefill := ""
		if live.Announcement != nil {
			prefill = live.Announcement.Text
		}
		return r.ask(promptAnnounce, 0, prefill)
	case key.Matches(msg, k.Note):
		return r.ask(promptNote, 0, "")
	case key.Matches(msg, k.Dismiss):
		return r.act(r.T("Announcement dismissed."), func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.DismissAnnouncement(ctx, a) })
	case key.Matches(msg, k.Release):
		return r.act(r.T("Spotlight released."), func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.ReleaseSpotlight(ctx, a) })
	case key.Matches(msg, k.VoteOpen, k.VoteReveal):
		return r.voteKey(msg)
	case key.Matches(msg, k.Card):
		r.showCard = true
	case key.Matches(msg, k.NextTab):
		return r.switchTab((r.tab + 1) % tabCount)
	case key.Matches(msg, k.PrevTab):
		return r.switchTab((r.tab + tabCount - 1) % tabCount)
	case key.Matches(msg, k.TabKeys):
		return r.switchTab(roomTab(msg.String()[0] - '1'))
	case key.Matches(msg, k.Refresh):
		return tea.Batch(r.requestEvents(), r.requestWall())
	}
	return nil
}

func (r *cohortRoom) voteKey(msg tea.KeyPressMsg) tea.Cmd {
	step := r.step()
	if step.Exercise == nil || step.Exercise.Kind != content.KindVote {
		return r.fail(r.T("Step %d is not a vote: open and reveal votes on a vote step.", r.snap.Cohort.Step+1))
	}
	id, v := step.ID, r.snap.Cohort.Live.Vote(step.ID)
	if key.Matches(msg, r.ck.VoteOpen) {
		if v.Closed {
			return r.act(r.T("Vote open."), func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.OpenVote(ctx, a, id) })
		}
		return r.act(r.T("Vote closed: dots are counted as they are."), func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.CloseVote(ctx, a, id) })
	}
	if v.Revealed {
		return r.act(r.T("Results hidden from participants."), func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.HideVote(ctx, a, id) })
	}
	return r.act(r.T("Results shown on every screen."), func(ctx context.Context, h *session.Hub, a session.Actor) error { return h.RevealVote(ctx, a, id) })
}

func (r *cohortRoom) switchTab(t roomTab) tea.Cmd {
	if t < 0 || t >= tabCount {
		return nil
	}
	r.tab, r.person = t, nil
	switch t {
	case tabWall:
		return r.requestWall()
	case tabLog:
		return r.requestEvents()
	}
	return nil
}

// onTabKey handles the keys of the current view; ok is false for keys it leaves to the room.
func (r *cohortRoom) onTabKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	switch r.tab {
	case tabRoster:
		if r.person != nil {
			return r.personKey(msg)
		}
		return r.rosterKey(msg)
	case tabHands:
		return r.handsKey(msg)
	case tabWall:
		return r.wallKey(msg)
	case tabTeams:
		return r.teamsKey(msg)
	case tabSteps:
		return r.stepsKey(msg)
	case tabLog:
		return r.logKey(msg)
	}
	return nil, false
}
