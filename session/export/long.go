package export

import (
	"io"
	"strconv"
	"time"
)

// The long progress table has one row per participant and step, the shape learning platforms
// import grades from and spreadsheets pivot: the participant's stored id (the same in every
// export of the cohort), their name and team, the step, its status, the seconds spent on it,
// the quiz score as a number and when the work was submitted.

// longHead is the long table's header; the workbook names the time zone of Submitted at in
// it (the CSV's times carry their offset).
func (x locale) longHead() []string {
	return []string{x.T("Participant ID"), x.T("Name"), x.T("Team"), x.T("Step"), x.T("Step ID"), x.T("Step title"), x.T("Exercise"),
		x.T("Status"), x.T("Seconds"), x.T("Score"), x.T("Max score"), x.T("Submitted at")}
}

// longRow is one participant's progress on one step.
type longRow struct {
	id          int64
	name, team  string
	step        *Step
	status      string
	seconds     int64
	score, max  int
	scored      bool
	submittedAt *time.Time
}

// longRows lists every participant's progress on every step, participants in joining order
// and steps in module order.
func (r *Report) longRows() []longRow {
	type key struct {
		step string
		pid  int64
	}
	scores := map[key]QuizScore{}
	for _, res := range r.Results {
		if res.Quiz == nil {
			continue
		}
		for _, sc := range res.Quiz.Scores {
			scores[key{res.StepID, sc.Owner.ParticipantID}] = sc
		}
	}
	var out []longRow
	for i, p := range r.Participants {
		team := ""
		if p.Team != nil {
			team = *p.Team
		}
		for j, sp := range r.Progress[i].Steps {
			s := &r.Steps[j]
			row := longRow{id: p.ID, name: p.Name, team: team, step: s, status: sp.Status, seconds: sp.Seconds, submittedAt: sp.SubmittedAt}
			if sc, ok := scores[key{s.ID, p.ID}]; ok {
				row.score, row.max, row.scored = sc.Correct, sc.Total, true
			}
			out = append(out, row)
		}
	}
	return out
}

// longStatus is a status as the long table writes it: every step has one.
func (x locale) longStatus(s string) string {
	if s == StatusNoExercise {
		return x.T("no exercise")
	}
	return x.statusWord(s)
}

// exerciseKind is a step's exercise kind in words, or "" for a step without one.
func (x locale) exerciseKind(s *Step) string {
	if s.Exercise == nil {
		return ""
	}
	return x.Msg(KindName(s.Exercise.Kind))
}

// writeLongCSV writes the long progress table. Submitted at is RFC 3339 with the offset of the
// chosen zone, which every platform and spreadsheet reads without knowing the zone.
func (r *Report) writeLongCSV(w io.Writer, o Options) error {
	cw := newCSV(w, o)
	x := o.locale(r)
	if err := cw.row(x.longHead()...); err != nil {
		return err
	}
	for _, lr := range r.longRows() {
		score, max, submitted := "", "", ""
		if lr.scored {
			score, max = strconv.Itoa(lr.score), strconv.Itoa(lr.max)
		}
		if lr.submittedAt != nil {
			submitted = lr.submittedAt.In(o.loc()).Format(time.RFC3339)
		}
		if err := cw.row(strconv.FormatInt(lr.id, 10), lr.name, lr.team, strconv.Itoa(lr.step.Number), lr.step.ID, lr.step.Title,
			x.exerciseKind(lr.step), x.longStatus(lr.status), strconv.FormatInt(lr.seconds, 10), score, max, submitted); err != nil {
			return err
		}
	}
	return cw.flush()
}
