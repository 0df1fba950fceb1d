package main

import (
	"strings"
	"testing"
)

// A direct message reaches one participant's screen and no other's, over real SSH, until
// they dismiss it; a facilitator's note on a step is in the trainer's export and never on a
// participant's screen.
func TestDirectMessageAndNotesEndToEnd(t *testing.T) {
	ts, facKey, _, code := facStart(t)
	ana := facJoin(t, ts, code, "Ana")
	bea := facJoin(t, ts, code, "Bea")

	out := facRun(t, ts, facKey, "message "+code+" Ana Please unmute when you are ready")
	if !strings.Contains(out, "To Ana: Please unmute when you are ready") {
		t.Fatalf("message printed %q", out)
	}
	ana.waitFor("to you: Please unmute", "ctrl+o")
	// Something every screen shows, so Bea's screen is surely drawn after the message.
	facRun(t, ts, facKey, "announce "+code+" Coffee at eleven")
	if s := bea.waitFor("Announcement: Coffee at eleven"); strings.Contains(s, "unmute") || strings.Contains(s, "✉") {
		t.Fatalf("another participant's screen shows the message:\n%s", s)
	}
	if tl := facRun(t, ts, facKey, "timeline "+code); !strings.Contains(tl, "to Ana: Please unmute") {
		t.Fatalf("the message is not in the timeline:\n%s", tl)
	}

	facRun(t, ts, facKey, "notes "+code+" 1 --add Ana's group was quiet, pair them next time")
	if got := facRun(t, ts, facKey, "notes "+code); !strings.Contains(got, "pair them next time") {
		t.Fatalf("notes list %q", got)
	}
	doc := facRun(t, ts, facKey, "export "+code+" --format json")
	if !strings.Contains(doc, `"facilitator_notes"`) || !strings.Contains(doc, "pair them next time") {
		t.Fatalf("the note is not in the export:\n%s", doc)
	}
	if md := facRun(t, ts, facKey, "export "+code+" --format md"); !strings.Contains(md, "Facilitator notes") || !strings.Contains(md, "pair them next time") {
		t.Fatalf("the note is not in the Markdown report:\n%s", md)
	}
	for _, c := range []*termClient{ana, bea} {
		facRun(t, ts, facKey, "announce "+code+" Back to work "+c.Name)
		if s := c.waitFor("Back to work " + c.Name); strings.Contains(s, "pair them") {
			t.Fatalf("%s's screen shows a facilitator note:\n%s", c.Name, s)
		}
	}

	ana.press("\x0f") // ctrl+o
	ana.waitGone("Please unmute")
}
