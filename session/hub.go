package session

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"workshop/content"
)

// Hub owns the live state of one cohort. Every change is written to the store first and only
// then applied to memory and published, so no screen ever shows what was not stored. Publishing
// never blocks: each subscriber has a one-slot mailbox holding "something changed" and a
// pointer to the latest snapshot, so a stalled screen skips to the newest state when it wakes.
type Hub struct {
	m      *Manager
	module *content.Module
	// id and code never change, so they can be read without the lock.
	id   int64
	code string

	mu      sync.Mutex
	cohort  Cohort
	members []*member // in joining order
	byID    map[int64]*member
	teams   []Team
	// boards counts changes per shared board ("step/owner"); replaced, never mutated, on
	// change, so snapshots can share it.
	boards  map[string]uint64
	subs    map[*Subscription]struct{}
	seq     uint64
	current *Snapshot
}

type member struct {
	p      Participant
	online int               // open sessions
	status map[string]Status // by step id
	// since is when the participant's time on their current step started counting (zero
	// while offline).
	since time.Time
}

// Snapshot is an immutable picture of a cohort at one moment. Screens render from it.
type Snapshot struct {
	// Seq increases with every published change.
	Seq    uint64
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

func newHub(ctx context.Context, m *Manager, c Cohort) (*Hub, error) {
	mod, err := m.Module(ctx, c)
	if err != nil {
		return nil, err
	}
	ps, err := m.store.Participants(ctx, c.ID)
	if err != nil {
		return nil, fmt.Errorf("load participants of %s: %w", c.Code, err)
	}
	arts, err := m.store.Artifacts(ctx, c.ID, "")
	if err != nil {
		return nil, fmt.Errorf("load work of %s: %w", c.Code, err)
	}
	teams, err := m.store.Teams(ctx, c.ID)
	if err != nil {
		return nil, fmt.Errorf("load teams of %s: %w", c.Code, err)
	}
	h := &Hub{m: m, module: mod, id: c.ID, code: c.Code, cohort: c, teams: teams, boards: map[string]uint64{}, byID: map[int64]*member{}, subs: map[*Subscription]struct{}{}}
	for _, p := range ps {
		h.addMemberLocked(p)
	}
	for _, a := range arts {
		if mb, ok := h.byID[a.ParticipantID]; ok {
			mb.status[a.StepID] = a.Status
		}
	}
	h.current = h.buildLocked()
	return h, nil
}

// Module returns the module version the cohort runs.
func (h *Hub) Module() *content.Module { return h.module }

// Snapshot returns the latest published state.
func (h *Hub) Snapshot() *Snapshot {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.current
}

func (h *Hub) addMemberLocked(p Participant) *member {
	mb := &member{p: p, status: map[string]Status{}}
	h.members = append(h.members, mb)
	h.byID[p.ID] = mb
	return mb
}

// Join makes an identity a participant of the cohort. A key holder who joined before gets their
// existing participant back; anyone else becomes a new participant named name. A keyless
// participant is given a rejoin code (in p.RejoinCode, display it with FormatRejoinCode).
func (h *Hub) Join(ctx context.Context, id Identity, name string) (p Participant, returning bool, err error) {
	if p, found, err := h.Find(ctx, id); err != nil || found {
		return p, found, err
	}
	name = CleanLine(name)
	if name == "" {
		return Participant{}, false, errors.New("type a name so the facilitator knows who you are")
	}
	if err := Bound("name", name, MaxNameLen); err != nil {
		return Participant{}, false, err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	for range 8 {
		np := Participant{CohortID: h.id, Name: name, Fingerprint: id.Fingerprint, Step: h.cohort.Step}
		if id.Keyless() {
			np.RejoinCode = NormalizeCode(NewRejoinCode())
		}
		p, err = h.m.store.AddParticipant(ctx, np)
		if errors.Is(err, ErrExists) && id.Keyless() {
			continue // rejoin code clash: draw another
		}
		if errors.Is(err, ErrExists) {
			// The same key joined from another session a moment ago.
			p, err = h.m.store.ParticipantByFingerprint(ctx, h.id, id.Fingerprint)
			return p, err == nil, err
		}
		if err != nil {
			return Participant{}, false, fmt.Errorf("join cohort: %w", err)
		}
		h.addMemberLocked(p)
		h.publishLocked()
		return p, false, nil
	}
	return Participant{}, false, errors.New("join cohort: could not draw a free rejoin code; try again")
}

// Find returns the participant a key holder already is in this cohort; found is false for a
// keyless identity or a key that has not joined.
func (h *Hub) Find(ctx context.Context, id Identity) (p Participant, found bool, err error) {
	if id.Keyless() {
		return Participant{}, false, nil
	}
	p, err = h.m.store.ParticipantByFingerprint(ctx, h.id, id.Fingerprint)
	if errors.Is(err, ErrNotFound) {
		return Participant{}, false, nil
	}
	if err != nil {
		return Participant{}, false, fmt.Errorf("find participant: %w", err)
	}
	return p, true, nil
}

// Subscription is one screen's view of a hub: a mailbox that says "something changed" and the
// latest snapshot. Close it when the screen goes away.
type Subscription struct {
	hub    *Hub
	pid    int64 // 0 for a facilitator
	notify chan struct{}
	latest atomic.Pointer[Snapshot]
	once   sync.Once
}

// Updates delivers a signal after each published change; several changes may fold into one.
func (s *Subscription) Updates() <-chan struct{} { return s.notify }

// Snapshot returns the newest state published to this subscription.
func (s *Subscription) Snapshot() *Snapshot { return s.latest.Load() }

// Close ends the subscription; a participant with no other open screen shows as offline.
func (s *Subscription) Close() {
	s.once.Do(func() {
		h := s.hub
		h.mu.Lock()
		defer h.mu.Unlock()
		delete(h.subs, s)
		if mb, ok := h.byID[s.pid]; ok {
			mb.online--
			if mb.online == 0 {
				h.flushTimeLocked(context.Background(), []*member{mb})
				mb.since = time.Time{}
			}
			_ = h.m.store.TouchParticipant(context.Background(), s.pid, h.m.now())
			h.publishLocked()
		}
	})
}

// Subscribe opens a screen on the hub. For a participant (pid > 0) it marks them online.
func (h *Hub) Subscribe(ctx context.Context, pid int64) (*Subscription, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	s := &Subscription{hub: h, pid: pid, notify: make(chan struct{}, 1)}
	if pid != 0 {
		mb, ok := h.byID[pid]
		if !ok {
			return nil, fmt.Errorf("participant %d is not in cohort %s", pid, h.code)
		}
		mb.online++
		if mb.online == 1 {
			mb.since = h.m.now()
		}
		if err := h.m.store.TouchParticipant(ctx, pid, h.m.now()); err != nil {
			h.m.log.Warn("touch participant", "err", err)
		}
	}
	h.subs[s] = struct{}{}
	h.publishLocked()
	return s, nil
}

// Subscribers counts open subscriptions; used to check that leaving screens are cleaned up.
func (h *Hub) Subscribers() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}

// publishLocked builds a new snapshot and drops it in every mailbox without blocking.
func (h *Hub) publishLocked() {
	h.current = h.buildLocked()
	for s := range h.subs {
		s.latest.Store(h.current)
		select {
		case s.notify <- struct{}{}:
		default: // a signal is already waiting; the screen will read the latest snapshot
		}
	}
}

func (h *Hub) buildLocked() *Snapshot {
	h.seq++
	snap := &Snapshot{Seq: h.seq, Cohort: h.cohort, Module: h.module, Roster: make([]Member, len(h.members)), Teams: h.teams, Boards: h.boards}
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

// StepOf returns the index of the step a participant is on: the cohort's step when the
// facilitator leads, their own when the cohort is self-paced.
func (s *Snapshot) StepOf(p Participant) int {
	if s.Cohort.Pace == PaceSelf {
		return clamp(p.Step, 0, len(s.Module.Steps)-1)
	}
	return clamp(s.Cohort.Step, 0, len(s.Module.Steps)-1)
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

// Move puts the cohort on step (0-based) and records who did it. The step it left is kept so
// the move can be undone.
func (h *Hub) Move(ctx context.Context, actor string, step int) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.moveLocked(ctx, actor, "step", step)
}

// changeCohortLocked applies change to a copy of the cohort, stores it with a timeline event,
// then makes it current and publishes it. Nothing changes if storing fails.
func (h *Hub) changeCohortLocked(ctx context.Context, actor, action, detail string, change func(c *Cohort) error) error {
	c := h.cohort
	c.Live = c.Live.Clone()
	if err := change(&c); err != nil {
		return err
	}
	c.UpdatedAt = h.m.now()
	ev := Event{CohortID: c.ID, At: c.UpdatedAt, Actor: actor, Action: action, Detail: detail}
	if err := h.m.store.UpdateCohort(ctx, c, ev); err != nil {
		return fmt.Errorf("%s: %w", action, err)
	}
	h.cohort = c
	h.publishLocked()
	return nil
}

// ChangeCohort is changeCohortLocked for callers outside the hub's lock.
func (h *Hub) ChangeCohort(ctx context.Context, actor, action, detail string, change func(c *Cohort) error) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.changeCohortLocked(ctx, actor, action, detail, change)
}

// onlineLocked lists the members with an open screen.
func (h *Hub) onlineLocked() []*member {
	var out []*member
	for _, mb := range h.members {
		if mb.online > 0 {
			out = append(out, mb)
		}
	}
	return out
}

// flushTimeLocked adds the time the given members spent on their current step since their
// clock started, and restarts their clocks.
func (h *Hub) flushTimeLocked(ctx context.Context, members []*member) {
	now := h.m.now()
	byStep := map[string]map[int64]time.Duration{}
	snap := &Snapshot{Cohort: h.cohort, Module: h.module}
	for _, mb := range members {
		if mb.since.IsZero() {
			continue
		}
		step := h.module.Steps[snap.StepOf(mb.p)].ID
		if byStep[step] == nil {
			byStep[step] = map[int64]time.Duration{}
		}
		byStep[step][mb.p.ID] += now.Sub(mb.since)
		mb.since = now
	}
	for step, spent := range byStep {
		if err := h.m.store.AddStepTime(ctx, h.id, step, spent); err != nil {
			h.m.log.Warn("record time on step", "err", err)
		}
	}
}

// MoveBy moves the cohort delta steps from where it is (e.g. +1 for next).
func (h *Hub) MoveBy(ctx context.Context, actor string, delta int) error {
	h.mu.Lock()
	target := h.cohort.Step + delta
	h.mu.Unlock()
	return h.Move(ctx, actor, target)
}

// SaveWork stores a participant's work on a step, as a draft or submitted, then publishes the
// new status. data is the artifact's JSON in the layout schema describes.
func (h *Hub) SaveWork(ctx context.Context, pid int64, stepID string, schema int, data []byte, submit bool) (Artifact, error) {
	idx := h.module.StepIndex(stepID)
	if idx < 0 || h.module.Steps[idx].Exercise == nil {
		return Artifact{}, fmt.Errorf("step %q has no exercise to save", stepID)
	}
	if len(data) > MaxArtifactBytes {
		return Artifact{}, fmt.Errorf("this work is %d KB; the limit is %d KB", len(data)>>10, MaxArtifactBytes>>10)
	}
	data, err := CleanJSON(data)
	if err != nil {
		return Artifact{}, err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	mb, ok := h.byID[pid]
	if !ok {
		return Artifact{}, fmt.Errorf("participant %d is not in cohort %s", pid, h.code)
	}
	if err := h.writableLocked(stepID); err != nil {
		return Artifact{}, err
	}
	now := h.m.now()
	a := Artifact{CohortID: h.id, StepID: stepID, ParticipantID: pid,
		Kind: string(h.module.Steps[idx].Exercise.Kind), Schema: schema, Data: data,
		Status: StatusDraft, UpdatedAt: now}
	if submit {
		a.Status, a.SubmittedAt = StatusSubmitted, now
	}
	if err := h.m.store.SaveArtifact(ctx, a); err != nil {
		return Artifact{}, fmt.Errorf("save work: %w", err)
	}
	if mb.status[stepID] != a.Status {
		mb.status[stepID] = a.Status
		h.publishLocked()
	}
	return a, nil
}

// Work returns a participant's stored work on a step; found is false if there is none yet.
func (h *Hub) Work(ctx context.Context, pid int64, stepID string) (a Artifact, found bool, err error) {
	a, err = h.m.store.Artifact(ctx, h.id, stepID, pid)
	if errors.Is(err, ErrNotFound) {
		return Artifact{}, false, nil
	}
	if err != nil {
		return Artifact{}, false, fmt.Errorf("load work: %w", err)
	}
	return a, true, nil
}

// MoveParticipant sets a participant's own step, which counts when the cohort is self-paced.
func (h *Hub) MoveParticipant(ctx context.Context, pid int64, step int) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	mb, ok := h.byID[pid]
	if !ok {
		return fmt.Errorf("participant %d is not in cohort %s", pid, h.code)
	}
	if step < 0 || step >= len(h.module.Steps) {
		return fmt.Errorf("step %d does not exist: this module has steps 1 to %d", step+1, len(h.module.Steps))
	}
	if h.cohort.Pace != PaceSelf {
		return errors.New("the facilitator leads this cohort: only they move the group")
	}
	h.flushTimeLocked(ctx, []*member{mb})
	p := mb.p
	p.Step = step
	if err := h.m.store.UpdateParticipant(ctx, p); err != nil {
		return fmt.Errorf("move participant: %w", err)
	}
	mb.p = p
	h.publishLocked()
	return nil
}

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
