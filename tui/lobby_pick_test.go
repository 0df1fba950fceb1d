package tui

import (
	"fmt"
	"strings"
	"testing"

	"workshop/internal/testenv/keypress"
	"workshop/session"
	"workshop/tui/ui/uitest"
)

// The picker of a key holder's cohorts names each cohort, its module and the person's step
// there, wraps what does not fit and scrolls with the cursor, saying where it is, at 80×24 and
// 40×12; enter on a cohort opens it, on the last line asks for a code, and esc there comes back.
func TestLobbyPickerOfSeveralCohorts(t *testing.T) {
	var mine []session.Membership
	for i := range 10 {
		mine = append(mine, session.Membership{
			Participant: session.Participant{ID: int64(i + 1), CohortID: int64(i + 1)},
			Cohort:      session.Cohort{ID: int64(i + 1), Name: fmt.Sprintf("Cohort %d of the Tuesday afternoon programme", i+1)},
			ModuleTitle: "Service digitisation", Step: i, Steps: 39,
		})
	}
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			st := uitest.Styles()
			com := newCommon(&Deps{}, st, nil)
			l := newLobby(com)
			a := App{Common: com, help: newHelp(), width: w, height: h, screen: l}
			a.help.SetWidth(w)
			a.screen = l.Resize(a.bodySize())
			l.Update(membershipsMsg{mine: mine})
			s := uitest.CheckFits(t, a.render(), w, h)
			if !strings.Contains(s, "1 of 11") || !strings.Contains(s, "› Cohort 1") || !strings.Contains(s, "step 1 of 39") {
				t.Errorf("picker at the first cohort:\n%s", s)
			}
			for range 10 {
				l.Update(keypress.Named("down"))
			}
			s = uitest.CheckFits(t, a.render(), w, h)
			if !strings.Contains(s, "11 of 11") || !strings.Contains(s, "› Join another workshop") || strings.Contains(s, "› Cohort") {
				t.Errorf("picker at its last line:\n%s", s)
			}
			l.Update(keypress.Named("enter"))
			if l.stage != stageCode {
				t.Fatalf("join another: stage %v", l.stage)
			}
			l.Update(keypress.Named("esc"))
			l.Update(keypress.Named("up"))
			if _, cmd := l.Update(keypress.Named("enter")); l.stage != stageBusy || cmd == nil {
				t.Fatalf("choosing a cohort: stage %v", l.stage)
			}
			// Keys typed while the cohort opens are for no screen.
			l.Update(keypress.Named("x"))
			if l.input.Value() != "" || l.stage != stageBusy {
				t.Errorf("a key typed while opening went to %q, stage %v", l.input.Value(), l.stage)
			}
		})
	}
}
