package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"workshop/session"
)

// The join card shows the server's key fingerprint whole, so a facilitator can read it out
// for people to compare with ssh's first-time question; the card still fits the window.
func TestJoinCardShowsHostKeyFingerprint(t *testing.T) {
	st := NewStyles(true, 0)
	fp := "SHA256:4u5n0bD2Xo8Qm0r1Yd0G4m3m6e0pQe1p2c9vI4yq3kE"
	hint := JoinHint{Host: "workshop.example", Port: 22, Fingerprint: fp}
	c := session.Cohort{Name: "Tuesday group", Code: "K7MQ2P"}
	for _, size := range [][2]int{{80, 23}, {80, 15}, {60, 23}} {
		out := ansi.Strip(renderJoinCard(newCommon(&Deps{Hint: hint}, &st, nil), c, "", size[0], size[1]))
		if !strings.Contains(out, fp) {
			t.Fatalf("%dx%d: no fingerprint on the card:\n%s", size[0], size[1], out)
		}
		lines := strings.Split(out, "\n")
		if len(lines) > size[1] {
			t.Fatalf("%dx%d: the card takes %d lines:\n%s", size[0], size[1], len(lines), out)
		}
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > size[0] {
				t.Fatalf("%dx%d: a line of %d cells: %q", size[0], size[1], w, l)
			}
		}
	}
	// Without a known key the card says nothing about one.
	if out := ansi.Strip(renderJoinCard(newCommon(&Deps{Hint: JoinHint{Host: "h"}}, &st, nil), c, "", 80, 23)); strings.Contains(out, "Server key") {
		t.Fatalf("a key line without a key:\n%s", out)
	}
}
