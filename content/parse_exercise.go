package content

import (
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// exercise walks an exercise mapping of the named step. It returns the node of from when the
// exercise names one, for the check across steps.
func (w *walker) exercise(n *yaml.Node, stepName string) (*Exercise, *yaml.Node) {
	e := &Exercise{}
	f, ok := w.mapping(n, "exercise of "+stepName)
	if !ok {
		return e, nil
	}
	kindOK := w.exerciseKind(f, e, stepName)
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
		if from := w.setting(e, key, ent.val); from != nil {
			fromNode = from
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

// exerciseKind reads the exercise's kind and says whether it is one workshop knows; the
// fields' description names the kind from then on.
func (w *walker) exerciseKind(f *fields, e *Exercise, stepName string) bool {
	kind, v, ok := w.requiredText(f, "kind")
	if !ok {
		return false
	}
	e.Kind = Kind(kind)
	if !e.Kind.Valid() {
		if hint := didYouMean(kind, kindNames()); hint != "" {
			w.add(v, "unknown exercise kind %q%s", kind, hint)
		} else {
			w.add(v, "unknown exercise kind %q (one of %s)", kind, joinKinds())
		}
		return false
	}
	f.what = fmt.Sprintf("%s exercise of %s", e.Kind, stepName)
	return true
}

// setting reads one setting's value v into e; for from it returns the node naming the step,
// nil otherwise.
func (w *walker) setting(e *Exercise, key string, v *yaml.Node) (from *yaml.Node) {
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
				e.From, from = s, v
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
	return from
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
