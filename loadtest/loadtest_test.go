package loadtest

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
)

func ms(n float64) time.Duration { return time.Duration(n * float64(time.Millisecond)) }

func TestPercentiles(t *testing.T) {
	var s Sample
	for i := 100; i >= 1; i-- {
		s = append(s, ms(float64(i)))
	}
	s = s.Sorted()
	cases := map[float64]time.Duration{50: ms(50), 90: ms(90), 99: ms(99), 100: ms(100), 0.5: ms(1)}
	for q, want := range cases {
		if got := s.Percentile(q); got != want {
			t.Errorf("p%g = %v, want %v", q, got, want)
		}
	}
	if s.Max() != ms(100) {
		t.Errorf("max %v", s.Max())
	}
	// Nearest rank on a small sample: p99 of three is the largest, p50 the middle one.
	small := Sample{ms(30), ms(10), ms(20)}.Sorted()
	if small.Percentile(99) != ms(30) || small.Percentile(50) != ms(20) {
		t.Errorf("small sample: p50 %v p99 %v", small.Percentile(50), small.Percentile(99))
	}
	if (Sample{}).Percentile(50) != 0 || (Sample{}).Max() != 0 {
		t.Error("empty sample is not zero")
	}
	// Sorted leaves the original alone.
	orig := Sample{ms(3), ms(1)}
	_ = orig.Sorted()
	if orig[0] != ms(3) {
		t.Error("Sorted changed its receiver")
	}
}

