package session_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"workshop/session"
	"workshop/session/export"
)

// Whether someone is online is stored, so that a command or export run beside the server
// knows it too: an export made while someone is connected says they were seen at the time of
// the export, not when they connected, and the cohort list says someone is online.
func TestPresenceIsStoredForEveryReader(t *testing.T) {
	m, st, _ := newManager(t)
	h, c := newCohort(t, m)
	ctx := context.Background()
	clock := time.Now().UTC().Add(time.Minute)
	session.SetClock(m, func() time.Time { return clock })
	p, _, err := h.Join(ctx, session.Identity{}, "Ana")
	if err != nil {
		t.Fatal(err)
	}
	sub, err := h.Subscribe(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	connected := clock
	clock = clock.Add(2 * time.Hour) // an afternoon online without a word

	stored, err := st.Participant(ctx, p.ID)
	if err != nil || !stored.OnlineSince.Equal(connected) {
		t.Fatalf("stored while online: %+v %v", stored, err)
	}
	r, err := export.Build(ctx, m, c.ID, export.Stamp{})
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Participants[0].LastSeen; !got.Equal(clock) {
		t.Errorf("export while online: last seen %v, want the export's time %v", got, clock)
	}
	list, err := m.CohortOverview(ctx, session.ShellActor("test"))
	if err != nil || len(list) != 1 || list[0].Online != 1 || !list[0].LastActivity.Equal(clock) {
		t.Errorf("cohort list while online: %+v %v", list, err)
	}

	sub.Close()
	left := clock
	clock = clock.Add(time.Hour)
	stored, _ = st.Participant(ctx, p.ID)
	if !stored.OnlineSince.IsZero() || !stored.LastSeen.Equal(left) {
		t.Errorf("stored after leaving: online since %v, last seen %v (want %v)", stored.OnlineSince, stored.LastSeen, left)
	}
	if r, _ = export.Build(ctx, m, c.ID, export.Stamp{}); !r.Participants[0].LastSeen.Equal(left) {
		t.Errorf("export after leaving: last seen %v, want %v", r.Participants[0].LastSeen, left)
	}

	// Screens opening and closing at once leave the truth stored: online while one is open.
	var wg sync.WaitGroup
	keep, _ := h.Subscribe(ctx, p.ID)
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if s, err := h.Subscribe(ctx, p.ID); err == nil {
				s.Close()
			}
		}()
	}
	wg.Wait()
	if stored, _ = st.Participant(ctx, p.ID); stored.OnlineSince.IsZero() {
		t.Error("stored offline while a screen is open")
	}
	keep.Close()

	// A server that starts finds nobody online, whatever the last one left behind.
	if err := st.SetPresence(ctx, p.ID, true, clock); err != nil {
		t.Fatal(err)
	}
	if err := st.ClearPresence(ctx); err != nil {
		t.Fatal(err)
	}
	if stored, _ = st.Participant(ctx, p.ID); !stored.OnlineSince.IsZero() {
		t.Error("still online after the presence was cleared")
	}
}
