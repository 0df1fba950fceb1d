package tui

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"workshop/i18n"
	"workshop/internal/testenv"
	"workshop/session"
	"workshop/tui/exercise"
)

// sharedPair is one participant's screen drawn twice: through the render cache every screen of
// the test shares, and with no cache at all, which renders everything itself.
type sharedPair struct {
	name          string
	shared, alone *appRunner
}

// TestSharedScreensAreHonest moves a cohort through every exercise kind while screens that
// differ in size, language, colours, focus, a raised hand, a lock, an announcement and text
// written share one render cache, and checks after every change that each shows byte for byte
// what the same screen drawn with no cache shows: nothing one screen leaves in the cache may
// reach another that differs in anything it shows.
func TestSharedScreensAreHonest(t *testing.T) {
	fs := &faultyStore{}
	m, h, ps := exercisesCohortOn(t, func(s session.Store) session.Store { fs.Store = s; return fs }, session.PaceLed, "Ana", "Bo", "Cy", "Di", "Ed", "Fa")
	cache := NewRenderCache()
	styles := func(dark bool, p colorprofile.Profile, c *RenderCache) *Styles {
		st := NewStyles(dark, p)
		st.Cache = c
		return &st
	}
	type screenOf struct {
		w, h    int
		lang    i18n.Lang
		dark    bool
		profile colorprofile.Profile
	}
	screens := []screenOf{
		{80, 24, i18n.English, true, colorprofile.TrueColor},
		{80, 24, i18n.English, true, colorprofile.TrueColor}, // tab: reads the guidance
		{40, 12, i18n.English, true, colorprofile.TrueColor},
		{80, 24, i18n.Portuguese, true, colorprofile.TrueColor},
		{80, 24, i18n.English, false, colorprofile.ANSI256},
		{80, 14, i18n.English, true, colorprofile.TrueColor}, // Ana's screen, but short
	}
	var pairs []sharedPair
	for i, s := range screens {
		open := func(c *RenderCache) *appRunner {
			return openParticipantWith(t, m, h, ps[i], s.w, s.h, i18n.New(s.lang), styles(s.dark, s.profile, c))
		}
		pairs = append(pairs, sharedPair{name: ps[i].Name, shared: open(cache), alone: open(nil)})
	}
	ctx := context.Background()
	fac := testenv.Facilitator()
	check := func(when string) {
		t.Helper()
		settle(pairs)
		for _, p := range pairs {
			got, want := p.shared.app.(App).render(), p.alone.app.(App).render()
			if got != want {
				t.Fatalf("%s, %s's screen drawn through the shared cache:\n%s\nbut on its own:\n%s", when, p.name, ansi.Strip(got), ansi.Strip(want))
			}
		}
	}
	both := func(i int, do func(r *appRunner)) {
		do(pairs[i].shared)
		do(pairs[i].alone)
	}
	check("opened")
	steps := len(h.Snapshot().Module.Steps)
	for step := range steps {
		if err := h.Move(ctx, fac, step); err != nil {
			t.Fatal(err)
		}
		check(fmt.Sprintf("on step %d", step+1))
		both(1, func(r *appRunner) { r.keys("tab") })
		check(fmt.Sprintf("on step %d, Bo reading the guidance", step+1))
	}

	// The reflection, with work written, a lock, an announcement and a raised hand.
	if err := h.Move(ctx, fac, 1); err != nil {
		t.Fatal(err)
	}
	check("back on the reflection")
	both(0, func(r *appRunner) { r.typeText("the queue at the counter") })
	check("Ana wrote an answer")
	if err := h.RaiseHand(ctx, ps[2].ID, "stuck"); err != nil {
		t.Fatal(err)
	}
	if err := h.Announce(ctx, fac, "Five more minutes, then we share"); err != nil {
		t.Fatal(err)
	}
	check("a hand raised and an announcement")
	if err := h.Lock(ctx, fac, h.Snapshot().Module.Steps[1].ID); err != nil {
		t.Fatal(err)
	}
	check("the step locked")
	both(3, func(r *appRunner) { r.typeText("x") })
	check("Di typed on a locked step")
	if err := h.Move(ctx, fac, 2); err != nil {
		t.Fatal(err)
	}
	check("moved on from the locked step")

	// What sets one header apart from another: a message shown on two screens of one width
	// but not one height, teams, a notice, a look at another step, work left unsaved.
	shows := func(i int, text string) {
		t.Helper()
		for _, r := range []*appRunner{pairs[i].shared, pairs[i].alone} {
			r.waitFor(text)
		}
	}
	note := "Please write down the three ideas you liked best in the list, and keep them short enough to read aloud"
	for _, i := range []int{0, 5} {
		if _, err := h.Message(ctx, fac, ps[i].ID, note); err != nil {
			t.Fatal(err)
		}
		shows(i, "ctrl+o")
	}
	check("a message on a tall and a short screen")
	if _, err := h.SplitTeams(ctx, fac, session.TeamPlan{Count: 2}); err != nil {
		t.Fatal(err)
	}
	shows(0, "Team: ")
	check("in two teams")
	both(1, func(r *appRunner) { r.keys("]") }) // the facilitator has not opened the next step
	shows(1, "The facilitator opens the next steps")
	check("Bo told to wait for the next step")
	both(2, func(r *appRunner) { r.keys("[") })
	shows(2, "You are looking at step 2")
	check("Cy looking at the step before the group's")
	fs.failNext(1_000_000, faultShapes["locked"])
	both(4, func(r *appRunner) {
		r.typeText("shade on the terrace")
		r.keys("enter")
		r.watch(exercise.NotSavedYet)
		r.keys("tab", "[")
	})
	shows(4, "Work on another step is not saved yet")
	check("Ed's work on the step left unsaved")
	fs.failNext(0, nil)
	for _, r := range []*appRunner{pairs[4].shared, pairs[4].alone} {
		r.waitGone("Work on another step is not saved yet")
	}
	check("Ed's work stored")
	for _, p := range pairs {
		p.shared.resize(40, 12)
		p.alone.resize(40, 12)
	}
	if err := h.Move(ctx, fac, 1); err != nil {
		t.Fatal(err)
	}
	check("every screen at 40×12, back on the reflection")
}

// settle handles every screen's messages until none has had one for a while: the screens have
// then taken every change so far, and any two drawing the same participant agree.
func settle(pairs []sharedPair) {
	var rs []*appRunner
	for _, p := range pairs {
		rs = append(rs, p.shared, p.alone)
	}
	quiet := time.Now()
	for time.Since(quiet) < 150*time.Millisecond {
		busy := false
		for _, r := range rs {
			select {
			case msg := <-r.msgs:
				r.handle(msg)
				busy = true
			default:
			}
		}
		if busy {
			quiet = time.Now()
		} else {
			time.Sleep(5 * time.Millisecond)
		}
	}
}
