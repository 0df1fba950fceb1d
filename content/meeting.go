package content

import (
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// A programme that runs over several weeks groups its steps into meetings: each meeting is a
// run of consecutive steps done together, live, and may leave homework to do alone before the
// next one, in Markdown and, optionally, on steps people may open by themselves meanwhile.
// Steps outside every meeting are allowed (a module may give only some of them).

// Meeting is one live session of a module held over several meetings.
type Meeting struct {
	Title string `yaml:"title" json:"title"`
	// Steps are the ids of the meeting's steps: consecutive steps of the module, in order.
	Steps []string `yaml:"steps" json:"steps"`
	// Homework is what to do before the next meeting, in Markdown; empty for none.
	Homework string `yaml:"homework" json:"homework,omitempty"`
	// HomeworkSteps are the ids of the steps people may work on alone until the next meeting.
	HomeworkSteps []string `yaml:"homework_steps" json:"homework_steps,omitempty"`
}

// maxMeetings bounds the meetings of one module.
const maxMeetings = 100

var meetingKeys = []string{"title", "steps", "homework", "homework_steps"}

// MeetingOf returns the position of the meeting a step (by position) belongs to, or -1.
func (m *Module) MeetingOf(step int) int {
	if step < 0 || step >= len(m.Steps) {
		return -1
	}
	id := m.Steps[step].ID
	for i, mt := range m.Meetings {
		if slices.Contains(mt.Steps, id) {
			return i
		}
	}
	return -1
}

// MeetingSteps returns the positions of the first and last step of meeting i.
func (m *Module) MeetingSteps(i int) (first, last int) {
	if i < 0 || i >= len(m.Meetings) || len(m.Meetings[i].Steps) == 0 {
		return -1, -1
	}
	mt := m.Meetings[i]
	return m.StepIndex(mt.Steps[0]), m.StepIndex(mt.Steps[len(mt.Steps)-1])
}

// HomeworkStepIndexes returns the positions of meeting i's homework steps, in module order.
func (m *Module) HomeworkStepIndexes(i int) []int {
	if i < 0 || i >= len(m.Meetings) {
		return nil
	}
	var out []int
	for _, id := range m.Meetings[i].HomeworkSteps {
		if j := m.StepIndex(id); j >= 0 {
			out = append(out, j)
		}
	}
	slices.Sort(out)
	return out
}

// meetings walks the module's meetings once its steps are known.
func (w *walker) meetings(v *yaml.Node, m *Module) {
	items, _ := w.sequence("meetings", v, 1, maxMeetings)
	type placed struct {
		meeting int
		line    int
	}
	owner := map[string]placed{} // step id -> the meeting that holds it
	lastStep := -1               // position of the last step of the meetings so far
	var pending []struct {
		meeting int
		node    *yaml.Node
		id      string
	}
	for i, it := range items {
		what := fmt.Sprintf("meeting %d", i+1)
		f, ok := w.mapping(it, what)
		if !ok {
			m.Meetings = append(m.Meetings, Meeting{})
			continue
		}
		w.allowOnly(f, meetingKeys)
		var mt Meeting
		mt.Title, _, _ = w.requiredText(f, "title")
		mt.Homework = w.optionalText(f, "homework")
		if sv, ok := w.required(f, "steps"); ok {
			ids, _ := w.textList("steps", sv, 1, maxSteps)
			nodes := w.resolve(sv).Content
			prev := -1
			for k, id := range ids {
				at := sv
				if k < len(nodes) {
					at = nodes[k]
				}
				j := m.StepIndex(id)
				if j < 0 {
					w.add(at, "%s: no step %q in this module%s", what, id, didYouMean(id, stepIDs(m)))
					prev = -1
					continue
				}
				if o, dup := owner[id]; dup {
					w.add(at, "%s: step %q is already in meeting %d (line %d); a step belongs to one meeting at most", what, id, o.meeting+1, o.line)
					continue
				}
				owner[id] = placed{meeting: i, line: at.Line}
				switch {
				case k == 0 && j <= lastStep:
					w.add(at, "%s: step %q (step %d) comes before the steps of an earlier meeting; list meetings in the order of their steps", what, id, j+1)
				case prev >= 0 && j != prev+1:
					w.add(at, "%s: the steps of a meeting follow each other in the module; after %q (step %d) comes %q, not %q (step %d)",
						what, m.Steps[prev].ID, prev+1, nextStepID(m, prev), id, j+1)
				}
				prev = j
				lastStep = max(lastStep, j)
				mt.Steps = append(mt.Steps, id)
			}
		}
		if hv, ok := w.value(f, "homework_steps"); ok {
			ids, _ := w.textList("homework_steps", hv, 1, maxSteps)
			nodes := w.resolve(hv).Content
			for k, id := range ids {
				at := hv
				if k < len(nodes) {
					at = nodes[k]
				}
				if m.StepIndex(id) < 0 {
					w.add(at, "%s: homework_steps: no step %q in this module%s", what, id, didYouMean(id, stepIDs(m)))
					continue
				}
				mt.HomeworkSteps = append(mt.HomeworkSteps, id)
				pending = append(pending, struct {
					meeting int
					node    *yaml.Node
					id      string
				}{i, at, id})
			}
		}
		m.Meetings = append(m.Meetings, mt)
	}
	// Homework is done before the next meeting: a step that a later meeting works on together
	// cannot be homework of an earlier one.
	for _, p := range pending {
		if o, ok := owner[p.id]; ok && o.meeting > p.meeting {
			w.add(p.node, "meeting %d: homework step %q is worked on together in meeting %d (line %d); homework is done alone before the next meeting",
				p.meeting+1, p.id, o.meeting+1, o.line)
		}
	}
}

// stepIDs lists the module's step ids, for suggestions.
func stepIDs(m *Module) []string {
	ids := make([]string, 0, len(m.Steps))
	for _, s := range m.Steps {
		if s.ID != "" {
			ids = append(ids, s.ID)
		}
	}
	return ids
}

// nextStepID names the step after position i, or says there is none.
func nextStepID(m *Module, i int) string {
	if i+1 < len(m.Steps) {
		return m.Steps[i+1].ID
	}
	return "no other step"
}

// compareMeetings lists where a translation's meetings differ from its original's: the same
// meetings with the same steps and homework steps; only titles and homework texts change.
func compareMeetings(orig, tr *Module) []mismatch {
	var out []mismatch
	if len(tr.Meetings) != len(orig.Meetings) {
		at := docPath("meetings")
		if len(tr.Meetings) == 0 {
			at = docPath("id")
		}
		return append(out, mismatch{at: at, orig: docPath("meetings"),
			msg: fmt.Sprintf("the module has %d meetings here but %d in the original", len(tr.Meetings), len(orig.Meetings))})
	}
	for i := range tr.Meetings {
		t, o := tr.Meetings[i], orig.Meetings[i]
		if !slices.Equal(t.Steps, o.Steps) {
			out = append(out, mismatch{at: docPath("meetings", i, "steps"), orig: docPath("meetings", i, "steps"),
				msg: fmt.Sprintf("meeting %d has the steps %s here but %s in the original", i+1, strings.Join(t.Steps, ", "), strings.Join(o.Steps, ", "))})
		}
		if !slices.Equal(t.HomeworkSteps, o.HomeworkSteps) {
			out = append(out, mismatch{at: docPath("meetings", i, "homework_steps"), orig: docPath("meetings", i, "homework_steps"),
				msg: fmt.Sprintf("meeting %d has the homework steps [%s] here but [%s] in the original", i+1, strings.Join(t.HomeworkSteps, ", "), strings.Join(o.HomeworkSteps, ", "))})
		}
	}
	return out
}
