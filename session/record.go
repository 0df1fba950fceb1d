package session

import (
	"time"

	"workshop/content"
)

// CohortRecord is everything stored about one cohort, read at one moment (Store.CohortRecord).
type CohortRecord struct {
	Cohort       Cohort
	Participants []Participant // in joining order
	Teams        []Team        // in creation order
	Artifacts    []Artifact    // by step id, then participant id
	Boards       []Board       // by step id, then owner
	// StepTimes is the time stored for each participant on each step: participant -> step.
	StepTimes map[int64]map[string]time.Duration
	// Clocks is, for each participant whose time is counting now (they are connected), when
	// it started counting on their current step; that time is not in StepTimes yet.
	Clocks   map[int64]time.Time
	Timeline []Event // oldest first
	// Activities is what participants did (joins, leaves, hands), oldest first.
	Activities []Activity
	// Notes are the facilitators' own notes on the steps, oldest first.
	Notes []StepNote
}

// Clock says, as of At, whether a participant's time on their current step counts: from At
// when Running, and not since At otherwise. The hub changes a clock in memory under its lock
// and stores the change afterwards, so two changes may reach the store in either order: of
// two, the one with the later At is kept.
type Clock struct {
	At      time.Time
	Running bool
}

// TimeOnSteps is the time each participant spent on each step up to now: what is stored, plus,
// for a participant whose clock runs, the time since it started on the step they are on
// (participant -> step). A clock that started after now adds nothing.
func (r CohortRecord) TimeOnSteps(mod *content.Module, now time.Time) map[int64]map[string]time.Duration {
	out := make(map[int64]map[string]time.Duration, len(r.StepTimes)+len(r.Clocks))
	for pid, steps := range r.StepTimes {
		m := make(map[string]time.Duration, len(steps)+1)
		for step, d := range steps {
			m[step] = d
		}
		out[pid] = m
	}
	if len(mod.Steps) == 0 {
		return out
	}
	for _, p := range r.Participants {
		since, ok := r.Clocks[p.ID]
		if !ok || !now.After(since) {
			continue
		}
		step := mod.Steps[stepOf(r.Cohort, mod, p)].ID
		if out[p.ID] == nil {
			out[p.ID] = map[string]time.Duration{}
		}
		out[p.ID][step] += now.Sub(since)
	}
	return out
}
