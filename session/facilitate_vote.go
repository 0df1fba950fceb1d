package session

import (
	"context"

	"workshop/content"
)

// voteStep checks that a step holds a vote exercise and returns its label.
func (h *Hub) voteStep(stepID string) (string, error) {
	label, err := h.stepLabel(stepID)
	if err != nil {
		return "", err
	}
	ex := h.module.Steps[h.module.StepIndex(stepID)].Exercise
	if ex == nil || ex.Kind != content.KindVote {
		return "", Errorf(EInvalid, "%s is not a vote", label)
	}
	return label, nil
}

func (h *Hub) setVote(ctx context.Context, actor, stepID, what string, change func(v *VoteState)) error {
	label, err := h.voteStep(stepID)
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	v := h.cohort.Live.Vote(stepID)
	change(&v)
	if v == h.cohort.Live.Vote(stepID) {
		return nil
	}
	return h.changeCohortLocked(ctx, actor, "vote", what+" "+label, func(c *Cohort) error {
		if c.Live.Votes == nil {
			c.Live.Votes = map[string]VoteState{}
		}
		c.Live.Votes[stepID] = v
		return nil
	})
}

// OpenVote lets participants vote on a vote step (again).
func (h *Hub) OpenVote(ctx context.Context, by Actor, stepID string) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	return h.setVote(ctx, actor, stepID, "opened", func(v *VoteState) { v.Closed = false })
}

// CloseVote stops a vote step from taking votes.
func (h *Hub) CloseVote(ctx context.Context, by Actor, stepID string) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	return h.setVote(ctx, actor, stepID, "closed", func(v *VoteState) { v.Closed = true })
}

// RevealVote shows a vote step's results on every participant's screen.
func (h *Hub) RevealVote(ctx context.Context, by Actor, stepID string) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	return h.setVote(ctx, actor, stepID, "revealed the results of", func(v *VoteState) { v.Revealed = true })
}

// HideVote takes a vote step's results off participants' screens.
func (h *Hub) HideVote(ctx context.Context, by Actor, stepID string) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	return h.setVote(ctx, actor, stepID, "hid the results of", func(v *VoteState) { v.Revealed = false })
}
