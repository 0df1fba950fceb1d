package plain

import (
	"context"
	"strconv"
	"strings"

	"workshop/content"
	"workshop/i18n"
	"workshop/session"
)

// A plain session speaks one of the interface's languages, chosen by the house order: the
// participant's stored choice, else their terminal's locale, else their cohort's module's
// language, else English. The language command lists the languages and changes the one in use;
// the choice is stored for the participant, so the full screen speaks it too next time.

// speak makes the session print in l from now on.
func (s *plainSession) speak(l i18n.Lang) {
	if s.d.Printer != nil {
		s.p = s.d.Printer(l)
		return
	}
	s.p = i18n.New(l)
}

// settle picks the language of a participant once they are known: a choice made in the lobby
// is theirs now, and stored; otherwise the house order decides.
func (s *plainSession) settle(p session.Participant) {
	if s.chosen {
		s.store(p.ID, s.p.Lang())
		return
	}
	own, err := s.d.Manager.ParticipantLanguage(s.ctx, p.ID)
	if err != nil {
		s.d.Log.Error("read language", "err", err, "participant", p.ID)
	}
	s.speak(i18n.Choose(own, s.d.Terminal, s.cohortLanguage(p.CohortID)))
}

// cohortLanguage is the language of a cohort's module, "" when it cannot be read.
func (s *plainSession) cohortLanguage(cohortID int64) string {
	h, err := s.d.Manager.Hub(s.ctx, cohortID)
	if err != nil || h.Module() == nil {
		return ""
	}
	return h.Module().Language
}

// store records the participant's choice of language. A choice that could not be stored still
// holds now; it is only not found next time, which the log says.
func (s *plainSession) store(participantID int64, l i18n.Lang) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(s.ctx), writeTimeout)
	defer cancel()
	if err := s.d.Manager.SetParticipantLanguage(ctx, participantID, l); err != nil {
		s.d.Log.Error("store language", "err", err, "participant", participantID)
	}
}

// language is the language command: alone, it lists the languages; with a language (its
// number, tag or name) it changes to it and, once the participant is known (participantID is
// not 0), stores the choice. It returns whether the language changed.
func (s *plainSession) language(args string, participantID int64) bool {
	if args == "" {
		s.t.say(msgLanguages(s.p)...)
		return false
	}
	l, ok := pickLanguage(args)
	if !ok {
		s.t.say(s.p.T("%q is not one of the languages.", args))
		s.t.say(msgLanguages(s.p)...)
		return false
	}
	s.speak(l)
	s.chosen = true
	if participantID != 0 {
		s.store(participantID, l)
	}
	s.t.say(s.p.T("From now on you read the workshop in %s.", l.Name()))
	return true
}

// pickLanguage reads a language as typed after the language command: its number in the
// list, the start of its name ("port", "italiano") or a tag or locale ("pt-BR", "es").
func pickLanguage(typed string) (i18n.Lang, bool) {
	typed = strings.TrimSpace(typed)
	if n, err := strconv.Atoi(typed); err == nil {
		if n >= 1 && n <= len(i18n.Languages) {
			return i18n.Languages[n-1], true
		}
		return "", false
	}
	if f := fold(typed); len(f) >= 3 {
		for _, l := range i18n.Languages {
			if strings.HasPrefix(fold(l.Name()), f) {
				return l, true
			}
		}
	}
	return i18n.Match(typed)
}

// shown is the cohort's module in the participant's language, where the module has that
// translation: the interface's language first, then the terminal's locales. Work and checks
// go by the original (room.module); this is what the participant reads.
func (r *room) shown() *content.Module {
	prefs := append([]string{string(r.p().Lang())}, r.s.d.Terminal...)
	if m := r.hub.ModuleIn(prefs...); m != nil && len(m.Steps) == len(r.module().Steps) {
		return m
	}
	return r.module()
}

// shownStep is the step shown, in the participant's language.
func (r *room) shownStep() content.Step { return r.shown().Steps[r.viewing] }

func (r *room) p() *i18n.Printer { return r.s.p }
