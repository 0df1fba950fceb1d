package exercise

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"workshop/content"
	"workshop/internal/testenv/keypress"
	"workshop/session"
	"workshop/session/work"
	"workshop/tui/ui"
	"workshop/tui/ui/uitest"
)

// exHarness drives one editor the way the participant view does, with a stand-in for the
// hub: saves of own work are kept as the stored artifact, board changes are applied to the
// stored board with the exercise's checks, and the answers go back to the editor. Commands
// run at once (the draft delays are zero), so a test reads the stored work right after a key.
type exHarness struct {
	t      *testing.T
	st     *ui.Styles
	env    *Env
	step   content.Step
	ex     Editor
	w, h   int
	art    *session.Artifact
	board  any
	saves  int
	ops    int
	reload int
	refuse error // answer every change with this error
}

func testSnapshot(mod *content.Module) *session.Snapshot {
	return &session.Snapshot{
		Cohort: session.Cohort{Code: "TESTCD", Name: "Test cohort"},
		Module: mod,
		Roster: []session.Member{
			{Participant: session.Participant{ID: 1, Name: "Ana", TeamID: 7}, Online: true},
			{Participant: session.Participant{ID: 2, Name: "Bea", TeamID: 7}, Online: true},
			{Participant: session.Participant{ID: 3, Name: "Cai"}, Online: true},
		},
		Teams:  []session.Team{{ID: 7, Name: "Blue"}},
		Boards: map[string]uint64{},
	}
}

// newExHarness builds the editor of the exercise in yaml (an exercise mapping) for
// participant 1 (Ana, in team Blue), at w×h.
func newExHarness(t *testing.T, yaml string, w, h int) *exHarness {
	t.Helper()
	mod := testModule(t, yaml)
	step := mod.Steps[len(mod.Steps)-1]
	keys := NewKeys(ui.DefaultKeyMap())
	env := &Env{Me: 1, Keys: &keys, Snap: testSnapshot(mod), mine: map[string]map[string]bool{}}
	x := &exHarness{t: t, st: uitest.Styles(), env: env, step: step, w: w, h: h}
	if session.SharedWork(step.Exercise) {
		x.board = work.New(step.Exercise)
	}
	return x
}

// testModule parses a module whose last step holds the given exercise; a list step "ideas"
// comes first for exercises that draw on it.
func testModule(t *testing.T, exercise string) *content.Module {
	t.Helper()
	return parseTestModule(t, `id: test-kinds
title: Test kinds
summary: One exercise.
language: en
duration: 10
version: "1"
steps:
  - id: ideas
    title: Ideas
    phase: reflect
    guidance: Add ideas.
    exercise:
      kind: list
  - id: work
    title: The work
    phase: apply
    guidance: Do the work.
    exercise:
`+indent(exercise, "      "))
}

// testModulePT is testModule's module in Portuguese, with the given exercise (a translation of
// the original's).
func testModulePT(t *testing.T, exercise string) *content.Module {
	t.Helper()
	return parseTestModule(t, `id: test-kinds
title: Tipos de teste
summary: Um exercício.
language: pt-BR
translated_from: en
duration: 10
version: "1"
steps:
  - id: ideas
    title: Ideias
    phase: reflect
    guidance: Adicione ideias.
    exercise:
      kind: list
  - id: work
    title: O trabalho
    phase: apply
    guidance: Faça o trabalho.
    exercise:
`+indent(exercise, "      "))
}

func parseTestModule(t *testing.T, src string) *content.Module {
	t.Helper()
	mod, problems := content.Parse("test.yaml", []byte(src))
	if mod == nil || len(problems) > 0 {
		t.Fatalf("test module: %v", problems)
	}
	return mod
}

func indent(s, pre string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		lines[i] = pre + l
	}
	return strings.Join(lines, "\n") + "\n"
}

// open builds the editor from what is stored, plus extra data (items, tally, results).
func (x *exHarness) open(extra Data) {
	x.t.Helper()
	d := extra
	d.StepID = x.step.ID
	d.Art = x.art
	if x.board != nil {
		d.Owner, d.Board = "team:7", work.Clone(x.board)
		if x.step.Exercise.Anonymous {
			d.Owner = session.OwnerPool
		}
	}
	x.ex = New(x.st, x.env, x.step, d).Resize(x.w, x.h)
	x.run(x.ex.Focus())
}

