package export

import (
	"archive/zip"
	"bytes"
	"context"
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

	"workshop/session"
	"workshop/session/work"
)

// LibreOffice Calc opens both CSV sheets as a person would (comma separated, double quotes,
// UTF-8: the choices its import dialog offers for these files) and reads back every cell as
// written: accented names intact, line breaks inside cells kept, and formula-looking text
// staying text. The sheets are converted to .xlsx headlessly and the cells read from it.
//
// Install LibreOffice with: apt-get install -y libreoffice-calc-nogui
func TestLibreOfficeReadsCSV(t *testing.T) {
	t.Parallel()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed, so the spreadsheet check cannot run; install it with: apt-get install -y libreoffice-calc-nogui")
	}
	f := newFixture(t)
	p := f.join("=1+1", 7)
	f.art("ideas", p.ID, list(item("x-1", "@SUM(A1:A2)", p.ID), item("x-2", "-3+4", p.ID), item("x-3", "-12", p.ID)), session.StatusSubmitted, 81)
	f.art("story", p.ID, work.Reflection{Text: "First line\nSecond line, with a comma and \"quotes\""}, session.StatusSubmitted, 81)
	r := f.report()

	dir := t.TempDir()
	sheets := map[string]Options{
		"progress.csv":  {Format: CSV},
		"artifacts.csv": {Format: CSV, Artifacts: true},
		"semicolon.csv": {Format: CSV, Semicolon: true},
	}
	for name, o := range sheets {
		var b bytes.Buffer
		if err := r.Write(&b, o); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	read := func(name, separator string) [][]cell {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		out := filepath.Join(dir, "out-"+strings.TrimSuffix(name, ".csv"))
		cmd := exec.CommandContext(ctx, soffice, "--headless", "--norestore",
			"-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
			"--infilter=CSV:"+separator+",34,76,1", "--convert-to", "xlsx", "--outdir", out, filepath.Join(dir, name))
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice: %v\n%s", err, msg)
		}
		rows, err := readXLSX(filepath.Join(out, strings.TrimSuffix(name, ".csv")+".xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}

	progress := read("progress.csv", "44")
	if got := text(progress, 0, 0); got != "Name" {
		t.Errorf("first header cell %q: the byte order mark was not taken as such", got)
	}
	var names []string
	for i := 1; i < len(progress); i++ {
		names = append(names, text(progress, i, 0))
	}
	want := append(slices.Clone(authors), "'=1+1")
	if !slices.Equal(names, want) {
		t.Errorf("names read back %q, want %q", names, want)
	}
	if got := text(progress, 4, 1); got != "Green" {
		t.Errorf("Dário's team read back as %q", got)
	}
	if len(progress[0]) != len(progress[1]) || len(progress[0]) < 4+15+14 {
		t.Errorf("header has %d cells, rows %d", len(progress[0]), len(progress[1]))
	}
	if c := progress[1][4]; !c.number || c.value != "3" {
		t.Errorf("minutes are not read as a number: %+v", c)
	}

	if semi := read("semicolon.csv", "59"); text(semi, 4, 0) != "Dário Ñúñez" || len(semi[0]) != len(progress[0]) {
		t.Errorf("the semicolon sheet reads differently: %q, %d cells", text(semi, 4, 0), len(semi[0]))
	}

	arts := read("artifacts.csv", "44")
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
	for _, sheet := range [][][]cell{progress, arts} {
		for _, row := range sheet {
			for _, c := range row {
				if c.formula {
					t.Errorf("cell %q was read as a formula", c.value)
				}
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

// readXLSX reads the first sheet of an .xlsx file into rows of cells.
func readXLSX(path string) ([][]cell, error) {
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
	b, err := part("xl/worksheets/sheet1.xml")
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
