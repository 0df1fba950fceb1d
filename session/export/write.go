package export

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"workshop/i18n"
	"workshop/session"
)

// Format is an export format.
type Format string

// The export formats.
const (
	CSV      Format = "csv"
	XLSX     Format = "xlsx"
	JSON     Format = "json"
	Markdown Format = "md"
	HTML     Format = "html"
)

// Formats lists every format, in the order help texts name them.
var Formats = []Format{CSV, XLSX, JSON, Markdown, HTML}

// ParseFormat reads a format name as a person typed it.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(strings.TrimSpace(s))); f {
	case CSV, XLSX, JSON, Markdown, HTML:
		return f, nil
	case "markdown":
		return Markdown, nil
	case "excel":
		return XLSX, nil
	case "":
		return "", session.Errorf(session.EInvalid, "--format is required: csv, xlsx, json, md or html")
	}
	return "", session.Errorf(session.EInvalid, "unknown format %q: use csv, xlsx, json, md or html", s)
}

// Table is one of the CSV sheets; an xlsx file holds them all, each on its own sheet.
type Table string

// The CSV sheets.
const (
	// TableProgress is one row per participant, with each step's status and minutes.
	TableProgress Table = "progress"
	// TableLong is one row per participant and step, for learning platforms and pivots.
	TableLong Table = "long"
	// TableWork is one row per piece of work.
	TableWork Table = "work"
	// TableAttendance is one row per participant per meeting held.
	TableAttendance Table = "attendance"
	// TableNotes is one row per facilitator note on a step.
	TableNotes Table = "notes"
)

// Tables lists every CSV sheet, in the order help texts name them.
var Tables = []Table{TableProgress, TableLong, TableWork, TableAttendance, TableNotes}

// ParseTable reads a sheet name as a person typed it; "" is the progress sheet.
func ParseTable(s string) (Table, error) {
	switch t := Table(strings.ToLower(strings.TrimSpace(s))); t {
	case "":
		return TableProgress, nil
	case TableProgress, TableLong, TableWork, TableAttendance, TableNotes:
		return t, nil
	case "artifacts":
		return TableWork, nil
	}
	return "", session.Errorf(session.EInvalid, "unknown table %q: use progress, long, work, attendance or notes", s)
}

// Stamp says when an export is made and by what program.
type Stamp struct {
	// At is the time the export counts up to and names; zero is the time Build runs.
	At time.Time
	// Version is the program's version, named in every format but CSV.
	Version string
	// Reproducible makes an export as of the newest time stored for the cohort, without the
	// program's version, so that the same data always gives the same bytes (for tests and
	// files kept under version control). It overrides At.
	Reproducible bool
}

// Options say how to write a report.
type Options struct {
	Format Format
	// Table is the CSV sheet to write; "" is the progress sheet. The other formats always
	// hold everything.
	Table Table
	// Artifacts selects the CSV sheet of every piece of work, as Table: TableWork does.
	Artifacts bool
	// Location is the time zone of the times in CSV, XLSX, Markdown and HTML; nil means UTC.
	// JSON times are always UTC.
	Location *time.Location
	// Semicolon separates CSV cells with ';', which spreadsheets set to a decimal comma expect.
	Semicolon bool
	// Lang is the language of every heading, label and status word in CSV, XLSX, Markdown
	// and HTML; "" is the cohort's, the language its module is written in. JSON keys and codes
	// are the same in every language.
	Lang i18n.Lang
	// Printer, when set, writes the export instead of Lang's printer (a test's strict one).
	Printer *i18n.Printer
	// Stamp says when and by what the export is made.
	Stamp
}

