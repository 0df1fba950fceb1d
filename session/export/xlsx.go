package export

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"time"

	"github.com/mattn/go-runewidth"
	"github.com/xuri/excelize/v2"

	"workshop/i18n"
	"workshop/session"
)

// The xlsx workbook holds every table of the report, one per sheet, with typed cells: numbers
// are numbers, times are dates in the chosen zone (named in the header), time spent is a
// duration ([h]:mm:ss), so a spreadsheet sorts, sums and pivots them as they are. Every sheet
// has a frozen header row and a filter, and columns as wide as their content (up to a limit,
// past which text wraps). Text cells are stored as text: a cell that looks like a formula
// stays text, so the CSV's leading apostrophe is not needed.

// cellKind is how a cell is stored.
type cellKind int

const (
	cText cellKind = iota
	cInt
	cFloat
	cDate
	cDuration
	cPercent
)

// xcell is one typed cell; an empty text cell is left out of the file.
type xcell struct {
	kind cellKind
	s    string
	n    float64
	t    time.Time
}

func txt(s string) xcell       { return xcell{kind: cText, s: s} }
func integer(n int64) xcell    { return xcell{kind: cInt, n: float64(n)} }
func decimal(f float64) xcell  { return xcell{kind: cFloat, n: f} }
func share(f float64) xcell    { return xcell{kind: cPercent, n: f} }
func seconds(secs int64) xcell { return xcell{kind: cDuration, n: float64(secs)} }
func date(t time.Time) xcell   { return xcell{kind: cDate, t: t} }

// optInt is a number, or an empty cell when there is none.
func optInt(n int, ok bool) xcell {
	if !ok {
		return txt("")
	}
	return integer(int64(n))
}

// optDate is a date, or an empty cell when there is none.
func optDate(t *time.Time) xcell {
	if t == nil {
		return txt("")
	}
	return date(*t)
}

// xsheet is a sheet being filled: a header and rows of typed cells.
type xsheet struct {
	name   string
	head   []string
	rows   [][]xcell
	freeze int  // columns frozen on the left, besides the header row
	plain  bool // a sheet of facts: no filter
}

func (s *xsheet) add(cells ...xcell) { s.rows = append(s.rows, cells) }

// Widths, in characters, between which columns are sized to their content; text in a column
// at the widest wraps.
const (
	minColumn = 6
	maxColumn = 60
)

// writeXLSX writes the report as an xlsx workbook.
func (r *Report) writeXLSX(w io.Writer, o Options) error {
	x := o.locale(r)
	loc := x.loc
	sheets := []*xsheet{r.cohortSheet(x), r.stepsSheet(x), r.progressSheet(x), r.longSheet(x), r.workSheet(x), r.votesSheet(x), r.matrixSheet(x), r.timelineSheet(x)}
	if len(r.Attendance) > 0 {
		sheets = append(sheets, r.attendanceSheet(x))
	}
	if len(r.Notes) > 0 {
		sheets = append(sheets, r.notesSheet(x))
	}
	f := excelize.NewFile()
	defer func() { _ = f.Close() }() // nothing was opened from disk
	st, err := newStyles(f, x.Lang())
	if err != nil {
		return err
	}
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			return err
		}
		if err := st.fill(f, s, loc); err != nil {
			return fmt.Errorf("sheet %s: %w", s.name, err)
		}
	}
	f.SetActiveSheet(0)
	stamp := r.ExportedAt.UTC().Format(time.RFC3339)
	creator := "workshop"
	if r.Generator.Version != nil {
		creator += " " + *r.Generator.Version
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: r.title(x), Creator: creator, LastModifiedBy: creator,
		Created: stamp, Modified: stamp, Language: string(x.Lang()),
	}); err != nil {
		return err
	}
	return f.Write(w)
}

// styles are the workbook's cell styles.
type styles struct {
	head, text, wrap, date, duration, percent, float int
}

// dateFormat is how a date cell shows in a language: day first but in English. The cell
// stays a date whatever it shows.
func dateFormat(l i18n.Lang) string {
	if l == i18n.English {
		return "yyyy-mm-dd hh:mm"
	}
	return "dd/mm/yyyy hh:mm"
}

