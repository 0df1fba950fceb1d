package tui

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"workshop/session"
)

// registerKey registers a new facilitator key under name and returns the actor it makes.
func registerKey(t *testing.T, m *session.Manager, name string) session.Actor {
	t.Helper()
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	key, err := gossh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.Facilitators().Add(context.Background(), name, string(gossh.MarshalAuthorizedKey(key))); err != nil {
		t.Fatal(err)
	}
	return session.KeyActor(session.IdentityFromKey(key))
}

// A console left open after its facilitator's key was removed stops at the first key pressed,
// and, with no key pressed, at its next check: it shows a plain notice instead of the room,
// and nothing the key does acts any more.
func TestRemovedFacilitatorConsoleStops(t *testing.T) {
	for _, how := range []string{"key", "idle"} {
		t.Run(how, func(t *testing.T) {
			x := newConRunner(t)
			m := x.r.deps.Manager
			x.r.deps.Actor = registerKey(t, m, "gil")
			x.press("n")
			x.until("moving to step 2", func(s *session.Snapshot) bool { return s.Cohort.Step == 1 })

			if err := m.Store().RemoveFacilitator(context.Background(), "gil"); err != nil {
				t.Fatal(err)
			}
			var scr screen = x.r
			deadline := time.After(5 * time.Second)
			if how == "key" {
				_, cmd := x.r.Update(conKey("n"))
				x.run(cmd)
			} else {
				x.r.checkedAt = time.Now().Add(-time.Minute)
				x.send(roomTickMsg{x.r})
			}
			for {
				select {
				case msg := <-x.msgs:
					if sw, ok := msg.(switchMsg); ok {
						scr = sw.to
						break
					}
					x.send(msg)
					continue
				case <-deadline:
					t.Fatalf("the console never noticed the removal:\n%s", ansi.Strip(x.r.View()))
				}
				break
			}
			scr = scr.Resize(80, 23)
			view := ansi.Strip(scr.View())
			if !strings.Contains(view, "Your facilitator key was removed") || strings.Contains(view, "Ana") || strings.Contains(view, "Thursday") {
				t.Errorf("the notice shows cohort data or no notice:\n%s", view)
			}
			for _, k := range []string{"n", "p", "u", "a", "tab"} {
				if _, cmd := scr.Update(conKey(k)); cmd != nil {
					t.Errorf("key %q still does something on the notice", k)
				}
			}
			if _, cmd := scr.Update(conKey("q")); cmd == nil || cmd() != tea.Quit() {
				t.Error("q does not leave")
			}
			if s := x.hub.Snapshot(); s.Cohort.Step != 1 {
				t.Errorf("the removed facilitator moved the cohort to step %d", s.Cohort.Step+1)
			}
			if n := x.hub.Subscribers(); n != 0 {
				t.Errorf("the removed facilitator still receives the room: %d subscribers", n)
			}
		})
	}
}
