package exercise

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"workshop/internal/testenv/keypress"
	"workshop/session"
	"workshop/session/work"
)

// pressHeld sends a key to the editor and returns the message its command gives, without
// answering anything: the test stands for a participant view whose writes are on their way.
func (x *exHarness) pressHeld(name string) tea.Msg {
	x.t.Helper()
	var cmd tea.Cmd
	x.ex, cmd = x.ex.Update(keypress.Named(name))
	if cmd == nil {
		x.t.Fatalf("%s asked for nothing", name)
	}
	return cmd()
}

// An editor asks for every change to be stored, in the order made, however Bubble Tea orders
// the messages that say so; it holds none back while earlier ones are unanswered, and the
// answers, folded or not, leave nothing unsaved.
func TestChangesReachTheViewInTheOrderMade(t *testing.T) {
	x := newExHarness(t, "kind: checklist\nitems: [Staff trained, Help desk briefed, Signs up]", 60, 10)
	x.open(Data{})
	first := x.pressHeld("space") // tick 1
	x.keys("j")
	second := x.pressHeld("space") // tick 2, while the first save is unanswered
	x.keys("j")
	third := x.pressHeld("space") // tick 3
	// The last message arrives first: it hands over all three, oldest first.
	got := third.(Asked).Take()
	if len(got) != 3 {
		t.Fatalf("handed over %d changes, want 3: %v", len(got), got)
	}
	for i, w := range got {
		s, ok := w.(SaveWork)
		if !ok || s.Seq != i+1 {
			t.Fatalf("change %d is %#v, want save %d", i, w, i+1)
		}
		v, err := work.Decode(x.step.Exercise, s.Schema, s.Data)
		if err != nil {
			t.Fatal(err)
		}
		for j, tick := range v.(*work.Checklist).Ticks {
			if tick != (j <= i) {
				t.Fatalf("save %d holds ticks %v", i+1, v.(*work.Checklist).Ticks)
			}
		}
	}
	if len(first.(Asked).Take()) != 0 || len(second.(Asked).Take()) != 0 {
		t.Fatal("a change was handed over twice")
	}
	if s := x.view(); !strings.Contains(s, "Saving") {
		t.Fatalf("unanswered saves not shown:\n%s", s)
	}
	// The view folded the second save into the third; the answers come in order.
	a := session.Artifact{StepID: x.step.ID, Status: session.StatusDraft}
	x.send(WorkSaved{Editor: x.ex.ID(), Artifact: a, Data: got[0].(SaveWork).Data, Seq: 1})
	if s := x.view(); !strings.Contains(s, "Saving") {
		t.Fatalf("the newest save is still on its way:\n%s", s)
	}
	x.send(WorkSaved{Editor: x.ex.ID(), Artifact: a, Data: got[2].(SaveWork).Data, Seq: 3})
	if s := x.view(); strings.Contains(s, "Saving") || strings.Contains(s, "Editing") {
		t.Fatalf("all saves answered, yet:\n%s", s)
	}
	// Nothing is left to store as the editor goes away.
	if cmd := x.ex.Leave(); cmd != nil {
		t.Fatalf("leaving stores again: %#v", cmd())
	}
}
