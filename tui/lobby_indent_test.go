package tui

import "testing"

// The lobby's block sits one cell in from the edge, every line of it, as a padded block did.
func TestIndentSetsEveryLineIn(t *testing.T) {
	for in, want := range map[string]string{
		"":                 " ",
		"workshop":         " workshop",
		"a\n\nb":           " a\n \n b",
		"a\nb\n":           " a\n b\n ",
		"\x1b[1mx\x1b[m\n": " \x1b[1mx\x1b[m\n ",
	} {
		if got := indent(in); got != want {
			t.Errorf("indent(%q) = %q, want %q", in, got, want)
		}
	}
}
