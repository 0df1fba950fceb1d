package main

import (
	"context"
	"strings"
	"testing"

	"workshop/session"
)

// A participant with a key belongs to as many cohorts as they join, one participant in each.
// The code they give, as the SSH user name or at the prompt, picks the cohort, never the one
// they were in last; with no code they choose among their cohorts. What they type while a
// screen opens never reaches the editor of another cohort.
func TestKeyHolderInSeveralCohorts(t *testing.T) {
	ts, facKey, _ := setup(t)
	codeA := createCohort(t, ts, facKey) // "Tuesday group"
	out, errOut, rc := runCommand(t, ts.addr(), facKey, `cohort create --module e2e-basics --name "Wednesday group"`)
	codeB := lastLine(out)
	if rc != 0 || !session.LooksLikeJoinCode(codeB) {
		t.Fatalf("cohort create: exit %d\n%s%s", rc, out, errOut)
	}
	key, _ := newKey(t)
	id := session.IdentityFromKey(key.PublicKey())

	// In A, on its second step, with an answer.
	a := dialTerm(t, ts.addr(), codeA, key, 80, 24)
	a.waitFor("Cohort: Tuesday group", "What name")
	a.typeText("Bo Key" + keyEnter)
	a.waitFor("Step 1 of 3")
	if out, errOut, rc := runCommand(t, ts.addr(), facKey, "step "+codeA+" 2"); rc != 0 {
		t.Fatalf("step: %d %s %s", rc, out, errOut)
	}
	a.waitFor("Step 2 of 3", "What made the service")
	a.typeText("answer in A")
	a.press(keyCtrlS)
	a.waitFor("Submitted")
	a.close()

	// B's code leads to B: its name prompt, then its first step. The name, enter and more
	// keys arrive at once, before B's step screen is ready.
	b := dialTerm(t, ts.addr(), codeB, key, 80, 24)
	b.waitFor("Cohort: Wednesday group", "What name")
	b.typeText("Bo Key" + keyEnter + "zzz")
	s := b.waitFor("Step 1 of 3 — Welcome")
	if strings.Contains(s, "answer in A") || strings.Contains(s, "Tuesday") {
		t.Fatalf("B's code showed A:\n%s", s)
	}
	b.close()

	ctx := context.Background()
	hA, hB := facHub(t, ts, codeA), facHub(t, ts, codeB)
	pA, foundA, errA := hA.Find(ctx, id)
	pB, foundB, errB := hB.Find(ctx, id)
	if !foundA || !foundB || errA != nil || errB != nil || pA.ID == pB.ID {
		t.Fatalf("one participant per cohort: A %+v %v %v, B %+v %v %v", pA, foundA, errA, pB, foundB, errB)
	}
	work, _, err := hA.Work(ctx, pA.ID, "first-thoughts")
	if err != nil || !strings.Contains(string(work.Data), "answer in A") || strings.Contains(string(work.Data), "z") {
		t.Fatalf("A's answer after joining B: %s %v", work.Data, err)
	}

	// No code: a picker of both cohorts, each with its module and the person's step there,
	// the one seen last first, and a way to join another.
	p := dialTerm(t, ts.addr(), "bo", key, 80, 24)
	s = p.waitFor("more than one workshop", "Wednesday group", "Tuesday group", "Join another workshop with its code")
	if wed, tue := strings.Index(s, "Wednesday group"), strings.Index(s, "Tuesday group"); wed > tue {
		t.Errorf("the cohort seen last is not first:\n%s", s)
	}
	for _, want := range []string{"End-to-end basics · step 1 of 3", "End-to-end basics · step 2 of 3"} {
		if !strings.Contains(s, want) {
			t.Errorf("the picker lacks %q:\n%s", want, s)
		}
	}
	p.press("j", keyEnter)
	p.waitFor("Step 2 of 3", "answer in A")
	p.close()

	// "Join another" asks for a code; a code typed there picks its cohort too.
	q := dialTerm(t, ts.addr(), "bo", key, 80, 24)
	q.waitFor("more than one workshop")
	q.press("j", "j", keyEnter)
	q.waitFor("Join a workshop")
	q.typeText(codeB + keyEnter)
	s = q.waitFor("Step 1 of 3 — Welcome")
	if strings.Contains(s, "What name") {
		t.Fatalf("a member was asked for a name again:\n%s", s)
	}
}
