package tui

import (
	"context"
	"fmt"
	"testing"

	"github.com/charmbracelet/colorprofile"

	"workshop/i18n"
	"workshop/internal/testenv"
	"workshop/session"
)

// screenFleet is many participants' screens of one cohort in one process, sharing one render
// cache as the sessions of a server do, each an app as NewApp makes it for a participant, in
// colour.
type screenFleet struct {
	hub   *session.Hub
	apps  []App
	snaps []*session.Snapshot // the cohort on each step, in step order
}

// newScreenFleet opens n screens of the built-in module id at w×h, on one shared cache, and
// takes a snapshot of the cohort on each step for the screens to be moved through.
func newScreenFleet(tb testing.TB, id string, n, w, h int) *screenFleet {
	tb.Helper()
	env := testenv.New(tb, testenv.Library(tb, ""))
	hub, _ := env.Cohort(tb, session.NewCohort{ModuleID: id, Name: "Tuesday", Pace: session.PaceLed})
	ctx, cancel := context.WithCancel(context.Background())
	tb.Cleanup(cancel)
	f := &screenFleet{hub: hub}
	for i := range hub.Snapshot().Module.Steps {
		if err := hub.Move(ctx, testenv.Facilitator(), i); err != nil {
			tb.Fatal(err)
		}
		f.snaps = append(f.snaps, hub.Snapshot())
	}
	cache := NewRenderCache()
	for i := range n {
		p := testenv.JoinAs(tb, hub, session.Identity{}, fmt.Sprintf("P%03d", i))
		conn := &Conn{}
		tb.Cleanup(conn.Close)
		deps := &Deps{Ctx: ctx, Manager: env.Manager, Conn: conn, Render: cache}
		sub, err := hub.Subscribe(ctx, p.ID)
		if err != nil {
			tb.Fatal(err)
		}
		conn.Track(sub)
		st := NewStyles(true, colorprofile.TrueColor)
		st.Cache = cache
		com := newCommon(deps, &st, i18n.New(i18n.English))
		pv := newParticipantView(com, hub, sub, p)
		a := App{Common: com, help: newHelp(), width: w, height: h, dark: true, profile: colorprofile.TrueColor, screen: pv, memo: &renderMemo{}}
		a.help.SetWidth(w)
		a.screen = pv.Resize(a.bodySize())
		pv.Init() // loads the step's editor at once: nothing is stored yet
		f.apps = append(f.apps, a)
	}
	return f
}

// move gives screen i the snapshot of step and draws its frame, as a screen does when the
// facilitator moves the cohort; it returns the frame.
func (f *screenFleet) move(i, step int) string {
	m, _ := f.apps[i].Update(stateMsg{f.snaps[step]})
	f.apps[i] = m.(App)
	return f.apps[i].View().Content
}

// BenchmarkScreenMove measures one participant screen taking a move and drawing its frame, at
// 80×24 on the warm-up module, moving between its two reflection steps. Fifty screens share
// the render cache, as the sessions of a server do, and each operation moves one of them, so
// what is shared counts once per step and the figures are per screen.
//
//	go test -run '^$' -bench BenchmarkScreenMove -benchmem ./tui
func BenchmarkScreenMove(b *testing.B) {
	const screens = 50
	f := newScreenFleet(b, "warmup", screens, 80, 24)
	steps := [2]int{1, 2} // both reflections
	for i := range screens {
		f.move(i, steps[0])
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		f.move(i%screens, steps[(i/screens+1)%2])
	}
}
