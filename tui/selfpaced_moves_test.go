package tui

import (
	"context"
	"testing"

	tea "charm.land/bubbletea/v2"

	"workshop/internal/testenv/keypress"
	"workshop/session"
	"workshop/tui/exercise"
	"workshop/tui/ui/uitest"
)

// A self-paced participant who steps forward and straight back again stays where they went
// back to, and the hub stores that step: the snapshot of the first move, arriving late, does
// not pull the screen forward, and going back to the step stored before the first move
// arrived is a move like any other. The view's commands are not run here; each answer is
// handed to it in the order that once lost the move back.
func TestSelfPacedQuickMovesLandOnTheLastStep(t *testing.T) {
	m, h, ps := exercisesCohort(t, session.PaceSelf, "Ana")
	ctx := context.Background()
	sub, err := h.Subscribe(ctx, ps[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sub.Close)
	deps := &Deps{Ctx: ctx, Manager: m, Conn: &Conn{}}
	pv := newParticipantView(newCommon(deps, uitest.Styles(), nil), h, sub, ps[0])
	pv.Resize(80, 24)
	pv.loadWork()
	update := func(msg tea.Msg) { pv.Update(msg) }

	update(keypress.Named("]")) // to step 2, a reflection: it loads, and the move is queued
	if pv.viewing != 1 || !pv.busy {
		t.Fatalf("after ]: viewing %d, a move on its way %v", pv.viewing, pv.busy)
	}
	update(exLoadedMsg{Data: exercise.Data{StepID: pv.step().ID}, seq: pv.loadSeq})
	update(keypress.Named("[")) // back to step 1 before the hub has answered the first move
	if pv.viewing != 0 {
		t.Fatalf("after [: viewing %d", pv.viewing)
	}
	if len(pv.writes) != 1 || pv.writes[0] != (moveMsg{to: 0}) {
		t.Fatalf("going back while a move is on its way queued %v, want the move to step 1", pv.writes)
	}

	// The hub takes the moves in order; the snapshot of the first one arrives first.
	if err := h.MoveParticipant(ctx, ps[0].ID, 1); err != nil {
		t.Fatal(err)
	}
	update(stateMsg{h.Snapshot()})
	if pv.viewing != 0 {
		t.Fatalf("the late snapshot of the first move pulled the screen to step %d", pv.viewing+1)
	}
	update(writeDoneMsg{result: moveDoneMsg{}})
	if err := h.MoveParticipant(ctx, ps[0].ID, 0); err != nil {
		t.Fatal(err)
	}
	update(writeDoneMsg{result: moveDoneMsg{}})
	update(stateMsg{h.Snapshot()})
	if pv.viewing != 0 || pv.moving != -1 {
		t.Fatalf("after both moves: viewing %d, moving %d", pv.viewing, pv.moving)
	}
}
