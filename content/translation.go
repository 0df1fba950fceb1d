package content

import (
	"fmt"
	"slices"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// A translation is a module file with the id of another, its original, in another language. Work
// is stored by step id and, inside a step, by position (the third statement, the second option
// of a question, the correct option's place), and the cohort's checks and tallies read the
// original, so a translation changes only texts: it has the original's steps in the original's
// order, and every exercise the same kind, the same settings and the same number of entries in
// every list. compareModules finds where it does not.

// mismatch is one place where a translation does not line up with its original.
type mismatch struct {
	// at and orig lead to the place in each file: mapping keys and list positions from the
	// top of the document.
	at, orig []any
	msg      string
}

// compareModules lists where tr does not line up with orig. Both must have parsed without
// problems.
func compareModules(orig, tr *Module) []mismatch {
	var out []mismatch
	add := func(at, o []any, format string, args ...any) {
		out = append(out, mismatch{at: at, orig: o, msg: fmt.Sprintf(format, args...)})
	}
	if tr.Duration != orig.Duration {
		add(docPath("duration"), docPath("duration"), "duration is %d minutes here but %d in the original", tr.Duration, orig.Duration)
	}

	origAt, trAt := stepPositions(orig), stepPositions(tr)
	aligned := true
	for i, s := range orig.Steps {
		if _, ok := trAt[s.ID]; !ok {
			aligned = false
			add(docPath("steps"), docPath("steps", i, "id"), "step %q of the original is missing here", s.ID)
		}
	}
	for i, s := range tr.Steps {
		if _, ok := origAt[s.ID]; !ok {
			aligned = false
			add(docPath("steps", i, "id"), docPath("steps"), "step %q is not in the original", s.ID)
		}
	}
	if aligned {
		for i, s := range tr.Steps {
			if j := origAt[s.ID]; j != i {
				add(docPath("steps", i, "id"), docPath("steps", j, "id"), "step %q is step %d here but step %d in the original; keep the original's order", s.ID, i+1, j+1)
			}
		}
	}
	for i, s := range tr.Steps {
		j, ok := origAt[s.ID]
		if !ok {
			continue
		}
		out = append(out, compareSteps(docPath("steps", i), docPath("steps", j), &orig.Steps[j], &s)...)
	}
	return append(out, compareMeetings(orig, tr)...)
}

// stepPositions maps each step id of m to its position.
func stepPositions(m *Module) map[string]int {
	at := make(map[string]int, len(m.Steps))
	for i, s := range m.Steps {
		if _, dup := at[s.ID]; !dup {
			at[s.ID] = i
		}
	}
	return at
}

// docPath builds a path into a document; it exists to keep calls short.
func docPath(parts ...any) []any { return parts }

// under extends a path without sharing the backing array of the one it extends.
func under(p []any, parts ...any) []any { return append(slices.Clip(p), parts...) }

// compareSteps compares one step of a translation (at tp) with the original's (at op).
func compareSteps(tp, op []any, orig, tr *Step) []mismatch {
	var out []mismatch
	add := func(key string, format string, args ...any) {
		out = append(out, mismatch{at: under(tp, key), orig: under(op, key), msg: fmt.Sprintf(format, args...)})
	}
	name := strconv.Quote(tr.ID)
	if tr.Phase != orig.Phase {
		add("phase", "phase of step %s is %q here but %q in the original", name, tr.Phase, orig.Phase)
	}
	if tr.TimeBox != orig.TimeBox {
		add("timebox", "timebox of step %s is %d minutes here but %d in the original", name, tr.TimeBox, orig.TimeBox)
	}
	switch {
	case orig.Exercise == nil && tr.Exercise == nil:
		return out
	case orig.Exercise == nil:
		add("exercise", "step %s has a %s exercise here but none in the original", name, tr.Exercise.Kind)
		return out
	case tr.Exercise == nil:
		out = append(out, mismatch{at: tp, orig: under(op, "exercise"),
			msg: fmt.Sprintf("step %s has no exercise here but a %s exercise in the original", name, orig.Exercise.Kind)})
		return out
	}
	return append(out, compareExercises(under(tp, "exercise"), under(op, "exercise"), name, orig.Exercise, tr.Exercise)...)
}

// compareExercises compares the exercise of step name in a translation with the original's:
// the same kind, the same settings other than texts, and as many entries in every list.
func compareExercises(tp, op []any, name string, o, t *Exercise) []mismatch {
	var out []mismatch
	at := func(parts ...any) ([]any, []any) { return under(tp, parts...), under(op, parts...) }
	add := func(a, b []any, format string, args ...any) {
		out = append(out, mismatch{at: a, orig: b, msg: fmt.Sprintf(format, args...)})
	}
	if t.Kind != o.Kind {
		a, b := at("kind")
		add(a, b, "the exercise of step %s is a %s here but a %s in the original", name, t.Kind, o.Kind)
		return out
	}
	setting := func(key string, here, there any) {
		if here != there {
			a, b := at(key)
			add(a, b, "%s of step %s is %v here but %v in the original; a translation changes only texts", key, name, here, there)
		}
	}
	setting("from", strconv.Quote(t.From), strconv.Quote(o.From))
	setting("team", t.Team, o.Team)
	setting("anonymous", t.Anonymous, o.Anonymous)
	setting("add_stages", t.AddStages, o.AddStages)
	if o.Kind.Allows("max_length") {
		setting("max_length", t.TextLimit(), o.TextLimit())
	}
	if o.Kind == KindList {
		setting("max_items", t.ItemLimit(), o.ItemLimit())
		setting("max_board_items", t.BoardItemLimit(), o.BoardItemLimit())
	}
	if o.Kind == KindVote {
		setting("dots", t.DotCount(), o.DotCount())
		setting("max_per_item", t.PerItemLimit(), o.PerItemLimit())
	}
	if o.Kind == KindTable {
		setting("max_rows", t.RowLimit(), o.RowLimit())
	}

	count := func(key string, here, there int) bool {
		if here == there {
			return true
		}
		a, b := at(key)
		add(a, b, "%s of step %s has %d entries here but %d in the original", key, name, here, there)
		return false
	}
	count("stages", len(t.Stages), len(o.Stages))
	count("lanes", len(t.Lanes), len(o.Lanes))
	count("statements", len(t.Statements), len(o.Statements))
	count("items", len(t.Items), len(o.Items))
	if len(t.Labels) > 0 && len(o.Labels) > 0 {
		count("labels", len(t.Labels), len(o.Labels))
	}
	if count("columns", len(t.Columns), len(o.Columns)) {
		for i := range t.Columns {
			tc, oc := t.Columns[i], o.Columns[i]
			if tc.Type != oc.Type {
				a, b := at("columns", i, "type")
				add(a, b, "column %d of step %s is a %s column here but a %s column in the original", i+1, name, tc.Type, oc.Type)
				continue
			}
			if len(tc.Options) != len(oc.Options) {
				a, b := at("columns", i, "options")
				add(a, b, "column %d of step %s has %d options here but %d in the original", i+1, name, len(tc.Options), len(oc.Options))
			}
		}
	}
	if count("questions", len(t.Questions), len(o.Questions)) {
		for i := range t.Questions {
			tq, oq := t.Questions[i], o.Questions[i]
			if len(tq.Options) != len(oq.Options) {
				a, b := at("questions", i, "options")
				add(a, b, "question %d of step %s has %d options here but %d in the original", i+1, name, len(tq.Options), len(oq.Options))
				continue
			}
			if here, there := correctOption(tq), correctOption(oq); here != there {
				add(under(tp, "questions", i, "options", here, "correct"), under(op, "questions", i, "options", there, "correct"),
					"the correct option of question %d of step %s is option %d here but option %d in the original; keep the options in the original's order", i+1, name, here+1, there+1)
			}
		}
	}
	return out
}

// correctOption is the position of a question's correct option.
func correctOption(q Question) int {
	return max(slices.IndexFunc(q.Options, func(o Option) bool { return o.Correct }), 0)
}

// nodeAt follows p from the top of a document: a string picks the value of that key in a
// mapping, an int the entry at that position in a list. Where the path cannot be followed
// further, it stops at the last node reached, which is the nearest place to point at.
func nodeAt(root *yaml.Node, p []any) *yaml.Node {
	n := deref(root)
	last := root
	for _, part := range p {
		if n == nil {
			break
		}
		var next *yaml.Node
		switch k := part.(type) {
		case string:
			if n.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(n.Content); i += 2 {
					if deref(n.Content[i]).Value == k {
						next = n.Content[i+1]
						break
					}
				}
			}
		case int:
			if n.Kind == yaml.SequenceNode && k >= 0 && k < len(n.Content) {
				next = n.Content[k]
			}
		}
		if next == nil {
			break
		}
		last, n = next, deref(next)
	}
	return last
}

// deref follows aliases, a bounded number of times.
func deref(n *yaml.Node) *yaml.Node {
	for range 64 {
		if n == nil || n.Kind != yaml.AliasNode || n.Alias == nil {
			return n
		}
		n = n.Alias
	}
	return n
}

// translationProblems turns the mismatches of the translation in file tr with its original in
// file orig into problems placed in tr, each naming the place in the original.
func translationProblems(tr, orig *loaded, ms []mismatch) []Problem {
	out := make([]Problem, 0, len(ms))
	for _, m := range ms {
		p := Problem{File: tr.file, Line: 1, Col: 1}
		if n := nodeAt(tr.root, m.at); n != nil {
			p.Line, p.Col = n.Line, n.Column
		}
		where := orig.file
		if n := nodeAt(orig.root, m.orig); n != nil {
			where = fmt.Sprintf("%s:%d:%d", orig.file, n.Line, n.Column)
		}
		p.Message = fmt.Sprintf("%s (%s)", m.msg, where)
		out = append(out, p)
	}
	return out
}
