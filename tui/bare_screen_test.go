package tui

import (
	"context"
	"testing"

	"workshop/i18n"
	"workshop/session"
	"workshop/tui/ui/uitest"
)

// screenMovedToReflection opens Ana's screen at 80×20 with no program around it, speaking p
// (nil: the default printer), moves her cohort to its reflection step and hands the screen that
// state, as a move reaches it.
func screenMovedToReflection(t *testing.T, p *i18n.Printer) *participantView {
	t.Helper()
	m, h, ps := exercisesCohortOn(t, nil, session.PaceLed, "Ana")
	ctx := context.Background()
	deps := &Deps{Ctx: ctx, Manager: m, Conn: &Conn{}}
	sub, err := h.Subscribe(ctx, ps[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sub.Close)
	pv := newParticipantView(newCommon(deps, uitest.Styles(), p), h, sub, ps[0])
	pv.Resize(80, 20)
	pv.Init()
	if err := h.Move(ctx, session.ShellActor("test"), 1); err != nil { // the reflection
		t.Fatal(err)
	}
	pv.Update(stateMsg{snap: h.Snapshot()})
	return pv
}
