package export

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"workshop/content"
	"workshop/internal/testenv"
	"workshop/session"
	"workshop/session/sqlite"
	"workshop/session/work"
)

// base is when the fixed cohort starts; every time in it is a fixed offset from here.
var base = time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)

func at(minutes int) time.Time { return base.Add(time.Duration(minutes) * time.Minute) }

// fixture is a cohort written straight through the store with fixed ids, codes and times, so
// its exports are the same bytes on every run.
type fixture struct {
	t   testing.TB
	ctx context.Context
	st  *sqlite.Store
	m   *session.Manager
	mod *content.Module
	c   session.Cohort
}

// newStore opens an empty store in a temporary directory with the fixture module saved.
func newStore(t testing.TB) *fixture {
	t.Helper()
	st, _ := testenv.TempStore(t)
	src, err := os.ReadFile(filepath.Join("testdata", "module.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	mod, problems := content.Parse("module.yaml", src)
	if mod == nil {
		t.Fatalf("fixture module: %v", problems)
	}
	ctx := context.Background()
	if err := st.SaveModuleVersion(ctx, mod.Hash, mod.ID, mod.Raw); err != nil {
		t.Fatal(err)
	}
	return &fixture{t: t, ctx: ctx, st: st, m: session.NewManager(st, testenv.Library(t, ""), nil), mod: mod}
}

func (f *fixture) cohort(code, name string) {
	f.t.Helper()
	c, err := f.st.CreateCohort(f.ctx, session.Cohort{Code: code, Name: name, ModuleID: f.mod.ID, ModuleHash: f.mod.Hash, Pace: session.PaceLed, CreatedBy: "ana", CreatedAt: base})
	if err != nil {
		f.t.Fatal(err)
	}
	f.c = c
}

func (f *fixture) join(name string, minute int) session.Participant {
	f.t.Helper()
	return f.joinFrom(name, "", "", minute)
}

// joinFrom adds someone with the department and email a roster import gives.
func (f *fixture) joinFrom(name, dept, email string, minute int) session.Participant {
	f.t.Helper()
	p, err := f.st.AddParticipant(f.ctx, session.Participant{CohortID: f.c.ID, Name: name, Department: dept, Email: email, JoinedAt: at(minute)})
	if err != nil {
		f.t.Fatal(err)
	}
	return p
}

func (f *fixture) art(step string, pid int64, v any, status session.Status, minute int) {
	f.t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		f.t.Fatal(err)
	}
	a := session.Artifact{CohortID: f.c.ID, StepID: step, ParticipantID: pid, Kind: string(f.kind(step)), Schema: work.Schema, Data: data, Status: status, UpdatedAt: at(minute)}
	if status == session.StatusSubmitted {
		a.SubmittedAt = at(minute)
	}
	if err := f.st.SaveArtifact(f.ctx, a); err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) board(step, owner string, v any, minute int) {
	f.t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		f.t.Fatal(err)
	}
	if err := f.st.SaveBoard(f.ctx, session.Board{CohortID: f.c.ID, StepID: step, Owner: owner, Kind: string(f.kind(step)), Schema: work.Schema, Data: data, UpdatedAt: at(minute)}); err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) spent(step string, minutes map[int64]int) {
	f.t.Helper()
	d := map[int64]time.Duration{}
	for pid, m := range minutes {
		d[pid] = time.Duration(m)*time.Minute + 20*time.Second
	}
	if err := f.st.AddStepTime(f.ctx, f.c.ID, step, d, session.Clock{At: at(80)}); err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) move(step, minute int, change func(c *session.Cohort), what ...string) {
	f.t.Helper()
	c, err := f.st.Cohort(f.ctx, f.c.ID)
	if err != nil {
		f.t.Fatal(err)
	}
	from := c.Step
	c.Step = step
	action, detail := "step", "from "+strconv.Itoa(from+1)+" to "+strconv.Itoa(step+1)+": "+f.mod.Steps[step].Title
	if change != nil {
		action, detail = what[0], what[1]
		change(&c)
	}
	if err := f.st.UpdateCohort(f.ctx, c, session.Event{At: at(minute), Actor: "ana", Action: action, Detail: detail}); err != nil {
		f.t.Fatal(err)
	}
	f.c = c
}

func (f *fixture) kind(step string) content.Kind {
	i := f.mod.StepIndex(step)
	if i < 0 || f.mod.Steps[i].Exercise == nil {
		f.t.Fatalf("fixture: step %q has no exercise", step)
	}
	return f.mod.Steps[i].Exercise.Kind
}

func list(items ...work.Item) *work.List { return &work.List{Items: items} }

func item(id, text string, by int64) work.Item { return work.Item{ID: id, Text: text, By: by} }

var shared = work.Shared{Shared: true}

// Texts of the anonymous roundtable, which must never appear next to an author.
var anonTexts = []string{"Too many meetings", "Nobody listens to the front desk", "Budget cuts hurt"}

