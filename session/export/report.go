package export

import (
	"encoding/json"
	"time"

	"workshop/session/work"
)

// SchemaVersion is the version of the JSON document's layout (docs/export.schema.json). It
// changes only when a field is removed or changes meaning; added fields keep the version.
// Version 2 counts time still running on a participant's current step, and names the
// program and the time of the export.
const SchemaVersion = 2

// Report is everything a cohort did, ready to be written in any format. Its JSON form is the
// JSON export.
type Report struct {
	SchemaVersion int `json:"schema_version"`
	// Generator is the program that wrote the export; ExportedAt the time it counts up to.
	Generator  Generator `json:"generator"`
	ExportedAt time.Time `json:"exported_at"`
	// Reproducible is set for an export made as of the newest stored time and without the
	// program's version, so that the same data always gives the same bytes.
	Reproducible bool          `json:"reproducible"`
	Cohort       Cohort        `json:"cohort"`
	Module       Module        `json:"module"`
	Steps        []Step        `json:"steps"`
	Participants []Participant `json:"participants"`
	Teams        []Team        `json:"teams"`
	Progress     []Progress    `json:"progress"`
	Artifacts    []Artifact    `json:"artifacts"`
	Boards       []Board       `json:"boards"`
	Results      []Result      `json:"results"`
	Timeline     []Event       `json:"timeline"`
	// Attendance is, for a module held over several meetings, who attended each meeting held
	// (added in schema version 2 without changing anything else; absent for other cohorts).
	Attendance []AttendanceMeeting `json:"attendance,omitempty"`
	// Notes are the facilitators' own notes on the steps, oldest first (absent when none).
	Notes []FacilitatorNote `json:"facilitator_notes,omitempty"`

	// Lookups for the writers, filled by Build.
	stepIdx   map[string]int
	partIdx   map[int64]int
	teamNames map[int64]string
	// items lists, for each vote and matrix step, every item it works on, in the order the
	// results use.
	items map[string][]work.Item
}

// Generator names the program that wrote an export; Version is null in a reproducible one.
type Generator struct {
	Name    string  `json:"name"`
	Version *string `json:"version"`
}

// Cohort describes the cohort itself.
type Cohort struct {
	ID   int64  `json:"id"`
	Code string `json:"code"`
	Name string `json:"name"`
	Pace string `json:"pace"`
	// CurrentStep is the step (1-based) the facilitator had the cohort on at export time.
	CurrentStep int        `json:"current_step"`
	CreatedBy   string     `json:"created_by"`
	CreatedAt   time.Time  `json:"created_at"`
	UpdatedAt   time.Time  `json:"updated_at"`
	ArchivedAt  *time.Time `json:"archived_at"`
	LockedSteps []string   `json:"locked_steps"`
}

// Module identifies the exact module version the cohort ran.
type Module struct {
	ID              string `json:"id"`
	Title           string `json:"title"`
	Version         string `json:"version"`
	Hash            string `json:"hash"`
	Language        string `json:"language"`
	Summary         string `json:"summary"`
	DurationMinutes int    `json:"duration_minutes"`
}

// Step is one step of the module with the cohort's completion of it and time spent on it.
type Step struct {
	Number         int       `json:"number"`
	ID             string    `json:"id"`
	Title          string    `json:"title"`
	Phase          string    `json:"phase"`
	TimeboxMinutes int       `json:"timebox_minutes"`
	Exercise       *Exercise `json:"exercise"`
	// Completion is nil for a step without an exercise.
	Completion *Completion `json:"completion"`
	Time       StepTime    `json:"time"`
}

// Exercise is the definition of a step's exercise, with defaults filled in.
type Exercise struct {
	Kind   string `json:"kind"`
	Prompt string `json:"prompt"`
	Team   bool   `json:"team"`
	// Anonymous is true for an anonymous list and for a vote or matrix on one: no author of an
	// item is exported, and votes and placements only in aggregate.
	Anonymous  bool       `json:"anonymous"`
	From       string     `json:"from,omitempty"`
	Dots       int        `json:"dots,omitempty"`
	MaxPerItem int        `json:"max_per_item,omitempty"`
	XAxis      *Axis      `json:"x_axis,omitempty"`
	YAxis      *Axis      `json:"y_axis,omitempty"`
	Quadrants  []string   `json:"quadrants,omitempty"`
	Stages     []string   `json:"stages,omitempty"`
	Lanes      []string   `json:"lanes,omitempty"`
	Columns    []Column   `json:"columns,omitempty"`
	Statements []string   `json:"statements,omitempty"`
	Labels     []string   `json:"labels,omitempty"`
	Items      []string   `json:"items,omitempty"`
	Questions  []Question `json:"questions,omitempty"`
}

