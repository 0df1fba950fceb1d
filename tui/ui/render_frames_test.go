package ui

import "testing"

// A fitted frame is shared only by drawings that are the same in everything it is fitted
// from: the body, what follows it, the width and the height.
func TestFittedKeepsFramesApart(t *testing.T) {
	type in struct {
		body, tail    string
		width, height int
	}
	cases := []in{
		{"a\nb", "", 80, 24},
		{"a\nc", "", 80, 24},
		{"a\nb", "\nhelp", 80, 24},
		{"a\nb", "", 40, 24},
		{"a\nb", "", 80, 12},
	}
	c := NewRenderCache()
	for round := range 2 {
		for _, x := range cases {
			want := x.body + "|" + x.tail + "|" + string(rune('0'+x.width/10)) + string(rune('0'+x.height))
			got := c.Fitted(x.body, x.tail, x.width, x.height, func() string { return want })
			if got != want {
				t.Errorf("round %d: Fitted%+v = %q, want %q", round+1, x, got, want)
			}
		}
	}
	calls := 0
	for range 3 {
		c.Fitted("same", "", 80, 24, func() string { calls++; return "x" })
	}
	if calls != 1 {
		t.Errorf("the same drawing was fitted %d times, want once", calls)
	}
	var none *RenderCache
	if got := none.Fitted("a", "", 1, 1, func() string { return "fit" }); got != "fit" {
		t.Errorf("a nil cache gives %q", got)
	}
}
