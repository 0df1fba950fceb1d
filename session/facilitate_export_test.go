package session

import "time"

// SetClock makes a manager read time from now, so timer tests need not wait.
func SetClock(m *Manager, now func() time.Time) { m.now = now }
