package tui

import (
	"context"
	"reflect"
	"testing"

	"workshop/i18n"
	"workshop/internal/testenv"
	"workshop/session"
	"workshop/tui/ui/uitest"
)

// TestScreenKeysFollowTheLanguage draws a participant's help line in each of its states, in
// English and then in Portuguese, and checks that the keys kept from frame to frame are those
// built afresh.
func TestScreenKeysFollowTheLanguage(t *testing.T) {
	m, h, ps := exercisesCohortOn(t, nil, session.PaceLed, "Ana")
	ctx := context.Background()
	deps := &Deps{Ctx: ctx, Manager: m, Conn: &Conn{}}
	sub, err := h.Subscribe(ctx, ps[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Close()
	pv := newParticipantView(newCommon(deps, uitest.Styles(), i18n.New(i18n.English)), h, sub, ps[0])
	pv.Resize(80, 20)
	pv.Init()
	if err := h.Move(ctx, testenv.Facilitator(), 1); err != nil { // the reflection
		t.Fatal(err)
	}
	pv.Update(stateMsg{snap: h.Snapshot()})
	if pv.ex == nil {
		t.Fatal("no editor after the move")
	}
	check := func(when string) {
		t.Helper()
		got := pv.ShortHelp()
		keep := pv.helpKeys
		pv.helpKeys = nil
		want := pv.ShortHelp()
		pv.helpKeys = keep
		if len(got) != len(want) {
			t.Fatalf("%s: %d keys, want %d", when, len(got), len(want))
		}
		for i := range got {
			if !reflect.DeepEqual(got[i].Help(), want[i].Help()) || !reflect.DeepEqual(got[i].Keys(), want[i].Keys()) {
				t.Fatalf("%s: key %d is %v %v, want %v %v", when, i, got[i].Keys(), got[i].Help(), want[i].Keys(), want[i].Help())
			}
		}
	}
	states := func(lang string) {
		t.Helper()
		pv.focus = focusExercise
		check(lang + ", writing")
		pv.focus = focusGuidance
		check(lang + ", reading the guidance")
		pv.live.handOpen = true
		check(lang + ", raising a hand")
		pv.live.handOpen = false
	}
	states("in English")
	pv.speak(pv.withLang(i18n.Portuguese))
	states("in Portuguese")
}
