package session

import (
	"slices"
	"time"

	"workshop/content"
)

// Snapshot is an immutable picture of a cohort at one moment. Screens render from it.
//
// The hub builds a snapshot only when a screen asks for one after a change, and every screen
// reading at that moment shares it; a change that no open screen reads costs no snapshot.
type Snapshot struct {
	// Seq increases with every published change.
	Seq uint64
	// At is when the newest change it holds was published, to measure how long changes take
	// to reach screens (zero before any change).
	At     time.Time
	Cohort Cohort
	Module *content.Module
	Roster []Member
	Teams  []Team
	// Boards counts the changes of each shared board, keyed by BoardKey; a screen showing a
	// board reloads it when its count moves.
	Boards map[string]uint64
}

// BoardKey names a shared board in Snapshot.Boards.
func BoardKey(stepID, owner string) string { return stepID + "/" + owner }

// Team returns a team by id.
func (s *Snapshot) Team(id int64) (Team, bool) {
	for _, t := range s.Teams {
		if t.ID == id {
			return t, true
		}
	}
	return Team{}, false
}

// Member is one participant as the roster shows them.
type Member struct {
	Participant
	Online bool
	// Status is the participant's progress on the step they are on ("" for not started).
	Status Status
}

// StepOf returns the index of the step a participant is on: the cohort's step when the
// facilitator leads, their own when the cohort is self-paced.
func (s *Snapshot) StepOf(p Participant) int {
	return stepOf(s.Cohort, s.Module, p)
}

func stepOf(c Cohort, mod *content.Module, p Participant) int {
	if c.Pace == PaceSelf {
		return clamp(p.Step, 0, len(mod.Steps)-1)
	}
	if hw := homeworkSteps(c, mod); len(hw) > 0 {
		// Between meetings: each person on the homework step they chose, or the first.
		if slices.Contains(hw, p.Step) {
			return p.Step
		}
		return hw[0]
	}
	return clamp(c.Step, 0, len(mod.Steps)-1)
}

// Member returns the roster entry of a participant.
func (s *Snapshot) Member(pid int64) (Member, bool) {
	for _, m := range s.Roster {
		if m.ID == pid {
			return m, true
		}
	}
	return Member{}, false
}

// Counts summarises the roster: participants online, submitted for their step, and in all.
func (s *Snapshot) Counts() (online, submitted, total int) {
	for _, m := range s.Roster {
		if m.Online {
			online++
		}
		if m.Status == StatusSubmitted {
			submitted++
		}
	}
	return online, submitted, len(s.Roster)
}

// buildLocked makes the snapshot of the hub's state as it is now. The caller holds h.state.
func (h *Hub) buildLocked() *Snapshot {
	h.builds.Add(1)
	snap := &Snapshot{Seq: h.seq.Load(), At: h.publishTime(), Cohort: h.cohort, Module: h.module, Roster: make([]Member, len(h.members)), Teams: h.teams, Boards: h.boards}
	for i, mb := range h.members {
		step := snap.StepOf(mb.p)
		st := Status("")
		if step >= 0 && step < len(h.module.Steps) {
			st = mb.status[h.module.Steps[step].ID]
		}
		snap.Roster[i] = Member{Participant: mb.p, Online: mb.online > 0, Status: st}
	}
	return snap
}

// snapshotLocked returns a snapshot of the newest state, building it if a change came since
// the last one. The caller holds h.state.
func (h *Hub) snapshotLocked() *Snapshot {
	if s := h.latest.Load(); s != nil && s.Seq == h.seq.Load() {
		return s
	}
	s := h.buildLocked()
	h.latest.Store(s)
	return s
}

// Snapshot returns the newest state.
func (h *Hub) Snapshot() *Snapshot {
	if s := h.latest.Load(); s != nil && s.Seq == h.seq.Load() {
		return s
	}
	h.state.Lock()
	defer h.state.Unlock()
	return h.snapshotLocked()
}
