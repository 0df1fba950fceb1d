package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The department and email a roster import gave are in every format: the JSON's participants,
// the CSV's and the workbook's progress, and the Markdown and HTML participants table.
func TestDepartmentsAndEmailsInEveryExport(t *testing.T) {
	r := newFixture(t).report()
	if p := r.Participants[0]; p.Department == nil || *p.Department != "Health" || p.Email == nil || *p.Email != "ana@example.org" {
		t.Fatalf("participant %+v", p)
	}
	if p := r.Participants[1]; p.Department == nil || *p.Department != "Transport" || p.Email != nil {
		t.Fatalf("participant without an email %+v", p)
	}
	for _, f := range []Format{JSON, CSV, Markdown, HTML} {
		var b bytes.Buffer
		if err := r.Write(&b, Options{Format: f}); err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Health", "Transport", "ana@example.org"} {
			if !strings.Contains(strings.ReplaceAll(b.String(), `\@`, "@"), want) { // Markdown escapes the @
				t.Errorf("%v export lacks %q", f, want)
			}
		}
	}
	var b bytes.Buffer
	if err := r.Write(&b, Options{Format: XLSX}); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	head, err := x.GetRows("Progress")
	if err != nil || len(head) < 2 || head[0][3] != "Department" || head[0][4] != "Email" || head[1][3] != "Health" || head[1][4] != "ana@example.org" {
		t.Errorf("progress sheet %v (%v)", head[:min(len(head), 2)], err)
	}
}

// The facilitators' notes are in the CSV (their own sheet, --table notes) and in the
// workbook's Notes sheet, as in the JSON, Markdown and HTML.
func TestFacilitatorNotesInCSVAndWorkbook(t *testing.T) {
	r := newFixture(t).report()
	var b bytes.Buffer
	if err := r.Write(&b, Options{Format: CSV, Table: TableNotes}); err != nil {
		t.Fatal(err)
	}
	if want := "2,story,A visit you remember,2026-03-10 09:30,ana,Pair Chiara with Bruno next time"; !strings.Contains(b.String(), want) {
		t.Errorf("notes sheet lacks %q:\n%s", want, b.String())
	}
	b.Reset()
	if err := r.Write(&b, Options{Format: XLSX}); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := x.GetRows("Notes")
	if err != nil || len(rows) != 2 || rows[1][5] != "Pair Chiara with Bruno next time" || rows[1][0] != "2" {
		t.Errorf("workbook notes sheet %q (%v)", rows, err)
	}
	for _, f := range []Format{JSON, Markdown, HTML} {
		b.Reset()
		if err := r.Write(&b, Options{Format: f}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), "Pair Chiara with Bruno next time") {
			t.Errorf("%v export lacks the note", f)
		}
	}
}
