package ui

import (
	"slices"
	"strconv"
	"sync"
	"testing"
)

// Texts are split once for all and shared; texts that differ are never given each other's
// lines, and a screen adding to the lines it was given never changes what the others see.
func TestSplitSharesLinesOfTheSameTextOnly(t *testing.T) {
	c := NewRenderCache()
	texts := []string{"a\nb", "a\nc", "a\nb\n", "a", ""}
	for round := range 2 {
		for _, s := range texts {
			if want, got := splitLines(s), c.Split(s); !slices.Equal(got, want) {
				t.Errorf("round %d: Split(%q) = %q, want %q", round+1, s, got, want)
			}
		}
	}
	x, y := c.Split("one\ntwo"), c.Split("one\ntwo")
	if &x[0] != &y[0] {
		t.Error("the same text was split twice")
	}
	_ = append(x, "three")
	x = append(x, "four")
	x[2] = "five"
	if got := c.Split("one\ntwo"); !slices.Equal(got, []string{"one", "two"}) {
		t.Errorf("lines appended to by one reader show to the next: %q", got)
	}
	var none *RenderCache
	if got := none.Split("a\nb"); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("a nil cache gives %q", got)
	}
}

// splitLines is strings.Split at newlines, by hand.
func splitLines(s string) []string {
	var out []string
	start := 0
	for i := range len(s) {
		if s[i] == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// A header is drawn once per key, and headers of different keys stay apart, from however
// many sessions at once and past the bound.
func TestHeaderKeepsKeysApart(t *testing.T) {
	c := NewRenderCache()
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range headerCacheSize + 100 {
				k := strconv.Itoa((i + g) % (headerCacheSize + 50))
				got := c.Header(k, func() []string { return []string{"h", k} })
				if len(got) != 2 || got[1] != k {
					t.Errorf("Header(%q) = %q", k, got)
					return
				}
			}
		})
	}
	wg.Wait()
	calls := 0
	for range 3 {
		c.Header("same", func() []string { calls++; return []string{"x"} })
	}
	if calls != 1 {
		t.Errorf("the same header was drawn %d times, want once", calls)
	}
	var none *RenderCache
	if got := none.Header("k", func() []string { return []string{"drawn"} }); !slices.Equal(got, []string{"drawn"}) {
		t.Errorf("a nil cache gives %q", got)
	}
}
