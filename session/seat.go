package session

import (
	"context"
	"errors"
	"fmt"
)

// ClaimSeat is a participant entering with their personal (seat or rejoin) code, p being the
// participant the code names. A keyless connection is simply that participant. A connection
// with an SSH key has the key tied to the seat, when the seat has none and the key is not
// already someone in the cohort, so that their next `ssh` brings them back without the code;
// the code keeps working from a machine without the key. A failure to tie the key is logged
// and keeps them out of nothing: they enter as p all the same.
func (m *Manager) ClaimSeat(ctx context.Context, id Identity, p Participant) Participant {
	if id.Keyless() || p.Fingerprint != "" {
		return p
	}
	h, err := m.Hub(ctx, p.CohortID)
	if err == nil {
		var tied Participant
		if tied, err = h.tieKey(ctx, id, p.ID); err == nil {
			return tied
		}
	}
	if !errors.Is(err, ErrExists) {
		m.log.Warn("tie a key to a seat", "participant", p.ID, "err", err)
	}
	return p
}

// tieKey stores the key of id on participant pid and in the hub's memory.
func (h *Hub) tieKey(ctx context.Context, id Identity, pid int64) (Participant, error) {
	if _, found, err := h.Find(ctx, id); err != nil || found {
		if err == nil {
			err = ErrExists // the key is someone else here already: the seat stays keyless
		}
		return Participant{}, err
	}
	if _, _, err := h.memberOf(pid); err != nil {
		// A seat imported at the server's shell while it runs: the hub takes it in first.
		if err := h.adopt(ctx, pid); err != nil {
			return Participant{}, err
		}
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	mb, p, err := h.memberOf(pid)
	if err != nil {
		return Participant{}, err
	}
	if p.Fingerprint != "" {
		return p, nil
	}
	ev := Event{CohortID: h.id, At: h.m.now(), Actor: p.Label(), Action: "people",
		Detail: fmt.Sprintf("%s claimed their seat with an SSH key, which now brings them back without the code", p.Label())}
	if err := h.m.store.SetFingerprint(ctx, pid, id.Fingerprint, ev); err != nil {
		return Participant{}, fmt.Errorf("tie a key to %s in %s: %w", p.Label(), h.code, err)
	}
	h.applyLocked(change{members: []int64{pid}}, func() { mb.p.Fingerprint = id.Fingerprint; p = mb.p })
	return p, nil
}
