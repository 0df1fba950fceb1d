package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"workshop/i18n"
	"workshop/session/work"
)

// The CSV sheets are UTF-8 with a byte order mark: Excel needs the mark to read UTF-8 (without
// it, accented names come out garbled), LibreOffice and most tools accept it, and a script can
// drop it (Python: encoding="utf-8-sig"). Lines end in CRLF and cells are quoted as RFC 4180
// says.
const bom = "\ufeff"

// maxCell is the longest cell written, in characters: spreadsheets stop at 32,767, and a cut
// cell says so. The JSON export always has the full text.
const maxCell = 32000

// writeProgressCSV writes one row per participant: id, name, team, joined, last seen, then
// for each step its status (steps with an exercise) and whole minutes spent.
func (r *Report) writeProgressCSV(w io.Writer, o Options) error {
	cw := newCSV(w, o)
	x := o.locale(r)
	zone := zoneName(x.loc)
	head := []string{x.T("Participant ID"), x.T("Name"), x.T("Team"), x.T("Department"), x.T("Email"), x.T("Joined (%s)", zone), x.T("Last seen (%s)", zone)}
	for _, s := range r.Steps {
		title := i18n.Verbatim(fmt.Sprintf("%d. %s", s.Number, s.Title))
		if s.Exercise != nil {
			head = append(head, x.T("%s: status", title))
		}
		head = append(head, x.T("%s: minutes", title))
	}
	if err := cw.row(head...); err != nil {
		return err
	}
	for i, p := range r.Participants {
		team := ""
		if p.Team != nil {
			team = *p.Team
		}
		row := []string{strconv.FormatInt(p.ID, 10), p.Name, team, deref(p.Department), deref(p.Email), x.sheetClock(p.JoinedAt), x.sheetClock(p.LastSeen)}
		for j, sp := range r.Progress[i].Steps {
			if r.Steps[j].Exercise != nil {
				row = append(row, x.statusWord(sp.Status))
			}
			row = append(row, strconv.FormatInt(minutes(sp.Seconds), 10))
		}
		if err := cw.row(row...); err != nil {
			return err
		}
	}
	return cw.flush()
}

// writeArtifactsCSV writes one row per piece of work: each answer, list item, vote, placement,
// cell, rating, tick and quiz answer, then each step's combined vote tally and, for a matrix,
// where the cohort placed each item.
func (r *Report) writeArtifactsCSV(w io.Writer, o Options) error {
	cw := newCSV(w, o)
	x := o.locale(r)
	if err := cw.row(x.workHead()...); err != nil {
		return err
	}
	err := r.eachWork(x, func(s *Step, owner, field, value, votes string) error {
		return cw.row(strconv.Itoa(s.Number), s.Title, x.Msg(KindName(s.Exercise.Kind)), owner, field, value, votes)
	})
	if err != nil {
		return err
	}
	return cw.flush()
}

// workHead is the header of the sheet of all work.
func (x locale) workHead() []string {
	return []string{x.T("Step"), x.T("Step title"), x.T("Kind"), x.T("Owner"), x.T("Field"), x.T("Value"), x.T("Votes")}
}

// eachWork calls row for every row of the sheet of all work, in order.
func (r *Report) eachWork(x locale, row func(s *Step, owner, field, value, votes string) error) error {
	for i := range r.Steps {
		s := r.Steps[i]
		if s.Exercise == nil {
			continue
		}
		emit := func(owner, field, value, votes string) error { return row(&s, owner, field, value, votes) }
		for _, a := range r.Artifacts {
			if a.StepID == s.ID {
				if err := r.csvWork(x, &s, x.ownerLabel(a.Owner), a.value, emit); err != nil {
					return err
				}
			}
		}
		for _, b := range r.Boards {
			if b.StepID == s.ID {
				if err := r.csvWork(x, &s, x.ownerLabel(b.Owner), b.value, emit); err != nil {
					return err
				}
			}
		}
		if err := r.csvResults(x, &s, emit); err != nil {
			return err
		}
	}
	return nil
}

type emitFunc func(owner, field, value, votes string) error

