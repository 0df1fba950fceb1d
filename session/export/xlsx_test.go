package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The workbook has every table on its own sheet with typed cells, a frozen header row, a
// filter and columns sized to their content, and the same report gives the same bytes.
func TestXLSXSheetsAreTypedFrozenAndFiltered(t *testing.T) {
	t.Parallel()
	r := spreadsheetReport(t)
	var b, again bytes.Buffer
	if err := r.Write(&b, Options{Format: XLSX}); err != nil {
		t.Fatal(err)
	}
	if err := r.Write(&again, Options{Format: XLSX}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), again.Bytes()) {
		t.Error("two writes of the same report differ")
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []string{"Cohort", "Steps", "Progress", "Long progress", "Work", "Votes", "Matrix", "Timeline", "Notes"}
	if got := f.GetSheetList(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	for _, name := range want {
		panes, err := f.GetPanes(name)
		if err != nil {
			t.Fatal(err)
		}
		if !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: the header row is not frozen: %+v", name, panes)
		}
	}
	filtered := map[string]bool{}
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm._FilterDatabase" {
			filtered[d.Scope] = true
		}
	}
	for _, name := range want[1:] {
		if !filtered[name] {
			t.Errorf("%s has no filter", name)
		}
	}
	typeOf := func(sheet, cell string) excelize.CellType {
		t.Helper()
		ct, err := f.GetCellType(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		return ct
	}
	value := func(sheet, cell string) string {
		t.Helper()
		v, err := f.GetCellValue(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	// Long progress: A id, D step, I seconds, J score, L submitted at.
	rows, err := f.GetRows("Long progress")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+6*15 {
		t.Errorf("long progress has %d rows", len(rows))
	}
	for _, c := range []string{"A2", "D2", "I2"} {
		if ct := typeOf("Long progress", c); ct != excelize.CellTypeNumber && ct != excelize.CellTypeUnset {
			t.Errorf("long progress %s is of type %v, want a number", c, ct)
		}
	}
	// Ana (row 2..16) on the quiz, step 15: 2 of 2.
	if got := []string{value("Long progress", "H16"), value("Long progress", "J16"), value("Long progress", "K16")}; strings.Join(got, ",") != "submitted,2,2" {
		t.Errorf("Ana's quiz row reads %q", got)
	}
	if got := value("Long progress", "L3"); got != "2026-03-10 09:12" {
		t.Errorf("Ana's submission of step 2 shows as %q", got)
	}
	if got := []string{value("Progress", "D2"), value("Progress", "E2"), value("Progress", "D3"), value("Progress", "E3")}; strings.Join(got, ",") != "Health,ana@example.org,Transport," {
		t.Errorf("departments and emails on the progress sheet read %q", got)
	}
	if got := value("Progress", "H2"); got != "0:03:20" {
		t.Errorf("Ana's time on the first step shows as %q", got)
	}
	// Formula-looking text is stored as text, without the CSV's apostrophe.
	if got := value("Progress", "B7"); got != "=1+1" {
		t.Errorf("a formula-looking name reads %q", got)
	}
	if formula, err := f.GetCellFormula("Progress", "B7"); err != nil || formula != "" {
		t.Errorf("a name became the formula %q (%v)", formula, err)
	}
	// Columns are as wide as their content, within bounds; long text wraps.
	for _, sheet := range want {
		cols, err := f.GetCols(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for i := range cols {
			name, _ := excelize.ColumnNumberToName(i + 1)
			w, err := f.GetColWidth(sheet, name)
			if err != nil {
				t.Fatal(err)
			}
			if w < minColumn || w > maxColumn {
				t.Errorf("%s column %s is %v wide", sheet, name, w)
			}
		}
	}
	if a, _ := f.GetColWidth("Work", "A"); a != minColumn {
		t.Errorf("the work sheet's step numbers are %v wide", a)
	}
	if v, _ := f.GetColWidth("Work", "F"); v < 30 {
		t.Errorf("the work sheet's values are %v wide", v)
	}
}

// Hostile text goes into the workbook as plain text: a formula stays text, control sequences
// are gone, and a cell longer than a spreadsheet holds is cut with a note.
func TestXLSXHoldsHostileTextAsText(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	if err := hostileReport(t).Write(&b, Options{Format: XLSX}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	found := map[string]bool{}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for i, row := range rows {
			for j, c := range row {
				at, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if formula, _ := f.GetCellFormula(sheet, at); formula != "" {
					t.Errorf("%s!%s is the formula %q", sheet, at, formula)
				}
				if strings.ContainsAny(c, "\x1b\a") {
					t.Errorf("%s!%s holds a control character: %q", sheet, at, shorten(c, 40))
				}
				if n := len([]rune(c)); n > 32767 {
					t.Errorf("%s!%s holds %d characters", sheet, at, n)
				}
				found[c] = true
				if strings.Contains(c, "[cut: 68000 more characters") {
					found["cut"] = true
				}
			}
		}
	}
	for _, want := range []string{hostile.name, hostile.formula, "-2+3", "cut"} {
		if !found[want] {
			t.Errorf("the workbook lacks %q as plain text", want)
		}
	}
}
