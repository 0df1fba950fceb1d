package loadtest

import (
	"bytes"
	"io"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
)

// packetWriter writes as an x/crypto/ssh channel does: every write is built in the one buffer
// the channel keeps, and sent from there. Writes that overlap corrupt each other's packet.
type packetWriter struct {
	packet []byte
	sent   [][]byte
	mu     sync.Mutex // guards sent only, as the channel's lock guards the send only
}

func (w *packetWriter) Write(b []byte) (int, error) {
	w.packet = append(w.packet[:0], b...)
	runtime.Gosched() // the channel waits for window space here
	w.mu.Lock()
	w.sent = append(w.sent, bytes.Clone(w.packet))
	w.mu.Unlock()
	return len(b), nil
}

// The emulator's answers and the participant's typing reach the channel one write at a time:
// every packet sent is one of the writes whole (and -race finds no overlap).
func TestSessionInputWritesDoNotOverlap(t *testing.T) {
	ch := &packetWriter{}
	in := &serialWriter{w: ch}
	const answer = "\x1b]11;rgb:0000/0000/0000\x1b\\" // a background colour report
	answers := bytes.Repeat([]byte(answer), 200)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		// As dial forwards the emulator's answers, in small reads.
		_, _ = io.CopyBuffer(in, struct{ io.Reader }{bytes.NewReader(answers)}, make([]byte, len(answer)))
	}()
	go func() {
		defer wg.Done()
		for range 200 {
			_, _ = io.WriteString(in, "Participant 1\r")
		}
	}()
	wg.Wait()
	var answered, typed int
	for _, pkt := range ch.sent {
		switch string(pkt) {
		case answer:
			answered++
		case "Participant 1\r":
			typed++
		default:
			t.Fatalf("a packet mixes two writes: %q…", pkt[:min(len(pkt), 40)])
		}
	}
	if answered != 200 || typed != 200 {
		t.Fatalf("%d answers and %d lines typed sent: want 200 of each", answered, typed)
	}
}

// A screen awaited while its output arrives is drawn later, but the hit counts from the
// arrival of the read that completed it, and only once drawn: not from an earlier read, not
// from when it was drawn.
func TestAwaitedOutputCountsFromTheReadThatShowedIt(t *testing.T) {
	events := make(chan event, 4)
	var arrivals atomic.Int64
	p := &participant{idx: 0, events: events, arrivals: &arrivals, emu: vt.NewEmulator(termCols, termRows)}
	if now := p.expect(1, "Step 2 of 5 — ", ""); len(now) != 0 {
		t.Fatalf("an empty screen showed the step: %v", now)
	}
	t0 := time.Date(2026, 1, 1, 10, 0, 0, 0, time.UTC)
	p.output([]byte("\x1b[H\x1b[2JStep 2 of"), t0)
	p.output([]byte(" 5 — Map the journey"), t0.Add(30*time.Millisecond))
	p.output([]byte("\r\nmore text"), t0.Add(60*time.Millisecond))
	if arrivals.Load() != 3 {
		t.Fatalf("arrivals = %d, want 3", arrivals.Load())
	}
	select {
	case e := <-events:
		t.Fatalf("a hit was reported before the screen was drawn: %+v", e)
	default:
	}
	got := p.drain()
	if len(got) != 1 || got[0].kind != evHit || got[0].phase != 1 {
		t.Fatalf("drain reported %+v, want one hit in phase 1", got)
	}
	if want := t0.Add(30 * time.Millisecond); !got[0].at.Equal(want) {
		t.Fatalf("hit at %v, want the second read's arrival %v", got[0].at, want)
	}
	if again := p.drain(); len(again) != 0 {
		t.Fatalf("a second drain reported %+v", again)
	}
	if !p.showsStepTitle(2, 5, "Map the") {
		t.Fatal("the drawn screen does not show the step and its title")
	}
}

// A failure text is found on the drawn screen too, as of its read's arrival.
func TestAwaitedFailureCountsFromItsRead(t *testing.T) {
	events := make(chan event, 4)
	p := &participant{events: events, emu: vt.NewEmulator(termCols, termRows)}
	p.expect(3, textSubmitted, textNotSaved)
	t0 := time.Date(2026, 1, 1, 10, 0, 0, 0, time.UTC)
	p.output([]byte("\x1b[H\x1b[2JNot saved: try again"), t0)
	got := p.drain()
	if len(got) != 1 || got[0].kind != evFailed || !got[0].at.Equal(t0) || got[0].err.Error() != "Not saved: try again" {
		t.Fatalf("drain reported %+v, want the failure as of %v", got, t0)
	}
}
