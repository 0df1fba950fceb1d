package plain

import (
	"strconv"
	"strings"
	"time"

	"workshop/i18n"
	"workshop/session"
)

// The room's sentences: where the participant is, the live session's events, the help.

func msgStep(p *i18n.Printer, n, of int, title string, timebox int, group bool) string {
	s := p.T("Step %d of %d: %s.", n, of, title)
	if timebox > 0 {
		s += " " + p.T("Time box %d minutes.", timebox)
	}
	if !group {
		s += " " + p.T("The group is on another step; type group to go there.")
	}
	return s
}

func msgNoExercise(p *i18n.Printer, more bool) string {
	if more {
		return p.T("Nothing to do on this step but read. Wait for the facilitator, or type help.")
	}
	return p.T("This is the last step. Type help for the commands, quit to leave.")
}

func msgNotACommand(p *i18n.Printer, s string) string {
	w, _ := word(s)
	return p.T("%q is not a command here. Type help for the commands.", w)
}

func msgAnnouncement(p *i18n.Printer, by, text string) string {
	if by != "" {
		return p.T("Announcement from %s: %s", by, text)
	}
	return p.T("Announcement: %s", text)
}

func msgSpotlight(p *i18n.Printer, title, text string) string {
	return p.T("Spotlight, %s: %s", title, strings.ReplaceAll(text, "\n", " / "))
}

func msgPace(p *i18n.Printer, self bool) string {
	if self {
		return p.T("The workshop is self-paced now: type next to go on when you are ready.")
	}
	return p.T("The facilitator leads the steps now.")
}

func msgLocked(p *i18n.Printer, locked bool) string {
	if locked {
		return p.T("This step is locked: you can read your work but not change it.")
	}
	return p.T("This step is open again: you can change your work.")
}

func msgTimerRunning(p *i18n.Printer, left time.Duration) string {
	return p.T("Timer: %s left.", minutes(p, left))
}

func msgTimerPaused(p *i18n.Printer, left time.Duration) string {
	return p.T("The timer is paused with %s left.", minutes(p, left))
}

func msgTimeLeft(p *i18n.Printer, t *session.Timer) string {
	left := t.Remaining(time.Now())
	switch {
	case left <= 0:
		return p.T("Time is up.")
	case t.Paused:
		return msgTimerPaused(p, left)
	}
	return msgTimerRunning(p, left)
}

func msgHelp(p *i18n.Printer) []string {
	return []string{
		p.T("Commands, each on its own line:"),
		p.T("step: read this step again. status: where you are and your work. time: the timer."),
		p.T("next, back: the next or the earlier step. group: the group's step. go N: step N."),
		p.T("hand TEXT: ask the facilitator for help. lower: lower your hand."),
		p.T("language: the languages; language N changes it. full: the full-screen mode. quit: leave; your work is stored."),
		p.T("A line starting with ' is always text for the exercise, even if it is a command word."),
	}
}

// msgLanguages lists the interface's languages to choose from, the one in use first.
func msgLanguages(p *i18n.Printer) []string {
	parts := make([]string, len(i18n.Languages))
	for i, l := range i18n.Languages {
		parts[i] = strconv.Itoa(i+1) + " " + l.Name() + " (" + string(l) + ")"
	}
	return []string{
		p.T("You read the workshop in %s.", p.Lang().Name()),
		p.T("Languages: %s.", strings.Join(parts, ", ")),
		p.T("Type language and a number to change it, for example: language 2."),
	}
}
