package tui

import (
	"reflect"
	"testing"

	"workshop/i18n"
)

// TestScreenKeysFollowTheLanguage draws a participant's help line in each of its states, in
// English and then in Portuguese, and checks that the keys kept from frame to frame are those
// built afresh.
func TestScreenKeysFollowTheLanguage(t *testing.T) {
	pv := screenMovedToReflection(t, i18n.New(i18n.English))
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
