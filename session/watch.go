package session

import (
	"fmt"
	"strings"

	"workshop/content"
)

// What a participant's screen of one step shows beyond the cohort's state and the
// participant's own record: the shared board they work on, the boards of the earlier step a
// vote or matrix draws its items from, and a cohort result (a scale's distribution always, a
// vote's tally once revealed). It is decided here once: the hub wakes a participant's screen
// for a board or result change only when the screen shows it, and the screen reloads its
// editor only when one of these counts moved (Snapshot.Watch).

// stepWatch is the board and result keys (see Snapshot.Boards) one screen depends on.
type stepWatch struct {
	board   string // the participant's shared board; "" for none
	from    string // a step every board and result of which counts; "" for none
	results string // a cohort result shown; "" for none
	vote    bool   // the step is a vote, whose state shows
}

// watchOf works out what a participant viewing stepID depends on, under the facilitator's
// live state.
func watchOf(mod *content.Module, live Live, p Participant, stepID string) stepWatch {
	i := mod.StepIndex(stepID)
	if i < 0 || mod.Steps[i].Exercise == nil {
		return stepWatch{}
	}
	ex := mod.Steps[i].Exercise
	var w stepWatch
	if owner, err := BoardOwner(ex, p); err == nil && owner != "" {
		w.board = BoardKey(stepID, owner)
	}
	w.from = ex.From
	switch ex.Kind {
	case content.KindVote:
		w.vote = true
		if live.Vote(stepID).Revealed {
			w.results = ResultsKey(stepID)
		}
	case content.KindScale:
		w.results = ResultsKey(stepID)
	}
	return w
}

// covers says whether a change of the board or result key shows on the screen.
func (w stepWatch) covers(key string) bool {
	if key == "" {
		return false
	}
	return key == w.board || key == w.results || (w.from != "" && strings.HasPrefix(key, w.from+"/"))
}

// Watch sums up, as text, the shared data a participant's screen of stepID shows: the count of
// changes of their board, of the earlier step's boards, of the result shown, and the vote's
// state. It changes exactly when one of them does, so the screen refreshes its editor then and
// only then.
func (s *Snapshot) Watch(p Participant, stepID string) string {
	w := watchOf(s.Module, s.Cohort.Live, p, stepID)
	var b strings.Builder
	if w.board != "" {
		fmt.Fprintf(&b, "board %d;", s.Boards[w.board])
	}
	if w.from != "" {
		var sum uint64
		for k, n := range s.Boards {
			if strings.HasPrefix(k, w.from+"/") {
				sum += n
			}
		}
		fmt.Fprintf(&b, "items %d;", sum)
	}
	if w.vote {
		vs := s.Cohort.Live.Vote(stepID)
		fmt.Fprintf(&b, "vote %v %v;", vs.Closed, vs.Revealed)
	}
	if w.results != "" {
		fmt.Fprintf(&b, "result %d;", s.Boards[w.results])
	}
	return b.String()
}
