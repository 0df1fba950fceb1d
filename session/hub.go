package session

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"workshop/content"
	"workshop/i18n"
)

// Hub owns the live state of one cohort. Every change is written to the store first and only
// then applied to memory and published, so no screen ever shows what was not stored. Publishing
// never blocks: each subscriber has a one-slot mailbox holding "something changed", so a
// stalled screen skips to the newest state when it wakes, and only the screens that show what
// changed are woken.
//
// Two locks, so that no screen ever waits on the disk:
//
//   - mu orders changes against the state they are checked against. A facilitator's change
//     (cohort state, teams, everyone's records) holds it exclusively from its checks to its
//     publication, store calls included: such changes are rare and run one at a time. A
//     participant's change (work, a board, a hand, their own step, joining) holds it shared
//     from its checks until its write is stored and applied, so many participants' writes
//     reach the store together, and none is accepted against a state (a lock, a closed vote,
//     a team) that a facilitator changed meanwhile. Methods named ...Locked run with mu held.
//   - state guards the memory below. It is held only while memory is read or changed, never
//     across a store call: snapshots, subscribing and leaving never wait on the disk.
type Hub struct {
	m      *Manager
	module *content.Module
	// variants is the module in every language the cohort pinned; module is its original.
	variants *content.Variants
	// id and code never change, so they can be read without the lock.
	id   int64
	code string

	mu sync.RWMutex

	state   sync.Mutex
	cohort  Cohort
	members []*member // in joining order
	byID    map[int64]*member
	teams   []Team
	// names labels members in joining order, so look-alike names stay apart.
	names Labeler
	// boards counts changes per shared board ("step/owner"); replaced, never mutated, on
	// change, so snapshots can share it.
	boards map[string]uint64
	subs   map[*Subscription]struct{}
	// viewers files participants' screens by the id of the step they show.
	viewers map[string]map[*Subscription]struct{}
	// fedBy lists, per step id, the steps whose exercise draws items from it.
	fedBy map[string][]string
	// boardLocks serialise the read, change and write of each shared board.
	boardLocks map[string]*sync.Mutex
	// poolShares counts, per step id and participant, the items each participant added to
	// the step's anonymous pool less those they removed, so that max_items holds per person
	// there too. It lives in memory only: nothing stored links a person to the pool.
	poolShares map[string]map[int64]int
	// notes are the facilitators' notes on the steps, oldest first (notes.go).
	notes []StepNote

	// seq counts published changes; latest is the last snapshot built, which is the newest
	// state when its Seq is seq. Both are written under state and read without it.
	seq    atomic.Uint64
	latest atomic.Pointer[Snapshot]
	// builds counts snapshots built, for tests.
	builds atomic.Uint64
	// publishedAt is when the last change was published (Unix nanoseconds), so screens can
	// tell how long it took to reach them.
	publishedAt atomic.Int64
}

type member struct {
	p      Participant
	online int               // open sessions
	status map[string]Status // by step id
	// stored says, by step id, that the participant may have work stored there: set before
	// every write of it, so a read of work that cannot exist (most screens arriving at a new
	// step) is answered without asking the store.
	stored map[string]bool
	// since is when the participant's time on their current step started counting (zero
	// while offline).
	since time.Time
	subs  map[*Subscription]struct{} // the participant's open screens
	// fresh is set for a participant who joined through this hub and has not come online yet,
	// so their first coming online is recorded as joining.
	fresh bool
	// writing serialises the participant's own changes, so that they are stored and applied in
	// the order they were asked for.
	writing sync.Mutex
	// messages are the direct messages the participant has not dismissed (message.go).
	messages []DirectMessage
}

var timeZero time.Time

