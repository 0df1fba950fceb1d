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

// alone are the commands that take nothing after them: on a step whose exercise takes free
// text, such a word followed by more words is text ("next time we..."), not the command.
var alone = map[string]bool{
	"help": true, "step": true, "status": true, "time": true, "next": true, "back": true, "group": true,
	"lower": true, "full": true, "quit": true, "list": true, "done": true, "undo": true, "clear": true,
}

// command handles one typed line: a command of the session, else one of the step's
// exercise, else text for the exercise. A line that starts with ' is always text. Commands
// are typed in English or in the reader's language (see words.go).
func (r *room) command(text string) action {
	if strings.HasPrefix(text, "'") {
		r.text(strings.TrimPrefix(text, "'"))
		return actNone
	}
	typed, args := word(text)
	cmd := commandOf(r.p().Lang(), typed)
	if alone[cmd] && args != "" && r.work != nil && r.work.takesText() {
		r.text(text)
		return actNone
	}
	p := r.p()
	switch cmd {
	case "":
		r.sayStatus()
	case "quit":
		return actQuit
	case "full":
		return actFull
	case "help":
		r.t.say(msgHelp(p)...)
		if r.work != nil {
			r.t.say(r.work.help()...)
		}
	case "step":
		r.show(true)
	case "status":
		r.t.say(msgStep(p, r.viewing+1, len(r.module().Steps), r.shownStep().Title, r.step().TimeBox, r.viewing == r.groupStep()))
		r.sayTime()
		r.sayStatus()
	case "time":
		r.sayTime()
	case "next":
		r.browse(r.viewing + 1)
	case "back":
		r.browse(r.viewing - 1)
	case "group":
		r.browse(r.groupStep())
	case "go":
		n, err := strconv.Atoi(args)
		if err != nil {
			r.t.say(p.T("Type go and a step number, for example: go 2."))
			return actNone
		}
		r.browse(n - 1)
	case "hand":
		r.raiseHand(args)
	case "lower":
		r.lowerHand()
	case "language":
		if r.s.language(args, r.me.ID) {
			r.show(false)
		}
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
		r.t.say(msgNotACommand(r.p(), s))
	}
}

func (r *room) sayStatus() {
	if r.work != nil {
		r.t.say(r.work.status())
		return
	}
	r.t.say(msgNoExercise(r.p(), r.viewing+1 < len(r.module().Steps)))
}

func (r *room) sayTime() {
	if t := r.snap.Cohort.Live.Timer; t != nil {
		r.t.say(msgTimeLeft(r.p(), t))
		return
	}
	r.t.say(r.p().T("No timer is running."))
}

func (r *room) write() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.WithoutCancel(r.ctx()), writeTimeout)
}

func (r *room) raiseHand(text string) {
	p := r.p()
	if text == "" {
		r.t.say(p.T("Type hand and what you need, for example: hand I am stuck on the table."))
		return
	}
	ctx, cancel := r.write()
	defer cancel()
	if err := r.hub.RaiseHand(ctx, r.me.ID, session.CleanLine(text)); err != nil {
		r.t.say(reason(p, err))
		return
	}
	r.t.say(p.T("Your hand is raised: the facilitator sees it. Type lower to lower it."))
}

func (r *room) lowerHand() {
	p := r.p()
	if r.me.Hand == nil {
		r.t.say(p.T("Your hand is not raised."))
		return
	}
	r.lowering = true
	ctx, cancel := r.write()
	defer cancel()
	if err := r.hub.LowerHand(ctx, r.me.ID); err != nil {
		r.lowering = false
		r.t.say(reason(p, err))
		return
	}
	r.t.say(p.T("Hand lowered."))
}
