package metrics

import (
	"sync/atomic"
	"time"
)

// Metrics is one server's counters. All fields are updated atomically; read them with Read.
type Metrics struct {
	started    time.Time
	sessions   atomic.Int64
	publishes  atomic.Uint64
	deliveries atomic.Uint64
	renders    atomic.Uint64
	joins      atomic.Uint64
	saves      atomic.Uint64
	errors     atomic.Uint64
	reloads    atomic.Uint64
	fanout     Histogram
}

// New returns counters starting now.
func New() *Metrics { return &Metrics{started: time.Now()} }

// SessionOpened counts an interactive session as open and returns the function that counts
// it closed, for a one-line `defer m.SessionOpened()()`.
func (m *Metrics) SessionOpened() (closed func()) {
	if m == nil {
		return func() {}
	}
	m.sessions.Add(1)
	return func() { m.sessions.Add(-1) }
}

// Published counts one published change.
func (m *Metrics) Published() {
	if m == nil {
		return
	}
	m.publishes.Add(1)
}

// Delivered counts one screen woken for a published change.
func (m *Metrics) Delivered() {
	if m == nil {
		return
	}
	m.deliveries.Add(1)
}

// Rendered counts one View call of a session's program.
func (m *Metrics) Rendered() {
	if m == nil {
		return
	}
	m.renders.Add(1)
}

// Joined counts one person who joined a cohort for the first time.
func (m *Metrics) Joined() {
	if m == nil {
		return
	}
	m.joins.Add(1)
}

// Saved counts one piece of work stored: a participant's answer or a shared board.
func (m *Metrics) Saved() {
	if m == nil {
		return
	}
	m.saves.Add(1)
}

// Failed counts one error the server logged.
func (m *Metrics) Failed() {
	if m == nil {
		return
	}
	m.errors.Add(1)
}

// Reloaded counts one reload of the module library.
func (m *Metrics) Reloaded() {
	if m == nil {
		return
	}
	m.reloads.Add(1)
}

// Applied records that a screen took in a state published at `published`. Bubble Tea draws
// the view right after the update that applies it, so this is the publish-to-render time.
func (m *Metrics) Applied(published time.Time) {
	if m == nil || published.IsZero() {
		return
	}
	m.fanout.Observe(time.Since(published))
}

// Counters is a reading of the counters at one moment.
type Counters struct {
	Uptime     time.Duration
	Sessions   int64
	Publishes  uint64
	Deliveries uint64
	Renders    uint64
	Joins      uint64
	Saves      uint64
	Errors     uint64
	Reloads    uint64
	Fanout     HistogramReading
}

// Read returns the current counters; a nil Metrics reads as zero.
func (m *Metrics) Read() Counters {
	if m == nil {
		return Counters{Fanout: (*Histogram)(nil).Read()}
	}
	return Counters{
		Uptime:     time.Since(m.started),
		Sessions:   m.sessions.Load(),
		Publishes:  m.publishes.Load(),
		Deliveries: m.deliveries.Load(),
		Renders:    m.renders.Load(),
		Joins:      m.joins.Load(),
		Saves:      m.saves.Load(),
		Errors:     m.errors.Load(),
		Reloads:    m.reloads.Load(),
		Fanout:     m.fanout.Read(),
	}
}