func TestLoopbackOnly(t *testing.T) {
	for _, ok := range []string{"127.0.0.1:2222", "127.8.9.10:22", "[::1]:2222", "localhost:2222"} {
		if err := Loopback(ok); err != nil {
			t.Errorf("%s refused: %v", ok, err)
		}
	}
	for _, bad := range []string{"10.0.0.5:22", "192.168.1.1:2222", "8.8.8.8:22", "0.0.0.0:2222", "[::]:22", ":2222", "no-port"} {
		if err := Loopback(bad); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
	if err := Loopback("10.1.2.3:22"); !errors.Is(err, ErrNotLoopback) {
		t.Errorf("a private address is refused as not loopback, got %v", err)
	}
	for raw, want := range map[string]bool{"http://127.0.0.1:6060": true, "http://localhost:6060/debug/vars": true, "http://10.0.0.1:6060": false, "127.0.0.1:6060": false, "ftp://127.0.0.1": false} {
		if got := loopbackURL(raw) == nil; got != want {
			t.Errorf("loopbackURL(%q) accepted=%v, want %v", raw, got, want)
		}
	}
}

func TestConfigRefusesOtherAddressesAndBounds(t *testing.T) {
	base := func() Config { return Config{Addr: "127.0.0.1:2222", Participants: 3, Cohort: "K7MQ2P"} }
	c := base()
	if err := c.Validate(); err != nil {
		t.Fatalf("a plain loopback config: %v", err)
	}
	if c.Timeout == 0 || c.SubmitStep != 2 || c.Module == "" {
		t.Fatalf("defaults not filled: %+v", c)
	}
	c = base()
	c.Addr = "203.0.113.7:22"
	err := c.Validate()
	if err == nil || !strings.Contains(err.Error(), "--i-own-this-server") {
		t.Fatalf("a remote address: %v", err)
	}
	c.AllowRemote = true
	if err := c.Validate(); err != nil {
		t.Fatalf("a remote address the caller owns: %v", err)
	}
	c = base()
	c.DebugURL = "http://203.0.113.7:6060"
	if err := c.Validate(); err == nil {
		t.Fatal("a remote debug URL accepted")
	}
	bad := map[string]func(*Config){
		"too many":        func(c *Config) { c.Participants = MaxParticipants + 1 },
		"none":            func(c *Config) { c.Participants = 0 },
		"rounds":          func(c *Config) { c.Rounds = MaxRounds + 1 },
		"ramp":            func(c *Config) { c.Ramp = -1 },
		"timeout":         func(c *Config) { c.Timeout = time.Hour },
		"idle":            func(c *Config) { c.Idle = time.Hour },
		"no cohort":       func(c *Config) { c.Cohort = "" },
		"moves, no key":   func(c *Config) { c.Rounds = 2 },
		"submit, no key":  func(c *Config) { c.Submit = true },
		"submit step < 1": func(c *Config) { c.SubmitStep = -1 },
	}
	for name, change := range bad {
		c := base()
		change(&c)
		if err := c.Validate(); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestStepOnScreen(t *testing.T) {
	screen := []byte("Warm-up for a service design session        ● connected\nStep 2 of 3 — The last service you used          7 min\n")
	n, m, title, ok := stepOnScreen(screen)
	if !ok || n != 2 || m != 3 || title != "The last service you used          7 min" {
		t.Fatalf("got %d %d %q %v", n, m, title, ok)
	}
	if !bytes.Contains(screen, []byte(stepText(2, 3))) || bytes.Contains(screen, []byte(stepText(1, 3))) {
		t.Fatal("stepText does not match the step line")
	}
	// "Step 1 of" must not match step 11, and text that only looks similar is no step line.
	if bytes.Contains([]byte("Step 11 of 12 — Later"), []byte(stepText(1, 12))) {
		t.Fatal("step 1 matched step 11")
	}
	for _, s := range []string{"", "Step up to the counter", "Steps 2 of 3", "Step x of 3 — t", "Step 2 of — t"} {
		if _, _, _, ok := stepOnScreen([]byte(s)); ok {
			t.Errorf("%q read as a step line", s)
		}
	}
	// A later line is found after a false start on the same screen.
	if n, _, _, ok := stepOnScreen([]byte("Step up\nStep 4 of 9 — Four")); !ok || n != 4 {
		t.Fatalf("second line: %d %v", n, ok)
	}
	if titlePrefix("Wrapping up", 4) != "Wrap" || titlePrefix("Über", 2) != "Üb" || titlePrefix("ab", 12) != "ab" {
		t.Fatal("titlePrefix")
	}
}

// The screen text comes from the emulator's cells, so text drawn in pieces with cursor moves
// and styles — as a diffing renderer draws it — reads as the person sees it.
func TestScreenTextFollowsCursorMovesAndStyles(t *testing.T) {
	emu := vt.NewEmulator(40, 5)
	go func() { _, _ = emu.Read(make([]byte, 256)) }()
	_, _ = emu.Write([]byte("\x1b[2J\x1b[HStep 1 of 3 — Welcome\r\n\x1b[1;32m✓ Submitted\x1b[0m 10:02"))
	var buf []byte
	buf = screenText(emu, buf)
	if !bytes.Contains(buf, []byte("Step 1 of 3 — Welcome\n✓ Submitted 10:02\n")) {
		t.Fatalf("screen:\n%s", buf)
	}
	// Only the digit and the title change, as a renderer's diff would write them.
	_, _ = emu.Write([]byte("\x1b[1;6H2\x1b[1;15HFirst thoughts\x1b[K"))
	buf = screenText(emu, buf)
	if !bytes.Contains(buf, []byte(stepText(2, 3)+"First thoughts\n")) || bytes.Contains(buf, []byte("Welcome")) {
		t.Fatalf("after a partial redraw:\n%s", buf)
	}
	if n := bytes.Count(buf, []byte("\n")); n != 5 {
		t.Fatalf("%d lines, want one per row", n)
	}
	// A wide character takes two cells but reads once.
	_, _ = emu.Write([]byte("\x1b[4;1H日本 ok"))
	buf = screenText(emu, buf)
	if !bytes.Contains(buf, []byte("\n日本 ok\n")) {
		t.Fatalf("wide characters:\n%q", buf)
	}
}

// screenHas finds a text on any row, as screenText would, and only within one row.
func TestScreenHasReadsRowsUntilTheText(t *testing.T) {
	emu := vt.NewEmulator(20, 4)
	go func() { _, _ = emu.Read(make([]byte, 256)) }()
	_, _ = emu.Write([]byte("\x1b[2J\x1b[HWarm-up\r\nStep 2 of 3 — Why\x1b[4;1H\x1b[1m✓ Submitted\x1b[m"))
	var buf []byte
	for _, c := range []struct {
		want string
		has  bool
	}{
		{stepText(2, 3), true},
		{"✓ Submitted", true},
		{stepText(3, 3), false},
		{"Warm-up Step", false}, // two rows are not one line
	} {
		var has bool
		has, buf = screenHas(emu, c.want, buf)
		if has != c.has {
			t.Errorf("screenHas(%q) = %v, want %v", c.want, has, c.has)
		}
		if full := bytes.Contains(screenText(emu, nil), []byte(c.want)); full != c.has {
			t.Errorf("screenText has %q: %v, want %v", c.want, full, c.has)
		}
	}
}

func TestProgressLine(t *testing.T) {
	got := progressLine(100, 60, 50, 0)
	if !strings.Contains(got, "50/100 on the step screen") || !strings.Contains(got, "60 connected") || strings.Count(got, "#") != 12 {
		t.Fatalf("%q", got)
	}
	// Not a terminal: one line per tenth, not per call.
	var b bytes.Buffer
	p := newProgress(&b, 10)
	for i := range 10 {
		p.show(10, i, 0)
		p.show(10, i, 0)
	}
	p.done()
	if n := strings.Count(b.String(), "\n"); n != 10 {
		t.Fatalf("%d lines:\n%s", n, b.String())
	}
	if strings.Contains(b.String(), "\r") {
		t.Fatal("carriage returns in a file")
	}
}

func TestFanoutQuantileFromReadings(t *testing.T) {
	var a, b ServerVars
	a.Fanout.BoundsMS = []float64{1, 10, 100}
	a.Fanout.Counts = []uint64{5, 0, 0, 0}
	b.Fanout.BoundsMS = a.Fanout.BoundsMS
	b.Fanout.Counts = []uint64{5, 98, 2, 0} // between the readings: 98 ≤ 10ms, 2 ≤ 100ms
	if q, ok := fanoutQuantile(a, b, 0.5); !ok || q != 10 {
		t.Fatalf("p50 %v %v", q, ok)
	}
	if q, ok := fanoutQuantile(a, b, 0.99); !ok || q != 100 {
		t.Fatalf("p99 %v %v", q, ok)
	}
	if _, ok := fanoutQuantile(a, a, 0.5); ok {
		t.Fatal("nothing observed yet answered")
	}
}

func TestTableRows(t *testing.T) {
	r := &Result{Config: Config{Addr: "127.0.0.1:1", Cohort: "K7MQ2P", Participants: 2}, Connect: Sample{ms(3), ms(4)}, Ready: Sample{ms(30), ms(40)}, Rounds: 1, Fanout: Sample{ms(12), ms(15)}, Moves: Sample{ms(2)}, Stored: -1}
	r.fail("join", errors.New("boom"))
	var b bytes.Buffer
	if err := r.WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"connect", "ready", "fan-out", "submit", "not run", "failures: 0", "join: boom", "15 ms", "server: no figures"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
}