func newHub(ctx context.Context, m *Manager, c Cohort, loading time.Time) (*Hub, error) {
	// Nobody counts time on this cohort before its hub exists: a clock changed before the
	// manager looked for the hub was left by a server that stopped without closing its
	// sessions, and would count on for ever. (A clock started by a hub loaded meanwhile, which
	// is kept instead of this one, is later.)
	if err := m.store.StopClocks(ctx, c.ID, loading); err != nil {
		m.log.Warn("stop clocks left running", "cohort", c.Code, "err", err)
	}
	vs, err := m.Variants(ctx, c)
	if err != nil {
		return nil, err
	}
	mod := vs.Original()
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
	h := &Hub{m: m, module: mod, variants: vs, id: c.ID, code: c.Code, cohort: c, teams: teams, boards: map[string]uint64{},
		byID: map[int64]*member{}, subs: map[*Subscription]struct{}{}, viewers: map[string]map[*Subscription]struct{}{},
		fedBy: map[string][]string{}, boardLocks: map[string]*sync.Mutex{}, poolShares: map[string]map[int64]int{}}
	for _, st := range mod.Steps {
		if st.Exercise != nil && st.Exercise.From != "" {
			h.fedBy[st.Exercise.From] = append(h.fedBy[st.Exercise.From], st.ID)
		}
	}
	for _, p := range ps {
		h.addMemberLocked(p)
	}
	msgs, err := m.store.Messages(ctx, c.ID)
	if err != nil {
		return nil, fmt.Errorf("load messages of %s: %w", c.Code, err)
	}
	h.loadMessagesLocked(msgs)
	if h.notes, err = m.store.StepNotes(ctx, c.ID); err != nil {
		return nil, fmt.Errorf("load notes of %s: %w", c.Code, err)
	}
	for _, a := range arts {
		if mb, ok := h.byID[a.ParticipantID]; ok {
			mb.stored[a.StepID] = true
			if i := mod.StepIndex(a.StepID); i >= 0 {
				if st := WorkStatus(mod.Steps[i].Exercise, a); st != "" {
					mb.status[a.StepID] = st
				}
			}
		}
	}
	h.state.Lock()
	h.snapshotLocked()
	h.state.Unlock()
	return h, nil
}

// Module returns the module version the cohort runs, in the module's own language. Work,
// checks, results and exports go by it: a translation only changes what a reader sees.
func (h *Hub) Module() *content.Module { return h.module }

// ModuleIn returns the cohort's module in the pinned language that best suits a reader who
// prefers the given languages (see Manager.ModuleIn). Its steps and exercises line up with
// Module's, step by step and entry by entry.
func (h *Hub) ModuleIn(prefs ...string) *content.Module { return h.variants.In(prefs...) }

// addMemberLocked adds a participant to memory, once; the caller holds h.state.
func (h *Hub) addMemberLocked(p Participant) *member {
	if mb, ok := h.byID[p.ID]; ok {
		return mb
	}
	p.label = h.names.Label(p.Name)
	mb := &member{p: p, status: map[string]Status{}, stored: map[string]bool{}, subs: map[*Subscription]struct{}{}}
	h.members = append(h.members, mb)
	h.byID[p.ID] = mb
	return mb
}

// memberOf returns a participant's member record and a copy of the participant as stored.
func (h *Hub) memberOf(pid int64) (*member, Participant, error) {
	h.state.Lock()
	defer h.state.Unlock()
	mb, ok := h.byID[pid]
	if !ok {
		return nil, Participant{}, fmt.Errorf("participant %d is not in cohort %s", pid, h.code)
	}
	return mb, mb.p, nil
}

// Join makes an identity a participant of the cohort. A key holder who joined before gets their
// existing participant back; anyone else becomes a new participant named name. A keyless
// participant is given a rejoin code (in p.RejoinCode, display it with FormatRejoinCode).
func (h *Hub) Join(ctx context.Context, id Identity, name string) (p Participant, returning bool, err error) {
	if p, found, err := h.Find(ctx, id); err != nil || found {
		return p, found, err
	}
	name, err = NormalizeName(name)
	if err != nil {
		return Participant{}, false, err
	}
	if name == "" {
		return Participant{}, false, Errorf(EInvalid, "type a name so the facilitator knows who you are")
	}
	if err := Bound(i18n.M("name"), name, MaxNameLen); err != nil {
		return Participant{}, false, err
	}
	h.mu.RLock()
	defer h.mu.RUnlock()
	h.state.Lock()
	step := h.cohort.Step
	h.state.Unlock()
	for range 8 {
		np := Participant{CohortID: h.id, Name: name, Fingerprint: id.Fingerprint, Step: step}
		if id.Keyless() {
			np.RejoinCode = NormalizeCode(NewRejoinCode())
		}
		p, err = h.m.store.AddParticipant(ctx, np)
		if errors.Is(err, ErrExists) && id.Keyless() {
			continue // rejoin code clash: draw another
		}
		if errors.Is(err, ErrExists) {
			// The same key joined from another session a moment ago; that session may not
			// have put it in memory yet.
			p, err = h.m.store.ParticipantByFingerprint(ctx, h.id, id.Fingerprint)
			if err == nil {
				h.state.Lock()
				h.addMemberLocked(p)
				h.state.Unlock()
			}
			return p, err == nil, err
		}
		if err != nil {
			return Participant{}, false, fmt.Errorf("join cohort: %w", err)
		}
		h.m.metrics.Joined()
		h.state.Lock()
		nm := h.addMemberLocked(p)
		nm.fresh = true
		p = nm.p
		h.publishLocked(change{}) // a newcomer shows on the roster, and nowhere else
		h.state.Unlock()
		return p, false, nil
	}
	return Participant{}, false, Errorf(EConflict, "could not draw a free rejoin code; try again")
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

// Move puts the cohort on step (0-based) and records who did it. The step it left is kept so
// the move can be undone.
func (h *Hub) Move(ctx context.Context, by Actor, step int) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.moveLocked(ctx, actor, "step", step)
}

