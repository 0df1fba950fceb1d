package tui

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"

	"workshop/internal/testenv"
	"workshop/session"
)

// lookAlikeCohort is a live cohort on the facilitation module whose people typed the given
// names, in that order.
func lookAlikeCohort(t *testing.T, names ...string) (*session.Manager, *session.Hub) {
	t.Helper()
	ctx := context.Background()
	env := testenv.New(t, testenv.Modules(t))
	h, _ := env.Cohort(t, session.NewCohort{ModuleID: "facilitation", Name: "Thursday"})
	m := env.Manager
	for _, p := range testenv.Join(t, h, names...) {
		if err := h.RaiseHand(ctx, p.ID, "help"); err != nil {
			t.Fatal(err)
		}
	}
	return m, h
}

// Five people who typed "Ana" five ways are five different rows wherever the facilitator
// sees them: the roster, the hands and the teams, and the roster and teams commands, which
// also move each of them by the label shown.
func TestLookAlikeNamesAreApartOnTheConsole(t *testing.T) {
	m, h := lookAlikeCohort(t, "Ana", "Аna", "Ana\u200b", "Ａｎａ", "ana\u00a0")
	labels := []string{"Ana", "Аna · 2", "Ana · 3", "Ana · 4", "ana · 5"}
	ctx := context.Background()
	if _, err := h.SplitTeams(ctx, session.ShellActor("fran"), session.TeamPlan{Count: 2, ByHand: true}); err != nil {
		t.Fatal(err)
	}
	st := NewStyles(true, colorprofile.Ascii)
	for _, tab := range []string{"1", "2", "4"} {
		r := snapshotRoom(h.Snapshot(), 80, 30)
		r.st = &st
		roomPress(t, r, tab)
		view := conFits(t, "tab "+tab, r.View(), 80, 30)
		for _, l := range labels {
			if strings.Count(view, l+" ") < 1 {
				t.Errorf("tab %s does not show %q:\n%s", tab, l, view)
			}
		}
	}

	door := NewFrontDoor(m, nil, JoinHint{})
	run := func(args ...string) string {
		t.Helper()
		var out, errOut bytes.Buffer
		if rc := door.RunCommand(ctx, session.Facilitator{Name: "fran"}, session.ShellActor("fran"), args, &out, &errOut); rc != 0 {
			t.Fatalf("%q: exit %d: %s", args, rc, errOut.String())
		}
		return out.String()
	}
	code := h.Snapshot().Cohort.Code
	run("teams", code, "--move", "Аna · 2=Team 2")
	run("teams", code, "--move", "ANA=Team 1")
	s := h.Snapshot()
	if s.Roster[1].TeamID != s.Teams[1].ID || s.Roster[0].TeamID != s.Teams[0].ID {
		t.Errorf("moves by label reached the wrong people: %+v", s.Roster)
	}
	roster := run("roster", code)
	teams := run("teams", code)
	for _, l := range labels {
		if !strings.Contains(roster, l+"  ") || !strings.Contains(teams, l) {
			t.Errorf("%q missing from the roster or teams command:\n%s\n%s", l, roster, teams)
		}
	}
	if json := run("roster", code, "--format", "json"); !strings.Contains(json, `"label": "Аna · 2"`) {
		t.Errorf("roster JSON without labels:\n%s", json)
	}
	var errOut bytes.Buffer
	door.RunCommand(ctx, session.Facilitator{Name: "fran"}, session.ShellActor("fran"), []string{"hands", code, "--clear", "Bruno"}, &bytes.Buffer{}, &errOut)
	if !strings.Contains(errOut.String(), "nobody") {
		t.Errorf("clearing the hand of nobody: %q", errOut.String())
	}
}
