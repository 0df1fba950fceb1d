package session

import "workshop/content"

// Writable says why a participant's work on a step cannot change now, or nil if it can: the
// facilitator locked the step, closed its vote, or it is team work and the participant is in
// no team (inTeam false). It is the one rule of writability: the hub enforces it on every save
// and board change, and screens ask it before they send one, so both refuse in the same words.
func Writable(live Live, ex *content.Exercise, stepID string, inTeam bool) error {
	switch {
	case live.IsLocked(stepID):
		return ErrLocked
	case ex == nil:
		return nil
	case ex.Team && !inTeam:
		return ErrNoTeam
	case ex.Kind == content.KindVote && live.Vote(stepID).Closed:
		return ErrVoteClosed
	}
	return nil
}

// FeedsResult says whether a participant's own saved work on an exercise moves a cohort result
// that other screens show live (a vote tally, a scale's distribution, a list's count, the
// cohort's matrix on the big screen): the hub then tells the screens showing that result. Work on a shared board never does; the board's
// own change reaches the screens showing it.
func FeedsResult(ex *content.Exercise) bool {
	if ex == nil || SharedWork(ex) {
		return false
	}
	switch ex.Kind {
	case content.KindVote, content.KindScale, content.KindList, content.KindMatrix:
		return true
	}
	return false
}
