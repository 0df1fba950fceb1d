package exercise

import (
	"strings"
	"testing"
)

// TestReflectionSizedAgain changes, one at a time, each thing the text area's height is worked
// out from (the editor's height, its width, which wraps the prompt, and the lines its status
// takes) and checks after each that the area has the height worked out afresh.
func TestReflectionSizedAgain(t *testing.T) {
	x := newExHarness(t, "kind: reflection\nprompt: Which of the ideas we heard today would you try first?", 60, 12)
	x.open(Data{})
	r := x.ex.(*reflection)
	lastArea := -1
	check := func(when string) {
		t.Helper()
		r.View()
		foot := strings.Count(r.statusLine(r.count()), "\n") + 1
		want := max(r.height-foot-len(r.fitPrompt(r.height-foot)), 1)
		if got := r.area.Height(); got != want {
			t.Fatalf("%s: the text area is %d lines, want %d", when, got, want)
		}
		if want == lastArea {
			t.Fatalf("%s: the area is %d lines as before: the test no longer tells the change", when, want)
		}
		lastArea = want
	}
	check("opened")
	x.ex.Resize(60, 14)
	check("taller")
	x.ex.Resize(45, 14)
	check("narrower, the prompt on two lines")
	r.message, r.isError = "The answer could not be stored: the connection to the server was lost a moment ago", true
	check("a status on two lines")
	r.message, r.isError = "", false
	check("the status on one line again")
}
