package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
)

// MaxFileSize is the largest module file Parse accepts, in bytes.
const MaxFileSize = 1 << 20

// Bounds on what a module may ask for. They keep a single module from asking the server for
// unreasonable amounts of memory or screen space.
const (
	maxIDLength     = 64
	maxDuration     = 10000 // minutes in one module
	maxTimeBox      = 1440  // minutes in one step
	maxSteps        = 200
	maxTextLength   = 20000 // max_length
	maxListItems    = 200   // max_items
	maxBoardItems   = 1000  // max_board_items
	maxDots         = 20    // dots and max_per_item
	maxTableRows    = 500   // max_rows
	maxGridEntries  = 20    // stages, lanes
	maxColumns      = 12    // table columns
	maxChoices      = 20    // options of a choice column
	maxStatements   = 50    // scale statements
	maxChecklist    = 100   // checklist items
	maxQuestions    = 50    // quiz questions
	maxQuizOptions  = 10    // options of one question
	maxProblems     = 200   // problems reported for one file before giving up
	maxNodeVisits   = 200000
	scaleLabelCount = 5
	quadrantCount   = 4
)

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

var (
	// requiredModuleKeys are the module keys every file must give.
	requiredModuleKeys = []string{"id", "title", "summary", "language", "duration", "version", "steps"}
	moduleKeys         = append(slices.Clone(requiredModuleKeys), "translated_from", "meetings")
	stepKeys           = []string{"id", "title", "guidance", "timebox", "phase", "notes", "exercise"}
	axisKeys           = []string{"label", "low", "high"}
	columnKeys         = []string{"name", "type", "options"}
	questionKeys       = []string{"question", "options"}
	optionKeys         = []string{"text", "correct", "feedback"}
	columnTypes        = []ColumnType{ColumnText, ColumnNumber, ColumnChoice}
)

// Parse reads one module from data. name is used as the module's Source and as the file name in
// problems.
//
// Parse reports every problem it finds, each with its position, rather than stopping at the
// first. It returns the module only when there are no problems; otherwise the module is nil.
// The module's Hash is the hex SHA-256 of data and Raw a copy of data.
func Parse(name string, data []byte) (*Module, []Problem) {
	r := parse(name, data)
	if len(r.problems) > 0 {
		return nil, r.problems
	}
	return r.module, nil
}

// parsed is what parse learned from one file, kept even when the file has problems so that
// callers can compare module ids across files.
type parsed struct {
	module *Module // never nil; complete only when problems is empty
	idNode *yaml.Node
	// root is the document's top node (nil when the file could not be read as YAML), kept to
	// place what a comparison with another file finds.
	root     *yaml.Node
	problems []Problem
	// warnings are problems that do not keep the module from loading (Problem.Warning).
	warnings []Problem
}

// budgetExceeded is panicked by walker.resolve when a document expands to too many nodes.
type budgetExceeded struct{}

func parse(name string, data []byte) (res parsed) {
	sum := sha256.Sum256(data)
	m := &Module{Hash: hex.EncodeToString(sum[:]), Source: name, Raw: bytes.Clone(data)}
	w := &walker{file: name, leftOut: map[string]bool{}, leftLines: map[int]bool{}}
	res.module = m
	defer func() {
		if v := recover(); v != nil {
			if _, ok := v.(budgetExceeded); !ok {
				panic(v)
			}
			w.problems, w.warnings = nil, nil
			w.truncated = false
			w.addAt(1, 1, "the file expands to more than %d values; check its anchors and aliases", maxNodeVisits)
		}
		sortProblems(w.problems)
		sortProblems(w.warnings)
		if w.truncated {
			w.problems = append(w.problems, Problem{File: name, Line: 1, Col: 1,
				Message: fmt.Sprintf("more than %d problems; stopped reporting", maxProblems)})
		}
		res.problems = w.problems
		res.warnings = w.warnings
	}()
	if len(data) > MaxFileSize {
		w.addAt(1, 1, "file is %d bytes; a module file may be at most %d bytes", len(data), MaxFileSize)
		return res
	}
	root := w.decode(data)
	if root == nil {
		return res
	}
	res.root = root
	res.idNode = w.module(root, m)
	return res
}

// walker walks a YAML node tree, building a Module and collecting problems.
type walker struct {
	file      string
	problems  []Problem
	warnings  []Problem
	visits    int
	truncated bool
	// leftOut names the keys on lines left out after a syntax error, and leftLines those
	// lines: what they held being missing is no further problem.
	leftOut   map[string]bool
	leftLines map[int]bool
	// syntaxRead counts the bytes read again while locating syntax errors.
	syntaxRead int
}

