package plain

import (
	"context"
	"fmt"
	"time"

	"workshop/content"
	"workshop/session"
)

// writeTimeout bounds one change to the hub, as on the full screen.
const writeTimeout = 30 * time.Second

// room is a participant inside their cohort: the step they read, its exercise, and the
// events of the live session as lines.
type room struct {
	s    *plainSession
	t    *term
	hub  *session.Hub
	sub  *session.Subscription
	me   session.Participant
	snap *session.Snapshot

	// viewing is the step shown; following means it tracks the group's step.
	viewing   int
	following bool
	work      *stepWork // the exercise of the step shown; nil for a step without one

	// lowering is set while the participant's own lowering of their hand is on its way.
	lowering bool
	// timer is the wake-up for the timer's last minute or its end; warned says which of
	// them was already said for the countdown ending at warnedFor.
	timer     *time.Timer
	warnedFor time.Time
	warned    int // 1: last minute said, 2: time is up said
}

func (s *plainSession) enter(p session.Participant) (*room, error) {
	h, err := s.d.Manager.Hub(s.ctx, p.CohortID)
	if err != nil {
		return nil, fmt.Errorf("open cohort: %w", err)
	}
	sub, err := h.Subscribe(s.ctx, p.ID)
	if err != nil {
		return nil, fmt.Errorf("subscribe: %w", err)
	}
	s.d.Track(sub)
	r := &room{s: s, t: s.t, hub: h, sub: sub, me: p, following: true}
	r.snap = sub.Snapshot()
	if r.snap == nil {
		r.snap = h.Snapshot()
	}
	r.refreshMe()
	r.viewing = r.snap.StepOf(r.me)
	if t := r.snap.Cohort.Live.Timer; t != nil && t.Remaining(time.Now()) <= time.Minute {
		r.warnedFor, r.warned = t.EndsAt, 2 // an old countdown is not news
	}
	return r, nil
}

func (r *room) ctx() context.Context { return r.s.ctx }

func (r *room) module() *content.Module { return r.snap.Module }

func (r *room) step() content.Step { return r.module().Steps[r.viewing] }

func (r *room) refreshMe() {
	if m, ok := r.snap.Member(r.me.ID); ok {
		r.me = m.Participant
	}
}

func (r *room) groupStep() int { return r.snap.StepOf(r.me) }

// leave stores what is not stored yet and closes the subscription.
func (r *room) leave() {
	if r.work != nil {
		r.work.flush()
	}
	if r.timer != nil {
		r.timer.Stop()
	}
	r.sub.Close()
}

// loop reads lines and live events until the participant leaves; it returns true when they
// asked for the full screen.
func (r *room) loop() (full bool) {
	r.t.say(r.p().T("Welcome, %s. You are in the workshop %s.", r.me.Name, r.snap.Cohort.Name))
	r.show(true)
	r.armTimer()
	for {
		if r.t.failed() {
			return false
		}
		r.t.ask()
		var timerC <-chan time.Time
		if r.timer != nil {
			timerC = r.timer.C
		}
		select {
		case <-r.ctx().Done():
			return false
		case <-r.sub.Updates():
			if snap := r.sub.Snapshot(); snap != nil {
				r.t.begin()
				r.onState(snap)
				r.t.end()
			}
		case <-timerC:
			r.timer = nil
			r.onTimer()
		case l, ok := <-r.s.lines:
			if !ok || l.eof {
				return false
			}
			if l.cancel {
				return false
			}
			if l.cut {
				r.t.say(msgLineCut(r.p(), MaxLine))
			}
			switch r.command(l.text) {
			case actQuit:
				return false
			case actFull:
				return true
			}
		}
	}
}

// show says the step on screen: where it is, its guidance and its exercise. brief leaves the
// guidance out when the participant only came back to it.
func (r *room) show(withGuidance bool) {
	if r.work != nil {
		r.work.flush()
	}
	step, shown := r.step(), r.shownStep()
	r.sub.Viewing(step.ID)
	r.t.say(msgStep(r.p(), r.viewing+1, len(r.module().Steps), shown.Title, step.TimeBox, r.viewing == r.groupStep()))
	if withGuidance {
		if g := guidanceLines(shown.Guidance); len(g) > 0 {
			r.t.say(g...)
		}
	}
	r.work = nil
	if step.Exercise == nil {
		r.t.say(msgNoExercise(r.p(), r.viewing+1 < len(r.module().Steps)))
		return
	}
	r.work = newStepWork(r, step, shown.Exercise)
	r.work.load()
	r.t.say(r.work.intro()...)
	r.t.say(r.work.status())
}

// browse shows another step: earlier ones at any time, later ones when self-paced.
func (r *room) browse(to int) {
	n := len(r.module().Steps)
	group := r.groupStep()
	self := r.snap.Cohort.Pace == session.PaceSelf
	switch {
	case to < 0:
		r.t.say(r.p().T("This is the first step."))
		return
	case to >= n:
		r.t.say(r.p().T("This is the last step."))
		return
	case to > group && !self:
		r.t.say(r.p().T("The facilitator opens the next steps. Type group to return to the group's step."))
		return
	}
	if self && to != group {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(r.ctx()), writeTimeout)
		err := r.hub.MoveParticipant(ctx, r.me.ID, to)
		cancel()
		if err != nil {
			r.t.say(reason(r.p(), err))
			return
		}
		r.me.Step = to
	}
	r.viewing = to
	r.following = self || to == group
	r.show(true)
}
