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

	"workshop/session"
)

// Format is an export format.
type Format string

// The export formats.
const (
	CSV      Format = "csv"
	JSON     Format = "json"
	Markdown Format = "md"
	HTML     Format = "html"
)

// Formats lists every format, in the order help texts name them.
var Formats = []Format{CSV, JSON, Markdown, HTML}

// ParseFormat reads a format name as a person typed it.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(strings.TrimSpace(s))); f {
	case CSV, JSON, Markdown, HTML:
		return f, nil
	case "markdown":
		return Markdown, nil
	case "":
		return "", session.Errorf(session.EInvalid, "--format is required: csv, json, md or html")
	}
	return "", session.Errorf(session.EInvalid, "unknown format %q: use csv, json, md or html", s)
}

// Options say how to write a report.
type Options struct {
	Format Format
	// Artifacts selects, for CSV, the long sheet of every piece of work instead of the
	// progress sheet. The other formats always hold all work.
	Artifacts bool
	// Location is the time zone of the times in CSV, Markdown and HTML; nil means UTC. JSON
	// times are always UTC.
	Location *time.Location
	// Semicolon separates CSV cells with ';', which spreadsheets set to a decimal comma expect.
	Semicolon bool
}

// Check says whether the options make sense together.
func (o Options) Check() error {
	if _, err := ParseFormat(string(o.Format)); err != nil {
		return err
	}
	if o.Artifacts && o.Format != CSV {
		return session.Errorf(session.EInvalid, "--artifacts selects the CSV sheet of all work; the other formats always include it")
	}
	if o.Semicolon && o.Format != CSV {
		return session.Errorf(session.EInvalid, "--semicolon applies to --format csv only")
	}
	return nil
}

func (o Options) loc() *time.Location {
	if o.Location == nil {
		return time.UTC
	}
	return o.Location
}

// FileName is the file an export of a cohort is written to in a directory: the join code and
// the format, e.g. K7MQ2P.html, or K7MQ2P-artifacts.csv for the CSV sheet of all work.
func FileName(code string, o Options) string {
	name := session.NormalizeCode(code)
	if o.Format == CSV && o.Artifacts {
		name += "-artifacts"
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
		if o.Artifacts {
			err = r.writeArtifactsCSV(bw, o)
		} else {
			err = r.writeProgressCSV(bw, o)
		}
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
	r, err := BuildByCode(ctx, m, code)
	if err != nil {
		return err
	}
	return r.Write(w, o)
}

// All is the JSON export of every cohort.
type All struct {
	SchemaVersion int       `json:"schema_version"`
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
	reports, err := buildAll(ctx, m)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := writeJSON(bw, All{SchemaVersion: SchemaVersion, Cohorts: reports}); err != nil {
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
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create export directory: %w", err)
	}
	reports, err := buildAll(ctx, m)
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

func buildAll(ctx context.Context, m *session.Manager) ([]*Report, error) {
	cs, err := m.Cohorts(ctx)
	if err != nil {
		return nil, err
	}
	reports := make([]*Report, 0, len(cs))
	// Cohorts come newest first; a document reads better oldest first, in creation order.
	for i := len(cs) - 1; i >= 0; i-- {
		r, err := Build(ctx, m, cs[i])
		if err != nil {
			return nil, err
		}
		reports = append(reports, r)
	}
	return reports, nil
}

// WriteFile writes a file through fn: into a temporary file beside it, renamed into place
// only when complete, so a failed export never leaves half a report where a good one was.
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
	if err := f.Chmod(0o644); err != nil {
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