// changeCohortLocked applies change to a copy of the cohort, stores it with a timeline event,
// then makes it current and publishes it to every screen. Nothing changes if storing fails.
// The caller holds h.mu exclusively.
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
	h.applyLocked(everyone, func() { h.cohort = c })
	return nil
}

// ChangeCohort is changeCohortLocked for callers outside the hub's lock.
func (h *Hub) ChangeCohort(ctx context.Context, by Actor, action, detail string, change func(c *Cohort) error) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.changeCohortLocked(ctx, actor, action, detail, change)
}

// onlineLocked lists the members with an open screen.
func (h *Hub) onlineLocked() []*member {
	h.state.Lock()
	defer h.state.Unlock()
	var out []*member
	for _, mb := range h.members {
		if mb.online > 0 {
			out = append(out, mb)
		}
	}
	return out
}

// stepTimes is time spent on steps: step id -> participant -> time.
type stepTimes map[string]map[int64]time.Duration

// flushTimeLocked adds the time the given members spent on their current step since their
// clock started, and restarts their clocks.
func (h *Hub) flushTimeLocked(ctx context.Context, members []*member) {
	h.state.Lock()
	spent, now := h.takeTimeLocked(members)
	h.state.Unlock()
	h.storeTime(ctx, spent, Clock{At: now, Running: true})
}

// takeTimeLocked collects the time the given members spent on their current step since
// their clock started, and restarts their clocks at the time it returns. The caller holds
// h.state.
func (h *Hub) takeTimeLocked(members []*member) (stepTimes, time.Time) {
	now := h.m.now()
	byStep := stepTimes{}
	for _, mb := range members {
		if mb.since.IsZero() {
			continue
		}
		step := h.module.Steps[stepOf(h.cohort, h.module, mb.p)].ID
		if byStep[step] == nil {
			byStep[step] = map[int64]time.Duration{}
		}
		byStep[step][mb.p.ID] += now.Sub(mb.since)
		mb.since = now
	}
	return byStep, now
}

// storeTime adds collected time on steps to the store, and there sets the clocks of the
// members it counted as their clocks in memory were set. Time adds up and the later clock
// change wins, so it may be stored in any order.
func (h *Hub) storeTime(ctx context.Context, spent stepTimes, clock Clock) {
	for step, byPerson := range spent {
		if err := h.m.store.AddStepTime(ctx, h.id, step, byPerson, clock); err != nil {
			h.m.log.Warn("record time on step", "err", err)
		}
	}
}

// MoveBy moves the cohort delta steps from where it is (e.g. +1 for next). Reading the step
// and moving are one step: two facilitators pressing "next" together move the cohort twice.
func (h *Hub) MoveBy(ctx context.Context, by Actor, delta int) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.moveLocked(ctx, actor, "step", h.cohort.Step+delta)
}

// MoveParticipant sets a participant's own step, which counts when the cohort is self-paced.
func (h *Hub) MoveParticipant(ctx context.Context, pid int64, step int) error {
	h.mu.RLock()
	defer h.mu.RUnlock()
	mb, _, err := h.memberOf(pid)
	if err != nil {
		return err
	}
	if step < 0 || step >= len(h.module.Steps) {
		return Errorf(EInvalid, "step %d does not exist: this module has steps 1 to %d", step+1, len(h.module.Steps))
	}
	if !mayMoveTo(h.cohort, h.module, step) {
		return refuseMove(h.cohort, h.module)
	}
	mb.writing.Lock()
	defer mb.writing.Unlock()
	h.flushTimeLocked(ctx, []*member{mb})
	h.state.Lock()
	p := mb.p
	h.state.Unlock()
	p.Step = step
	if err := h.m.store.UpdateParticipant(ctx, p); err != nil {
		return fmt.Errorf("move participant: %w", err)
	}
	h.applyLocked(change{members: []int64{pid}}, func() { mb.p = p })
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
