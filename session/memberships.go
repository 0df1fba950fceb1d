package session

import (
	"context"
	"fmt"
)

// Membership is one cohort a key holder belongs to, as the lobby offers it to them.
type Membership struct {
	Participant Participant
	Cohort      Cohort
	// ModuleTitle is the title of the cohort's module ("" if it cannot be read).
	ModuleTitle string
	// Step is the step the participant is on (0-based), Steps the module's number of steps.
	Step, Steps int
}

// Memberships lists every cohort a key joined, the one it used most recently first. Empty
// for a keyless connection. A key may belong to several cohorts, one participant in each.
func (m *Manager) Memberships(ctx context.Context, id Identity) ([]Membership, error) {
	if id.Keyless() {
		return nil, nil
	}
	ps, err := m.store.ParticipantsByFingerprint(ctx, id.Fingerprint)
	if err != nil {
		return nil, fmt.Errorf("find the cohorts of a key: %w", err)
	}
	out := make([]Membership, 0, len(ps))
	for _, p := range ps {
		c, err := m.store.Cohort(ctx, p.CohortID)
		if err != nil {
			return nil, fmt.Errorf("find the cohorts of a key: %w", err)
		}
		ms := Membership{Participant: p, Cohort: c}
		if mod, err := m.Module(ctx, c); err == nil && len(mod.Steps) > 0 {
			ms.ModuleTitle, ms.Steps, ms.Step = mod.Title, len(mod.Steps), stepOf(c, mod, p)
		}
		// A cohort running now knows its step better than the store read above.
		m.mu.Lock()
		h := m.hubs[c.ID]
		m.mu.Unlock()
		if h != nil {
			if snap := h.Snapshot(); snap != nil {
				if mb, ok := snap.Member(p.ID); ok {
					ms.Step = snap.StepOf(mb.Participant)
				}
			}
		}
		out = append(out, ms)
	}
	return out, nil
}
