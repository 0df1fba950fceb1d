package session

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// MergeResult says what a merge did.
type MergeResult struct {
	// Moved counts the steps whose work came over from the other record alone; Both, those
	// where both records had work (the newer was kept, the older went to the timeline).
	Moved, Both int
	Kept        Participant
}

// MergeParticipants folds the record drop into keep, for a person who came back as a second
// record (a keyless person who lost their rejoin code): every step's work ends on keep, and
// where both have work on a step the newer is kept and the older is written whole into the
// timeline, so nothing is lost and nothing is counted twice. Time per step is added up,
// activity (attendance) becomes keep's, keep takes drop's team, key or rejoin code where it
// has none, and drop is gone. drop must be offline: its screens would lose their person.
func (h *Hub) MergeParticipants(ctx context.Context, by Actor, keepID, dropID int64) (MergeResult, error) {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return MergeResult{}, err
	}
	if keepID == dropID {
		return MergeResult{}, Errorf(EInvalid, "that is one record: name two to merge")
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	keep, kp, err := h.personLocked(keepID)
	if err != nil {
		return MergeResult{}, err
	}
	drop, dp, err := h.personLocked(dropID)
	if err != nil {
		return MergeResult{}, err
	}
	if err := h.mayMergeLocked(drop, kp, dp); err != nil {
		return MergeResult{}, err
	}
	arts, err := h.m.store.Artifacts(ctx, h.id, "")
	if err != nil {
		return MergeResult{}, fmt.Errorf("merge in %s: %w", h.code, err)
	}
	plan := mergeIdentity(kp, dp)
	now := h.m.now()
	res, superseded := h.mergeWork(&plan, arts, kp, dp, actor, now)
	plan.Events = append([]Event{{CohortID: h.id, At: now, Actor: actor, Action: "people",
		Detail: fmt.Sprintf("merged %s into %s: work on %s moved, %s on both (the newer kept)", dp.Label(), kp.Label(),
			countOf(res.Moved, "step", "steps"), countOf(res.Both, "step", "steps"))}}, superseded...)
	if err := h.m.store.MergeParticipants(ctx, plan); err != nil {
		return MergeResult{}, fmt.Errorf("merge in %s: %w", h.code, err)
	}
	h.applyLocked(change{everyone: true}, func() {
		h.applyMergeLocked(keep, dp, plan)
		res.Kept = keep.p
	})
	return res, nil
}

// mayMergeLocked refuses a merge whose dropped record is online, or of two records that each
// hold a key (two people). The caller holds h.mu.
func (h *Hub) mayMergeLocked(drop *member, kp, dp Participant) error {
	h.state.Lock()
	online := drop.online > 0
	h.state.Unlock()
	if online {
		return Errorf(EConflict, "%s is online now: merge into the record they are using (keep it, drop the other), or wait until they leave", dp.Label())
	}
	if kp.Fingerprint != "" && dp.Fingerprint != "" {
		return Errorf(EConflict, "%s and %s each joined with their own SSH key, so they are two people's records", kp.Label(), dp.Label())
	}
	return nil
}

// mergeIdentity starts the plan of merging dp into kp: the kept record keeps its team, key and
// rejoin code and takes dp's where it has none.
func mergeIdentity(kp, dp Participant) MergePlan {
	plan := MergePlan{Keep: kp.ID, Drop: dp.ID, Team: kp.TeamID, Fingerprint: kp.Fingerprint, RejoinCode: kp.RejoinCode}
	if plan.Team == 0 {
		plan.Team = dp.TeamID
	}
	if plan.Fingerprint == "" {
		plan.Fingerprint = dp.Fingerprint
	}
	if plan.RejoinCode == "" {
		plan.RejoinCode = dp.RejoinCode
	}
	return plan
}

// mergeWork adds to the plan the dropped record's work that moves to the kept one: each step
// only dp has work on, and each step both have work on where dp's is newer. It returns the
// counts and, for every step both have work on, the timeline event that keeps the older work.
func (h *Hub) mergeWork(plan *MergePlan, arts []Artifact, kp, dp Participant, actor string, now time.Time) (MergeResult, []Event) {
	mine := map[string]Artifact{}
	for _, a := range arts {
		if a.ParticipantID == kp.ID {
			mine[a.StepID] = a
		}
	}
	var res MergeResult
	var superseded []Event
	for _, a := range arts {
		if a.ParticipantID != dp.ID {
			continue
		}
		own, both := mine[a.StepID]
		older := own
		switch {
		case !both:
			res.Moved++
		case a.UpdatedAt.After(own.UpdatedAt):
			res.Both++
		default:
			res.Both++
			older = a
			a = Artifact{}
		}
		if a.StepID != "" {
			a.ParticipantID = kp.ID
			plan.Work = append(plan.Work, a)
		}
		if both {
			superseded = append(superseded, Event{CohortID: h.id, At: now, Actor: actor, Action: "merge-older-work", Detail: olderWork(older, kp, dp)})
		}
	}
	return res, superseded
}

// applyMergeLocked makes the stored merge true in memory: keep holds the moved work, drop's
// pool shares, messages and identity, the earlier join time, and drop is forgotten. The caller holds
// h.state (inside applyLocked).
func (h *Hub) applyMergeLocked(keep *member, dp Participant, plan MergePlan) {
	for _, a := range plan.Work {
		keep.stored[a.StepID] = true
		if i := h.module.StepIndex(a.StepID); i >= 0 {
			if st := WorkStatus(h.module.Steps[i].Exercise, a); st != "" {
				keep.status[a.StepID] = st
			}
		}
	}
	for _, shares := range h.poolShares {
		if n, ok := shares[dp.ID]; ok {
			shares[keep.p.ID] += n
			delete(shares, dp.ID)
		}
	}
	if drop, ok := h.byID[dp.ID]; ok {
		keep.takeMessages(drop)
	}
	keep.p.TeamID, keep.p.Fingerprint, keep.p.RejoinCode = plan.Team, plan.Fingerprint, normalizeOrEmpty(plan.RejoinCode)
	if dp.JoinedAt.Before(keep.p.JoinedAt) {
		keep.p.JoinedAt = dp.JoinedAt
	}
	h.dropMemberLocked(dp.ID)
}

// takeMessages gives mb the messages of drop not yet dismissed, as a merge moved them in the
// store, so they show on mb's screens at once, in the order they were sent.
func (mb *member) takeMessages(drop *member) {
	if len(drop.messages) == 0 {
		return
	}
	mb.messages = append(mb.messages, drop.messages...)
	for i := range mb.messages {
		mb.messages[i].ParticipantID = mb.p.ID
	}
	slices.SortStableFunc(mb.messages, func(a, b DirectMessage) int { return cmp.Or(a.At.Compare(b.At), cmp.Compare(a.ID, b.ID)) })
}

func normalizeOrEmpty(code string) string {
	if code == "" {
		return ""
	}
	return NormalizeCode(code)
}

// olderWork is the timeline's record of work a merge did not keep: whose, which step, when,
// and the work itself, so a trainer can still read it in the timeline and the export.
func olderWork(a Artifact, keep, drop Participant) string {
	who := keep.Label()
	if a.ParticipantID == drop.ID {
		who = drop.Label()
	}
	data := string(a.Data)
	if data == "" || !json.Valid(a.Data) {
		data = "{}"
	}
	return fmt.Sprintf("older work of %s on step %s (%s, %s) not kept by the merge: %s", who, a.StepID, a.Status,
		a.UpdatedAt.UTC().Format(time.RFC3339), data)
}