// Check says whether the options make sense together.
func (o Options) Check() error {
	if _, err := ParseFormat(string(o.Format)); err != nil {
		return err
	}
	if _, err := ParseTable(string(o.Table)); err != nil {
		return err
	}
	if o.Artifacts && o.Format != CSV {
		return session.Errorf(session.EInvalid, "--artifacts selects the CSV sheet of all work; the other formats always include it")
	}
	if o.Artifacts && o.table() != TableWork {
		return session.Errorf(session.EInvalid, "--artifacts is the same as --table work: give one of them")
	}
	if o.Table != "" && o.Table != TableProgress && o.Format != CSV {
		return session.Errorf(session.EInvalid, "--table chooses a CSV sheet; --format %s always holds every table", o.Format)
	}
	if o.Semicolon && o.Format != CSV {
		return session.Errorf(session.EInvalid, "--semicolon applies to --format csv only")
	}
	return nil
}

// stampNow is the stamp with its time fixed, so that the reports of several cohorts count up
// to the same moment.
func (o Options) stampNow() Stamp {
	st := o.Stamp
	if st.At.IsZero() {
		st.At = time.Now()
	}
	return st
}

// table is the CSV sheet the options choose.
func (o Options) table() Table {
	if o.Artifacts && (o.Table == "" || o.Table == TableProgress) {
		return TableWork
	}
	t, err := ParseTable(string(o.Table))
	if err != nil {
		return TableProgress
	}
	return t
}

func (o Options) loc() *time.Location {
	if o.Location == nil {
		return time.UTC
	}
	return o.Location
}

// locale is the language and time zone the report r is written in: the one asked for, else
// the cohort's module's language, else English.
func (o Options) locale(r *Report) locale {
	if o.Printer != nil {
		return locale{o.Printer, o.loc()}
	}
	lang := o.Lang
	if !lang.Valid() {
		lang, _ = i18n.Match(r.Module.Language)
	}
	return locale{i18n.New(lang), o.loc()}
}

// ParseLang reads a language as a person typed it for --lang; "" is the cohort's own.
func ParseLang(s string) (i18n.Lang, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	for _, l := range i18n.Languages {
		if strings.EqualFold(s, string(l)) {
			return l, nil
		}
	}
	if l, ok := i18n.Match(s); ok {
		return l, nil
	}
	return "", session.Errorf(session.EInvalid, "unknown language %q: use en, pt-BR, es or it", s)
}

// FileName is the file an export of a cohort is written to in a directory: the join code and
// the format, e.g. K7MQ2P.html, K7MQ2P-long.csv for the long progress sheet, or
// K7MQ2P-artifacts.csv for the CSV sheet of all work.
func FileName(code string, o Options) string {
	name := session.NormalizeCode(code)
	if o.Format == CSV {
		switch o.table() {
		case TableWork:
			name += "-artifacts"
		case TableLong:
			name += "-long"
		case TableAttendance:
			name += "-attendance"
		case TableNotes:
			name += "-notes"
		}
	}
	return name + "." + string(o.Format)
}