func newStyles(f *excelize.File, lang i18n.Lang) (*styles, error) {
	var s styles
	top := &excelize.Alignment{Vertical: "top"}
	defs := []struct {
		id    *int
		style excelize.Style
	}{
		{&s.head, excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#EEF2F6"}},
			Border: []excelize.Border{{Type: "bottom", Color: "#1F5FA8", Style: 2}}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&s.text, excelize.Style{Alignment: top}},
		{&s.wrap, excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&s.date, excelize.Style{CustomNumFmt: ptr(dateFormat(lang)), Alignment: top}},
		{&s.duration, excelize.Style{CustomNumFmt: ptr("[h]:mm:ss"), Alignment: top}},
		{&s.percent, excelize.Style{NumFmt: 9, Alignment: top}}, // 0%
		{&s.float, excelize.Style{CustomNumFmt: ptr("0.##"), Alignment: top}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.style)
		if err != nil {
			return nil, fmt.Errorf("xlsx styles: %w", err)
		}
		*d.id = id
	}
	return &s, nil
}

func ptr[T any](v T) *T { return &v }

// fill writes a sheet's cells, styles, widths, frozen header and filter. Each column has one
// kind of cell, so its style is set once for the column, which the cells written into it
// take: styling cell by cell took most of the time of a large workbook.
func (st *styles) fill(f *excelize.File, s *xsheet, loc *time.Location) error {
	widths := make([]int, len(s.head))
	kinds := make([]cellKind, len(s.head))
	seen := make([]bool, len(s.head))
	for i, h := range s.head {
		widths[i] = min(runewidth.StringWidth(h)+2, 24) // long headers wrap
	}
	for _, row := range s.rows {
		for c, x := range row {
			if c >= len(widths) {
				continue
			}
			widths[c] = max(widths[c], cellWidth(x)+2)
			if !seen[c] && !(x.kind == cText && x.s == "") {
				kinds[c], seen[c] = x.kind, true
			}
		}
	}
	for c, w := range widths {
		w = min(max(w, minColumn), maxColumn)
		col, _ := excelize.ColumnNumberToName(c + 1) // c+1 is always a valid column number
		if err := f.SetColWidth(s.name, col, col, float64(w)); err != nil {
			return err
		}
		style := st.of(kinds[c])
		if w == maxColumn && kinds[c] == cText {
			style = st.wrap // the widest columns hold long text: wrap it rather than run on
		}
		if err := f.SetColStyle(s.name, col, style); err != nil {
			return err
		}
	}
	for i, h := range s.head {
		if err := f.SetCellStr(s.name, ref(i, 0), h); err != nil {
			return err
		}
	}
	if len(s.head) > 0 {
		if err := f.SetCellStyle(s.name, ref(0, 0), ref(len(s.head)-1, 0), st.head); err != nil {
			return err
		}
	}
	for r, row := range s.rows {
		for c, x := range row {
			if err := set(f, s.name, ref(c, r+1), x, loc); err != nil {
				return err
			}
		}
	}
	if err := f.SetPanes(s.name, &excelize.Panes{Freeze: true, XSplit: s.freeze, YSplit: 1, TopLeftCell: ref(s.freeze, 1), ActivePane: pane(s.freeze)}); err != nil {
		return err
	}
	if !s.plain && len(s.head) > 0 {
		return f.AutoFilter(s.name, ref(0, 0)+":"+ref(len(s.head)-1, max(len(s.rows), 1)), nil)
	}
	return nil
}

// of is the style of a kind of cell.
func (st *styles) of(k cellKind) int {
	switch k {
	case cFloat:
		return st.float
	case cPercent:
		return st.percent
	case cDuration:
		return st.duration
	case cDate:
		return st.date
	}
	return st.text
}

// cellWidth is how many characters a cell shows.
func cellWidth(x xcell) int {
	switch x.kind {
	case cInt:
		return len(strconv.FormatFloat(x.n, 'f', -1, 64))
	case cFloat:
		return len(strconv.FormatFloat(x.n, 'f', 2, 64))
	case cPercent:
		return 5
	case cDuration:
		return 8
	case cDate:
		return 16
	}
	w := 0
	for _, l := range splitLines(cutCell(x.s)) {
		w = max(w, runewidth.StringWidth(l))
	}
	return w
}

