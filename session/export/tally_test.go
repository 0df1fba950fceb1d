package export_test

import (
	"context"
	"slices"
	"testing"

	"workshop/internal/testenv"
	"workshop/session"
	"workshop/session/export"
	"workshop/session/work"
)

// The facilitator's console and the export rank a vote's items alike, ties included: on
// items from everyone's own lists, from an anonymous pool, and from team boards.
func TestConsoleAndExportTallyTiesAlike(t *testing.T) {
	ctx := context.Background()
	env := testenv.New(t, testenv.Modules(t))
	m := env.Manager
	fac := session.ShellActor("fran")

	open := func(module string) (*session.Hub, []session.Participant) {
		h, _ := env.Cohort(t, session.NewCohort{ModuleID: module, Name: module, By: fac})
		return h, testenv.Join(t, h, "Ana", "Bea", "Cai", "Dan")
	}
	save := func(h *session.Hub, p session.Participant, step string, v any) {
		t.Helper()
		data, err := work.Encode(v)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := h.SaveCountedWork(ctx, p.ID, step, work.Schema, data, true); err != nil {
			t.Fatal(err)
		}
	}
	add := func(h *session.Hub, p session.Participant, step string, texts ...string) []string {
		t.Helper()
		var ids []string
		for _, text := range texts {
			id := work.NewID()
			if _, err := h.UpdateBoard(ctx, p.ID, step, func(v any) error {
				v.(*work.List).Add(work.Item{ID: id, Text: text, By: p.ID})
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		return ids
	}
	// vote gives each item one dot from someone, so that every item ties.
	vote := func(h *session.Hub, ps []session.Participant, step string, ids []string) {
		t.Helper()
		for i, id := range ids {
			save(h, ps[i%len(ps)], step, &work.Vote{Dots: map[string]int{id: 1}})
		}
	}
	texts := func(tally []work.Tally) []string {
		var out []string
		for _, x := range tally {
			out = append(out, x.Item.Text)
		}
		return out
	}
	exported := func(h *session.Hub, step string) [][]string {
		t.Helper()
		r, err := export.Build(ctx, m, h.Snapshot().Cohort.ID, export.Stamp{Reproducible: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, res := range r.Results {
			if res.StepID == step {
				var out [][]string
				for _, tl := range res.Vote.Tallies {
					var ts []string
					for _, it := range tl.Items {
						ts = append(ts, it.Text)
					}
					out = append(out, ts)
				}
				return out
			}
		}
		t.Fatalf("no result for %s", step)
		return nil
	}
	same := func(what string, console []work.Tally, exp []string) {
		t.Helper()
		if !slices.Equal(texts(console), exp) {
			t.Errorf("%s: the console ranks %q, the export %q", what, texts(console), exp)
		}
	}

	t.Run("own lists and team boards", func(t *testing.T) {
		h, ps := open("e2e-exercises")
		save(h, ps[1], "ideas", &work.List{Items: []work.Item{{ID: "b1", Text: "Zebra crossing", By: ps[1].ID}, {ID: "b2", Text: "apply online", By: ps[1].ID}}})
		save(h, ps[0], "ideas", &work.List{Items: []work.Item{{ID: "a1", Text: "Queue numbers", By: ps[0].ID}, {ID: "a2", Text: "Booking", By: ps[0].ID}}})
		vote(h, ps, "vote", []string{"b1", "a1", "b2", "a2"})
		tally, err := h.VoteTally(ctx, "vote", 0)
		if err != nil {
			t.Fatal(err)
		}
		same("a vote on own lists", tally, exported(h, "vote")[0])

		if _, err := h.SplitTeams(ctx, fac, session.TeamPlan{Count: 1}); err != nil {
			t.Fatal(err)
		}
		ps0, _ := h.Snapshot().Member(ps[0].ID)
		ids := add(h, ps[2], "team-ideas", "Zoning", "maps", "Kiosk")
		vote(h, ps, "team-vote", ids)
		tally, err = h.VoteTally(ctx, "team-vote", ps0.TeamID)
		if err != nil {
			t.Fatal(err)
		}
		same("a team vote", tally, exported(h, "team-vote")[0])
	})

	t.Run("anonymous pool", func(t *testing.T) {
		h, ps := open("facilitation")
		ids := add(h, ps[0], "barriers", "Zero trust")
		ids = append(ids, add(h, ps[1], "barriers", "paper forms", "Long queues")...)
		vote(h, ps, "dots", ids)
		tally, err := h.VoteTally(ctx, "dots", 0)
		if err != nil {
			t.Fatal(err)
		}
		same("a vote on an anonymous pool", tally, exported(h, "dots")[0])
		if want := []string{"Long queues", "paper forms", "Zero trust"}; !slices.Equal(texts(tally), want) {
			t.Errorf("tied items ranked %q, want text order %q", texts(tally), want)
		}
	})
}
