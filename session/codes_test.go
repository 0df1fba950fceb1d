package session

import (
	"strings"
	"testing"
)

func TestJoinCodes(t *testing.T) {
	seen := map[string]bool{}
	for range 500 {
		c := NewJoinCode()
		if !LooksLikeJoinCode(c) {
			t.Fatalf("bad join code %q", c)
		}
		if strings.ContainsAny(c, "01OIL") {
			t.Fatalf("ambiguous character in %q", c)
		}
		seen[c] = true
	}
	if len(seen) < 495 {
		t.Errorf("only %d distinct codes in 500 draws", len(seen))
	}
}

func TestRejoinCodes(t *testing.T) {
	c := NewRejoinCode()
	if len(c) != 9 || c[4] != '-' {
		t.Fatalf("display form %q", c)
	}
	n := NormalizeCode(c)
	if !LooksLikeRejoinCode(n) || LooksLikeJoinCode(n) {
		t.Fatalf("normalised %q", n)
	}
	if FormatRejoinCode(strings.ToLower(n)) != c {
		t.Errorf("format(lower(%q)) != %q", n, c)
	}
}

func TestNormalizeCode(t *testing.T) {
	for in, want := range map[string]string{" k7mq2p ": "K7MQ2P", "k7mq-2pxd": "K7MQ2PXD", "K7 MQ 2P": "K7MQ2P"} {
		if got := NormalizeCode(in); got != want {
			t.Errorf("NormalizeCode(%q) = %q, want %q", in, got, want)
		}
	}
	if LooksLikeJoinCode("K7MQ0P") {
		t.Error("0 is not in the alphabet")
	}
}