// pane is the pane that scrolls, for a frozen header row and columns.
func pane(cols int) string {
	if cols > 0 {
		return "bottomRight"
	}
	return "bottomLeft"
}

// set writes one typed cell; it takes its column's style.
func set(f *excelize.File, sheet, at string, x xcell, loc *time.Location) error {
	switch x.kind {
	case cInt:
		return f.SetCellInt(sheet, at, int64(x.n))
	case cFloat, cPercent:
		return f.SetCellFloat(sheet, at, x.n, -1, 64)
	case cDuration:
		return f.SetCellFloat(sheet, at, x.n/86400, -1, 64)
	case cDate:
		if x.t.IsZero() {
			return nil
		}
		return f.SetCellFloat(sheet, at, serial(x.t.In(loc)), -1, 64)
	}
	if x.s == "" {
		return nil
	}
	return f.SetCellStr(sheet, at, cutCell(x.s))
}

// serial is a spreadsheet's date number for the wall clock of t: days since 1899-12-30, with
// the time of day as the fraction. Spreadsheet dates have no zone; the header names it. The
// number is written with 15 significant digits, and spreadsheets cut (not round) a time to
// the minute shown, so it is rounded up at the tenth decimal (under 10 µs): 09:02 never
// shows as 09:01.
func serial(t time.Time) float64 {
	wall := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
	days := float64(wall.Unix())/86400 + 25569
	return math.Ceil(days*1e10) / 1e10
}

// ref names a cell by zero-based column and row, e.g. ref(0, 0) is A1.
func ref(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col+1, row+1) // both are always at least 1
	return name
}

