package exercise

import (
	"errors"
	"strings"
	"testing"

	"workshop/session"
)

// A refusal is shown as it is and not tried again: it is an answer, not a fault.
func TestRefusalIsShownAndNotRetried(t *testing.T) {
	x := newExHarness(t, "kind: reflection", 60, 10)
	x.open(Data{})
	x.refuse = session.ErrLocked
	x.typeText("x")
	if x.saves != 1 {
		t.Fatalf("%d saves, want 1", x.saves)
	}
	s := x.mustShow("Not saved: The facilitator has locked this step")
	if strings.Contains(s, NotSavedYet) {
		t.Fatalf("a refusal was treated as a fault:\n%s", s)
	}
	x.refuse = errors.New("begin transaction: database is locked (5) (SQLITE_BUSY)")
	x.typeText("y")
	x.mustShow(NotSavedYet)
	x.mustNotShow("SQLITE", "transaction")
}