func (w *walker) addAt(line, col int, format string, args ...any) {
	if len(w.problems) >= maxProblems {
		w.truncated = true
		return
	}
	w.problems = append(w.problems, Problem{
		File:    w.file,
		Line:    max(line, 1),
		Col:     max(col, 1),
		Message: fmt.Sprintf(format, args...),
	})
}

func (w *walker) add(n *yaml.Node, format string, args ...any) {
	w.addAt(n.Line, n.Column, format, args...)
}

// warn records a warning at a node: something that works but probably not as the author
// means.
func (w *walker) warn(n *yaml.Node, format string, args ...any) {
	if len(w.warnings) >= maxProblems {
		return
	}
	w.warnings = append(w.warnings, Problem{
		File:    w.file,
		Line:    max(n.Line, 1),
		Col:     max(n.Column, 1),
		Message: fmt.Sprintf(format, args...),
		Warning: true,
	})
}

// resolve follows aliases to the node they name and counts the visit against the budget that
// keeps alias bombs from expanding without bound.
func (w *walker) resolve(n *yaml.Node) *yaml.Node {
	w.visits++
	if w.visits > maxNodeVisits {
		panic(budgetExceeded{})
	}
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// describe names the shape of a node for messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "empty"
		}
		return "a single value"
	}
	return "something else"
}

// isNull reports whether n, after aliases, is an empty value (nothing, ~ or null).
func (w *walker) isNull(n *yaml.Node) bool {
	r := w.resolve(n)
	return r.Kind == yaml.ScalarNode && r.Tag == "!!null"
}

// stepInfo keeps the nodes needed for checks across steps.
type stepInfo struct {
	idNode   *yaml.Node // nil when the step has no usable id
	fromNode *yaml.Node // nil when the exercise has no usable from
}

// module walks the root mapping and returns the node of the module id, if any.
func (w *walker) module(n *yaml.Node, m *Module) *yaml.Node {
	f, ok := w.mapping(n, "module")
	if !ok {
		return nil
	}
	w.allowOnly(f, moduleKeys)

	var idNode *yaml.Node
	if id, v, ok := w.requiredText(f, "id"); ok {
		m.ID, idNode = id, v
		w.checkID("module id", id, v)
	}
	m.Title, _, _ = w.requiredText(f, "title")
	m.Summary, _, _ = w.requiredText(f, "summary")
	var langTag language.Tag
	langOK := false
	if lang, v, ok := w.requiredText(f, "language"); ok {
		m.Language = lang
		langTag, langOK = w.languageTag("language", lang, v)
	}
	if v, ok := w.value(f, "translated_from"); ok {
		if from, ok := w.text("translated_from", v); ok {
			m.TranslatedFrom = from
			if fromTag, ok := w.languageTag("translated_from", from, v); ok && langOK && fromTag == langTag {
				w.add(v, "translated_from names the language of the original this file translates; it cannot be the file's own language %q", m.Language)
			}
		}
	}
	var durationNode *yaml.Node
	if v, ok := w.required(f, "duration"); ok {
		m.Duration, _ = w.integer("duration", v, 1, maxDuration, "minutes")
		durationNode = v
	}
	m.Version, _, _ = w.requiredText(f, "version")

	v, ok := w.required(f, "steps")
	if !ok {
		return idNode
	}
	items, _ := w.sequence("steps", v, 1, maxSteps)
	infos := make([]stepInfo, 0, len(items))
	for _, it := range items {
		s, info := w.step(it, len(infos)+1)
		m.Steps = append(m.Steps, s)
		infos = append(infos, info)
	}
	w.crossSteps(m, infos)
	if mv, ok := w.value(f, "meetings"); ok {
		w.meetings(mv, m)
	}
	if total := m.TimeBoxTotal(); total > 0 && m.Duration > 0 && total != m.Duration {
		w.warn(durationNode, "duration is %d minutes but the time boxes of the steps add up to %d", m.Duration, total)
	}
	return idNode
}

