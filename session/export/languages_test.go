package export

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"workshop/i18n"
	"workshop/session"
)

// languageReport is the fixed cohort with a meeting's attendance and a facilitator's note, so
// that every section of every format has something to head.
func languageReport(t *testing.T) *Report {
	t.Helper()
	r := newFixture(t).report()
	r.Attendance = AttendanceOf([]session.MeetingAttendance{{
		Number: 1, Title: "Map potential services", StartedAt: at(0), EndedAt: at(60), Present: 1, Late: 1, Absent: 1,
		People: []session.PersonAttendance{
			{ParticipantID: 1, Label: "Ana", Status: session.Present, Arrived: at(0), Online: time.Hour},
			{ParticipantID: 2, Label: "Bruno", Status: session.Late, Late: true, Arrived: at(15), Online: 45 * time.Minute},
			{ParticipantID: 3, Label: "Cai", Status: session.Absent},
		},
	}})
	r.Notes = []FacilitatorNote{{ID: 1, Step: r.Steps[1].ID, At: at(20), Author: "ana", Text: "Quiet group today"}}
	return r
}

// everyFormat is each format, and each CSV sheet, an export can be written in.
var everyFormat = []Options{
	{Format: CSV}, {Format: CSV, Table: TableLong}, {Format: CSV, Table: TableWork}, {Format: CSV, Table: TableAttendance}, {Format: CSV, Table: TableNotes},
	{Format: XLSX}, {Format: JSON}, {Format: Markdown}, {Format: HTML},
}

// xlsxText is every sheet name and every text cell of a workbook, one per line.
func xlsxText(t *testing.T, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	var b strings.Builder
	for _, name := range f.GetSheetList() {
		b.WriteString(name + "\n")
		rows, err := f.GetRows(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			b.WriteString(strings.Join(row, "\t") + "\n")
		}
	}
	return b.String()
}

// Every format in every language: no heading, label, sheet name, caption or status word is
// left without its translation.
func TestEveryLanguageExports(t *testing.T) {
	t.Parallel()
	r := languageReport(t)
	for _, lang := range i18n.Languages {
		for _, o := range everyFormat {
			o.Printer = i18n.Strict(lang)
			var b bytes.Buffer
			if err := r.Write(&b, o); err != nil {
				t.Fatalf("%s %s %s: %v", lang, o.Format, o.Table, err)
			}
			out := b.String()
			if o.Format == XLSX {
				out = xlsxText(t, b.Bytes())
			}
			if i := strings.Index(out, "⟦"); i >= 0 {
				end := min(len(out), i+120)
				t.Errorf("%s %s %s has an untranslated message: %s", lang, o.Format, o.Table, out[i:end])
			}
		}
	}
}

// A report of a Portuguese cohort is in Portuguese, and --lang chooses another language.
func TestExportInCohortLanguage(t *testing.T) {
	t.Parallel()
	r := languageReport(t)
	r.Module.Language = "pt-BR"
	write := func(o Options) string {
		t.Helper()
		var b bytes.Buffer
		if err := r.Write(&b, o); err != nil {
			t.Fatal(err)
		}
		if o.Format == XLSX {
			return xlsxText(t, b.Bytes())
		}
		return b.String()
	}
	html := write(Options{Format: HTML})
	for _, want := range []string{`<html lang="pt-BR">`, "relatório da turma", "<h2>Sumário</h2>", ">Resumo</h2>", ">Participantes</h2>",
		"Linha do tempo da facilitação", "Presença por encontro", "Conclusão por etapa", "10 de mar. de 2026, 09:00"} {
		if !strings.Contains(html, want) {
			t.Errorf("the pt-BR HTML report lacks %q", want)
		}
	}
	if strings.Contains(html, ">Summary</h2>") {
		t.Error("the pt-BR HTML report has an English heading")
	}
	en := write(Options{Format: HTML, Lang: i18n.English})
	for _, want := range []string{`<html lang="en">`, "cohort report", ">Summary</h2>", "Facilitation timeline"} {
		if !strings.Contains(en, want) {
			t.Errorf("the report with Lang en lacks %q", want)
		}
	}
	if it := write(Options{Format: Markdown, Lang: i18n.Italian}); !strings.Contains(it, "## Riepilogo") || !strings.Contains(it, "## Presenze") {
		t.Error("the report with Lang it is not in Italian")
	}
	if csv := write(Options{Format: CSV}); !strings.HasPrefix(csv, bom+"ID do participante,Nome,Equipe,Departamento,E-mail,Entrou (UTC)") {
		t.Errorf("the pt-BR progress sheet starts %q", csv[:min(len(csv), 80)])
	}
	xl := write(Options{Format: XLSX})
	for _, want := range []string{"Turma\n", "Etapas\n", "Progresso detalhado\n", "Linha do tempo\n", "Presença\n", "presente", "enviado"} {
		if !strings.Contains(xl, want) {
			t.Errorf("the pt-BR workbook lacks %q", want)
		}
	}
	// JSON keys and codes are the same in every language.
	var pt, enJSON bytes.Buffer
	if err := r.Write(&pt, Options{Format: JSON}); err != nil {
		t.Fatal(err)
	}
	if err := r.Write(&enJSON, Options{Format: JSON, Lang: i18n.English}); err != nil {
		t.Fatal(err)
	}
	if pt.String() != enJSON.String() {
		t.Error("the JSON export depends on the language")
	}
}

// A decimal in a report has the language's decimal mark; in a workbook it stays a number.
func TestExportDecimals(t *testing.T) {
	x := locale{i18n.New(i18n.Portuguese), time.UTC}
	if got := x.float(3.75); got != "3,75" {
		t.Errorf("3.75 in pt-BR is %q", got)
	}
	if got := x.minutesText(170); got != "2,8" {
		t.Errorf("170 s in pt-BR is %q minutes", got)
	}
	en := locale{i18n.New(i18n.English), time.UTC}
	if got := en.float(3.75); got != "3.75" {
		t.Errorf("3.75 in English is %q", got)
	}
}

func TestParseLang(t *testing.T) {
	for in, want := range map[string]i18n.Lang{"": "", "en": i18n.English, "PT-br": i18n.Portuguese, "pt": i18n.Portuguese, "es-MX": i18n.Spanish, "it": i18n.Italian} {
		if got, err := ParseLang(in); err != nil || got != want {
			t.Errorf("ParseLang(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseLang("fr"); session.ErrorCode(err) != session.EInvalid {
		t.Errorf("ParseLang(fr) = %v", err)
	}
}
