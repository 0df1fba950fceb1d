package metrics

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
)

// Every record logged at error level counts as an error, even when the log shows less.
func TestCountErrors(t *testing.T) {
	m := New()
	var buf bytes.Buffer
	log := slog.New(CountErrors(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelWarn}), m))
	log.Info("not shown")
	log.Warn("shown")
	log.With("cohort", "K7MQ2P").Error("save failed")
	if got := m.Read().Errors; got != 1 {
		t.Fatalf("errors = %d, want 1", got)
	}
	if out := buf.String(); strings.Contains(out, "not shown") || !strings.Contains(out, "cohort=K7MQ2P") {
		t.Fatalf("log:\n%s", out)
	}
	quiet := slog.New(CountErrors(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelError + 4}), m))
	buf.Reset()
	quiet.Error("counted, not written")
	if m.Read().Errors != 2 || buf.Len() != 0 {
		t.Fatalf("errors %d, log %q", m.Read().Errors, buf.String())
	}
}
