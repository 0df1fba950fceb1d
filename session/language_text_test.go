package session

import (
	"strings"
	"testing"
	"time"

	"workshop/i18n"
)

// The words session writes for people come in the reader's language.
func TestSessionWordsInEveryLanguage(t *testing.T) {
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	for _, lang := range i18n.Languages {
		p := i18n.Strict(lang)
		var words []string
		for _, ago := range []time.Duration{10 * time.Second, 4 * time.Minute, 65 * time.Minute} {
			words = append(words, SinceText(p, now, now.Add(-ago)))
		}
		for _, s := range []AttendanceStatus{Present, Late, LeftEarly, Absent} {
			words = append(words, p.Msg(s.Msg()))
		}
		for _, e := range []WallEntry{{Key: "p1"}, {Key: "pool"}, {Key: "i3"}, {Key: "t2", Team: "Blue"}} {
			words = append(words, p.Msg(e.TitleMsg()), p.Msg((&Spotlight{Title: e.Title()}).TitleMsg()))
		}
		for _, a := range []string{"create", "step", "lock", "unlock", "pace", "announce", "hand", "archive", "timer", "spotlight", "vote",
			"teams", "people", "merge-older-work", "message", "meeting"} {
			words = append(words, p.Msg(ActionMsg(a)))
		}
		words = append(words, TeamTitleIn(p, "Blue"), p.Msg(faultMsg))
		for _, w := range words {
			if w == "" || strings.Contains(w, "⟦") {
				t.Errorf("%s: %q", lang, w)
			}
		}
	}
	pt := i18n.New(i18n.Portuguese)
	if got := SinceText(pt, now, now.Add(-10*time.Second)); got != "agora" {
		t.Errorf("a hand raised just now reads %q in Portuguese", got)
	}
	if got := SinceText(pt, now, now.Add(-65*time.Minute)); got != "1h05" {
		t.Errorf("a hand raised 65 minutes ago reads %q", got)
	}
	if got := pt.Msg((&Spotlight{Title: "Blue's board"}).TitleMsg()); got != "Quadro de Blue" {
		t.Errorf("a stored spotlight title reads %q in Portuguese", got)
	}
	if got := pt.Msg(Absent.Msg()); got != "ausente" {
		t.Errorf("absent is %q in Portuguese", got)
	}
}
