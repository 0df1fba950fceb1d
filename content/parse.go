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
	moduleKeys         = append(slices.Clone(requiredModuleKeys), "translated_from")
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

// entry is one key and its value as written.
type entry struct {
	key, val *yaml.Node
}

// fields is a mapping's entries by key, in file order.
type fields struct {
	node  *yaml.Node
	what  string
	byKey map[string]entry
	order []string
}

// mapping checks that n is a mapping and collects its entries, reporting keys that are not text,
// merge keys and keys given twice.
func (w *walker) mapping(n *yaml.Node, what string) (*fields, bool) {
	r := w.resolve(n)
	if r.Kind != yaml.MappingNode {
		w.add(n, "%s must be a mapping of keys to values, not %s", what, describe(r))
		return nil, false
	}
	f := &fields{node: n, what: what, byKey: map[string]entry{}}
	for i := 0; i+1 < len(r.Content); i += 2 {
		k, v := r.Content[i], r.Content[i+1]
		kr := w.resolve(k)
		if kr.Kind != yaml.ScalarNode {
			w.add(k, "keys in %s must be text, not %s", what, describe(kr))
			continue
		}
		if kr.Tag == "!!merge" {
			w.add(k, "merge keys (<<) are not supported; write the keys out")
			continue
		}
		name := kr.Value
		if prev, dup := f.byKey[name]; dup {
			w.add(k, "duplicate key %q in %s (first at line %d)", name, what, prev.key.Line)
			continue
		}
		f.byKey[name] = entry{key: k, val: v}
		f.order = append(f.order, name)
	}
	return f, true
}

// allowOnly reports every key of f that is not in allowed.
func (w *walker) allowOnly(f *fields, allowed []string) {
	for _, name := range f.order {
		if !slices.Contains(allowed, name) {
			w.unknownKey(f.byKey[name].key, name, f.what, allowed)
		}
	}
}

func (w *walker) unknownKey(at *yaml.Node, name, what string, allowed []string) {
	if lower := strings.ToLower(name); lower != name && slices.Contains(allowed, lower) {
		w.add(at, "unknown key %q in %s (keys are lowercase: %q)", name, what, lower)
		return
	}
	w.add(at, "unknown key %q in %s%s", name, what, didYouMean(name, allowed))
}

// value returns the value of key when it is present and not empty.
func (w *walker) value(f *fields, key string) (*yaml.Node, bool) {
	e, ok := f.byKey[key]
	if !ok || w.isNull(e.val) {
		return nil, false
	}
	return e.val, true
}

// required returns the value of a key that must be present and not empty, reporting otherwise.
func (w *walker) required(f *fields, key string) (*yaml.Node, bool) {
	e, ok := f.byKey[key]
	if !ok {
		if !w.leftOut[key] {
			w.add(f.node, "missing key %q in %s", key, f.what)
		}
		return nil, false
	}
	if w.isNull(e.val) {
		if !w.leftLines[e.key.Line+1] {
			w.add(e.key, "%s must not be empty", key)
		}
		return nil, false
	}
	return e.val, true
}

// text reads a scalar as text.
func (w *walker) text(key string, v *yaml.Node) (string, bool) {
	r := w.resolve(v)
	if r.Kind != yaml.ScalarNode {
		w.add(v, "%s must be text, not %s", key, describe(r))
		return "", false
	}
	return r.Value, true
}

// requiredText reads a key that must hold non-blank text.
func (w *walker) requiredText(f *fields, key string) (string, *yaml.Node, bool) {
	v, ok := w.required(f, key)
	if !ok {
		return "", nil, false
	}
	s, ok := w.text(key, v)
	if !ok {
		return "", nil, false
	}
	if strings.TrimSpace(s) == "" {
		w.add(v, "%s must not be empty", key)
		return "", nil, false
	}
	return s, v, true
}

// optionalText reads a key that may be absent or empty.
func (w *walker) optionalText(f *fields, key string) string {
	v, ok := w.value(f, key)
	if !ok {
		return ""
	}
	s, _ := w.text(key, v)
	return s
}

// integer reads a whole number in [lo, hi]. unit, if not empty, names what is counted
// ("minutes").
func (w *walker) integer(key string, v *yaml.Node, lo, hi int, unit string) (int, bool) {
	r := w.resolve(v)
	var n int64
	if r.Kind != yaml.ScalarNode || r.Tag != "!!int" || r.Decode(&n) != nil {
		if unit != "" {
			w.add(v, "%s must be a whole number of %s", key, unit)
		} else {
			w.add(v, "%s must be a whole number", key)
		}
		return 0, false
	}
	suffix := ""
	if unit != "" {
		suffix = " " + unit
	}
	switch {
	case n < 0:
		w.add(v, "%s must not be negative", key)
		return 0, false
	case n < int64(lo) || n > int64(hi):
		if lo == 0 {
			w.add(v, "%s must be at most %d%s", key, hi, suffix)
		} else {
			w.add(v, "%s must be between %d and %d%s", key, lo, hi, suffix)
		}
		return 0, false
	}
	return int(n), true
}

