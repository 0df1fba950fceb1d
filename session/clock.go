package session

import "time"

// WithClock makes the manager read the time from now instead of the system clock: every time
// it stores (joins, leaves, hands, meetings, moves) comes from it. A test of attendance moves
// it forward rather than waiting; nil keeps the system clock.
func WithClock(now func() time.Time) Option {
	return func(m *Manager) {
		if now != nil {
			m.now = func() time.Time { return now().UTC() }
		}
	}
}