func splitLines(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

func (r *Report) cohortSheet(x locale) *xsheet {
	s := &xsheet{name: x.T("sheet|Cohort"), head: []string{x.T("Field"), x.T("Value")}, plain: true}
	for _, f := range r.facts(x) {
		s.add(txt(f[0]), txt(f[1]))
	}
	return s
}

func (r *Report) stepsSheet(x locale) *xsheet {
	s := &xsheet{name: x.T("sheet|Steps"), head: []string{x.T("Step"), x.T("Step ID"), x.T("Title"), x.T("Phase"), x.T("Exercise"), x.T("Submitted"),
		x.T("Draft"), x.T("Not started"), x.T("Completion"), x.T("People with time"), x.T("Average time"), x.T("Median time"), x.T("Total time")}, freeze: 1}
	n := len(r.Participants)
	for _, st := range r.Steps {
		row := []xcell{integer(int64(st.Number)), txt(st.ID), txt(st.Title), txt(x.phaseName(st.Phase)), txt(""), txt(""), txt(""), txt(""), txt("")}
		if st.Exercise != nil {
			c := st.Completion
			row[4] = txt(x.exerciseLabel(st.Exercise))
			row[5], row[6], row[7] = integer(int64(c.Submitted)), integer(int64(c.Draft)), integer(int64(c.NotStarted))
			if n > 0 {
				row[8] = share(float64(c.Submitted) / float64(n))
			}
		}
		row = append(row, integer(int64(st.Time.Participants)), seconds(st.Time.AverageSeconds), seconds(st.Time.MedianSeconds), seconds(st.Time.TotalSeconds))
		s.add(row...)
	}
	return s
}

func (r *Report) progressSheet(x locale) *xsheet {
	zone := zoneName(x.loc)
	s := &xsheet{name: x.T("sheet|Progress"), head: []string{x.T("Participant ID"), x.T("Name"), x.T("Team"), x.T("Department"), x.T("Email"),
		x.T("Joined (%s)", zone), x.T("Last seen (%s)", zone)}, freeze: 2}
	for _, st := range r.Steps {
		title := i18n.Verbatim(fmt.Sprintf("%d. %s", st.Number, st.Title))
		if st.Exercise != nil {
			s.head = append(s.head, x.T("%s: status", title))
		}
		s.head = append(s.head, x.T("%s: time", title))
	}
	for i, p := range r.Participants {
		team := ""
		if p.Team != nil {
			team = *p.Team
		}
		row := []xcell{integer(p.ID), txt(p.Name), txt(team), txt(deref(p.Department)), txt(deref(p.Email)), date(p.JoinedAt), date(p.LastSeen)}
		for j, sp := range r.Progress[i].Steps {
			if r.Steps[j].Exercise != nil {
				row = append(row, txt(x.statusWord(sp.Status)))
			}
			row = append(row, seconds(sp.Seconds))
		}
		s.add(row...)
	}
	return s
}

func (r *Report) longSheet(x locale) *xsheet {
	head := x.longHead()
	head[len(head)-1] += " (" + zoneName(x.loc) + ")"
	s := &xsheet{name: x.T("sheet|Long progress"), head: head, freeze: 2}
	for _, lr := range r.longRows() {
		s.add(integer(lr.id), txt(lr.name), txt(lr.team), integer(int64(lr.step.Number)), txt(lr.step.ID), txt(lr.step.Title),
			txt(x.exerciseKind(lr.step)), txt(x.longStatus(lr.status)), integer(lr.seconds), optInt(lr.score, lr.scored), optInt(lr.max, lr.scored), optDate(lr.submittedAt))
	}
	return s
}

func (r *Report) workSheet(x locale) *xsheet {
	s := &xsheet{name: x.T("sheet|Work"), head: x.workHead()}
	// A sheet being filled in memory cannot fail to take a row.
	_ = r.eachWork(x, func(st *Step, owner, field, value, votes string) error {
		v := txt("")
		if n, err := strconv.Atoi(votes); err == nil {
			v = integer(int64(n))
		}
		s.add(integer(int64(st.Number)), txt(st.Title), txt(x.Msg(KindName(st.Exercise.Kind))), txt(owner), txt(field), txt(value), v)
		return nil
	})
	return s
}

func (r *Report) votesSheet(x locale) *xsheet {
	s := &xsheet{name: x.T("sheet|Votes"), head: []string{x.T("Step"), x.T("Step title"), x.T("Scope"), x.T("Rank"), x.T("Item"), x.T("Dots"), x.T("Voters")}}
	for _, res := range r.Results {
		if res.Vote == nil {
			continue
		}
		st := r.Steps[r.stepIdx[res.StepID]]
		for _, t := range res.Vote.Tallies {
			bars := make([]bar, len(t.Items))
			for i, it := range t.Items {
				bars[i] = bar{value: float64(it.Dots)}
			}
			for i, it := range t.Items {
				s.add(integer(int64(st.Number)), txt(st.Title), txt(x.scopeLabel(t.Scope)), integer(int64(rankAt(bars, i))), txt(it.Text), integer(int64(it.Dots)), integer(int64(t.Voters)))
			}
		}
	}
	return s
}

func (r *Report) matrixSheet(x locale) *xsheet {
	s := &xsheet{name: x.T("sheet|Matrix"), head: []string{x.T("Step"), x.T("Step title"), x.T("Scope"), x.T("Item"), x.T("Quadrant"), "X", "Y", x.T("Placements")}}
	for _, res := range r.Results {
		if res.Matrix == nil {
			continue
		}
		st := r.Steps[r.stepIdx[res.StepID]]
		for _, g := range res.Matrix.Groups {
			for _, it := range g.Items {
				q, px, py := txt(x.T("not placed")), txt(""), txt("")
				if it.Quadrant >= 0 && it.Quadrant < len(res.Matrix.Quadrants) {
					q = txt(res.Matrix.Quadrants[it.Quadrant])
				}
				if it.X != nil && it.Y != nil {
					px, py = decimal(*it.X), decimal(*it.Y)
				}
				s.add(integer(int64(st.Number)), txt(st.Title), txt(x.scopeLabel(g.Scope)), txt(it.Text), q, px, py, integer(int64(it.Placements)))
			}
		}
	}
	return s
}

func (r *Report) timelineSheet(x locale) *xsheet {
	s := &xsheet{name: x.T("sheet|Timeline"), head: []string{x.T("Time (%s)", zoneName(x.loc)), x.T("Who"), x.T("Action"), x.T("Detail")}}
	for _, ev := range r.Timeline {
		s.add(date(ev.At), txt(ev.Actor), txt(x.Msg(session.ActionMsg(ev.Action))), txt(ev.Detail))
	}
	return s
}

// scopeLabel names the scope of a result: "cohort" or the team's name.
func (x locale) scopeLabel(o Owner) string {
	if o.Type == OwnerTeam {
		return x.teamLabel(o.Name)
	}
	return x.T("owner|cohort")
}
