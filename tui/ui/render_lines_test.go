package ui

import (
	"slices"
	"strconv"
	"sync"
	"testing"
)

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
