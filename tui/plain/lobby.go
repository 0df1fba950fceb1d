package plain

import (
	"errors"
	"strconv"

	"workshop/i18n"
	"workshop/session"
)

// lobby finds who the participant is: a returning key, a code in the SSH user name, or a
// typed join or rejoin code and then a name. full is set when they ask for the full screen.
func (s *plainSession) lobby() (p session.Participant, full bool, err error) {
	d := s.d
	if d.Resume != nil {
		return *d.Resume, false, nil
	}
	var cohort *session.Cohort
	if code := session.NormalizeCode(d.User); session.LooksLikeJoinCode(code) || session.LooksLikeRejoinCode(code) {
		p, c, err := s.lookup(code)
		switch {
		case err == nil && p != nil:
			return *p, false, nil
		case err == nil:
			cohort = c
		case !errors.Is(err, session.ErrUnknownCode):
			s.t.say(msgCodeFailed(s.p, err))
		}
	}
	// Without a code, a key goes back to its one cohort, or chooses among several.
	var mine []session.Membership
	if cohort == nil && !d.Identity.Keyless() {
		ms, err := d.Manager.Memberships(s.ctx, d.Identity)
		switch {
		case err != nil:
			s.t.say(s.p.T("Could not find where you were: %s", reason(s.p, err)))
		case len(ms) == 1:
			return ms[0].Participant, false, nil
		case len(ms) > 1:
			mine = ms
		}
	}
	for {
		if cohort == nil {
			if len(mine) > 0 {
				s.t.say(msgYourCohorts(s.p, mine)...)
			}
			s.t.say(msgAskCode(s.p))
			l, err := s.next()
			if err != nil {
				return p, false, err
			}
			switch s.lobbyCommand(l.text) {
			case lobbyAgain:
				continue
			case lobbyFull:
				return p, true, nil
			case lobbyLeave:
				return p, false, errLeave
			}
			cmd, _ := word(l.text)
			if n, err := strconv.Atoi(cmd); err == nil && n >= 1 && n <= len(mine) {
				return mine[n-1].Participant, false, nil
			}
			found, c, err := s.lookup(l.text)
			if err != nil {
				s.t.say(msgCodeFailed(s.p, err))
				continue
			}
			if found != nil {
				return *found, false, nil
			}
			cohort = c
		}
		if !cohort.ArchivedAt.IsZero() {
			s.t.say(s.p.T("The workshop %q has been archived by its facilitator and takes no new participants.", cohort.Name))
			cohort = nil
			continue
		}
		if !s.chosen {
			s.speak(i18n.Choose("", d.Terminal, s.cohortLanguage(cohort.ID)))
		}
		s.t.say(msgAskName(s.p, cohort.Name))
		l, err := s.next()
		if err != nil {
			return p, false, err
		}
		name := session.CleanLine(l.text)
		switch cmd, rest := word(name); {
		case name == "":
			s.t.say(s.p.T("Type a name so the facilitator knows who you are."))
			continue
		case rest == "" && commandOf(s.p.Lang(), cmd) == "back":
			cohort = nil
			continue
		}
		h, err := d.Manager.Hub(s.ctx, cohort.ID)
		if err == nil {
			p, _, err = h.Join(s.ctx, d.Identity, name)
		}
		if err != nil {
			s.t.say(s.p.T("Could not join: %s", reason(s.p, err)))
			continue
		}
		if p.RejoinCode != "" {
			s.t.say(msgRejoinCode(s.p, session.FormatRejoinCode(p.RejoinCode))...)
		}
		return p, false, nil
	}
}

// lobbyAction is what a line typed at the code prompt asks for.
type lobbyAction int

const (
	lobbyCode  lobbyAction = iota // a code (or a workshop's number) to look up
	lobbyAgain                    // ask for the code again
	lobbyFull
	lobbyLeave
)

// lobbyCommand handles the commands of the code prompt, typed in English or the reader's
// language.
func (s *plainSession) lobbyCommand(text string) lobbyAction {
	cmd, args := word(text)
	switch commandOf(s.p.Lang(), cmd) {
	case "":
		return lobbyAgain
	case "full":
		return lobbyFull
	case "quit":
		return lobbyLeave
	case "help":
		s.t.say(msgLobbyHelp(s.p)...)
		return lobbyAgain
	case "language":
		s.language(args, 0)
		return lobbyAgain
	}
	return lobbyCode
}

// lookup finds what a code opens, through the server's guard on wrong codes: a participant
// (a rejoin code, or a key that already joined the cohort) or a cohort to join.
func (s *plainSession) lookup(typed string) (*session.Participant, *session.Cohort, error) {
	d := s.d
	code := session.NormalizeCode(typed)
	var p session.Participant
	var c session.Cohort
	rejoin := session.LooksLikeRejoinCode(code)
	err := d.Codes.Check(d.Source, func() (err error) {
		if rejoin {
			p, err = d.Manager.ParticipantByRejoinCode(s.ctx, code)
		} else {
			c, err = d.Manager.CohortByCode(s.ctx, code)
		}
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	if rejoin {
		p = d.Manager.ClaimSeat(s.ctx, d.Identity, p) // a key holder's key comes with them next time
		return &p, nil, nil
	}
	if !d.Identity.Keyless() {
		if h, err := d.Manager.Hub(s.ctx, c.ID); err == nil {
			if p, found, err := h.Find(s.ctx, d.Identity); err == nil && found {
				return &p, &c, nil
			}
		}
	}
	return nil, &c, nil
}