// boolean reads true or false.
func (w *walker) boolean(key string, v *yaml.Node) (bool, bool) {
	r := w.resolve(v)
	var b bool
	if r.Kind != yaml.ScalarNode || r.Tag != "!!bool" || r.Decode(&b) != nil {
		w.add(v, "%s must be true or false", key)
		return false, false
	}
	return b, true
}

// count checks the length of a list against [lo, hi].
func (w *walker) count(key string, v *yaml.Node, n, lo, hi int) bool {
	switch {
	case n >= lo && n <= hi:
		return true
	case lo == hi:
		w.add(v, "%s must have exactly %d entries, not %d", key, lo, n)
	case n < lo && lo == 1:
		w.add(v, "%s must have at least one entry", key)
	case lo == 0:
		w.add(v, "%s must have at most %d entries, not %d", key, hi, n)
	default:
		w.add(v, "%s must have between %d and %d entries, not %d", key, lo, hi, n)
	}
	return false
}

// sequence checks that v is a list of between lo and hi entries and returns them. Of a list that
// is too long only the first hi entries are returned, for further checks.
func (w *walker) sequence(key string, v *yaml.Node, lo, hi int) ([]*yaml.Node, bool) {
	r := w.resolve(v)
	if r.Kind != yaml.SequenceNode {
		w.add(v, "%s must be a list, not %s", key, describe(r))
		return nil, false
	}
	ok := w.count(key, v, len(r.Content), lo, hi)
	return r.Content[:min(len(r.Content), hi)], ok
}

// textList reads a list of between lo and hi distinct, non-blank texts.
func (w *walker) textList(key string, v *yaml.Node, lo, hi int) ([]string, bool) {
	items, ok := w.sequence(key, v, lo, hi)
	if items == nil {
		return nil, ok
	}
	out := make([]string, 0, len(items))
	seen := map[string]int{}
	for i, it := range items {
		r := w.resolve(it)
		switch {
		case r.Kind == yaml.ScalarNode && r.Tag == "!!null", r.Kind == yaml.ScalarNode && strings.TrimSpace(r.Value) == "":
			w.add(it, "entry %d of %s is empty", i+1, key)
			ok = false
			continue
		case r.Kind != yaml.ScalarNode:
			w.add(it, "entry %d of %s must be text, not %s", i+1, key, describe(r))
			ok = false
			continue
		}
		norm := strings.TrimSpace(r.Value)
		if line, dup := seen[norm]; dup {
			w.add(it, "duplicate entry %q in %s (first at line %d)", norm, key, line)
			ok = false
			continue
		}
		seen[norm] = it.Line
		out = append(out, r.Value)
	}
	return out, ok
}