// newFixture builds the fixed cohort: five participants (accented names, two teams and one
// without), work on every kind of exercise, an anonymous roundtable, time on steps, a raised
// hand, a locked step, a revealed vote and a facilitation timeline.
func newFixture(t testing.TB) *fixture {
	f := newStore(t)
	f.cohort("K7MQ2P", "Tuesday group")
	ana := f.joinFrom("Ana Souza", "Health", "ana@example.org", 1).ID
	bruno := f.joinFrom("Bruno Lima", "Transport", "", 2).ID
	chiara := f.join("Chiara Conti", 3).ID
	dario := f.join("Dário Ñúñez", 4).ID
	emile := f.join("Émile Zoë", 6).ID

	teams, err := f.st.ReplaceTeams(f.ctx, f.c.ID, []string{"Blue", "Green"}, map[int64]int{ana: 0, bruno: 0, chiara: 1, dario: 1},
		session.Event{At: at(20), Actor: "ana", Action: "teams", Detail: "2 teams formed by hand"})
	if err != nil {
		t.Fatal(err)
	}
	blue, green := session.OwnerTeam(teams[0].ID), session.OwnerTeam(teams[1].ID)
	p, err := f.st.Participant(f.ctx, bruno)
	if err != nil {
		t.Fatal(err)
	}
	p.Hand = &session.Hand{Text: "Stuck on the census", At: at(70)}
	if err := f.st.UpdateParticipant(f.ctx, p); err != nil {
		t.Fatal(err)
	}

	f.move(1, 8, nil)
	f.art("story", ana, work.Reflection{Text: "The queue was long.\nStaff were kind & helpful."}, session.StatusSubmitted, 12)
	f.art("story", bruno, work.Reflection{Text: "Forms, forms, forms"}, session.StatusDraft, 13)
	f.art("story", chiara, work.Reflection{Text: "I waited two hours <and> left."}, session.StatusSubmitted, 14)
	f.art("story", emile, work.Reflection{Text: "Nothing to add."}, session.StatusSubmitted, 15)
	f.move(1, 16, func(c *session.Cohort) { c.Live.Locked = []string{"story"} }, "lock", "step 2: A visit you remember")

	f.move(2, 17, nil)
	f.art("ideas", ana, list(item("i-a1", "Online booking", ana), item("i-a2", "Clear signs", ana)), session.StatusSubmitted, 19)
	f.art("ideas", bruno, list(item("i-b1", "SMS reminders", bruno)), session.StatusDraft, 19)
	f.art("ideas", chiara, list(item("i-c1", "One form for all", chiara)), session.StatusSubmitted, 20)

	f.move(3, 21, nil)
	f.board("pains", blue, list(item("p-b1", "Long queue", ana), item("p-b2", "Lost papers", bruno)), 25)
	f.board("pains", green, list(item("p-g1", "No parking", dario)), 26)
	f.art("pains", ana, shared, session.StatusSubmitted, 25)
	f.art("pains", bruno, shared, session.StatusDraft, 24)
	f.art("pains", dario, shared, session.StatusSubmitted, 26)

	f.move(4, 27, nil)
	// The pool holds no authors by design; one is planted here to prove the export drops it.
	f.board("roundtable", session.OwnerPool, list(item("r-2", anonTexts[1], 0), item("r-1", anonTexts[0], dario), item("r-3", anonTexts[2], 0)), 31)
	f.art("roundtable", ana, shared, session.StatusSubmitted, 29)
	f.art("roundtable", chiara, shared, session.StatusSubmitted, 30)
	// Work an older version might have left on a participant's own record.
	f.art("roundtable", emile, list(item("r-9", "Written by Émile", emile)), session.StatusSubmitted, 31)

	f.move(5, 32, nil)
	f.art("vote-ideas", ana, work.Vote{Dots: map[string]int{"i-b1": 2, "i-c1": 1}}, session.StatusSubmitted, 34)
	f.art("vote-ideas", bruno, work.Vote{Dots: map[string]int{"i-a1": 3}}, session.StatusSubmitted, 34)
	f.art("vote-ideas", chiara, work.Vote{Dots: map[string]int{"i-a1": 1, "i-b1": 1, "i-a2": 1}}, session.StatusSubmitted, 35)
	f.art("vote-ideas", emile, work.Vote{Dots: map[string]int{"i-c1": 1}}, session.StatusDraft, 35)
	f.move(5, 36, func(c *session.Cohort) {
		c.Live.Votes = map[string]session.VoteState{"vote-ideas": {Closed: true, Revealed: true}}
	}, "vote", "closed and revealed the vote of step 6")

	f.move(6, 37, nil)
	f.art("vote-round", ana, work.Vote{Dots: map[string]int{"r-1": 2}}, session.StatusSubmitted, 38)
	f.art("vote-round", dario, work.Vote{Dots: map[string]int{"r-2": 1, "r-3": 1}}, session.StatusSubmitted, 39)

	f.move(7, 40, nil)
	f.art("sort", ana, work.Matrix{Places: map[string]work.Place{"i-a1": {X: 8, Y: 8}, "i-b1": {X: 2, Y: 7}}}, session.StatusSubmitted, 43)
	f.art("sort", chiara, work.Matrix{Places: map[string]work.Place{"i-a1": {X: 6, Y: 9}, "i-c1": {X: 3, Y: 2}}}, session.StatusSubmitted, 44)

	f.move(8, 45, nil)
	f.board("team-sort", blue, work.Matrix{Places: map[string]work.Place{"p-b1": {X: 7, Y: 8}, "p-b2": {X: 2, Y: 2}}}, 48)
	f.board("team-sort", green, work.Matrix{Places: map[string]work.Place{"p-g1": {X: 5, Y: 1}}}, 49)
	f.art("team-sort", ana, shared, session.StatusSubmitted, 48)

	f.move(9, 50, nil)
	f.art("round-sort", ana, work.Matrix{Places: map[string]work.Place{"r-1": {X: 1, Y: 8}}}, session.StatusSubmitted, 52)
	f.art("round-sort", bruno, work.Matrix{Places: map[string]work.Place{"r-1": {X: 3, Y: 9}, "r-2": {X: 8, Y: 1}}}, session.StatusSubmitted, 53)

	f.move(10, 54, nil)
	f.art("journey", ana, work.Journey{Stages: []string{"Find out", "Apply", "Wait"}, Cells: [][]string{{"Search the web", "Fill the form", "Check status"}, {"Confused", "Hopeful", ""}}}, session.StatusSubmitted, 58)
	f.art("journey", emile, work.Journey{Stages: []string{"Find out", "Apply"}, Cells: [][]string{{"Ask a friend", ""}}}, session.StatusDraft, 59)

	f.move(11, 60, nil)
	f.board("census", blue, work.Table{Rows: [][]string{{"Permits", "120", "Online"}, {"Parking cards", "45", "Counter"}}}, 64)
	f.board("census", green, work.Table{Rows: [][]string{{"Library cards", "300", "Online"}}}, 65)
	f.art("census", ana, shared, session.StatusSubmitted, 64)
	f.art("census", chiara, shared, session.StatusDraft, 65)

	f.move(12, 66, nil)
	f.art("ready", ana, work.Scale{Ratings: []int{4, 2}}, session.StatusSubmitted, 67)
	f.art("ready", bruno, work.Scale{Ratings: []int{5, 3}}, session.StatusSubmitted, 67)
	f.art("ready", chiara, work.Scale{Ratings: []int{1, 1}}, session.StatusDraft, 68)
	f.art("ready", dario, work.Scale{Ratings: []int{4, 0}}, session.StatusSubmitted, 68)

	f.move(13, 69, nil)
	f.art("rollout", ana, work.Checklist{Ticks: []bool{true, false}, Notes: []string{"Done in March", ""}}, session.StatusSubmitted, 72)
	f.art("rollout", emile, work.Checklist{Ticks: []bool{true, true}, Notes: []string{"", "With the help desk"}}, session.StatusSubmitted, 73)

	f.move(14, 74, nil)
	f.art("check", ana, work.Quiz{Answers: []int{0, 1}}, session.StatusSubmitted, 76)
	f.art("check", bruno, work.Quiz{Answers: []int{1, 1}}, session.StatusSubmitted, 77)
	f.art("check", chiara, work.Quiz{Answers: []int{0, -1}}, session.StatusDraft, 78)
	if err := f.st.Record(f.ctx, session.Event{CohortID: f.c.ID, At: at(79), Actor: "ana", Action: "announce", Detail: "Thank you all!"}); err != nil {
		t.Fatal(err)
	}

	if _, err := f.st.AddStepNote(f.ctx, session.StepNote{CohortID: f.c.ID, StepID: "story", By: "ana", Text: "Pair Chiara with Bruno next time", At: at(30)}); err != nil {
		t.Fatal(err)
	}

	steps := []string{"welcome", "story", "ideas", "pains", "roundtable", "vote-ideas", "vote-round", "sort", "team-sort", "round-sort", "journey", "census", "ready", "rollout", "check"}
	for i, s := range steps {
		f.spent(s, map[int64]int{ana: 3 + i%4, bruno: 2 + i%3, chiara: 4, dario: 1 + i%2, emile: i % 5})
	}
	for i, pid := range []int64{ana, bruno, chiara, dario, emile} {
		if err := f.st.TouchParticipant(f.ctx, pid, at(80+i)); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

// report builds the fixture's report.
func (f *fixture) report() *Report {
	f.t.Helper()
	r, err := Build(f.ctx, f.m, f.c.ID, Stamp{Reproducible: true})
	if err != nil {
		f.t.Fatal(err)
	}
	return r
}
