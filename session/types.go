package session

import (
	"errors"
	"time"
)

// Pace says who moves participants between steps.
type Pace string

// Pace values.
const (
	// PaceLed keeps every participant on the facilitator's step.
	PaceLed Pace = "led"
	// PaceSelf lets each participant move freely.
	PaceSelf Pace = "self"
)

// ParsePace checks a pace name given by a person.
func ParsePace(s string) (Pace, error) {
	switch Pace(s) {
	case PaceLed, PaceSelf:
		return Pace(s), nil
	}
	return "", Errorf(EInvalid, `pace must be "led" or "self"`)
}

// PinnedTranslation is a translation of a cohort's module, pinned by the hash of its source.
type PinnedTranslation struct {
	Language string
	Hash     string
}

// Cohort is one group of participants working through one module version.
type Cohort struct {
	ID   int64
	Code string // join code, upper case
	// ViewCode opens the cohort's read-only big screen (ssh view@HOST) and nothing else.
	ViewCode string
	Name     string
	// ModuleID and ModuleHash pin the exact module version the cohort started with.
	ModuleID   string
	ModuleHash string
	// Translations pins, beside it, the module's translations at the cohort's creation, by
	// language; nil when the module had none.
	Translations []PinnedTranslation
	Pace         Pace
	// Step is the index of the step the facilitator has the cohort on.
	Step      int
	CreatedBy string // facilitator name, or who ran the command at the server's shell
	CreatedAt time.Time
	UpdatedAt time.Time
	// Live is the facilitation state: locks, timer, announcement, spotlight, votes.
	Live Live
	// ArchivedAt is when the cohort was archived; zero while it is active.
	ArchivedAt time.Time
}

// Participant is one person in one cohort.
type Participant struct {
	ID       int64
	CohortID int64
	Name     string
	// label is set by the hub on its roster; see Label.
	label string
	// Fingerprint is the SHA-256 fingerprint of the key the participant authenticated with;
	// empty for a keyless participant.
	Fingerprint string
	// RejoinCode lets a keyless participant come back as themselves; empty for key holders.
	RejoinCode string
	// Step is the participant's own position, used when the cohort is self-paced.
	Step int
	// TeamID is the breakout team the participant is in; 0 for none.
	TeamID int64
	// Department is the department or group a roster import named; Email, the address it
	// gave for mailing the seat code. Both are empty for someone who joined by typing a name.
	Department string
	Email      string
	// Hand is the participant's open request for help; nil when none.
	Hand     *Hand
	JoinedAt time.Time
	// LastSeen is when the participant last connected or left; OnlineSince, when their first
	// open screen opened, and zero while they have none (as the store knows it, so commands
	// and exports run beside the server see who is online too).
	LastSeen    time.Time
	OnlineSince time.Time
}

// Label is how facilitators see the participant among the others of the cohort: the name,
// with " · N" when someone who joined earlier has a name that looks the same (see Labeler).
// It comes from the hub's roster (a snapshot's members have it); a participant read from the
// store alone is shown by DisplayName.
func (p Participant) Label() string {
	if p.label != "" {
		return p.label
	}
	return DisplayName(p.Name)
}

// Facilitator is a person allowed to run cohorts, known by a registered public key.
type Facilitator struct {
	Name        string
	Fingerprint string
	PublicKey   string // authorized_keys form
	AddedAt     time.Time
}

// Status is how far a participant's artifact has gone.
type Status string

// Artifact statuses.
const (
	StatusDraft     Status = "draft"
	StatusSubmitted Status = "submitted"
)

// Artifact is a participant's work on one step, stored as versioned structured data.
type Artifact struct {
	CohortID      int64
	StepID        string
	ParticipantID int64
	Kind          string
	// Schema is the version of the Data layout for Kind.
	Schema    int
	Data      []byte // JSON
	Status    Status
	UpdatedAt time.Time
	// SubmittedAt is zero until the artifact is submitted.
	SubmittedAt time.Time
}

// Event is one entry of a cohort's facilitation timeline.
type Event struct {
	ID       int64
	CohortID int64
	At       time.Time
	Actor    string // facilitator name, or who ran the command at the server's shell
	Action   string // e.g. "step", "create"
	Detail   string
}

// Errors a Store returns; test with errors.Is.
var (
	ErrNotFound = errors.New("not found")
	ErrExists   = errors.New("already exists")
)
