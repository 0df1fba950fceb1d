package loadtest

import (
	"bytes"
	"io"
	"runtime"
	"sync"
	"testing"
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
