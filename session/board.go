package session

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"workshop/content"
	"workshop/i18n"
	"workshop/session/work"
)

// Errors of work that cannot change now; screens show them as they are.
var (
	// ErrNoTeam is returned for team work by a participant who is in no team yet.
	ErrNoTeam = Errorf(EConflict, "you are not in a team yet: the facilitator will form teams")
	// ErrLocked is returned for a change to a step the facilitator locked.
	ErrLocked = Errorf(EConflict, "the facilitator has locked this step: you can read your work but not change it")
	// ErrVoteClosed is returned for a change to a vote the facilitator closed.
	ErrVoteClosed = Errorf(EConflict, "the vote is closed: your dots are counted as they are")
)

// writableLocked says why a participant's work on a step cannot change now, or nil if it can
// (see Writable); the caller holds h.mu.
func (h *Hub) writableLocked(stepID string, p Participant) error {
	var ex *content.Exercise
	if idx := h.module.StepIndex(stepID); idx >= 0 {
		ex = h.module.Steps[idx].Exercise
	}
	return Writable(h.cohort.Live, ex, stepID, p.TeamID != 0)
}

// exerciseOf returns the exercise of a step, or an error naming the step.
func (h *Hub) exerciseOf(stepID string) (*content.Exercise, error) {
	idx := h.module.StepIndex(stepID)
	if idx < 0 || h.module.Steps[idx].Exercise == nil {
		return nil, fmt.Errorf("step %q has no exercise", stepID)
	}
	return h.module.Steps[idx].Exercise, nil
}

// SharedWork says whether an exercise's work is one shared board rather than one artifact per
// participant: anonymous lists (the cohort's pool) and team lists, matrices, journeys and
// tables. A team vote is not: each member spends their own dots on their team's items, and
// the team's tally adds them up.
func SharedWork(ex *content.Exercise) bool {
	return ex.Anonymous || (ex.Team && ex.Kind != content.KindVote)
}

// BoardOwner returns the shared board a participant works on for an exercise: the anonymous
// pool, their team's board, or "" for individual work (see SharedWork).
func BoardOwner(ex *content.Exercise, p Participant) (string, error) {
	switch {
	case !SharedWork(ex):
		return "", nil
	case ex.Anonymous:
		return OwnerPool, nil
	case ex.Team:
		if p.TeamID == 0 {
			return "", ErrNoTeam
		}
		return OwnerTeam(p.TeamID), nil
	}
	return "", nil
}

// Board returns the decoded shared board a participant works on for a step (see BoardOwner),
// with its owner.
func (h *Hub) Board(ctx context.Context, pid int64, stepID string) (v any, owner string, err error) {
	ex, err := h.exerciseOf(stepID)
	if err != nil {
		return nil, "", err
	}
	_, p, err := h.memberOf(pid)
	if err != nil {
		return nil, "", err
	}
	owner, err = BoardOwner(ex, p)
	if err != nil || owner == "" {
		return nil, owner, err
	}
	b, err := h.m.store.Board(ctx, h.id, stepID, owner)
	if errors.Is(err, ErrNotFound) {
		return work.New(ex), owner, nil
	}
	if err != nil {
		return nil, owner, fmt.Errorf("load board: %w", err)
	}
	v, err = work.Decode(ex, b.Schema, b.Data)
	return v, owner, err
}

