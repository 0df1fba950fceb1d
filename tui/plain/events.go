package plain

import (
	"time"

	"workshop/session"
)

// onState takes a new snapshot and says, one line each, what changed that concerns the
// participant: a move, an announcement, a spotlight, the timer, an answered hand, a lock, a
// vote closed or revealed, a new team, a change on their board.
func (r *room) onState(snap *session.Snapshot) {
	old := r.snap
	r.snap = snap
	hadHand := r.me.Hand != nil
	oldTeam := r.me.TeamID
	r.refreshMe()
	if r.viewing >= len(r.module().Steps) {
		r.viewing = len(r.module().Steps) - 1
	}
	p := r.p()
	ol, nl := old.Cohort.Live, snap.Cohort.Live
	if a := nl.Announcement; a != nil && (ol.Announcement == nil || !ol.Announcement.At.Equal(a.At) || ol.Announcement.Text != a.Text) {
		r.t.say(msgAnnouncement(p, a.By, a.Text))
	}
	if sp := nl.Spotlight; sp != nil && (ol.Spotlight == nil || !ol.Spotlight.At.Equal(sp.At)) {
		r.t.say(msgSpotlight(p, p.Msg(sp.TitleMsg()), sp.Text))
	} else if sp == nil && ol.Spotlight != nil {
		r.t.say(p.T("The spotlight is off."))
	}
	if hadHand && r.me.Hand == nil {
		if r.lowering {
			r.lowering = false
		} else {
			r.t.say(p.T("The facilitator answered your raised hand: your hand is down. Type hand again if you still need help."))
		}
	}
	if old.Cohort.Pace != snap.Cohort.Pace {
		r.t.say(msgPace(p, snap.Cohort.Pace == session.PaceSelf))
	}
	r.timerNews(ol.Timer, nl.Timer)
	if r.me.TeamID != oldTeam {
		if t, ok := snap.Team(r.me.TeamID); ok {
			r.t.say(p.T("You are in %s now.", t.Name))
		} else {
			r.t.say(p.T("You are in no team now."))
		}
	}

	group := r.groupStep()
	if group != old.StepOf(r.me) || (r.following && group != r.viewing) {
		st := r.shown().Steps[group]
		if r.following || r.viewing == group {
			r.t.say(p.T("The group moved to step %d: %s.", group+1, st.Title))
			r.viewing, r.following = group, true
			r.show(true)
			return
		}
		r.t.say(p.T("The group moved to step %d: %s. Type group to go there.", group+1, st.Title))
	}
	stepID := r.step().ID
	if was, is := ol.IsLocked(stepID), nl.IsLocked(stepID); was != is {
		r.t.say(msgLocked(p, is))
	}
	if was, is := ol.Vote(stepID), nl.Vote(stepID); r.work != nil {
		if is.Closed && !was.Closed {
			r.t.say(p.T("The vote is closed: dots are counted as they are."))
		}
		if r.work.ex.Kind == "vote" && is.Revealed && !was.Revealed {
			r.work.load()
			r.t.say(r.work.tallyLines()...)
		}
	}
	if r.work != nil {
		if oldTeam != r.me.TeamID {
			r.work.load()
			r.t.say(r.work.status())
		} else if r.work.watch != snap.Watch(r.me, stepID) {
			r.work.refresh()
		}
	}
}

// timerNews says that a countdown started, paused, went on or stopped, and sets the wake-up
// for its last minute.
func (r *room) timerNews(was, is *session.Timer) {
	now := time.Now()
	switch {
	case is == nil && was != nil:
		r.t.say(r.p().T("The timer was stopped."))
	case is != nil && (was == nil || was.Total != is.Total || (!was.Paused && !is.Paused && !was.EndsAt.Equal(is.EndsAt))):
		if !is.Paused {
			r.t.say(msgTimerRunning(r.p(), is.Remaining(now)))
		}
	case is != nil && was != nil && was.Paused != is.Paused:
		if is.Paused {
			r.t.say(msgTimerPaused(r.p(), is.Remaining(now)))
		} else {
			r.t.say(msgTimerRunning(r.p(), is.Remaining(now)))
		}
	}
	r.armTimer()
}

// armTimer sets the one wake-up a running countdown needs next: its last minute, or its end.
// Nothing is set while no countdown runs, so an idle session costs no ticks.
func (r *room) armTimer() {
	if r.timer != nil {
		r.timer.Stop()
		r.timer = nil
	}
	t := r.snap.Cohort.Live.Timer
	if t == nil || t.Paused {
		return
	}
	if !r.warnedFor.Equal(t.EndsAt) {
		r.warnedFor, r.warned = t.EndsAt, 0
	}
	left := t.Remaining(time.Now())
	switch {
	case left > time.Minute && r.warned < 1:
		r.timer = time.NewTimer(left - time.Minute)
	case left > 0 && r.warned < 2:
		r.timer = time.NewTimer(left)
		if r.warned < 1 && left < time.Minute-time.Second {
			r.warned = 1 // started with less than a minute: said with the start
		}
	}
}

func (r *room) onTimer() {
	t := r.snap.Cohort.Live.Timer
	if t == nil || t.Paused {
		return
	}
	left := t.Remaining(time.Now())
	switch {
	case left <= 0 && r.warned < 2:
		r.warned = 2
		r.t.say(r.p().T("Time is up."))
	case left <= time.Minute && r.warned < 1:
		r.warned = 1
		r.t.say(r.p().T("One minute left."))
	}
	r.armTimer()
}