// checkID reports an id that does not match idPattern.
func (w *walker) checkID(what, id string, at *yaml.Node) {
	switch {
	case len(id) > maxIDLength:
		w.add(at, "%s %q is longer than %d characters", what, id, maxIDLength)
	case !idPattern.MatchString(id):
		w.add(at, "%s %q may use only lowercase letters, digits and dashes, and must start with a letter or digit", what, id)
	}
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

// exercise walks an exercise mapping of the named step. It returns the node of from when the
// exercise names one, for the check across steps.
func (w *walker) exercise(n *yaml.Node, stepName string) (*Exercise, *yaml.Node) {
	e := &Exercise{}
	f, ok := w.mapping(n, "exercise of "+stepName)
	if !ok {
		return e, nil
	}
	kindOK := false
	if kind, v, ok := w.requiredText(f, "kind"); ok {
		e.Kind = Kind(kind)
		kindOK = e.Kind.Valid()
		if !kindOK {
			if hint := didYouMean(kind, kindNames()); hint != "" {
				w.add(v, "unknown exercise kind %q%s", kind, hint)
			} else {
				w.add(v, "unknown exercise kind %q (one of %s)", kind, joinKinds())
			}
		} else {
			f.what = fmt.Sprintf("%s exercise of %s", e.Kind, stepName)
		}
	}
	var fromNode *yaml.Node
	for _, key := range f.order {
		if key == "kind" {
			continue
		}
		ent := f.byKey[key]
		if !isSetting(key) {
			allowed := append([]string{"kind"}, allSettings()...)
			if kindOK {
				allowed = append([]string{"kind"}, e.Kind.Settings()...)
			}
			w.unknownKey(ent.key, key, f.what, allowed)
			continue
		}
		if kindOK && !e.Kind.Allows(key) {
			w.add(ent.key, "%q is not a setting of a %s exercise", key, e.Kind)
			continue
		}
		if w.isNull(ent.val) {
			continue
		}
		v := ent.val
		switch key {
		case "prompt":
			e.Prompt, _ = w.text(key, v)
		case "team":
			e.Team, _ = w.boolean(key, v)
		case "anonymous":
			e.Anonymous, _ = w.boolean(key, v)
		case "add_stages":
			e.AddStages, _ = w.boolean(key, v)
		case "from":
			if s, ok := w.text(key, v); ok {
				if strings.TrimSpace(s) == "" {
					w.add(v, "from must name an earlier step")
				} else {
					e.From, fromNode = s, v
				}
			}
		case "max_length":
			e.MaxLength, _ = w.integer(key, v, 1, maxTextLength, "")
		case "max_items":
			e.MaxItems, _ = w.integer(key, v, 1, maxListItems, "")
		case "max_board_items":
			e.MaxBoardItems, _ = w.integer(key, v, 1, maxBoardItems, "")
		case "dots":
			e.Dots, _ = w.integer(key, v, 1, maxDots, "")
		case "max_per_item":
			e.MaxPerItem, _ = w.integer(key, v, 1, maxDots, "")
		case "max_rows":
			e.MaxRows, _ = w.integer(key, v, 1, maxTableRows, "")
		case "x_axis":
			e.XAxis = w.axis(key, v)
		case "y_axis":
			e.YAxis = w.axis(key, v)
		case "quadrants":
			e.Quadrants, _ = w.textList(key, v, quadrantCount, quadrantCount)
		case "stages":
			e.Stages, _ = w.textList(key, v, 0, maxGridEntries)
		case "lanes":
			e.Lanes, _ = w.textList(key, v, 1, maxGridEntries)
		case "columns":
			e.Columns = w.columns(v)
		case "statements":
			e.Statements, _ = w.textList(key, v, 1, maxStatements)
		case "labels":
			e.Labels, _ = w.textList(key, v, scaleLabelCount, scaleLabelCount)
		case "items":
			e.Items, _ = w.textList(key, v, 1, maxChecklist)
		case "questions":
			e.Questions = w.questions(v)
		}
	}
	if kindOK {
		w.kindRules(f, e, stepName)
		w.checkWidths(f, e)
	}
	if e.Kind != KindVote && e.Kind != KindMatrix {
		fromNode = nil
	}
	return e, fromNode
}

// allSettings lists every setting of every kind once, for case hints.
func allSettings() []string {
	var all []string
	for _, k := range Kinds {
		for _, s := range kindSettings[k] {
			if !slices.Contains(all, s) {
				all = append(all, s)
			}
		}
	}
	return all
}

// kindRules checks the settings a kind requires and the ones that depend on each other.
func (w *walker) kindRules(f *fields, e *Exercise, stepName string) {
	f.what = fmt.Sprintf("%s exercise of %s", e.Kind, stepName)
	switch e.Kind {
	case KindList:
		if ent, ok := f.byKey["max_board_items"]; ok && e.MaxBoardItems > 0 && !e.SharedList() {
			w.warn(ent.key, "max_board_items bounds a team board or an anonymous pool; on a list of one's own, max_items is the limit")
		}
		if ent, ok := f.byKey["team"]; ok && e.Team && e.Anonymous {
			w.warn(ent.key, "team has no effect on an anonymous list: its items are one pool for the whole cohort")
		}
	case KindVote:
		w.required(f, "from")
		_, dotsGiven := w.value(f, "dots")
		dotsBroken := dotsGiven && e.Dots == 0 // already reported
		if e.MaxPerItem > e.DotCount() && !dotsBroken {
			w.add(f.byKey["max_per_item"].val, "max_per_item (%d) cannot be more than dots (%d)", e.MaxPerItem, e.DotCount())
		}
	case KindMatrix:
		w.required(f, "from")
	case KindJourney:
		w.required(f, "lanes")
		ent, given := f.byKey["stages"]
		switch {
		case e.AddStages:
		case !given:
			w.add(f.node, "missing key \"stages\" in %s (or set add_stages: true)", f.what)
		case w.isNull(ent.val):
			w.add(ent.key, "stages must not be empty unless add_stages is true")
		case w.resolve(ent.val).Kind == yaml.SequenceNode && len(w.resolve(ent.val).Content) == 0:
			w.add(ent.val, "stages must have at least one entry unless add_stages is true")
		}
	case KindTable:
		w.required(f, "columns")
	case KindScale:
		w.required(f, "statements")
	case KindChecklist:
		w.required(f, "items")
	case KindQuiz:
		w.required(f, "questions")
	}
}

func (w *walker) axis(key string, v *yaml.Node) *Axis {
	f, ok := w.mapping(v, key)
	if !ok {
		return nil
	}
	w.allowOnly(f, axisKeys)
	a := &Axis{}
	a.Label, _, _ = w.requiredText(f, "label")
	a.Low, _, _ = w.requiredText(f, "low")
	a.High, _, _ = w.requiredText(f, "high")
	return a
}

func (w *walker) columns(v *yaml.Node) []Column {
	items, _ := w.sequence("columns", v, 1, maxColumns)
	var cols []Column
	firstLine := map[string]int{}
	for _, it := range items {
		f, ok := w.mapping(it, "column")
		if !ok {
			continue
		}
		w.allowOnly(f, columnKeys)
		var c Column
		if name, nv, ok := w.requiredText(f, "name"); ok {
			c.Name = name
			norm := strings.TrimSpace(name)
			if line, dup := firstLine[norm]; dup {
				w.add(nv, "duplicate column name %q (first at line %d)", norm, line)
			} else {
				firstLine[norm] = nv.Line
			}
		}
		typeOK := false
		if t, tv, ok := w.requiredText(f, "type"); ok {
			c.Type = ColumnType(t)
			typeOK = slices.Contains(columnTypes, c.Type)
			if !typeOK {
				w.add(tv, "column type %q is not one of text, number, choice", t)
			}
		}
		opts, given := f.byKey["options"]
		switch {
		case !typeOK:
			if ov, ok := w.value(f, "options"); ok {
				c.Options, _ = w.textList("options", ov, 2, maxChoices)
			}
		case c.Type == ColumnChoice:
			f.what = "choice column"
			if ov, ok := w.required(f, "options"); ok {
				c.Options, _ = w.textList("options", ov, 2, maxChoices)
			}
		case given:
			w.add(opts.key, "options only apply to choice columns")
		}
		cols = append(cols, c)
	}
	return cols
}

func (w *walker) questions(v *yaml.Node) []Question {
	items, _ := w.sequence("questions", v, 1, maxQuestions)
	var qs []Question
	for _, it := range items {
		f, ok := w.mapping(it, "question")
		if !ok {
			continue
		}
		w.allowOnly(f, questionKeys)
		var q Question
		q.Question, _, _ = w.requiredText(f, "question")
		if ov, ok := w.required(f, "options"); ok {
			q.Options = w.options(it, ov)
		}
		qs = append(qs, q)
	}
	return qs
}

// options reads the options of one quiz question and checks that exactly one is correct.
func (w *walker) options(question, v *yaml.Node) []Option {
	items, countOK := w.sequence("options", v, 2, maxQuizOptions)
	if items == nil {
		return nil
	}
	var opts []Option
	correct := 0
	allOK := countOK
	firstLine := map[string]int{}
	for _, it := range items {
		f, ok := w.mapping(it, "option")
		if !ok {
			allOK = false
			continue
		}
		w.allowOnly(f, optionKeys)
		var o Option
		if text, tv, ok := w.requiredText(f, "text"); ok {
			o.Text = text
			if width(text) > QuizOptionWidth {
				w.warn(tv, "option %q is %d characters; a quiz shows %d at %d columns", text, width(text), QuizOptionWidth, ScreenWidth)
			}
			norm := strings.TrimSpace(text)
			if line, dup := firstLine[norm]; dup {
				w.add(tv, "duplicate option %q (first at line %d)", norm, line)
			} else {
				firstLine[norm] = tv.Line
			}
		}
		if cv, ok := w.value(f, "correct"); ok {
			var good bool
			o.Correct, good = w.boolean("correct", cv)
			if !good {
				allOK = false
			}
			if o.Correct {
				correct++
				if correct == 2 {
					w.add(cv, "a question must have exactly one option with correct: true; this is the second")
				}
			}
		}
		o.Feedback = w.optionalText(f, "feedback")
		opts = append(opts, o)
	}
	if correct == 0 && allOK {
		w.add(question, "a question must have exactly one option with correct: true; none has")
	}
	return opts
}
