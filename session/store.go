package session

import (
	"context"
	"time"
)

// Store keeps everything durable. The SQLite implementation lives in session/sqlite; a server
// engine can implement the same interface. Every method is safe for concurrent use, and a method
// that returns without error has made its change durable.
type Store interface {
	// AddFacilitator registers a facilitator; ErrExists if the name or key is taken.
	AddFacilitator(ctx context.Context, f Facilitator) error
	// RemoveFacilitator deletes a facilitator by name; ErrNotFound if there is none.
	RemoveFacilitator(ctx context.Context, name string) error
	// Facilitators lists facilitators by name.
	Facilitators(ctx context.Context) ([]Facilitator, error)
	// FacilitatorByFingerprint finds the facilitator holding a key; ErrNotFound if none.
	FacilitatorByFingerprint(ctx context.Context, fingerprint string) (Facilitator, error)

	// SaveModuleVersion keeps the exact source of a module version; saving it again is a no-op.
	SaveModuleVersion(ctx context.Context, hash, moduleID string, source []byte) error
	// ModuleVersion returns the source saved under hash; ErrNotFound if none.
	ModuleVersion(ctx context.Context, hash string) ([]byte, error)

	// CreateCohort stores a new cohort and returns it with its ID and times set; ErrExists if the
	// code is taken. The creation is recorded in the timeline in the same transaction.
	CreateCohort(ctx context.Context, c Cohort) (Cohort, error)
	// Cohorts lists all cohorts, newest first.
	Cohorts(ctx context.Context) ([]Cohort, error)
	// Cohort returns one cohort by ID; ErrNotFound if none.
	Cohort(ctx context.Context, id int64) (Cohort, error)
	// CohortByCode returns one cohort by join code (any case); ErrNotFound if none.
	CohortByCode(ctx context.Context, code string) (Cohort, error)
	// CohortByViewCode returns one cohort by view code (any case); ErrNotFound if none.
	CohortByViewCode(ctx context.Context, code string) (Cohort, error)
	// UpdateCohort writes the cohort's mutable state (name, pace, step, live state, archive
	// time) and appends ev to its timeline in one transaction.
	UpdateCohort(ctx context.Context, c Cohort, ev Event) error

	// AddParticipant stores a new participant and returns it with ID and times set; ErrExists if
	// the rejoin code is taken or the fingerprint already joined this cohort.
	AddParticipant(ctx context.Context, p Participant) (Participant, error)
	// Participant returns one participant by ID; ErrNotFound if none.
	Participant(ctx context.Context, id int64) (Participant, error)
	// ParticipantByFingerprint finds the participant a key joined a cohort as; ErrNotFound if none.
	ParticipantByFingerprint(ctx context.Context, cohortID int64, fingerprint string) (Participant, error)
	// ParticipantsByFingerprint lists every participant a key joined as, across cohorts, most
	// recently seen first.
	ParticipantsByFingerprint(ctx context.Context, fingerprint string) ([]Participant, error)
	// ParticipantByRejoinCode finds a keyless participant by rejoin code (any case); ErrNotFound.
	ParticipantByRejoinCode(ctx context.Context, code string) (Participant, error)
	// Participants lists a cohort's participants in joining order.
	Participants(ctx context.Context, cohortID int64) ([]Participant, error)
	// UpdateParticipant writes a participant's name, step, team and hand.
	UpdateParticipant(ctx context.Context, p Participant) error
	// TouchParticipant records that the participant was seen at t.
	TouchParticipant(ctx context.Context, id int64, t time.Time) error
	// SetPresence records that the participant came online (their first screen opened) or
	// went offline (their last one closed) at t, and was seen then.
	SetPresence(ctx context.Context, id int64, online bool, t time.Time) error
	// ClearPresence records everyone as offline; a server calls it as it starts.
	ClearPresence(ctx context.Context) error
	// DisplayMode returns the screen mode a participant chose (DisplayPlain or ""), "" if none.
	DisplayMode(ctx context.Context, participantID int64) (string, error)
	// SetDisplayMode records the screen mode a participant chose; ErrNotFound if no such
	// participant.
	SetDisplayMode(ctx context.Context, participantID int64, mode string) error
	// ParticipantLanguage returns the interface language a participant chose, "" if none.
	ParticipantLanguage(ctx context.Context, participantID int64) (string, error)
	// SetParticipantLanguage records the interface language a participant chose; ErrNotFound
	// if no such participant.
	SetParticipantLanguage(ctx context.Context, participantID int64, lang string) error
	// FacilitatorLanguage returns the interface language a facilitator chose, "" if none.
	FacilitatorLanguage(ctx context.Context, name string) (string, error)
	// SetFacilitatorLanguage records the interface language a facilitator chose; ErrNotFound
	// if no such facilitator.
	SetFacilitatorLanguage(ctx context.Context, name, lang string) error

	// ImportParticipants adds a roster's people to a cohort in one transaction: each seat
	// becomes a participant, in the team its Team names (a team of that name, in any case, is
	// made when the cohort has none), and ev goes to the timeline. Nothing is added if any of
	// them fails; ErrExists if a rejoin code is taken.
	ImportParticipants(ctx context.Context, cohortID int64, seats []Seat, ev Event) ([]Participant, error)
	// RenameParticipant changes a participant's name and records ev; ErrNotFound if none.
	RenameParticipant(ctx context.Context, id int64, name string, ev Event) error
	// SetRejoinCode gives a participant a new rejoin code and records ev; ErrExists if the code
	// is taken, ErrNotFound if there is no such participant.
	SetRejoinCode(ctx context.Context, id int64, code string, ev Event) error
	// SetFingerprint ties an SSH key to a keyless participant and records ev; ErrExists if the
	// key already joined the participant's cohort.
	SetFingerprint(ctx context.Context, id int64, fingerprint string, ev Event) error
	// MergeParticipants folds one participant into another in one transaction, as plan says.
	MergeParticipants(ctx context.Context, plan MergePlan) error
	// RemoveParticipant deletes a participant with their work, time and activity, and
	// records ev; ErrNotFound if there is no such participant.
	RemoveParticipant(ctx context.Context, id int64, ev Event) error

	// SaveArtifact inserts or replaces the artifact for (cohort, step, participant).
	SaveArtifact(ctx context.Context, a Artifact) error
	// Artifact returns one participant's artifact for a step; ErrNotFound if none.
	Artifact(ctx context.Context, cohortID int64, stepID string, participantID int64) (Artifact, error)
	// Artifacts lists every artifact of a cohort for one step, or for all steps if stepID is "".
	Artifacts(ctx context.Context, cohortID int64, stepID string) ([]Artifact, error)

	// Teams lists a cohort's teams in creation order.
	Teams(ctx context.Context, cohortID int64) ([]Team, error)
	// ReplaceTeams removes a cohort's teams and creates teams with the given names, putting
	// each participant in assign (participant ID -> index into names) in that team and everyone
	// else in none; ev goes to the timeline in the same transaction.
	ReplaceTeams(ctx context.Context, cohortID int64, names []string, assign map[int64]int, ev Event) ([]Team, error)
	// RenameTeam renames a team and records ev; ErrNotFound if there is no such team.
	RenameTeam(ctx context.Context, teamID int64, name string, ev Event) error
	// SetTeam puts a participant in a team (0 for none) and records ev.
	SetTeam(ctx context.Context, participantID, teamID int64, ev Event) error

	// SaveBoard inserts or replaces the shared board for (cohort, step, owner).
	SaveBoard(ctx context.Context, b Board) error
	// Board returns one board; ErrNotFound if none.
	Board(ctx context.Context, cohortID int64, stepID, owner string) (Board, error)
	// Boards lists a cohort's boards for one step, or for all steps if stepID is "".
	Boards(ctx context.Context, cohortID int64, stepID string) ([]Board, error)

	// AddStepTime adds time spent on a step to each participant in spent and, in the same
	// transaction, sets their clocks to clock (restarted, or stopped), so that no time is ever
	// counted both as stored and as still counting.
	AddStepTime(ctx context.Context, cohortID int64, stepID string, spent map[int64]time.Duration, clock Clock) error
	// StepTimes returns the time each participant spent on each step: participant -> step -> time.
	StepTimes(ctx context.Context, cohortID int64) (map[int64]map[string]time.Duration, error)
	// SetClock sets a participant's clock (they came online: it runs), unless a change with a
	// later time is stored already.
	SetClock(ctx context.Context, cohortID, participantID int64, clock Clock) error
	// StopClocks forgets a cohort's clocks last changed before t. A hub calls it as it loads:
	// nobody can be counting yet, so a clock running from before was left by a server that
	// stopped without closing its sessions.
	StopClocks(ctx context.Context, cohortID int64, before time.Time) error

	// CohortRecord reads everything stored about a cohort in one read transaction, so that
	// its parts agree with each other even while the cohort is being changed; ErrNotFound if
	// there is no such cohort.
	CohortRecord(ctx context.Context, cohortID int64) (CohortRecord, error)

	// Record appends an event to a cohort's timeline.
	Record(ctx context.Context, ev Event) error
	// Timeline lists a cohort's events, oldest first.
	Timeline(ctx context.Context, cohortID int64) ([]Event, error)

	// RecordActivity stores what a participant did (came online, left, raised or lowered a
	// hand) and when.
	RecordActivity(ctx context.Context, a Activity) error
	// Activities lists a cohort's participants' activity, oldest first.
	Activities(ctx context.Context, cohortID int64) ([]Activity, error)

	// AddMessage stores a direct message to one participant and, in the same transaction, ev
	// in the timeline; it returns the message with its ID set.
	AddMessage(ctx context.Context, m DirectMessage, ev Event) (DirectMessage, error)
	// DismissMessage records that the participant dismissed a message at t.
	DismissMessage(ctx context.Context, id int64, t time.Time) error
	// Messages lists a cohort's direct messages, dismissed or not, oldest first.
	Messages(ctx context.Context, cohortID int64) ([]DirectMessage, error)

	// AddStepNote stores a facilitator's note on a step; it returns the note with its ID set.
	AddStepNote(ctx context.Context, n StepNote) (StepNote, error)
	// StepNotes lists a cohort's facilitator notes, oldest first.
	StepNotes(ctx context.Context, cohortID int64) ([]StepNote, error)

	// Close releases the store.
	Close() error
}