// csvWork writes the rows of one artifact or board.
func (r *Report) csvWork(x locale, s *Step, owner string, v any, emit emitFunc) error {
	ex := s.Exercise
	switch w := v.(type) {
	case *work.Reflection:
		return emit(owner, x.T("field|answer"), w.Text, "")
	case *work.List:
		for _, it := range w.Items {
			if err := emit(owner, x.T("field|item"), it.Text, ""); err != nil {
				return err
			}
		}
	case *work.Vote:
		for _, it := range r.items[s.ID] {
			if n := w.Dots[it.ID]; n > 0 {
				if err := emit(owner, x.T("field|dots"), it.Text, strconv.Itoa(n)); err != nil {
					return err
				}
			}
		}
	case *work.Matrix:
		for _, it := range r.items[s.ID] {
			if p, ok := w.Places[it.ID]; ok {
				if err := emit(owner, ex.Quadrants[p.Quadrant()], it.Text, ""); err != nil {
					return err
				}
			}
		}
	case *work.Journey:
		for i, lane := range ex.Lanes {
			for j, stage := range w.Stages {
				if c := w.Cells[i][j]; c != "" {
					if err := emit(owner, lane+" · "+stage, c, ""); err != nil {
						return err
					}
				}
			}
		}
	case *work.Table:
		for i, row := range w.Rows {
			for j, c := range row {
				if c != "" {
					if err := emit(owner, x.T("row %d: %s", i+1, i18n.Verbatim(ex.Columns[j].Name)), c, ""); err != nil {
						return err
					}
				}
			}
		}
	case *work.Scale:
		for i, rating := range w.Ratings {
			if rating > 0 {
				if err := emit(owner, ex.Statements[i], strconv.Itoa(rating), ""); err != nil {
					return err
				}
			}
		}
	case *work.Checklist:
		for i, item := range ex.Items {
			tick := x.T("not ticked")
			if w.Ticks[i] {
				tick = x.T("ticked")
			}
			if err := emit(owner, item, tick, ""); err != nil {
				return err
			}
			if w.Notes[i] != "" {
				if err := emit(owner, x.T("%s (note)", i18n.Verbatim(item)), w.Notes[i], ""); err != nil {
					return err
				}
			}
		}
	case *work.Quiz:
		correct := 0
		for i, q := range ex.Questions {
			answer := x.T("(no answer)")
			if a := w.Answers[i]; a >= 0 {
				answer = q.Options[a]
				if a == q.Correct {
					correct++
				}
			}
			if err := emit(owner, q.Question, answer, ""); err != nil {
				return err
			}
		}
		return emit(owner, x.T("field|score"), x.T("%d of %d", correct, len(ex.Questions)), "")
	}
	return nil
}

// csvResults writes a step's combined rows: vote tallies and the cohort's matrix placements.
func (r *Report) csvResults(x locale, s *Step, emit emitFunc) error {
	res := r.result(s.ID)
	if res == nil {
		return nil
	}
	if res.Vote != nil {
		for _, t := range res.Vote.Tallies {
			for _, it := range t.Items {
				if err := emit(x.ownerLabel(t.Scope), x.T("field|total dots"), it.Text, strconv.Itoa(it.Dots)); err != nil {
					return err
				}
			}
		}
	}
	if res.Matrix != nil {
		for _, g := range res.Matrix.Groups {
			if g.Scope.Type != OwnerCohort {
				continue // a team's board is already written row by row
			}
			for _, it := range g.Items {
				if it.Quadrant >= 0 {
					field := x.T("%s (%d placements)", i18n.Verbatim(res.Matrix.Quadrants[it.Quadrant]), it.Placements)
					if err := emit(x.ownerLabel(g.Scope), field, it.Text, ""); err != nil {
						return err
					}
				}
			}
		}
	}
	return nil
}

// sheet writes neutralised cells.
type sheet struct{ w *csv.Writer }

func newCSV(w io.Writer, o Options) *sheet {
	// A writer that fails here fails the rows after it too, and the sheet reports that.
	_, _ = io.WriteString(w, bom)
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if o.Semicolon {
		cw.Comma = ';'
	}
	return &sheet{w: cw}
}

// row writes one row of cleaned cells; the caller's slice is left as it was (a header may be
// shared by every export running at once).
func (s *sheet) row(cells ...string) error {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = Cell(c)
	}
	return s.w.Write(out)
}

func (s *sheet) flush() error {
	s.w.Flush()
	return s.w.Error()
}

// negativeNumber is a plain negative number, which a spreadsheet reads as a number, not a
// formula.
var negativeNumber = regexp.MustCompile(`^-[0-9]+([.,][0-9]+)?$`)

// Cell makes text safe for a spreadsheet cell: a cell that starts (after spaces) with = + - or
// @, or with a tab, carriage return or line feed, could run as a formula when the sheet is
// opened, so it gets a leading apostrophe and stays text. Plain negative numbers are left as
// they are. Cells over the spreadsheet limit are cut with a note.
func Cell(s string) string {
	s = cutCell(s)
	if s == "" {
		return s
	}
	switch s[0] {
	case '\t', '\r', '\n':
		return "'" + s
	}
	t := strings.TrimLeft(s, " ")
	if t != "" && strings.ContainsRune("=+-@", rune(t[0])) && !negativeNumber.MatchString(s) {
		return "'" + s
	}
	return s
}

// cutCell cuts text longer than a spreadsheet cell holds, with a note.
func cutCell(s string) string {
	if utf8.RuneCountInString(s) > maxCell {
		cut := 0
		for i := range s {
			if cut == maxCell {
				rest := utf8.RuneCountInString(s[i:])
				s = s[:i] + fmt.Sprintf(" … [cut: %d more characters; the JSON export has the full text]", rest)
				break
			}
			cut++
		}
	}
	return s
}