// refresh hands the editor the stored board and extra data, as after a teammate's change.
func (x *exHarness) refresh(extra Data) {
	d := extra
	d.StepID, d.Art = x.step.ID, x.art
	if x.board != nil {
		d.Owner, d.Board = "team:7", work.Clone(x.board)
		if x.step.Exercise.Anonymous {
			d.Owner = session.OwnerPool
		}
	}
	x.ex = x.ex.Refresh(d)
}

func (x *exHarness) send(msg tea.Msg) {
	var cmd tea.Cmd
	x.ex, cmd = x.ex.Update(msg)
	x.run(cmd)
}

func (x *exHarness) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(5 * time.Second):
		x.t.Fatal("a command did not return")
	}
	switch m := msg.(type) {
	case tea.BatchMsg:
		for _, c := range m {
			x.run(c)
		}
	case draftTickMsg:
		x.send(m)
	case Asked:
		for _, w := range m.Take() {
			x.run(func() tea.Msg { return w })
		}
	case SaveWork:
		x.saves++
		a := session.Artifact{StepID: m.StepID, ParticipantID: 1, Kind: string(x.step.Exercise.Kind), Schema: m.Schema, Data: m.Data, Status: session.StatusDraft, UpdatedAt: time.Now()}
		if m.Submit {
			a.Status = session.StatusSubmitted
		}
		err := x.refuse
		if err == nil {
			x.art = &a
		}
		x.send(WorkSaved{Editor: m.Editor, Artifact: a, Data: m.Data, Submit: m.Submit, Seq: m.Seq, Err: err})
	case BoardOp:
		x.ops++
		next := work.Clone(x.board)
		err := x.refuse
		if err == nil {
			err = m.Op(next)
		}
		if err == nil {
			err = work.Check(x.step.Exercise, next)
		}
		if err == nil {
			if l, ok := next.(*work.List); ok && x.step.Exercise.Anonymous {
				for i := range l.Items {
					l.Items[i].By, l.Items[i].EditedBy = 0, 0
				}
			}
			x.board = next
		}
		x.send(BoardSaved{Editor: m.Editor, V: work.Clone(x.board), Err: err})
	case Reload:
		x.reload++
	}
}

// keys presses keys by name: "a", "K", "enter", "esc", "ctrl+s", "shift+up", "space"…
func (x *exHarness) keys(names ...string) {
	x.t.Helper()
	for _, n := range names {
		x.send(keypress.Named(n))
	}
}

// typeText types text one key at a time.
func (x *exHarness) typeText(s string) {
	for _, k := range keypress.Typed(s) {
		x.send(k)
	}
}

// view draws the editor, checks that it fits its size exactly, and returns it without styling.
func (x *exHarness) view() string {
	x.t.Helper()
	return uitest.CheckFits(x.t, x.ex.View(), x.w, x.h)
}

// stored decodes the stored own work.
func (x *exHarness) stored() any {
	x.t.Helper()
	if x.art == nil {
		x.t.Fatal("nothing stored")
	}
	v, err := work.Decode(x.step.Exercise, x.art.Schema, x.art.Data)
	if err != nil {
		x.t.Fatal(err)
	}
	return v
}

func (x *exHarness) mustShow(texts ...string) string {
	x.t.Helper()
	v := x.view()
	for _, s := range texts {
		if !strings.Contains(v, s) {
			x.t.Fatalf("screen does not show %q:\n%s", s, v)
		}
	}
	return v
}

func (x *exHarness) mustNotShow(texts ...string) {
	x.t.Helper()
	v := x.view()
	for _, s := range texts {
		if strings.Contains(v, s) {
			x.t.Fatalf("screen shows %q:\n%s", s, v)
		}
	}
}

func items(texts ...string) []work.Item {
	out := make([]work.Item, len(texts))
	for i, s := range texts {
		out[i] = work.Item{ID: fmt.Sprintf("i%d", i+1), Text: s, By: int64(i%3 + 1)}
	}
	return out
}
