package export

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"workshop/session"
)

// An export made while people are connected counts the time still running on the step each
// is on, up to the export's time; a reproducible one counts it up to the newest stored time.
func TestExportCountsTimeStillRunning(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ana := int64(1)
	if err := f.st.SetClock(f.ctx, f.c.ID, ana, session.Clock{At: at(90), Running: true}); err != nil {
		t.Fatal(err)
	}
	before := f.report() // reproducible: as of at(90), the newest time stored
	r, err := Build(f.ctx, f.m, f.c.ID, Stamp{At: at(95), Version: "v1.2.3"})
	if err != nil {
		t.Fatal(err)
	}
	last := len(r.Steps) - 1 // the cohort is on the last step
	if got, want := r.Progress[0].Steps[last].Seconds, before.Progress[0].Steps[last].Seconds+5*60; got != want {
		t.Errorf("Ana's time on the step she is on: %d s, want %d s (5 minutes more)", got, want)
	}
	if got, want := r.Progress[1].Steps[last].Seconds, before.Progress[1].Steps[last].Seconds; got != want {
		t.Errorf("Bruno, offline, has %d s on the step, want %d s", got, want)
	}
	if !before.ExportedAt.Equal(at(90)) || !r.ExportedAt.Equal(at(95)) {
		t.Errorf("exported at %v and %v", before.ExportedAt, r.ExportedAt)
	}
	var b bytes.Buffer
	if err := r.Write(&b, Options{Format: HTML}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "Exported 10 Mar 2026 10:35 by workshop v1.2.3") {
		t.Error("the HTML report does not say when and by which version it was made")
	}
}

// Export files are readable by their owner alone: they hold people's names and work.
func TestWriteFileIsPrivate(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "report.html")
	if err := WriteFile(path, func(w io.Writer) error { _, err := w.Write([]byte("x")); return err }); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := fi.Mode().Perm(); perm != 0o600 {
		t.Errorf("export written %v, want 0600", perm)
	}
}