// Axis labels one axis of a matrix.
type Axis struct {
	Label string `json:"label"`
	Low   string `json:"low"`
	High  string `json:"high"`
}

// Column is one column of a table exercise.
type Column struct {
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Options []string `json:"options,omitempty"`
}

// Question is one quiz question; Correct is the index of its correct option.
type Question struct {
	Question string   `json:"question"`
	Options  []string `json:"options"`
	Correct  int      `json:"correct"`
}

// Completion counts participants by the status of their work on a step.
type Completion struct {
	Submitted  int `json:"submitted"`
	Draft      int `json:"draft"`
	NotStarted int `json:"not_started"`
}

// StepTime sums up the time participants spent on a step while connected. Average and median
// are over the participants who spent any time on it.
type StepTime struct {
	Participants   int   `json:"participants"`
	TotalSeconds   int64 `json:"total_seconds"`
	AverageSeconds int64 `json:"average_seconds"`
	MedianSeconds  int64 `json:"median_seconds"`
}

// Participant is one person in the cohort. Credentials (key fingerprint, rejoin code) are
// never exported.
type Participant struct {
	ID int64 `json:"id"`
	// Name is the participant's label (session.Labeler): look-alike names are told apart.
	Name   string  `json:"name"`
	TeamID *int64  `json:"team_id"`
	Team   *string `json:"team"`
	// Department and Email are what a roster import gave; null for someone who joined by
	// typing a name.
	Department *string `json:"department"`
	Email      *string `json:"email"`
	// Step is the participant's own step (1-based), which counts in self-paced cohorts.
	Step     int       `json:"step"`
	JoinedAt time.Time `json:"joined_at"`
	LastSeen time.Time `json:"last_seen"`
	Hand     *Hand     `json:"hand"`
}

// Hand is an open request for help.
type Hand struct {
	Text string    `json:"text"`
	At   time.Time `json:"at"`
}

// Team is a breakout team and its members' ids.
type Team struct {
	ID      int64   `json:"id"`
	Name    string  `json:"name"`
	Members []int64 `json:"members"`
}

// Status values of StepProgress.
const (
	StatusNotStarted = "not_started"
	StatusDraft      = "draft"
	StatusSubmitted  = "submitted"
	StatusNoExercise = "no_exercise"
)

// Progress is one participant's progress on every step, in module order.
type Progress struct {
	ParticipantID int64          `json:"participant_id"`
	Steps         []StepProgress `json:"steps"`
}

// StepProgress is a participant's status and time on one step. On anonymous steps the times
// of their work are left out, so they cannot be matched with the anonymous items.
type StepProgress struct {
	StepID      string     `json:"step_id"`
	Status      string     `json:"status"`
	UpdatedAt   *time.Time `json:"updated_at"`
	SubmittedAt *time.Time `json:"submitted_at"`
	Seconds     int64      `json:"seconds"`
	Minutes     float64    `json:"minutes"`
}

// Owner types.
const (
	OwnerParticipant = "participant"
	OwnerTeam        = "team"
	OwnerAnonymous   = "anonymous"
	OwnerCohort      = "cohort"
)

// Owner says whose work something is: a participant, a team, the anonymous pool, or the whole
// cohort (for results).
type Owner struct {
	Type          string `json:"type"`
	ParticipantID int64  `json:"participant_id,omitempty"`
	TeamID        int64  `json:"team_id,omitempty"`
	Name          string `json:"name,omitempty"`
}

// Artifact is one participant's own work on one step.
type Artifact struct {
	StepID      string     `json:"step_id"`
	Kind        string     `json:"kind"`
	Owner       Owner      `json:"owner"`
	Status      string     `json:"status"`
	UpdatedAt   time.Time  `json:"updated_at"`
	SubmittedAt *time.Time `json:"submitted_at"`
	// Schema is the layout version of Data; StoredSchema the version it was stored in (older
	// layouts are read and exported in the current one).
	Schema       int             `json:"schema"`
	StoredSchema int             `json:"stored_schema"`
	Data         json.RawMessage `json:"data"`
	// Error says why Data is null: work this version cannot read.
	Error string `json:"error,omitempty"`

	value any // decoded Data, for the writers
}

// Board is work shared on one step: a team's board or the anonymous pool.
type Board struct {
	StepID string `json:"step_id"`
	Kind   string `json:"kind"`
	Owner  Owner  `json:"owner"`
	// UpdatedAt is null for the anonymous pool: when it last changed says who added to it.
	UpdatedAt    *time.Time      `json:"updated_at"`
	Schema       int             `json:"schema"`
	StoredSchema int             `json:"stored_schema"`
	Data         json.RawMessage `json:"data"`
	Error        string          `json:"error,omitempty"`

	value any
}

