package export

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"workshop/session"
	"workshop/session/work"
)

// sofficeOrSkip finds LibreOffice, or skips the test saying how to install it.
func sofficeOrSkip(t *testing.T) string {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed, so the spreadsheet check cannot run; install it with: apt-get install -y libreoffice-calc-nogui")
	}
	return soffice
}

// convert has LibreOffice open file as a person's copy would and save it as target (e.g.
// "xlsx") into a new directory, whose path it returns. infilter is the import setting; ""
// leaves LibreOffice's defaults.
func convert(t *testing.T, soffice, file, target, infilter string) string {
	t.Helper()
	dir := filepath.Dir(file)
	out, err := os.MkdirTemp(dir, "out-")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	args := []string{"--headless", "--norestore", "-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile"))}
	if infilter != "" {
		args = append(args, "--infilter="+infilter)
	}
	args = append(args, "--convert-to", target, "--outdir", out, file)
	if msg, err := exec.CommandContext(ctx, soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	return out
}

// writeSheets writes the report in each of the given options into dir, by file name.
func writeSheets(t *testing.T, r *Report, dir string, sheets map[string]Options) {
	t.Helper()
	for name, o := range sheets {
		var b bytes.Buffer
		if err := r.Write(&b, o); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// spreadsheetReport is the fixture with a participant whose name and work look like formulas
// and whose answer has a line break, a comma and quotes.
func spreadsheetReport(t *testing.T) *Report {
	f := newFixture(t)
	p := f.join("=1+1", 7)
	f.art("ideas", p.ID, list(item("x-1", "@SUM(A1:A2)", p.ID), item("x-2", "-3+4", p.ID), item("x-3", "-12", p.ID)), session.StatusSubmitted, 81)
	f.art("story", p.ID, work.Reflection{Text: "First line\nSecond line, with a comma and \"quotes\""}, session.StatusSubmitted, 81)
	return f.report()
}

// cp1252 is how LibreOffice's defaults read UTF-8 text: as Windows-1252.
func cp1252(t *testing.T, s string) string {
	t.Helper()
	out, err := charmap.Windows1252.NewDecoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// LibreOffice Calc opens the CSV sheets with the settings a person gets without choosing any
// (a file opened headless, or the import dialog left as it is on a machine whose character
// set is not UTF-8): it does not take the byte order mark as UTF-8, so accents come out as
// Windows-1252 mojibake ("Dário" as "DÃ¡rio") and the first header starts with "ï»¿". That
// is why docs/exports.md says to pick UTF-8 in the import dialog, or to use the xlsx export.
// Even so, nothing turns into a formula. With UTF-8 picked, as the docs say, every cell reads
// back as written. The sheets are converted to .xlsx headlessly and the cells read from it.
//
// Install LibreOffice with: apt-get install -y libreoffice-calc-nogui
func TestLibreOfficeOpensCSV(t *testing.T) {
	t.Parallel()
	soffice := sofficeOrSkip(t)
	r := spreadsheetReport(t)
	dir := t.TempDir()
	writeSheets(t, r, dir, map[string]Options{
		"progress.csv":  {Format: CSV},
		"artifacts.csv": {Format: CSV, Table: TableWork},
		"long.csv":      {Format: CSV, Table: TableLong},
		"semicolon.csv": {Format: CSV, Semicolon: true},
	})
	read := func(name, infilter string) [][]cell {
		t.Helper()
		out := convert(t, soffice, filepath.Join(dir, name), "xlsx", infilter)
		rows, err := readXLSX(filepath.Join(out, strings.TrimSuffix(name, ".csv")+".xlsx"), 1)
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	noFormulas := func(what string, rows [][]cell) {
		t.Helper()
		for _, row := range rows {
			for _, c := range row {
				if c.formula {
					t.Errorf("%s: cell %q was read as a formula", what, c.value)
				}
			}
		}
	}
	names := func(rows [][]cell) []string {
		var out []string
		for i := 1; i < len(rows); i++ {
			out = append(out, text(rows, i, 1))
		}
		return out
	}

	t.Run("defaults", func(t *testing.T) {
		progress := read("progress.csv", "")
		if got, want := text(progress, 0, 0), cp1252(t, bom)+"Participant ID"; got != want {
			t.Errorf("first header cell %q, want %q: LibreOffice's defaults changed, so check docs/exports.md", got, want)
		}
		var want []string
		for _, a := range append(slices.Clone(authors), "'=1+1") {
			want = append(want, cp1252(t, a))
		}
		if got := names(progress); !slices.Equal(got, want) {
			t.Errorf("names read back %q, want the mojibake %q: LibreOffice's defaults changed, so check docs/exports.md", got, want)
		}
		if c := progress[1][0]; !c.number || c.value != "1" {
			t.Errorf("the participant id is not read as a number: %+v", c)
		}
		noFormulas("progress", progress)
		noFormulas("work", read("artifacts.csv", ""))
	})

	t.Run("utf-8", func(t *testing.T) {
		utf8 := func(sep string) string { return "CSV:" + sep + ",34,76,1" } // separator, quote, UTF-8, from line 1
		progress := read("progress.csv", utf8("44"))
		if got := text(progress, 0, 0); got != "Participant ID" {
			t.Errorf("first header cell %q: the byte order mark was not taken as such", got)
		}
		if got, want := names(progress), append(slices.Clone(authors), "'=1+1"); !slices.Equal(got, want) {
			t.Errorf("names read back %q, want %q", got, want)
		}
		if got := text(progress, 4, 2); got != "Green" {
			t.Errorf("Dário's team read back as %q", got)
		}
		if len(progress[0]) != len(progress[1]) || len(progress[0]) < 7+15+14 {
			t.Errorf("header has %d cells, rows %d", len(progress[0]), len(progress[1]))
		}
		if c := progress[1][7]; !c.number || c.value != "3" {
			t.Errorf("minutes are not read as a number: %+v", c)
		}
		if semi := read("semicolon.csv", utf8("59")); text(semi, 4, 1) != "Dário Ñúñez" || len(semi[0]) != len(progress[0]) {
			t.Errorf("the semicolon sheet reads differently: %q, %d cells", text(semi, 4, 1), len(semi[0]))
		}

		long := read("long.csv", utf8("44"))
		if got := len(long); got != 1+6*15 {
			t.Errorf("long sheet has %d rows, want a header and one per participant and step", got)
		}
		for i, want := range (Options{}).locale(r).longHead() {
			if got := text(long, 0, i); got != want {
				t.Errorf("long header %d is %q, want %q", i, got, want)
			}
		}
		for _, col := range []int{0, 3, 8} { // participant id, step number, seconds
			if c := long[2][col]; !c.number {
				t.Errorf("long column %s is not read as a number: %+v", (Options{}).locale(r).longHead()[col], c)
			}
		}

		arts := read("artifacts.csv", utf8("44"))
		values := map[string]cell{}
		for _, row := range arts {
			if len(row) > 5 {
				values[row[5].value] = row[5]
			}
		}
		for _, want := range []string{"'@SUM(A1:A2)", "'-3+4", "First line\nSecond line, with a comma and \"quotes\"", "Dário Ñúñez"} {
			c, ok := values[want]
			if want == "Dário Ñúñez" {
				c, ok = findText(arts, want)
			}
			if !ok || c.number || c.formula {
				t.Errorf("%q not read back as text: %+v (found %v)", want, c, ok)
			}
		}
		if c := values["-12"]; !c.number {
			t.Errorf("a plain negative number is not read as a number: %+v", c)
		}
		noFormulas("progress", progress)
		noFormulas("work", arts)
	})
}

// LibreOffice Calc opens the xlsx workbook as it is, with no setting to choose: every sheet is
// there, accents are intact, formula-looking text stays text (without the CSV's apostrophe),
// ids and counts are numbers, times show as dates in the export's zone and time spent as a
// duration. The workbook is saved again as CSV (every sheet, cells as shown) to read what a
// person sees, and as xlsx to read the cells' types.
func TestLibreOfficeOpensXLSX(t *testing.T) {
	t.Parallel()
	soffice := sofficeOrSkip(t)
	r := spreadsheetReport(t)
	dir := t.TempDir()
	rome, err := time.LoadLocation("Europe/Rome")
	if err != nil {
		t.Fatal(err)
	}
	writeSheets(t, r, dir, map[string]Options{"cohort.xlsx": {Format: XLSX, Location: rome}})
	file := filepath.Join(dir, "cohort.xlsx")

	// Comma, quote, UTF-8, from line 1, …, cells as shown, every sheet to its own file.
	out := convert(t, soffice, file, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "")
	sheet := func(name string) [][]string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(out, "cohort-"+name+".csv"))
		if err != nil {
			t.Fatalf("sheet %s: %v", name, err)
		}
		rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			t.Fatalf("sheet %s: %v", name, err)
		}
		return rows
	}
	for _, name := range []string{"Cohort", "Steps", "Progress", "Long progress", "Work", "Votes", "Matrix", "Timeline"} {
		if rows := sheet(name); len(rows) < 2 {
			t.Errorf("sheet %s has %d rows", name, len(rows))
		}
	}
	progress := sheet("Progress")
	wantHead := []string{"Participant ID", "Name", "Team", "Department", "Email", "Joined (Europe/Rome)", "Last seen (Europe/Rome)", "1. Welcome: time"}
	if got := progress[0][:8]; !slices.Equal(got, wantHead) {
		t.Errorf("progress header %q, want %q", got, wantHead)
	}
	var names []string
	for _, row := range progress[1:] {
		names = append(names, row[1])
	}
	if want := append(slices.Clone(authors), "=1+1"); !slices.Equal(names, want) {
		t.Errorf("names read back %q, want %q", names, want)
	}
	// Bruno joined at 09:02 UTC, 10:02 in Rome; he spent 2 min 20 s on the first step.
	if got := progress[2][5:8]; !slices.Equal(got, []string{"2026-03-10 10:02", "2026-03-10 11:21", "0:02:20"}) {
		t.Errorf("Bruno's joined, last seen and first step's time show as %q", got)
	}
	if got := sheet("Steps")[2]; got[8] != "67%" || got[10] != "0:03:08" {
		t.Errorf("the second step's completion (4 of 6) and average time show as %q, %q", got[8], got[10])
	}
	work := sheet("Work")
	found := map[string]bool{}
	for _, row := range work {
		found[row[5]] = true
	}
	for _, want := range []string{"@SUM(A1:A2)", "-3+4", "First line\nSecond line, with a comma and \"quotes\""} {
		if !found[want] {
			t.Errorf("%q is not in the work sheet as typed", want)
		}
	}

	typed := convert(t, soffice, file, "xlsx", "")
	long, err := readXLSX(filepath.Join(typed, "cohort.xlsx"), 4)
	if err != nil {
		t.Fatal(err)
	}
	if got := text(long, 0, 8); got != "Seconds" {
		t.Fatalf("the fourth sheet is not the long progress: %q", got)
	}
	for _, col := range []int{0, 3, 8, 11} { // participant id, step, seconds, submitted at (a date is a number)
		if c := long[2][col]; !c.number {
			t.Errorf("long progress %s is not a number: %+v", text(long, 0, col), c)
		}
	}
	for i, row := range long {
		for _, c := range row {
			if c.formula {
				t.Errorf("row %d: cell %q is a formula", i, c.value)
			}
		}
	}
}

// cell is one spreadsheet cell as read from an .xlsx file.
type cell struct {
	value           string
	number, formula bool
}

func text(rows [][]cell, r, c int) string {
	if r >= len(rows) || c >= len(rows[r]) {
		return fmt.Sprintf("(no cell %d,%d)", r, c)
	}
	return rows[r][c].value
}

func findText(rows [][]cell, s string) (cell, bool) {
	for _, row := range rows {
		for _, c := range row {
			if c.value == s {
				return c, true
			}
		}
	}
	return cell{}, false
}

// readXLSX reads the n-th sheet (from 1) of an .xlsx file into rows of cells.
func readXLSX(path string, n int) ([][]cell, error) {
	z, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer z.Close()
	part := func(name string) ([]byte, error) {
		f, err := z.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return io.ReadAll(f)
	}
	var sst struct {
		SI []struct {
			T string `xml:"t"`
			R []struct {
				T string `xml:"t"`
			} `xml:"r"`
		} `xml:"si"`
	}
	if b, err := part("xl/sharedStrings.xml"); err == nil {
		if err := xml.Unmarshal(b, &sst); err != nil {
			return nil, err
		}
	}
	var strs []string
	for _, si := range sst.SI {
		s := si.T
		for _, r := range si.R {
			s += r.T
		}
		strs = append(strs, s)
	}
	b, err := part("xl/worksheets/sheet" + strconv.Itoa(n) + ".xml")
	if err != nil {
		return nil, err
	}
	var ws struct {
		Rows []struct {
			Cells []struct {
				R  string  `xml:"r,attr"`
				T  string  `xml:"t,attr"`
				F  *string `xml:"f"`
				V  string  `xml:"v"`
				IS string  `xml:"is>t"`
			} `xml:"c"`
		} `xml:"sheetData>row"`
	}
	if err := xml.Unmarshal(b, &ws); err != nil {
		return nil, err
	}
	var rows [][]cell
	for _, r := range ws.Rows {
		var row []cell
		for _, c := range r.Cells {
			col := 0
			for _, ch := range c.R {
				if ch < 'A' || ch > 'Z' {
					break
				}
				col = col*26 + int(ch-'A'+1)
			}
			for len(row) < col-1 {
				row = append(row, cell{}) // empty cells are left out of the file
			}
			out := cell{value: c.V, formula: c.F != nil}
			switch c.T {
			case "s":
				i, err := strconv.Atoi(c.V)
				if err != nil || i >= len(strs) {
					return nil, fmt.Errorf("cell %s: bad shared string %q", c.R, c.V)
				}
				out.value = strs[i]
			case "inlineStr":
				out.value = c.IS
			case "str":
			default:
				out.number = c.F == nil
			}
			row = append(row, out)
		}
		rows = append(rows, row)
	}
	return rows, nil
}
