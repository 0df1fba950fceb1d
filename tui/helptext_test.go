package tui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

func TestReflow(t *testing.T) {
	in := `Every client is bounded: a connection must ask for a session within --login-grace; connections
still logging in are limited in total (--max-startups) and per address.

Formats:
  csv   a progress sheet for spreadsheets: one row per participant with name, team, joined,
        last seen, then each step's status.
  json  everything.

  workshop backup /backups/tuesday/
  workshop serve --data /backups/tuesday`
	want := `Every client is bounded: a connection must ask for a session
within --login-grace; connections still logging in are limited in
total (--max-startups) and per address.

Formats:
  csv   a progress sheet for spreadsheets: one row per participant
        with name, team, joined, last seen, then each step's
        status.
  json  everything.

  workshop backup /backups/tuesday/
  workshop serve --data /backups/tuesday`
	got := Reflow(in, 66)
	if got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
	// No line is wider than asked, and every word of the text is still whole.
	for _, w := range []int{30, 40, 80} {
		out := Reflow(in, w)
		for _, l := range strings.Split(out, "\n") {
			if ansi.StringWidth(l) > w {
				t.Errorf("width %d: %q is %d wide", w, l, ansi.StringWidth(l))
			}
		}
		if strings.Join(strings.Fields(out), " ") != strings.Join(strings.Fields(in), " ") {
			t.Errorf("width %d changed the words:\n%s", w, out)
		}
	}
	// Wide characters count as two cells.
	if got := Reflow("日本語 日本語 日本語", 13); got != "日本語 日本語\n日本語" {
		t.Errorf("CJK: %q", got)
	}
	// A word longer than the width is left whole.
	if got := Reflow("see --startup-queue-per-address now", 10); got != "see\n--startup-queue-per-address\nnow" {
		t.Errorf("long word: %q", got)
	}
}

// Whatever the text and width, reflowing keeps every word, in order, and no line is wider than
// the width unless it holds a single word (or an item's term) that is wider.
func FuzzReflow(f *testing.F) {
	f.Add("Every client is bounded: --login-grace and\n  csv   a sheet\n        more\n\n  workshop serve", 40)
	f.Add("日本語 🎉 café -- a-b-c", 5)
	f.Add("- item one\n  continued\n* item two", 12)
	f.Fuzz(func(t *testing.T, text string, width int) {
		// Help texts are written in the source: valid UTF-8, no tabs or escape sequences.
		if width < 1 || width > 200 || len(text) > 4000 || !utf8.ValidString(text) || strings.ContainsAny(text, "\t\r\x1b") {
			return
		}
		out := Reflow(text, width)
		if strings.Join(strings.Fields(out), " ") != strings.Join(strings.Fields(text), " ") {
			t.Fatalf("words changed:\n%q\n%q", text, out)
		}
		for _, l := range strings.Split(out, "\n") {
			if ansi.StringWidth(l) > width && len(strings.Fields(l)) > 2 {
				t.Fatalf("line %q is %d wide at width %d", l, ansi.StringWidth(l), width)
			}
		}
	})
}
