package session

import "time"

// Live is a cohort's facilitation state beyond the current step: everything a facilitator
// switches on and off during a session. It is stored with the cohort, so a restart resumes the
// session exactly as it was.
type Live struct {
	// Locked lists the ids of steps that are read-only for participants.
	Locked []string `json:"locked,omitempty"`
	// Timer is the countdown every screen shows; nil when none runs.
	Timer *Timer `json:"timer,omitempty"`
	// Announcement is shown on every screen until the facilitator dismisses it.
	Announcement *Announcement `json:"announcement,omitempty"`
	// Spotlight is one answer or board shown on every participant's screen until released.
	Spotlight *Spotlight `json:"spotlight,omitempty"`
	// Votes holds the state of vote steps by step id; a vote step absent here is open and its
	// result hidden.
	Votes map[string]VoteState `json:"votes,omitempty"`
	// UndoStep is the step the cohort was on before the last move, so the move can be undone.
	UndoStep *int `json:"undo_step,omitempty"`
	// Meetings lists the openings of the module's meetings, oldest first; the last is open
	// while its EndedAt is zero. See MeetingRun.
	Meetings []MeetingRun `json:"meetings,omitempty"`
}

// IsLocked says whether a step is read-only.
func (l Live) IsLocked(stepID string) bool {
	for _, id := range l.Locked {
		if id == stepID {
			return true
		}
	}
	return false
}

// Vote returns the state of a vote step.
func (l Live) Vote(stepID string) VoteState { return l.Votes[stepID] }

// Clone returns a deep copy, so a hub can change a copy and store it before swapping it in.
func (l Live) Clone() Live {
	c := l
	c.Locked = append([]string(nil), l.Locked...)
	if l.Timer != nil {
		t := *l.Timer
		c.Timer = &t
	}
	if l.Announcement != nil {
		a := *l.Announcement
		c.Announcement = &a
	}
	if l.Spotlight != nil {
		s := *l.Spotlight
		c.Spotlight = &s
	}
	if l.Votes != nil {
		c.Votes = make(map[string]VoteState, len(l.Votes))
		for k, v := range l.Votes {
			c.Votes[k] = v
		}
	}
	if l.UndoStep != nil {
		u := *l.UndoStep
		c.UndoStep = &u
	}
	c.Meetings = append([]MeetingRun(nil), l.Meetings...)
	return c
}

// Timer is a countdown. While running, EndsAt is when it reaches zero; while paused, Left is
// what remains.
type Timer struct {
	Total  time.Duration `json:"total"`
	EndsAt time.Time     `json:"ends_at,omitzero"`
	Paused bool          `json:"paused,omitempty"`
	Left   time.Duration `json:"left,omitempty"`
}

// Remaining is the time left at now (never negative).
func (t *Timer) Remaining(now time.Time) time.Duration {
	if t == nil {
		return 0
	}
	if t.Paused {
		return max(t.Left, 0)
	}
	return max(t.EndsAt.Sub(now), 0)
}

// Announcement is a facilitator's message to everyone.
type Announcement struct {
	Text string    `json:"text"`
	By   string    `json:"by"`
	At   time.Time `json:"at"`
}

// Spotlight is what the facilitator puts on every participant's screen: a copy of one answer
// or board at the moment it was spotlit, without any author a participant may not see.
type Spotlight struct {
	StepID string    `json:"step_id"`
	Title  string    `json:"title"` // e.g. "Team 2's board" or "An answer"
	Text   string    `json:"text"`
	By     string    `json:"by"`
	At     time.Time `json:"at"`
}

// VoteState is whether a vote step still takes votes and whether everyone sees the result.
type VoteState struct {
	Closed   bool `json:"closed,omitempty"`
	Revealed bool `json:"revealed,omitempty"`
}

// Team is a breakout group in a cohort.
type Team struct {
	ID       int64
	CohortID int64
	Name     string
}

// Hand is a participant's request for help.
type Hand struct {
	Text string    `json:"text"`
	At   time.Time `json:"at"`
}

// Board is work shared by several participants on one step: a team's board, or the cohort's
// pool of anonymous items, which holds no link to who wrote what.
type Board struct {
	CohortID  int64
	StepID    string
	Owner     string // OwnerTeam(id) or OwnerPool
	Kind      string
	Schema    int
	Data      []byte // JSON
	UpdatedAt time.Time
}

// OwnerPool owns the anonymous items of a step.
const OwnerPool = "pool"

// OwnerTeam is the board owner of a team.
func OwnerTeam(teamID int64) string { return "team:" + itoa(teamID) }

func itoa(n int64) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
