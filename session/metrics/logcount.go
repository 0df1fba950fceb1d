package metrics

import (
	"context"
	"log/slog"
)

// CountErrors wraps a log handler so that every record at error level also counts as an error
// in m: whatever the server logs as an error (a failed save, a panic caught in a session, a
// store that cannot be reached) shows in the errors counter, with no call site to remember.
func CountErrors(h slog.Handler, m *Metrics) slog.Handler {
	if m == nil {
		return h
	}
	return &errorCounter{next: h, m: m}
}

type errorCounter struct {
	next slog.Handler
	m    *Metrics
}

func (c *errorCounter) Enabled(ctx context.Context, l slog.Level) bool {
	// An error is counted even when the log is set to show less.
	return l >= slog.LevelError || c.next.Enabled(ctx, l)
}

func (c *errorCounter) Handle(ctx context.Context, r slog.Record) error {
	if r.Level >= slog.LevelError {
		c.m.Failed()
	}
	if !c.next.Enabled(ctx, r.Level) {
		return nil
	}
	return c.next.Handle(ctx, r)
}

func (c *errorCounter) WithAttrs(attrs []slog.Attr) slog.Handler {
	return &errorCounter{next: c.next.WithAttrs(attrs), m: c.m}
}

func (c *errorCounter) WithGroup(name string) slog.Handler {
	return &errorCounter{next: c.next.WithGroup(name), m: c.m}
}
