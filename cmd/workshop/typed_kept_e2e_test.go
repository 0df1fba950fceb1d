package main

import (
	"context"
	"strings"
	"testing"
)

// A list item or a table cell half typed when the connection drops is kept, as a reflection
// is: the participant who comes back finds it in their list or table.
func TestHalfTypedItemAndCellSurviveADroppedConnection(t *testing.T) {
	ts, facKey, _ := setup(t)
	code := exercisesCohort(t, ts, facKey)
	ana, rejoin := joinAs(t, ts, code, "Ana")
	h := hubOf(t, ts, code)
	pid := h.Snapshot().Roster[0].ID
	stored := func(stepID, text string) func() bool {
		return func() bool {
			a, found, err := h.Work(context.Background(), pid, stepID)
			return err == nil && found && strings.Contains(string(a.Data), text)
		}
	}
	back := func() *termClient {
		c := dialTerm(t, ts.addr(), strings.ReplaceAll(rejoin, "-", ""), nil, 80, 24)
		return c
	}

	moveTo(t, ts, facKey, code, exIdeas)
	ana.waitFor("Step 3 of 14", "+ Add an item")
	ana.typeText("a")
	ana.waitFor("New item")
	ana.typeText("Half an ide")
	ana.waitFor("Half an ide")
	ana.close()
	waitUntil(t, "the half-typed item stored", stored("ideas", "Half an ide"))
	again := back()
	again.waitFor("Step 3 of 14", "1. Half an ide")

	moveTo(t, ts, facKey, code, 11)
	again.waitFor("Step 11 of 14 — Census")
	again.typeText("a")
	again.typeText("Passp")
	again.waitFor("Passp")
	again.close()
	waitUntil(t, "the half-typed cell stored", stored("census", "Passp"))
	last := back()
	last.waitFor("Step 11 of 14", "Passp")
}
