package session

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// guardClock is a clock tests move by hand.
type guardClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *guardClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *guardClock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func newTestGuard() (*CodeGuard, *guardClock) {
	c := &guardClock{t: time.Date(2026, 11, 3, 9, 0, 0, 0, time.UTC)}
	return NewCodeGuard(nil, c.now), c
}

var (
	wrongCode = func() error { return ErrUnknownCode }
	rightCode = func() error { return nil }
)

// waitOf returns how long a refused try must wait, or 0 if the code was checked.
func waitOf(t *testing.T, err error) time.Duration {
	t.Helper()
	var tm *TooManyCodesError
	if errors.As(err, &tm) {
		return tm.Wait
	}
	return 0
}

// One connection gets a few free wrong codes, then waits that double up to a ceiling, and a
// right code in between resets nothing.
func TestCodeGuardSlowsOneConnection(t *testing.T) {
	g, clock := newTestGuard()
	src := CodeSource{Conn: "c1", Addr: "192.0.2.7:50000"}
	for i := range CodeTriesPerConn {
		if err := g.Check(src, wrongCode); !errors.Is(err, ErrUnknownCode) {
			t.Fatalf("free try %d: %v", i+1, err)
		}
	}
	if err := g.Check(src, rightCode); err != nil {
		t.Fatalf("a right code within the allowance: %v", err)
	}
	var waits []time.Duration
	for range 8 {
		if err := g.Check(src, wrongCode); !errors.Is(err, ErrUnknownCode) {
			t.Fatalf("a try after waiting was refused: %v", err)
		}
		w := waitOf(t, g.Check(src, wrongCode))
		if w == 0 {
			t.Fatal("a try right after a wrong code over the allowance was checked")
		}
		if err := g.Check(src, rightCode); waitOf(t, err) == 0 {
			t.Fatal("a right code skipped the wait")
		}
		waits = append(waits, w)
		clock.add(w)
	}
	want := []int{1, 2, 4, 8, 16, 30, 30, 30}
	for i, w := range waits {
		if w != time.Duration(want[i])*time.Second {
			t.Fatalf("waits %v, want %v seconds", waits, want)
		}
	}
	msg := (&TooManyCodesError{Wait: 29*time.Second + time.Millisecond}).Error()
	if msg != "Too many wrong codes from here. Wait 30 seconds and try again." {
		t.Errorf("message %q", msg)
	}

	// Wrong codes are forgotten one a minute.
	clock.add(time.Duration(CodeTriesPerConn+8) * CodeForgiveEvery)
	for i := range CodeTriesPerConn {
		if err := g.Check(src, wrongCode); !errors.Is(err, ErrUnknownCode) {
			t.Fatalf("after a quiet while, free try %d: %v", i+1, err)
		}
	}
}

// Many connections from one address share the address's allowance, and an IPv6 user's whole
// /64 counts as one address; another address is not held up.
func TestCodeGuardSlowsOneAddress(t *testing.T) {
	g, _ := newTestGuard()
	tries := 0
	for conn := 0; tries < CodeTriesPerAddr; conn++ {
		for range CodeTriesPerConn {
			if tries == CodeTriesPerAddr {
				break
			}
			src := CodeSource{Conn: fmt.Sprint("c", conn), Addr: fmt.Sprintf("[2001:db8:1:2::%x]:4000", conn)}
			if err := g.Check(src, wrongCode); !errors.Is(err, ErrUnknownCode) {
				t.Fatalf("free try %d from the address: %v", tries+1, err)
			}
			tries++
		}
	}
	fresh := CodeSource{Conn: "new", Addr: "[2001:db8:1:2:ffff::1]:4000"}
	if err := g.Check(fresh, wrongCode); !errors.Is(err, ErrUnknownCode) {
		t.Fatalf("the try after the allowance is checked: %v", err)
	}
	if waitOf(t, g.Check(CodeSource{Conn: "newer", Addr: "[2001:db8:1:2::99]:1"}, rightCode)) == 0 {
		t.Error("a new connection from the same /64 was not held up")
	}
	if err := g.Check(CodeSource{Conn: "other", Addr: "198.51.100.1:1"}, wrongCode); !errors.Is(err, ErrUnknownCode) {
		t.Errorf("another address was held up: %v", err)
	}
}

// Tries made all at once are counted before they are checked: no more get through than one
// after another would.
func TestCodeGuardCountsTriesAtOnce(t *testing.T) {
	g, _ := newTestGuard()
	src := CodeSource{Conn: "c1", Addr: "192.0.2.7:1"}
	var checked atomic.Int32
	release := make(chan struct{})
	var wg sync.WaitGroup
	for range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = g.Check(src, func() error { checked.Add(1); <-release; return ErrUnknownCode })
		}()
	}
	// Every goroutine is either refused at once or waiting in its lookup.
	for deadline := time.Now().Add(5 * time.Second); ; {
		refused := 0
		g.mu.Lock()
		if c := g.conns.m["c1"]; c != nil {
			refused = c.refused
		}
		g.mu.Unlock()
		if int(checked.Load())+refused == 50 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the tries never settled")
		}
		time.Sleep(time.Millisecond) // polling interval, not a wait for timing
	}
	close(release)
	wg.Wait()
	if n := checked.Load(); n != CodeTriesPerConn+1 {
		t.Errorf("%d codes checked at once, want %d", n, CodeTriesPerConn+1)
	}
}

// However many addresses try, the guard remembers a bounded number.
func TestCodeGuardMemoryIsBounded(t *testing.T) {
	g, _ := newTestGuard()
	for i := range 3 * codeTracked {
		_ = g.Check(CodeSource{Conn: fmt.Sprint(i), Addr: fmt.Sprintf("10.%d.%d.%d:1", i>>16&255, i>>8&255, i&255)}, wrongCode)
	}
	if len(g.addrs.m) > codeTracked+1 || len(g.conns.m) > codeTracked+1 {
		t.Errorf("%d addresses and %d connections remembered, bound %d", len(g.addrs.m), len(g.conns.m), codeTracked)
	}
}

func TestAddrKey(t *testing.T) {
	for in, want := range map[string]string{
		"192.0.2.7:22":            "192.0.2.7",
		"[::ffff:192.0.2.7]:22":   "192.0.2.7",
		"[2001:db8::1]:22":        "2001:db8::/64",
		"[2001:db8::2:3:4:5]:9":   "2001:db8::/64",
		"[fe80::1%eth0]:22":       "fe80::/64",
		"not an address":          "not an address",
		"127.0.0.1":               "127.0.0.1",
		"[2001:db8:0:1::1]:65535": "2001:db8:0:1::/64",
	} {
		if got := addrKey(in); got != want {
			t.Errorf("addrKey(%q) = %q, want %q", in, got, want)
		}
	}
}
