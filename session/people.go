package session

import (
	"context"
	"errors"
	"fmt"

	"workshop/i18n"
)

// Seat is a person a roster names, to be added to a cohort before they arrive: the
// participant they will be (name, department, email, the seat code in RejoinCode) and the name
// of the team they are put in ("" for none).
type Seat struct {
	Participant
	Team string
}

// MergePlan is how one participant is folded into another (see Hub.MergeParticipants): what a
// store does in one transaction.
type MergePlan struct {
	// Keep stays; Drop is deleted once its work, time and activity are Keep's.
	Keep, Drop int64
	// Work is the artifacts Keep ends with on the steps where Drop had work and Keep's own
	// was not the newer; they are saved for Keep.
	Work []Artifact
	// Team, Fingerprint and RejoinCode are Keep's afterwards.
	Team        int64
	Fingerprint string
	RejoinCode  string
	// Events go to the timeline.
	Events []Event
}

// ImportRoster adds the people of a roster to the cohort, each with a seat code of their own
// (their rejoin code: entering it at the lobby makes them that participant) and in the team
// the roster names, which is made if the cohort has none of that name. It returns the new
// participants in the roster's order.
func (h *Hub) ImportRoster(ctx context.Context, by Actor, rows []RosterRow) ([]Participant, error) {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return nil, err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.state.Lock()
	c := h.cohort
	h.state.Unlock()
	ps, err := h.m.importSeats(ctx, actor, c, rows)
	if err != nil {
		return nil, err
	}
	stored, err := h.m.store.Teams(ctx, h.id)
	if err != nil {
		return nil, fmt.Errorf("import roster into %s: %w", h.code, err)
	}
	h.applyLocked(change{everyone: true}, func() {
		h.teams = stored
		for i, p := range ps {
			mb := h.addMemberLocked(p)
			mb.fresh = true
			ps[i] = mb.p
		}
	})
	return ps, nil
}

// ImportRoster adds a roster's people to the cohort with the join code (see Hub.ImportRoster).
// Through a manager that has the cohort's hub loaded (the server's), it goes through the hub;
// otherwise (the server's shell) it writes to the store alone and loads no hub, so that a
// server running on the same data keeps its own: its hub takes each person in as they claim
// their seat.
func (m *Manager) ImportRoster(ctx context.Context, by Actor, code string, rows []RosterRow) ([]Participant, error) {
	c, err := m.CohortByCode(ctx, code)
	if err != nil {
		return nil, err
	}
	m.mu.Lock()
	h, loaded := m.hubs[c.ID]
	m.mu.Unlock()
	if loaded {
		return h.ImportRoster(ctx, by, rows)
	}
	actor, err := m.Authorize(ctx, by)
	if err != nil {
		return nil, err
	}
	return m.importSeats(ctx, actor, c, rows)
}

// importSeats stores a roster's people in cohort c, each with a fresh seat code.
func (m *Manager) importSeats(ctx context.Context, actor string, c Cohort, rows []RosterRow) ([]Participant, error) {
	if len(rows) == 0 {
		return nil, Errorf(EInvalid, "the roster names nobody")
	}
	if !c.ArchivedAt.IsZero() {
		return nil, Errorf(EConflict, "cohort %s is archived: import into a cohort that is running", c.Code)
	}
	teams := map[string]bool{}
	seats := make([]Seat, len(rows))
	for i, r := range rows {
		seats[i] = Seat{Participant: Participant{Name: r.Name, Department: r.Department, Email: r.Email, Step: c.Step}, Team: r.Team}
		if r.Team != "" {
			teams[NameKey(r.Team)] = true
		}
	}
	if len(teams) > MaxTeams {
		return nil, Errorf(EInvalid, "the roster names %d teams: at most %d", len(teams), MaxTeams)
	}
	ev := Event{CohortID: c.ID, At: m.now(), Actor: actor, Action: "people",
		Detail: fmt.Sprintf("imported %s from a roster", countOf(len(rows), "person", "people"))}
	var ps []Participant
	var err error
	for range 8 {
		for i := range seats {
			seats[i].RejoinCode = NormalizeCode(NewRejoinCode())
		}
		ps, err = m.store.ImportParticipants(ctx, c.ID, seats, ev)
		if !errors.Is(err, ErrExists) {
			break // a clash of seat codes, rare, is settled by drawing them all again
		}
	}
	if err != nil {
		return nil, fmt.Errorf("import roster into %s: %w", c.Code, err)
	}
	m.log.Info("roster imported", "code", c.Code, "people", len(ps), "by", actor)
	return ps, nil
}

// adopt takes into memory a participant of this cohort that the store has and the hub does
// not: one added by another process on the same data (a roster imported at the server's
// shell while the server runs), now claiming their seat.
func (h *Hub) adopt(ctx context.Context, pid int64) error {
	p, err := h.m.store.Participant(ctx, pid)
	if err != nil || p.CohortID != h.id {
		return fmt.Errorf("participant %d is not in cohort %s: %w", pid, h.code, err)
	}
	teams, err := h.m.store.Teams(ctx, h.id)
	if err != nil {
		return fmt.Errorf("adopt participant %d: %w", pid, err)
	}
	h.mu.RLock()
	defer h.mu.RUnlock()
	h.applyLocked(change{}, func() {
		if _, ok := h.byID[pid]; ok {
			return
		}
		if _, ok := h.teamLocked(p.TeamID); !ok && p.TeamID != 0 {
			h.teams = teams
		}
		mb := h.addMemberLocked(p)
		mb.fresh = p.LastSeen.Equal(p.JoinedAt)
	})
	return nil
}

