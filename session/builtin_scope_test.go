package session_test

import (
	"context"
	"slices"
	"testing"

	"workshop/session"
	"workshop/session/work"
)

// In the built-in modules a vote and a matrix on the same ideas see the items their guidance
// promises: each team votes on and sorts its own team's ideas, never a pool of every team's.
func TestBuiltinVotesAndMatricesStayWithinTheTeam(t *testing.T) {
	cases := []struct {
		module, list string
		steps        []string // the votes and matrices drawing on list
	}{
		{"service-digitisation", "ideas", []string{"impact-effort", "dot-vote"}},
		{"participatory-policy", "integrated-ideas", []string{"vote", "priority-matrix"}},
	}
	for _, c := range cases {
		t.Run(c.module, func(t *testing.T) {
			ctx := context.Background()
			m, _, _ := openManager(t, boardModule)
			mod, ok := m.Library().Get(c.module)
			if !ok {
				t.Fatalf("no built-in module %q", c.module)
			}
			for _, id := range c.steps {
				if i := mod.StepIndex(id); i < 0 || mod.Steps[i].Exercise == nil || mod.Steps[i].Exercise.From != c.list {
					t.Fatalf("step %q does not draw on %q", id, c.list)
				}
			}
			co, err := m.CreateCohort(ctx, session.NewCohort{ModuleID: c.module, Name: "Scope", By: session.ShellActor("test")})
			if err != nil {
				t.Fatal(err)
			}
			h, err := m.Hub(ctx, co.ID)
			if err != nil {
				t.Fatal(err)
			}
			var ps []session.Participant
			for _, n := range []string{"Ana", "Bea", "Cai", "Dan"} {
				p, _, err := h.Join(ctx, session.Identity{}, n)
				if err != nil {
					t.Fatal(err)
				}
				ps = append(ps, p)
			}
			formTeams(t, h, ps) // Ana and Bea in one team, Cai and Dan in the other
			add := func(p session.Participant, text string) {
				t.Helper()
				if _, err := h.UpdateBoard(ctx, p.ID, c.list, addItem(text, p.ID)); err != nil {
					t.Fatalf("%s adds %q to %s: %v", p.Name, text, c.list, err)
				}
			}
			add(ps[0], "Ana's idea")
			add(ps[1], "Bea's idea")
			add(ps[2], "Cai's idea")
			for _, step := range c.steps {
				for _, p := range ps {
					its, err := h.Items(ctx, p.ID, step)
					if err != nil {
						t.Fatal(err)
					}
					want := []string{"Ana's idea", "Bea's idea"}
					if p.Name == "Cai" || p.Name == "Dan" {
						want = []string{"Cai's idea"}
					}
					if got := texts(its); !slices.Equal(got, want) {
						t.Errorf("%s sees %q on %s, want their team's %q", p.Name, got, step, want)
					}
				}
			}
		})
	}
}

func texts(its []work.Item) []string {
	out := make([]string, len(its))
	for i, it := range its {
		out[i] = it.Text
	}
	slices.Sort(out)
	return out
}