// Result is the cohort's combined result on a step whose kind has one.
type Result struct {
	StepID    string           `json:"step_id"`
	Kind      string           `json:"kind"`
	Vote      *VoteResult      `json:"vote,omitempty"`
	Matrix    *MatrixResult    `json:"matrix,omitempty"`
	Scale     *ScaleResult     `json:"scale,omitempty"`
	Quiz      *QuizResult      `json:"quiz,omitempty"`
	Checklist *ChecklistResult `json:"checklist,omitempty"`
}

// VoteResult is a vote's tally: one for the cohort, or one per team for a team vote.
type VoteResult struct {
	Closed   bool    `json:"closed"`
	Revealed bool    `json:"revealed"`
	Tallies  []Tally `json:"tallies"`
}

// Tally is the dots each item got within one scope, most dots first.
type Tally struct {
	Scope  Owner       `json:"scope"`
	Voters int         `json:"voters"`
	Items  []TallyItem `json:"items"`
}

// TallyItem is one item's share of a vote.
type TallyItem struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	Dots int    `json:"dots"`
}

// MatrixResult is where items ended up on a 2×2: one group for the cohort's individual
// placements and one per team board.
type MatrixResult struct {
	XAxis     Axis          `json:"x_axis"`
	YAxis     Axis          `json:"y_axis"`
	Quadrants []string      `json:"quadrants"`
	Groups    []MatrixGroup `json:"groups"`
}

// MatrixGroup is one scope's placements.
type MatrixGroup struct {
	Scope Owner `json:"scope"`
	// Placers counts the matrices combined: participants, or 1 for a team board.
	Placers int          `json:"placers"`
	Items   []MatrixItem `json:"items"`
}

// MatrixItem is one item's place: the mean of its placements on the 0–9 grid, the quadrant
// (0 top-left, 1 top-right, 2 bottom-left, 3 bottom-right) that mean falls in, and how many
// placements fell in each quadrant. Quadrant is -1 and X, Y are null for an unplaced item.
type MatrixItem struct {
	ID             string   `json:"id"`
	Text           string   `json:"text"`
	Placements     int      `json:"placements"`
	X              *float64 `json:"x"`
	Y              *float64 `json:"y"`
	Quadrant       int      `json:"quadrant"`
	QuadrantCounts [4]int   `json:"quadrant_counts"`
}

// ScaleResult is how the cohort rated each statement, counting submitted answers.
type ScaleResult struct {
	Labels     []string         `json:"labels"`
	Responses  int              `json:"responses"`
	Statements []ScaleStatement `json:"statements"`
}

// ScaleStatement is the distribution of one statement's ratings: Counts[r-1] people rated r.
type ScaleStatement struct {
	Text   string   `json:"text"`
	Counts [5]int   `json:"counts"`
	Rated  int      `json:"rated"`
	Mean   *float64 `json:"mean"`
}

// QuizResult is every participant's score and how each question went, counting submitted
// answers for the question statistics and the average.
type QuizResult struct {
	Submitted      int            `json:"submitted"`
	AverageCorrect float64        `json:"average_correct"`
	Questions      []QuizQuestion `json:"questions"`
	Scores         []QuizScore    `json:"scores"`
}

// QuizQuestion is how many submitted answers chose each option of a question.
type QuizQuestion struct {
	Question string `json:"question"`
	Correct  int    `json:"correct"`
	Answered int    `json:"answered"`
	Right    int    `json:"right"`
	Chosen   []int  `json:"chosen"`
}

// QuizScore is one participant's score.
type QuizScore struct {
	Owner   Owner  `json:"owner"`
	Status  string `json:"status"`
	Correct int    `json:"correct"`
	Total   int    `json:"total"`
}

// ChecklistResult is how many ticked each item, with the notes written on it.
type ChecklistResult struct {
	Responses int             `json:"responses"`
	Items     []ChecklistItem `json:"items"`
}

// ChecklistItem is one checklist entry's ticks and notes.
type ChecklistItem struct {
	Text   string `json:"text"`
	Ticked int    `json:"ticked"`
	Notes  []Note `json:"notes"`
}

// Note is a note someone wrote.
type Note struct {
	Owner Owner  `json:"owner"`
	Text  string `json:"text"`
}

// Event is one entry of the facilitation timeline.
type Event struct {
	ID     int64     `json:"id"`
	At     time.Time `json:"at"`
	Actor  string    `json:"actor"`
	Action string    `json:"action"`
	Detail string    `json:"detail"`
}

// participant returns the participant with the given id.
func (r *Report) participant(id int64) (*Participant, bool) {
	i, ok := r.partIdx[id]
	if !ok {
		return nil, false
	}
	return &r.Participants[i], true
}

// result returns the combined result of a step.
func (r *Report) result(stepID string) *Result {
	for i := range r.Results {
		if r.Results[i].StepID == stepID {
			return &r.Results[i]
		}
	}
	return nil
}