// UpdateBoard changes the shared board a participant works on: fn edits the decoded board in
// place. The read, change and write of one board happen one at a time, so teammates editing at
// the same moment never overwrite each other, while other boards and other work are stored
// alongside. The board is checked against the exercise's limits and cleaned of control
// sequences, stored, then published to the screens showing it.
func (h *Hub) UpdateBoard(ctx context.Context, pid int64, stepID string, fn func(v any) error) (any, error) {
	ex, err := h.exerciseOf(stepID)
	if err != nil {
		return nil, err
	}
	h.mu.RLock()
	defer h.mu.RUnlock()
	mb, p, err := h.memberOf(pid)
	if err != nil {
		return nil, err
	}
	if err := h.writableLocked(stepID, p); err != nil {
		return nil, err
	}
	owner, err := BoardOwner(ex, p)
	if err != nil {
		return nil, err
	}
	if owner == "" {
		return nil, fmt.Errorf("step %q is individual work, not a shared board", stepID)
	}
	key := BoardKey(stepID, owner)
	unlock := h.lockBoard(key)
	defer unlock()
	v, err := h.loadBoard(ctx, ex, stepID, owner)
	if err != nil {
		return nil, err
	}
	var before *work.List
	if l, ok := v.(*work.List); ok {
		before = work.Clone(l).(*work.List)
	}
	if err := fn(v); err != nil {
		return nil, err
	}
	share := -1 // the participant's share of the anonymous pool after this change
	if list, ok := v.(*work.List); ok && before != nil {
		if share, err = h.checkShare(ex, stepID, pid, before, list); err != nil {
			return nil, err
		}
	}
	data, err := encodeBoard(ex, v)
	if err != nil {
		return nil, err
	}
	now := h.m.now()
	if ex.Anonymous {
		// A to-the-second time on the anonymous pool could be matched against the moment
		// someone was seen typing; the minute is enough to say the board is fresh.
		now = now.Truncate(time.Minute)
	}
	// On a team board the contribution shows the participant as working; that is stored
	// before the board, so whoever sees the board stored also finds them at work. On the
	// anonymous pool nothing about the participant is written, so no time or row links them
	// to an item.
	working := false
	if !ex.Anonymous {
		mb.writing.Lock()
		defer mb.writing.Unlock()
		h.state.Lock()
		started := mb.status[stepID] != ""
		h.state.Unlock()
		if !started {
			a := Artifact{CohortID: h.id, StepID: stepID, ParticipantID: pid, Kind: string(ex.Kind), Schema: work.Schema, Data: []byte(`{"shared":true}`), Status: StatusDraft, UpdatedAt: now}
			h.markStored(mb, stepID)
			working = h.m.store.SaveArtifact(ctx, a) == nil
		}
	}
	if err := h.m.store.SaveBoard(ctx, Board{CohortID: h.id, StepID: stepID, Owner: owner, Kind: string(ex.Kind), Schema: work.Schema, Data: data, UpdatedAt: now}); err != nil {
		if working {
			h.applyLocked(change{}, func() { mb.status[stepID] = StatusDraft })
		}
		return nil, fmt.Errorf("save board: %w", err)
	}
	h.m.metrics.Saved()
	h.applyLocked(change{key: key}, func() {
		if working {
			mb.status[stepID] = StatusDraft
		}
		if share >= 0 {
			if h.poolShares[stepID] == nil {
				h.poolShares[stepID] = map[int64]int{}
			}
			h.poolShares[stepID][pid] = share
		}
		h.bumpLocked(key)
	})
	out, _ := work.Decode(ex, work.Schema, data)
	return out, nil
}

// loadBoard reads a board as stored, or a new empty one of the exercise's kind.
func (h *Hub) loadBoard(ctx context.Context, ex *content.Exercise, stepID, owner string) (any, error) {
	b, err := h.m.store.Board(ctx, h.id, stepID, owner)
	if errors.Is(err, ErrNotFound) {
		return work.New(ex), nil
	}
	if err != nil {
		return nil, fmt.Errorf("load board: %w", err)
	}
	return work.Decode(ex, b.Schema, b.Data)
}

// encodeBoard checks a changed board against the exercise's limits and encodes it as it is
// stored, refusing one over the size limit.
func encodeBoard(ex *content.Exercise, v any) ([]byte, error) {
	if err := work.Check(ex, v); err != nil {
		return nil, err
	}
	data, err := work.Encode(v)
	if err != nil {
		return nil, err
	}
	if data, err = CleanJSON(data); err != nil {
		return nil, err
	}
	if len(data) > MaxArtifactBytes {
		return nil, Errorf(EInvalid, "this board is %d KB; the limit is %d KB", len(data)>>10, MaxArtifactBytes>>10)
	}
	return data, nil
}

// checkShare holds a participant to a shared list's max_items: on a team board the items
// they added (which the change may not credit to anyone else), on the anonymous pool the
// count the hub keeps in memory of the items they added there, less those they removed. It
// clears authors from the anonymous pool and returns the participant's new share of it, or -1
// for a team board. The caller holds the board's lock.
func (h *Hub) checkShare(ex *content.Exercise, stepID string, pid int64, before, after *work.List) (int, error) {
	added, removed := work.Changed(before, after)
	if !ex.Anonymous {
		for i := range after.Items {
			if before.Index(after.Items[i].ID) < 0 {
				after.Items[i].By = pid // a new item is its adder's, whatever the screen sent
			}
		}
		return -1, work.CheckShare(ex, work.OwnItems(after, pid), added > 0)
	}
	for i := range after.Items {
		// Anonymity lives in the data: no author or editor is ever stored.
		after.Items[i].By, after.Items[i].EditedBy = 0, 0
	}
	h.state.Lock()
	share := h.poolShares[stepID][pid]
	h.state.Unlock()
	share = max(share+added-removed, 0)
	if err := work.CheckShare(ex, share, added > 0); err != nil {
		return -1, err
	}
	return share, nil
}

// lockBoard takes the lock of one shared board and returns its release.
func (h *Hub) lockBoard(key string) (unlock func()) {
	h.state.Lock()
	l, ok := h.boardLocks[key]
	if !ok {
		l = &sync.Mutex{}
		h.boardLocks[key] = l
	}
	h.state.Unlock()
	l.Lock()
	return l.Unlock
}

// StepWork returns every participant artifact and shared board of a step.
func (h *Hub) StepWork(ctx context.Context, stepID string) ([]Artifact, []Board, error) {
	arts, err := h.m.store.Artifacts(ctx, h.id, stepID)
	if err != nil {
		return nil, nil, fmt.Errorf("load work of step %q: %w", stepID, err)
	}
	boards, err := h.m.store.Boards(ctx, h.id, stepID)
	if err != nil {
		return nil, nil, fmt.Errorf("load boards of step %q: %w", stepID, err)
	}
	return arts, boards, nil
}

