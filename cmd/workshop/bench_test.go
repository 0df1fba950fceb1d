package main

import (
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"workshop/session"
)

// BenchmarkFanout measures how long a facilitator's move takes to show on every screen of a
// 30-person cohort, each a real SSH session drawn into a terminal emulator.
func BenchmarkFanout(b *testing.B) {
	ts, facKey, _ := setupB(b)
	code := createCohortB(b, ts, facKey)
	var screens []*termClient
	for i := range 30 {
		c := dialTermB(b, ts.addr(), code, 80, 24)
		c.waitFor("What name")
		c.typeText(fmt.Sprintf("P%02d", i) + keyEnter)
		c.waitFor("Keep this code")
		c.press(keyEnter)
		c.waitFor("Step 1 of 3")
		c.Poll = time.Millisecond
		screens = append(screens, c)
	}
	h, err := ts.srv.manager.HubByCode(b.Context(), code)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		want := 2 - i%2 // 2, 1, 2, 1 ...
		if err := h.Move(b.Context(), session.ShellActor("fran"), want-1); err != nil {
			b.Fatal(err)
		}
		for _, c := range screens {
			c.waitFor(fmt.Sprintf("Step %d of 3", want))
		}
	}
}

// BenchmarkIdleSessions measures what an idle participant session costs: heap and goroutines
// per session, with 100 sessions connected (the client side is a bare SSH session in the same
// process, so its small cost is included).
func BenchmarkIdleSessions(b *testing.B) {
	const n = 100
	for b.Loop() {
		b.StopTimer()
		ts, facKey, _ := setupB(b)
		code := createCohortB(b, ts, facKey)
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		g0 := runtime.NumGoroutine()
		b.StartTimer()
		var conns []*gossh.Client
		for range n {
			conn, err := gossh.Dial("tcp", ts.addr(), sshConfig(code, nil))
			if err != nil {
				b.Fatal(err)
			}
			sess, err := conn.NewSession()
			if err != nil {
				b.Fatal(err)
			}
			if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
				b.Fatal(err)
			}
			out, _ := sess.StdoutPipe()
			go func() { _, _ = io.Copy(io.Discard, out) }()
			if err := sess.Shell(); err != nil {
				b.Fatal(err)
			}
			conns = append(conns, conn)
		}
		b.StopTimer()
		// Let every program draw its first frame, then measure.
		waitGoroutinesSettle()
		runtime.GC()
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/n/1024, "KB-heap/session")
		b.ReportMetric(float64(runtime.NumGoroutine()-g0)/n, "goroutines/session")
		for _, c := range conns {
			c.Close()
		}
		ts.stop()
		b.StartTimer()
	}
}

// waitGoroutinesSettle waits until the goroutine count stops changing (bounded).
func waitGoroutinesSettle() {
	last := -1
	for range 100 {
		n := runtime.NumGoroutine()
		if n == last {
			return
		}
		last = n
		runtime.Gosched()
		sleepBriefly()
	}
}

// BenchmarkMoveUnderFlood measures how long a facilitator's move takes to show on a
// participant's screen while four anonymous clients in the lobby type as fast as they can.
func BenchmarkMoveUnderFlood(b *testing.B) {
	ts, facKey, _ := setupB(b)
	code := createCohortB(b, ts, facKey)
	watcher := dialTermB(b, ts.addr(), code, 80, 24)
	watcher.waitFor("What name")
	watcher.typeText("Watcher" + keyEnter)
	watcher.waitFor("Keep this code")
	watcher.press(keyEnter)
	watcher.waitFor("Step 1 of 3")
	watcher.Poll = time.Millisecond
	for range 4 {
		f := dialTermB(b, ts.addr(), "flood", 80, 24)
		f.waitFor("Join a workshop")
		go func() {
			chunk := strings.Repeat("a", 4<<10)
			for {
				if _, err := io.WriteString(f.Stdin, chunk); err != nil {
					return // the benchmark ended and closed the connection
				}
			}
		}()
	}
	h, err := ts.srv.manager.HubByCode(b.Context(), code)
	if err != nil {
		b.Fatal(err)
	}
	var took []time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		want := 2 - i%2
		start := time.Now()
		if err := h.Move(b.Context(), session.ShellActor("fran"), want-1); err != nil {
			b.Fatal(err)
		}
		watcher.waitFor(fmt.Sprintf("Step %d of 3", want))
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Milliseconds()), "ms-median")
	b.ReportMetric(float64(took[len(took)-1].Milliseconds()), "ms-max")
}
