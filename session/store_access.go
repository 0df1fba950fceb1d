package session

import "time"

// Store returns the store the manager works on. Exports read a whole cohort at once from it
// (participants, work, boards, time on steps and the timeline) without going through a hub,
// so that a report never holds up live screens and works for cohorts nobody has open.
func (m *Manager) Store() Store { return m.store }

// Now is the manager's clock, the one its hubs stamp changes with.
func (m *Manager) Now() time.Time { return m.now() }
