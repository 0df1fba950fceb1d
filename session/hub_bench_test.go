package session_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"workshop/session"
)

// BenchmarkMove300 measures one facilitator move (stored with its timeline event, then
// published) in a cohort with 300 participants on screen.
func BenchmarkMove300(b *testing.B) {
	m, _, _ := newManagerB(b)
	h, _ := newCohortB(b, m)
	ctx := context.Background()
	var subs []*session.Subscription
	for i := range 300 {
		p, _, err := h.Join(ctx, session.Identity{}, fmt.Sprintf("P%03d", i))
		if err != nil {
			b.Fatal(err)
		}
		s, err := h.Subscribe(ctx, p.ID)
		if err != nil {
			b.Fatal(err)
		}
		subs = append(subs, s)
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if err := h.Move(ctx, session.ShellActor("fac"), 1+i%2); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	for _, s := range subs {
		if s.Snapshot().Cohort.Step != h.Snapshot().Cohort.Step {
			b.Fatal("a subscriber missed the last move")
		}
	}
	for _, s := range subs {
		s.Close()
	}
}

// screens counts how often subscribed screens wake, participants' and consoles' apart, and
// reads the snapshot on every wake as a real screen does.
type screens struct {
	people, consoles atomic.Int64
	wg               sync.WaitGroup
	stop             chan struct{}
}

func newScreens() *screens { return &screens{stop: make(chan struct{})} }

func (sc *screens) watch(s *session.Subscription, console bool) {
	n := &sc.people
	if console {
		n = &sc.consoles
	}
	sc.wg.Go(func() {
		for {
			select {
			case <-sc.stop:
				return
			case <-s.Updates():
				n.Add(1)
				_ = s.Snapshot()
			}
		}
	})
}

func (sc *screens) close() {
	close(sc.stop)
	sc.wg.Wait()
}

// BenchmarkJoinBurst500 measures 500 people joining one cohort at the same moment and opening
// their screens, with a facilitator's console open, through the real SQLite store. Every open
// screen reads the snapshot each time it wakes. It reports joins per second and how often, per
// join, participants' screens (not counting each new screen's first signal) and the console
// woke.
func BenchmarkJoinBurst500(b *testing.B) {
	const n = 500
	m, _, _ := newManagerB(b)
	ctx := context.Background()
	var joins, people, consoles int64
	var took time.Duration
	for b.Loop() {
		b.StopTimer()
		h, _ := newCohortB(b, m)
		sc := newScreens()
		console, err := h.Subscribe(ctx, 0)
		if err != nil {
			b.Fatal(err)
		}
		<-console.Updates() // its own opening
		sc.watch(console, true)
		var failed atomic.Int64
		var wg sync.WaitGroup
		start := make(chan struct{})
		subs := make([]*session.Subscription, n)
		for i := range n {
			wg.Go(func() {
				<-start
				p, _, err := h.Join(ctx, session.Identity{}, fmt.Sprintf("P%03d", i))
				if err != nil {
					failed.Add(1)
					return
				}
				s, err := h.Subscribe(ctx, p.ID)
				if err != nil {
					failed.Add(1)
					return
				}
				subs[i] = s
				<-s.Updates() // its own opening
				sc.watch(s, false)
			})
		}
		b.StartTimer()
		t0 := time.Now()
		close(start)
		wg.Wait()
		took += time.Since(t0)
		b.StopTimer()
		sc.close()
		if failed.Load() > 0 {
			b.Fatalf("%d joins failed", failed.Load())
		}
		joins += n
		people += sc.people.Load()
		consoles += sc.consoles.Load()
		for _, s := range subs {
			s.Close()
		}
		console.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(joins)/took.Seconds(), "joins/s")
	b.ReportMetric(float64(people)/float64(joins), "screen-wakeups/join")
	b.ReportMetric(float64(consoles)/float64(joins), "console-wakeups/join")
}

// BenchmarkSaveBurst500 measures 500 participants, each with a screen open, submitting their
// answer at the same moment through the real SQLite store (synchronous=FULL), with a
// facilitator's console open. It reports saves per second, the slowest confirmation, and how
// often, per save, participants' screens and the console woke.
func BenchmarkSaveBurst500(b *testing.B) {
	const n = 500
	m, _, _ := newManagerB(b)
	ctx := context.Background()
	var saves, people, consoles int64
	var took, slowest time.Duration
	for b.Loop() {
		b.StopTimer()
		h, _ := newCohortB(b, m)
		if err := h.Move(ctx, session.ShellActor("fac"), 1); err != nil { // the step with the reflection
			b.Fatal(err)
		}
		var ps []session.Participant
		var subs []*session.Subscription
		for i := range n {
			p, _, err := h.Join(ctx, session.Identity{}, fmt.Sprintf("P%03d", i))
			if err != nil {
				b.Fatal(err)
			}
			s, err := h.Subscribe(ctx, p.ID)
			if err != nil {
				b.Fatal(err)
			}
			ps, subs = append(ps, p), append(subs, s)
		}
		console, err := h.Subscribe(ctx, 0)
		if err != nil {
			b.Fatal(err)
		}
		subs = append(subs, console)
		for _, s := range subs {
			select { // the openings above are not part of the burst
			case <-s.Updates():
			default:
			}
		}
		sc := newScreens()
		for _, s := range subs {
			sc.watch(s, s == console)
		}
		var failed atomic.Int64
		var mu sync.Mutex
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i, p := range ps {
			wg.Go(func() {
				<-start
				t0 := time.Now()
				ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
				defer cancel()
				if _, err := h.SaveWork(ctx, p.ID, "think", 1, fmt.Appendf(nil, `{"text":"answer %d"}`, i), true); err != nil {
					failed.Add(1)
				}
				d := time.Since(t0)
				mu.Lock()
				slowest = max(slowest, d)
				mu.Unlock()
			})
		}
		b.StartTimer()
		t0 := time.Now()
		close(start)
		wg.Wait()
		took += time.Since(t0)
		b.StopTimer()
		sc.close()
		if failed.Load() > 0 {
			b.Fatalf("%d of %d saves failed", failed.Load(), n)
		}
		saves += n
		people += sc.people.Load()
		consoles += sc.consoles.Load()
		for _, s := range subs {
			s.Close()
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(saves)/took.Seconds(), "saves/s")
	b.ReportMetric(float64(slowest.Milliseconds()), "slowest-ms")
	b.ReportMetric(float64(people)/float64(saves), "screen-wakeups/save")
	b.ReportMetric(float64(consoles)/float64(saves), "console-wakeups/save")
}