// Write writes the report in the chosen format. The same report and options always give the
// same bytes.
func (r *Report) Write(w io.Writer, o Options) error {
	if err := o.Check(); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	var err error
	switch o.Format {
	case CSV:
		switch o.table() {
		case TableAttendance:
			err = writeAttendanceCSV(bw, r.Attendance, o.locale(r))
		case TableNotes:
			err = r.writeNotesCSV(bw, o)
		case TableWork:
			err = r.writeArtifactsCSV(bw, o)
		case TableLong:
			err = r.writeLongCSV(bw, o)
		default:
			err = r.writeProgressCSV(bw, o)
		}
	case XLSX:
		err = r.writeXLSX(bw, o)
	case JSON:
		err = writeJSON(bw, r)
	case Markdown:
		err = r.writeMarkdown(bw, o)
	case HTML:
		err = r.writeHTML(bw, o)
	}
	if err != nil {
		return fmt.Errorf("write %s export of %s: %w", o.Format, r.Cohort.Code, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s export of %s: %w", o.Format, r.Cohort.Code, err)
	}
	return nil
}

// Export writes the export of the cohort with the given join code to w, for a facilitator
// (see session.Manager.Authorize). The command line and the SSH command both call it, so both
// give the same bytes.
func Export(ctx context.Context, w io.Writer, m *session.Manager, by session.Actor, code string, o Options) error {
	if err := o.Check(); err != nil {
		return err
	}
	if _, err := m.Authorize(ctx, by); err != nil {
		return err
	}
	r, err := BuildByCode(ctx, m, code, o.Stamp)
	if err != nil {
		return err
	}
	return r.Write(w, o)
}

// All is the JSON export of every cohort.
type All struct {
	SchemaVersion int       `json:"schema_version"`
	Generator     Generator `json:"generator"`
	ExportedAt    time.Time `json:"exported_at"`
	Reproducible  bool      `json:"reproducible"`
	Cohorts       []*Report `json:"cohorts"`
}

// ExportAll writes every cohort, oldest first, as one JSON document to w, for a facilitator.
func ExportAll(ctx context.Context, w io.Writer, m *session.Manager, by session.Actor, o Options) error {
	if o.Format != JSON {
		return session.Errorf(session.EInvalid, "every cohort in one document works with --format json; for %s, write one file per cohort into a directory", o.Format)
	}
	if _, err := m.Authorize(ctx, by); err != nil {
		return err
	}
	st := o.stampNow()
	reports, err := buildAll(ctx, m, st)
	if err != nil {
		return err
	}
	all := All{SchemaVersion: SchemaVersion, Generator: st.generator(), ExportedAt: st.At.UTC(), Reproducible: st.Reproducible, Cohorts: reports}
	if st.Reproducible {
		// As of the newest of the cohorts, or of the Unix epoch when there is none.
		all.ExportedAt = time.Unix(0, 0).UTC()
		for _, r := range reports {
			if r.ExportedAt.After(all.ExportedAt) {
				all.ExportedAt = r.ExportedAt
			}
		}
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := writeJSON(bw, all); err != nil {
		return fmt.Errorf("write JSON export of every cohort: %w", err)
	}
	return bw.Flush()
}

// ExportAllToDir writes one file per cohort into dir (created if missing), named by FileName,
// and returns the paths written, for a facilitator.
func ExportAllToDir(ctx context.Context, m *session.Manager, by session.Actor, dir string, o Options) ([]string, error) {
	if err := o.Check(); err != nil {
		return nil, err
	}
	if _, err := m.Authorize(ctx, by); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create export directory: %w", err)
	}
	reports, err := buildAll(ctx, m, o.stampNow())
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, r := range reports {
		path := filepath.Join(dir, FileName(r.Cohort.Code, o))
		if err := WriteFile(path, func(w io.Writer) error { return r.Write(w, o) }); err != nil {
			return paths, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}

func buildAll(ctx context.Context, m *session.Manager, st Stamp) ([]*Report, error) {
	cs, err := m.Cohorts(ctx)
	if err != nil {
		return nil, err
	}
	reports := make([]*Report, 0, len(cs))
	// Cohorts come newest first; a document reads better oldest first, in creation order.
	for i := len(cs) - 1; i >= 0; i-- {
		r, err := Build(ctx, m, cs[i].ID, st)
		if err != nil {
			return nil, err
		}
		reports = append(reports, r)
	}
	return reports, nil
}

// WriteFile writes a file through fn: into a temporary file beside it, renamed into place
// only when complete, so a failed export never leaves half a report where a good one was.
// The file is readable by its owner alone (0600): exports hold people's names and work.
func WriteFile(path string, fn func(w io.Writer) error) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp := f.Name()
	defer func() { _ = os.Remove(tmp) }() // a no-op once renamed
	if err := fn(f); err != nil {
		_ = f.Close() // the temporary file is removed; fn's error says what went wrong
		return err
	}
	if err := f.Chmod(0o600); err != nil {
		_ = f.Close() // as above
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	// HTML escaping stays on: <, > and & in text come out as \u003c, \u003e and \u0026, so
	// the document is inert even if a tool pastes it into a web page.
	return enc.Encode(v)
}
