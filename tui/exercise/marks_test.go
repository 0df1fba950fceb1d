package exercise

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The marks of a scrolled editor count what is hidden as a person counts it: items (or
// questions, statements, rows), not the lines they happen to wrap to.
func TestScrollMarksCountItemsNotLines(t *testing.T) {
	var b strings.Builder
	b.WriteString("kind: checklist\nitems:\n")
	for i := range 9 {
		fmt.Fprintf(&b, "  - \"Point %d: a long enough sentence to wrap over two lines in a window only forty columns wide\"\n", i+1)
	}
	x := newExHarness(t, b.String(), 40, 10)
	x.open(Data{})
	v := x.view()
	m := regexp.MustCompile(`↓ (\d+) more items`).FindStringSubmatch(v)
	if m == nil {
		t.Fatalf("no count of the items below:\n%s", v)
	}
	shown := strings.Count(v, "Point ")
	if n, _ := strconv.Atoi(m[1]); n != 9-shown {
		t.Errorf("says %s more with %d of 9 items shown:\n%s", m[1], shown, v)
	}
	x.keys("end", "down", "down", "down", "down", "down", "down", "down", "down")
	v = x.view()
	if m = regexp.MustCompile(`↑ (\d+) more items`).FindStringSubmatch(v); m == nil {
		t.Fatalf("no count of the items above:\n%s", v)
	}
	// Items wholly above the window: those before the first one shown, less one whose last
	// lines still show under the mark.
	first := mustAtoi(t, regexp.MustCompile(`Point (\d+):`).FindStringSubmatch(v)[1])
	above := first - 1
	if after := strings.Split(v, "\n")[2]; !strings.Contains(after, "Point ") {
		above--
	}
	if mustAtoi(t, m[1]) != above {
		t.Errorf("says %s more above, with %d items wholly above:\n%s", m[1], above, v)
	}
}

func mustAtoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
