package command

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"workshop/internal/testenv"
	"workshop/session"
	"workshop/session/work"
)

// personFixture is a cohort where Ana wrote a reflection, added to her team's board and to the
// anonymous pool, raised and lowered a hand, and was sent two messages, one dismissed.
func personFixture(t *testing.T) (*Env, string) {
	t.Helper()
	ctx := context.Background()
	e := testenv.New(t, testenv.Modules(t))
	h, c := e.Cohort(t, session.NewCohort{ModuleID: "facilitation", Name: "Thursday"})
	ps := testenv.Join(t, h, "Ana Souza", "Bruno")
	ana, by := ps[0].ID, testenv.Facilitator()
	if _, err := h.SaveWork(ctx, ana, "recall", work.Schema, []byte(`{"text":"The queue went round the block"}`), true); err != nil {
		t.Fatal(err)
	}
	if _, err := h.SplitTeams(ctx, by, session.TeamPlan{Count: 1}); err != nil {
		t.Fatal(err)
	}
	add := func(step, text string) {
		if _, err := h.UpdateBoard(ctx, ana, step, func(v any) error {
			l := v.(*work.List)
			l.Items = append(l.Items, work.Item{ID: "i" + step, Text: text})
			return nil
		}); err != nil {
			t.Fatalf("board %s: %v", step, err)
		}
	}
	add("team-board", "Open on Saturdays")
	add("barriers", "Forms only on paper")
	if err := h.RaiseHand(ctx, ana, "stuck"); err != nil {
		t.Fatal(err)
	}
	if err := h.ClearHand(ctx, by, ana); err != nil {
		t.Fatal(err)
	}
	m, err := h.Message(ctx, by, ana, "Share your map, please")
	if err != nil {
		t.Fatal(err)
	}
	if err := h.DismissMessage(ctx, ana, m.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := h.Message(ctx, by, ana, "Room 3 after the break"); err != nil {
		t.Fatal(err)
	}
	return &Env{Open: Fixed(e.Manager), Actor: by}, c.Code
}

func runPerson(t *testing.T, env *Env, args ...string) string {
	t.Helper()
	cmd := Person(env)
	var out bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	cmd.SetArgs(args)
	if err := cmd.ExecuteContext(context.Background()); err != nil {
		t.Fatalf("person %v: %v\n%s", args, err, out.String())
	}
	return out.String()
}

// `person CODE NAME` prints the person's page from what is stored: work on every step (their
// team's board on a team step, nothing of an anonymous one), hands and messages.
func TestPersonPageCommand(t *testing.T) {
	env, code := personFixture(t)
	out := runPerson(t, env, code, "Ana", "Souza")
	for _, want := range []string{
		"Ana Souza · team ", "2. Recall a visit — submitted",
		"The queue went round the block",
		"on Team 1's board:", "Open on Saturdays",
		"(anonymous: no item here is tied to a person)",
		"Share your map, please (dismissed ", "Room 3 after the break (on their screen)",
		", lowered ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Forms only on paper") {
		t.Errorf("an anonymous item is on a person's page:\n%s", out)
	}

	var pg session.PersonPage
	if err := json.Unmarshal([]byte(runPerson(t, env, code, "Ana Souza", "--format", "json")), &pg); err != nil {
		t.Fatal(err)
	}
	if pg.Label != "Ana Souza" || len(pg.Steps) != 6 || pg.Steps[1].Status != session.StatusSubmitted || len(pg.Messages) != 2 || len(pg.Hands) != 1 || !pg.Steps[2].Anonymous {
		t.Errorf("json page: %+v", pg)
	}

	cmd := Person(env)
	cmd.SetArgs([]string{code, "Nobody"})
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	if err := cmd.ExecuteContext(context.Background()); err == nil || !strings.Contains(err.Error(), `nobody in `+code+` is called "Nobody"`) {
		t.Errorf("unknown person: %v", err)
	}
}
