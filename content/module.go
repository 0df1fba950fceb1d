package content

// Phase is the experiential-learning phase a step serves.
type Phase string

// The four phases of the experiential-learning cycle.
const (
	PhaseExperience    Phase = "experience"
	PhaseReflect       Phase = "reflect"
	PhaseConceptualize Phase = "conceptualize"
	PhaseApply         Phase = "apply"
)

// Phases lists the valid phases in cycle order.
var Phases = []Phase{PhaseExperience, PhaseReflect, PhaseConceptualize, PhaseApply}

// Kind names an exercise kind.
type Kind string

// The exercise kinds a step can hold.
const (
	KindReflection Kind = "reflection"
	KindList       Kind = "list"
	KindVote       Kind = "vote"
	KindMatrix     Kind = "matrix"
	KindJourney    Kind = "journey"
	KindTable      Kind = "table"
	KindScale      Kind = "scale"
	KindChecklist  Kind = "checklist"
	KindQuiz       Kind = "quiz"
)

// Kinds lists every exercise kind.
var Kinds = []Kind{KindReflection, KindList, KindVote, KindMatrix, KindJourney, KindTable, KindScale, KindChecklist, KindQuiz}

// Module is one loaded, validated module version.
type Module struct {
	ID       string `yaml:"id" json:"id"`
	Title    string `yaml:"title" json:"title"`
	Summary  string `yaml:"summary" json:"summary"`
	Language string `yaml:"language" json:"language"`
	// TranslatedFrom is, in a translation, the language of the original it follows; empty in an
	// original. See Variants.
	TranslatedFrom string `yaml:"translated_from" json:"translated_from,omitempty"`
	// Duration is the estimated length of the whole module in minutes.
	Duration int    `yaml:"duration" json:"duration"`
	Version  string `yaml:"version" json:"version"`
	Steps    []Step `yaml:"steps" json:"steps"`
	// Meetings groups the steps of a module held over several live sessions; nil for a module
	// run in one go. See Meeting.
	Meetings []Meeting `yaml:"meetings" json:"meetings,omitempty"`

	// Hash identifies this exact version: the hex SHA-256 of the source bytes.
	Hash string `yaml:"-" json:"hash"`
	// Source says where the module came from: "built-in" or a file path.
	Source string `yaml:"-" json:"source"`
	// Raw is the exact source the module was parsed from, kept so that a cohort can store and
	// reload the version it started with.
	Raw []byte `yaml:"-" json:"-"`
}

// Step is one stage of a module.
type Step struct {
	ID       string `yaml:"id" json:"id"`
	Title    string `yaml:"title" json:"title"`
	Guidance string `yaml:"guidance" json:"guidance"`
	// TimeBox is the suggested duration in minutes; 0 means none.
	TimeBox  int       `yaml:"timebox" json:"timebox,omitempty"`
	Phase    Phase     `yaml:"phase" json:"phase"`
	Notes    string    `yaml:"notes" json:"notes,omitempty"`
	Exercise *Exercise `yaml:"exercise" json:"exercise,omitempty"`
}

// Exercise is the work a participant does in a step. Which settings apply depends on Kind;
// validation rejects settings that do not belong to the kind.
type Exercise struct {
	Kind   Kind   `yaml:"kind" json:"kind"`
	Prompt string `yaml:"prompt" json:"prompt,omitempty"`
	// Team makes the artifact shared by a breakout team instead of one per participant.
	Team bool `yaml:"team" json:"team,omitempty"`
	// Anonymous means no one can learn who wrote an item (list kind).
	Anonymous bool `yaml:"anonymous" json:"anonymous,omitempty"`
	// From is the id of an earlier step whose items this exercise works on (vote, matrix).
	From string `yaml:"from" json:"from,omitempty"`

	// MaxLength bounds one text (reflection answer, list item, journey cell, table text cell).
	MaxLength int `yaml:"max_length" json:"max_length,omitempty"`
	// MaxItems bounds the items of a list that one participant adds: their own list, or their
	// share of a team board or an anonymous pool.
	MaxItems int `yaml:"max_items" json:"max_items,omitempty"`
	// MaxBoardItems bounds the items of a whole team board or anonymous pool.
	MaxBoardItems int `yaml:"max_board_items" json:"max_board_items,omitempty"`

	// Dots is the number of votes each participant spends; MaxPerItem caps dots on one item.
	Dots       int `yaml:"dots" json:"dots,omitempty"`
	MaxPerItem int `yaml:"max_per_item" json:"max_per_item,omitempty"`

	// XAxis and YAxis label a matrix; Quadrants optionally names its four cells
	// (top-left, top-right, bottom-left, bottom-right).
	XAxis     *Axis    `yaml:"x_axis" json:"x_axis,omitempty"`
	YAxis     *Axis    `yaml:"y_axis" json:"y_axis,omitempty"`
	Quadrants []string `yaml:"quadrants" json:"quadrants,omitempty"`

	// Stages are the journey's columns; Lanes its rows. AddStages lets participants add stages.
	Stages    []string `yaml:"stages" json:"stages,omitempty"`
	Lanes     []string `yaml:"lanes" json:"lanes,omitempty"`
	AddStages bool     `yaml:"add_stages" json:"add_stages,omitempty"`

	// Columns define a table; MaxRows bounds its rows.
	Columns []Column `yaml:"columns" json:"columns,omitempty"`
	MaxRows int      `yaml:"max_rows" json:"max_rows,omitempty"`

	// Statements are rated on a 1-5 scale whose points are named by Labels.
	Statements []string `yaml:"statements" json:"statements,omitempty"`
	Labels     []string `yaml:"labels" json:"labels,omitempty"`

	// Items are a checklist's entries.
	Items []string `yaml:"items" json:"items,omitempty"`

	// Questions make up a quiz.
	Questions []Question `yaml:"questions" json:"questions,omitempty"`
}

// Axis labels one axis of a matrix.
type Axis struct {
	Label string `yaml:"label" json:"label"`
	Low   string `yaml:"low" json:"low"`
	High  string `yaml:"high" json:"high"`
}

// ColumnType is the type of a table column.
type ColumnType string

// Table column types.
const (
	ColumnText   ColumnType = "text"
	ColumnNumber ColumnType = "number"
	ColumnChoice ColumnType = "choice"
)

// Column is one column of a table exercise.
type Column struct {
	Name    string     `yaml:"name" json:"name"`
	Type    ColumnType `yaml:"type" json:"type"`
	Options []string   `yaml:"options" json:"options,omitempty"`
}

// Question is one multiple-choice quiz question.
type Question struct {
	Question string   `yaml:"question" json:"question"`
	Options  []Option `yaml:"options" json:"options"`
}

// Option is one answer to a quiz question.
type Option struct {
	Text     string `yaml:"text" json:"text"`
	Correct  bool   `yaml:"correct" json:"correct,omitempty"`
	Feedback string `yaml:"feedback" json:"feedback,omitempty"`
}

// TimeBoxTotal is the sum of the steps' time boxes, in minutes.
func (m *Module) TimeBoxTotal() int {
	total := 0
	for _, s := range m.Steps {
		total += s.TimeBox
	}
	return total
}

// StepIndex returns the position of the step with the given id, or -1.
func (m *Module) StepIndex(id string) int {
	for i := range m.Steps {
		if m.Steps[i].ID == id {
			return i
		}
	}
	return -1
}