// Items returns the list items a vote or matrix exercise works on, as a participant sees
// them: from the step named by the exercise's `from`, every participant's own list, every team
// board and the anonymous pool; for team exercises, only the participant's team's board and
// teammates' lists. Authors are dropped from anonymous items (they are never stored anyway).
func (h *Hub) Items(ctx context.Context, pid int64, stepID string) ([]work.Item, error) {
	ex, err := h.exerciseOf(stepID)
	if err != nil {
		return nil, err
	}
	if ex.From == "" {
		return nil, fmt.Errorf("step %q draws on no earlier step", stepID)
	}
	from, err := h.exerciseOf(ex.From)
	if err != nil {
		return nil, err
	}
	h.state.Lock()
	me, ok := h.byID[pid]
	team := int64(0)
	if ok {
		team = me.p.TeamID
	}
	h.state.Unlock()
	if pid != 0 && !ok {
		return nil, fmt.Errorf("participant %d is not in cohort %s", pid, h.code)
	}
	if !ex.Team || pid == 0 {
		team = 0 // the whole cohort's items
	} else if team == 0 {
		return nil, ErrNoTeam
	}
	arts, boards, err := h.StepWork(ctx, ex.From)
	if err != nil {
		return nil, err
	}
	return StepItems(from, boards, arts, h.teamOf(), team), nil
}

// VoteTally adds up the votes of a vote step over the items it works on (see TallyVote); for a
// team vote, teamID selects the team (0 for the whole cohort).
func (h *Hub) VoteTally(ctx context.Context, stepID string, teamID int64) ([]work.Tally, error) {
	ex, err := h.exerciseOf(stepID)
	if err != nil {
		return nil, err
	}
	if ex.From == "" {
		return nil, fmt.Errorf("step %q draws on no earlier step", stepID)
	}
	from, err := h.exerciseOf(ex.From)
	if err != nil {
		return nil, err
	}
	if !ex.Team {
		teamID = 0
	}
	fromArts, fromBoards, err := h.StepWork(ctx, ex.From)
	if err != nil {
		return nil, err
	}
	ballots, _, err := h.StepWork(ctx, stepID)
	if err != nil {
		return nil, err
	}
	teamOf := h.teamOf()
	tally, _ := TallyVote(ex, StepItems(from, fromBoards, fromArts, teamOf, teamID), ballots, teamOf, teamID)
	return tally, nil
}

// ScaleResults returns how the cohort rated each statement of a scale step.
func (h *Hub) ScaleResults(ctx context.Context, stepID string) ([][5]int, error) {
	ex, err := h.exerciseOf(stepID)
	if err != nil {
		return nil, err
	}
	arts, _, err := h.StepWork(ctx, stepID)
	if err != nil {
		return nil, err
	}
	var scales []*work.Scale
	for _, a := range arts {
		if a.Status != StatusSubmitted {
			continue
		}
		if v, err := work.Decode(ex, a.Schema, a.Data); err == nil {
			if s, ok := v.(*work.Scale); ok {
				scales = append(scales, s)
			}
		}
	}
	return work.Distribution(ex, scales), nil
}

func (h *Hub) teamOf() map[int64]int64 {
	h.state.Lock()
	defer h.state.Unlock()
	out := make(map[int64]int64, len(h.members))
	for _, mb := range h.members {
		out[mb.p.ID] = mb.p.TeamID
	}
	return out
}

// RaiseHand records a participant's request for help, with an optional line of text.
func (h *Hub) RaiseHand(ctx context.Context, pid int64, text string) error {
	text = CleanLine(text)
	if err := Bound(i18n.M("your message"), text, 140); err != nil {
		return err
	}
	at := h.m.now()
	if err := h.updateMember(ctx, pid, func(p *Participant) { p.Hand = &Hand{Text: text, At: at} }); err != nil {
		return err
	}
	h.recordActivity(ctx, pid, ActHandUp, at)
	return nil
}

// LowerHand withdraws a participant's request for help.
func (h *Hub) LowerHand(ctx context.Context, pid int64) error {
	if err := h.updateMember(ctx, pid, func(p *Participant) { p.Hand = nil }); err != nil {
		return err
	}
	h.recordActivity(ctx, pid, ActHandDown, h.m.now())
	return nil
}

// updateMember stores a participant's change to their own record, then publishes it to
// their screens and the consoles.
func (h *Hub) updateMember(ctx context.Context, pid int64, edit func(p *Participant)) error {
	h.mu.RLock()
	defer h.mu.RUnlock()
	mb, _, err := h.memberOf(pid)
	if err != nil {
		return err
	}
	mb.writing.Lock()
	defer mb.writing.Unlock()
	h.state.Lock()
	p := mb.p
	h.state.Unlock()
	edit(&p)
	if err := h.m.store.UpdateParticipant(ctx, p); err != nil {
		return fmt.Errorf("update participant: %w", err)
	}
	h.applyLocked(change{members: []int64{pid}}, func() { mb.p = p })
	return nil
}