// crossSteps checks what involves more than one step: duplicate ids and from references.
func (w *walker) crossSteps(m *Module, infos []stepInfo) {
	firstLine := map[string]int{}
	for i, info := range infos {
		if info.idNode == nil {
			continue
		}
		id := m.Steps[i].ID
		if line, dup := firstLine[id]; dup {
			w.add(info.idNode, "duplicate step id %q (first used at line %d)", id, line)
			continue
		}
		firstLine[id] = info.idNode.Line
	}
	for i, info := range infos {
		if info.fromNode == nil {
			continue
		}
		from := m.Steps[i].Exercise.From
		j := m.StepIndex(from)
		switch {
		case j < 0:
			w.add(info.fromNode, "from: no step %q in this module%s", from, listHint(m, i, from))
		case j == i:
			w.add(info.fromNode, "from: step %q is this step; from must name an earlier step", from)
		case j > i:
			w.add(info.fromNode, "from: step %q comes later; from must name an earlier step", from)
		case m.Steps[j].Exercise == nil || m.Steps[j].Exercise.Kind != KindList:
			w.add(info.fromNode, "from: step %q has no list exercise%s", from, listHint(m, i, from))
		case m.Steps[i].Exercise.Team && m.Steps[j].Exercise.Anonymous:
			w.add(info.fromNode, "from: step %q is an anonymous list, one pool for the whole cohort that belongs to no team, so a team %s would show no items: remove team: true here",
				from, m.Steps[i].Exercise.Kind)
		case m.Steps[i].Exercise.Kind == KindVote && m.Steps[j].Exercise.TextLimit() > VoteItemWidth:
			w.warn(info.fromNode, "items of step %q may be %d characters, but a vote shows %d at %d columns: set max_length: %d or less on that list",
				from, m.Steps[j].Exercise.TextLimit(), VoteItemWidth, ScreenWidth, VoteItemWidth)
		}
	}
}

// stepName names a step in messages: by its id when it has a usable one, else by its number.
func (w *walker) stepName(f *fields, number int) string {
	if e, ok := f.byKey["id"]; ok {
		if r := w.resolve(e.val); r.Kind == yaml.ScalarNode && strings.TrimSpace(r.Value) != "" && r.Tag != "!!null" {
			return fmt.Sprintf("step %q", r.Value)
		}
	}
	return fmt.Sprintf("step %d", number)
}

// listHint suggests, for a from that names no usable step, the list step before step i it
// most likely means, or else names the list steps before it when there are few.
func listHint(m *Module, i int, from string) string {
	var lists []string
	for _, s := range m.Steps[:i] {
		if s.Exercise != nil && s.Exercise.Kind == KindList && s.ID != "" {
			lists = append(lists, s.ID)
		}
	}
	if hint := didYouMean(from, lists); hint != "" {
		return hint
	}
	switch n := len(lists); {
	case n == 0:
		return "; no step before this one has a list exercise"
	case n <= 5:
		quoted := make([]string, n)
		for k, id := range lists {
			quoted[k] = strconv.Quote(id)
		}
		return "; the list steps before this one are " + strings.Join(quoted, ", ")
	}
	return ""
}

func (w *walker) step(n *yaml.Node, number int) (Step, stepInfo) {
	var s Step
	var info stepInfo
	f, ok := w.mapping(n, "step")
	if !ok {
		return s, info
	}
	name := w.stepName(f, number)
	f.what = name
	w.allowOnly(f, stepKeys)
	if id, v, ok := w.requiredText(f, "id"); ok {
		s.ID, info.idNode = id, v
		w.checkID("step id", id, v)
	}
	s.Title, _, _ = w.requiredText(f, "title")
	s.Guidance, _, _ = w.requiredText(f, "guidance")
	if phase, v, ok := w.requiredText(f, "phase"); ok {
		s.Phase = Phase(phase)
		if !s.Phase.Valid() {
			if hint := didYouMean(phase, phaseNames()); hint != "" {
				w.add(v, "phase %q is not a phase%s", phase, hint)
			} else {
				w.add(v, "phase %q is not one of %s", phase, joinPhases())
			}
		}
	}
	if v, ok := w.value(f, "timebox"); ok {
		s.TimeBox, _ = w.integer("timebox", v, 0, maxTimeBox, "minutes")
	}
	s.Notes = w.optionalText(f, "notes")
	if v, ok := w.value(f, "exercise"); ok {
		s.Exercise, info.fromNode = w.exercise(v, name)
	}
	return s, info
}

func phaseNames() []string {
	names := make([]string, len(Phases))
	for i, p := range Phases {
		names[i] = string(p)
	}
	return names
}

func kindNames() []string {
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = string(k)
	}
	return names
}

func joinPhases() string { return strings.Join(phaseNames(), ", ") }

func joinKinds() string { return strings.Join(kindNames(), ", ") }
