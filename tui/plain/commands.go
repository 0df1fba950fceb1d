package plain

import (
	"context"
	"strconv"
	"strings"

	"workshop/session"
)

type action int

const (
	actNone action = iota
	actQuit
	actFull
)

// command handles one typed line: a command of the session, else one of the step's
// exercise, else text for the exercise. A line that starts with ' is always text.
func (r *room) command(text string) action {
	if strings.HasPrefix(text, "'") {
		r.text(strings.TrimPrefix(text, "'"))
		return actNone
	}
	cmd, args := word(text)
	switch cmd {
	case "":
		r.sayStatus()
	case "quit", "exit", "bye":
		return actQuit
	case "full":
		return actFull
	case "help", "?":
		r.t.say(msgHelp...)
		if r.work != nil {
			r.t.say(r.work.help()...)
		}
	case "step", "again":
		r.show(true)
	case "where", "status":
		r.t.say(msgStep(r.viewing+1, len(r.module().Steps), r.step().Title, r.step().TimeBox, r.viewing == r.groupStep()))
		r.sayTime()
		r.sayStatus()
	case "time":
		r.sayTime()
	case "next":
		r.browse(r.viewing + 1)
	case "back", "previous", "prev":
		r.browse(r.viewing - 1)
	case "group":
		r.browse(r.groupStep())
	case "go":
		n, err := strconv.Atoi(args)
		if err != nil {
			r.t.say(msgGoHow)
			return actNone
		}
		r.browse(n - 1)
	case "hand":
		r.raiseHand(args)
	case "lower":
		r.lowerHand()
	default:
		if r.work != nil && r.work.command(cmd, args) {
			return actNone
		}
		r.text(text)
	}
	return actNone
}

// text gives a line that is no command to the exercise.
func (r *room) text(s string) {
	if r.work == nil || !r.work.text(s) {
		r.t.say(msgNotACommand(s))
	}
}

func (r *room) sayStatus() {
	if r.work != nil {
		r.t.say(r.work.status())
		return
	}
	r.t.say(msgNoExercise(r.viewing+1 < len(r.module().Steps)))
}

func (r *room) sayTime() {
	if t := r.snap.Cohort.Live.Timer; t != nil {
		r.t.say(msgTimeLeft(t))
		return
	}
	r.t.say(msgNoTimer)
}

func (r *room) write() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.WithoutCancel(r.ctx()), writeTimeout)
}

func (r *room) raiseHand(text string) {
	if text == "" {
		r.t.say(msgHandHow)
		return
	}
	ctx, cancel := r.write()
	defer cancel()
	if err := r.hub.RaiseHand(ctx, r.me.ID, session.CleanLine(text)); err != nil {
		r.t.say(msgCannot(session.ErrorMessage(err)))
		return
	}
	r.t.say(msgHandRaised)
}

func (r *room) lowerHand() {
	if r.me.Hand == nil {
		r.t.say(msgNoHand)
		return
	}
	r.lowering = true
	ctx, cancel := r.write()
	defer cancel()
	if err := r.hub.LowerHand(ctx, r.me.ID); err != nil {
		r.lowering = false
		r.t.say(msgCannot(session.ErrorMessage(err)))
		return
	}
	r.t.say(msgHandLowered)
}
