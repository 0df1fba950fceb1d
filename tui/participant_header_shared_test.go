package tui

import (
	"context"
	"slices"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"workshop/i18n"
	"workshop/internal/testenv"
	"workshop/session"
)

// Two screens that differ in one thing their header shows never share a header: for each
// thing header reads, a screen drawn after another that differs only in it shows the header it
// shows on its own, not the other's. Screens that differ in nothing share one drawing.
func TestSharedHeaderKeysWhatItShows(t *testing.T) {
	m, h, ps := exercisesCohort(t, session.PaceSelf, "Ana", "Bo")
	ctx := context.Background()
	if _, err := h.SplitTeams(ctx, testenv.Facilitator(), session.TeamPlan{Count: 2}); err != nil {
		t.Fatal(err)
	}
	teams := h.Snapshot().Teams
	if len(teams) != 2 {
		t.Fatalf("teams: %v", teams)
	}
	note := []session.DirectMessage{{ID: 7, By: "fran", Text: "Please write down the three ideas you liked best in the list, and keep them short enough to read aloud"}}
	// open is Ana's screen at 80×20 drawn through cache, in the language and on the
	// background given, then changed by before.
	open := func(cache *RenderCache, lang i18n.Lang, dark bool, before func(v *participantView)) *participantView {
		st := NewStyles(dark, colorprofile.TrueColor)
		st.Cache = cache
		sub, err := h.Subscribe(ctx, ps[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(sub.Close)
		com := newCommon(&Deps{Ctx: ctx, Manager: m, Render: cache}, &st, i18n.New(lang))
		v := newParticipantView(com, h, sub, ps[0])
		v.me.TeamID = teams[0].ID
		v.me.Step = 1
		v.msgs = note
		v.Resize(80, 20)
		if before != nil {
			before(v)
		}
		return v
	}
	// alone is v's header drawn with no cache.
	alone := func(v *participantView) []string {
		st := *v.st
		st.Cache = nil
		keep := v.Common
		v.Common = &Common{deps: keep.deps, st: &st, keys: keep.keys, Printer: keep.Printer}
		defer func() { v.Common = keep }()
		v.hdr.lines = nil
		return v.headerLines()
	}
	// sameTitles gives steps 2 and 3 one title and time box.
	sameTitles := func(v *participantView) {
		mod := *v.module()
		mod.Steps = slices.Clone(mod.Steps)
		mod.Steps[2].Title, mod.Steps[2].TimeBox = mod.Steps[1].Title, mod.Steps[1].TimeBox
		v.mod = &mod
		v.viewing, v.me.Step = 1, 0
	}
	vote := h.Snapshot().Module.StepIndex("vote")
	announce := func(v *participantView, text string) {
		snap := *v.snap
		snap.Cohort.Live.Announcement = &session.Announcement{Text: text, By: "fran"}
		v.snap = &snap
	}
	cases := []struct {
		name         string
		lang         i18n.Lang
		light        bool
		base, change func(v *participantView)
	}{
		{name: "the background", light: true},
		{name: "the language", lang: i18n.Portuguese},
		{name: "the width", change: func(v *participantView) { v.width = 60 }},
		{name: "a short window with a message", change: func(v *participantView) { v.height = 12 }},
		{name: "the message", change: func(v *participantView) {
			v.msgs = []session.DirectMessage{{ID: 7, By: "fran", Text: "Read the second question again"}}
		}},
		{name: "the message's sender", change: func(v *participantView) {
			v.msgs = []session.DirectMessage{{ID: 7, By: "gus", Text: note[0].Text}}
		}},
		{name: "the messages waiting", change: func(v *participantView) { v.msgs = append(slices.Clone(v.msgs), note[0]) }},
		{name: "the team", change: func(v *participantView) { v.me.TeamID = teams[1].ID }},
		{name: "a team gone", change: func(v *participantView) { v.me.TeamID = 99 }},
		{name: "a team of no name", base: func(v *participantView) { v.me.TeamID = 98 }, change: func(v *participantView) {
			snap := *v.snap
			snap.Teams = append(slices.Clone(snap.Teams), session.Team{ID: 98})
			v.snap = &snap
		}},
		{name: "a raised hand", change: func(v *participantView) { v.me.Hand = &session.Hand{Text: "stuck"} }},
		{name: "a notice", change: func(v *participantView) { v.notice = i18n.M("Hand lowered.") }},
		{name: "work unsaved on another step", change: func(v *participantView) { v.later = []tea.Msg{nil} }},
		{name: "the group's step", change: func(v *participantView) { v.me.Step = 2 }},
		{name: "a move on its way", change: func(v *participantView) { v.moving = 1 }},
		{name: "the step viewed, of the same title", base: sameTitles, change: func(v *participantView) { v.viewing = 2 }},
		{name: "a vote closed", base: func(v *participantView) { v.viewing, v.me.Step = vote, vote }, change: func(v *participantView) {
			snap := *v.snap
			snap.Cohort.Live.Votes = map[string]session.VoteState{v.step().ID: {Closed: true}}
			v.snap = &snap
		}},
		{name: "the module's title", change: func(v *participantView) {
			mod := *v.module()
			mod.Title = "Another workshop"
			v.mod = &mod
		}},
		{name: "the step's title", change: func(v *participantView) {
			mod := *v.module()
			mod.Steps = slices.Clone(mod.Steps)
			mod.Steps[v.viewing].Title = "Hello again"
			v.mod = &mod
		}},
		{name: "the step's time box", change: func(v *participantView) {
			mod := *v.module()
			mod.Steps = slices.Clone(mod.Steps)
			mod.Steps[v.viewing].TimeBox = 25
			v.mod = &mod
		}},
		{name: "a lock", change: func(v *participantView) {
			snap := *v.snap
			snap.Cohort.Live.Locked = []string{v.step().ID}
			v.snap = &snap
		}},
		{name: "a timer", change: func(v *participantView) {
			snap := *v.snap
			snap.Cohort.Live.Timer = &session.Timer{Total: 5 * time.Minute, Paused: true, Left: 5 * time.Minute}
			v.snap = &snap
		}},
		{name: "an announcement", change: func(v *participantView) { announce(v, "Back at 10:30") }},
		{name: "the announcement's text", base: func(v *participantView) { announce(v, "Back at 10:30") }, change: func(v *participantView) {
			announce(v, "Back at 11")
		}},
		{name: "a module of fewer steps", change: func(v *participantView) {
			snap := *v.snap
			mod := *snap.Module
			mod.Steps = mod.Steps[:5]
			snap.Module, v.mod = &mod, nil
			v.snap = &snap
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cache := NewRenderCache()
			base := func(v *participantView) {
				if c.base != nil {
					c.base(v)
				}
			}
			a := open(cache, i18n.English, true, base)
			lang := c.lang
			if lang == "" {
				lang = i18n.English
			}
			b := open(cache, lang, !c.light, func(v *participantView) {
				base(v)
				if c.change != nil {
					c.change(v)
				}
			})
			a.hdr.lines, b.hdr.lines = nil, nil
			shared := a.headerLines()
			got, want := b.headerLines(), alone(b)
			if !slices.Equal(got, want) {
				t.Fatalf("through the shared cache:\n%s\non its own:\n%s", ansi.Strip(joinLines(got)), ansi.Strip(joinLines(want)))
			}
			if slices.Equal(shared, want) {
				t.Fatalf("the change shows nothing new in the header:\n%s", ansi.Strip(joinLines(want)))
			}
		})
	}
	t.Run("nothing", func(t *testing.T) {
		cache := NewRenderCache()
		noNote := func(v *participantView) { v.msgs = nil }
		a, b := open(cache, i18n.English, true, noNote), open(cache, i18n.English, true, noNote)
		a.hdr.lines, b.hdr.lines = nil, nil
		if x, y := a.headerLines(), b.headerLines(); &x[0] != &y[0] {
			t.Fatal("two screens showing the same header drew it twice")
		}
	})
	// A direct message is one person's: a header showing one is never kept for other screens.
	t.Run("a direct message", func(t *testing.T) {
		cache := NewRenderCache()
		a, b := open(cache, i18n.English, true, nil), open(cache, i18n.English, true, nil)
		a.hdr.lines, b.hdr.lines = nil, nil
		if x, y := a.headerLines(), b.headerLines(); &x[0] == &y[0] {
			t.Fatal("a header with a direct message was shared")
		}
	})
}

func joinLines(ls []string) string {
	s := ""
	for _, l := range ls {
		s += l + "\n"
	}
	return s
}