// RenameParticipant changes the name a participant is shown by, cleaned like every typed name.
func (h *Hub) RenameParticipant(ctx context.Context, by Actor, pid int64, name string) (Participant, error) {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return Participant{}, err
	}
	name, err = NormalizeName(name)
	if err != nil {
		return Participant{}, err
	}
	if name == "" {
		return Participant{}, Errorf(EInvalid, "the new name is empty")
	}
	if err := Bound(i18n.M("name"), name, MaxNameLen); err != nil {
		return Participant{}, err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	mb, p, err := h.personLocked(pid)
	if err != nil {
		return Participant{}, err
	}
	if p.Name == name {
		return p, nil
	}
	ev := Event{CohortID: h.id, At: h.m.now(), Actor: actor, Action: "people", Detail: fmt.Sprintf("renamed %s to %s", p.Label(), DisplayName(name))}
	if err := h.m.store.RenameParticipant(ctx, pid, name, ev); err != nil {
		return Participant{}, fmt.Errorf("rename in %s: %w", h.code, err)
	}
	h.applyLocked(change{everyone: true}, func() {
		mb.p.Name = name
		mb.p.label = h.names.Label(name)
		p = mb.p
	})
	return p, nil
}

// RejoinCode returns a participant's rejoin (seat) code in its display form, for a facilitator
// to read to them; "" for a key holder, who comes back with their key.
func (h *Hub) RejoinCode(ctx context.Context, by Actor, pid int64) (string, error) {
	if _, err := h.m.Authorize(ctx, by); err != nil {
		return "", err
	}
	h.mu.RLock()
	defer h.mu.RUnlock()
	_, p, err := h.personLocked(pid)
	if err != nil || p.RejoinCode == "" {
		return "", err
	}
	return FormatRejoinCode(p.RejoinCode), nil
}

// ReissueRejoinCode gives a participant a new rejoin code, in its display form; the old one
// stops working. A key holder without a code is refused: they come back with their key.
func (h *Hub) ReissueRejoinCode(ctx context.Context, by Actor, pid int64) (string, error) {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return "", err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	mb, p, err := h.personLocked(pid)
	if err != nil {
		return "", err
	}
	if p.RejoinCode == "" {
		return "", Errorf(EConflict, "%s joined with an SSH key and comes back with it: they have no rejoin code", p.Label())
	}
	ev := Event{CohortID: h.id, At: h.m.now(), Actor: actor, Action: "people", Detail: fmt.Sprintf("reissued the rejoin code of %s", p.Label())}
	for range 8 {
		code := NormalizeCode(NewRejoinCode())
		err = h.m.store.SetRejoinCode(ctx, pid, code, ev)
		if errors.Is(err, ErrExists) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("reissue in %s: %w", h.code, err)
		}
		h.applyLocked(change{members: []int64{pid}}, func() { mb.p.RejoinCode = code })
		return FormatRejoinCode(code), nil
	}
	return "", Errorf(EConflict, "could not draw a free rejoin code; try again")
}

// RemoveParticipant deletes a participant and all their work, time and activity, at their
// request. It cannot be undone: take an export first. They must be offline.
func (h *Hub) RemoveParticipant(ctx context.Context, by Actor, pid int64) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	mb, p, err := h.personLocked(pid)
	if err != nil {
		return err
	}
	h.state.Lock()
	online, steps := mb.online > 0, len(mb.stored)
	h.state.Unlock()
	if online {
		return Errorf(EConflict, "%s is online now: remove them once they have left", p.Label())
	}
	ev := Event{CohortID: h.id, At: h.m.now(), Actor: actor, Action: "people",
		Detail: fmt.Sprintf("removed %s and their work (%s) on request", p.Label(), countOf(steps, "step", "steps"))}
	if err := h.m.store.RemoveParticipant(ctx, pid, ev); err != nil {
		return fmt.Errorf("remove from %s: %w", h.code, err)
	}
	h.applyLocked(change{everyone: true}, func() {
		for _, shares := range h.poolShares {
			delete(shares, pid)
		}
		h.dropMemberLocked(pid)
	})
	return nil
}

// personLocked is a participant of the cohort, or a refusal; the caller holds h.mu.
func (h *Hub) personLocked(pid int64) (*member, Participant, error) {
	h.state.Lock()
	defer h.state.Unlock()
	mb, ok := h.byID[pid]
	if !ok {
		return nil, Participant{}, Errorf(ENotFound, "that person is no longer in cohort %s (see `roster %s`)", h.code, h.code)
	}
	return mb, mb.p, nil
}

// dropMemberLocked forgets a participant; the caller holds h.state.
func (h *Hub) dropMemberLocked(pid int64) {
	delete(h.byID, pid)
	for i, mb := range h.members {
		if mb.p.ID == pid {
			h.members = append(h.members[:i:i], h.members[i+1:]...)
			break
		}
	}
}
