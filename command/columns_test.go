package command

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Columns line up by the cells text takes on screen, CJK and emoji included.
func TestWriteColumnsAlignsByDisplayWidth(t *testing.T) {
	var b strings.Builder
	err := WriteColumns(&b, []string{"CODE", "NAME", "MODULE"}, [][]string{
		{"K7MQ2P", "Tuesday group", "warmup"},
		{"AB23CD", "東京チーム", "warmup"},
		{"ZZ99XX", "Équipe 🎉 café", "service-digitisation"},
		{"MM44NN", "two\nlines", "x"},
	})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d lines:\n%s", len(lines), b.String())
	}
	col := -1
	for _, l := range lines {
		i := strings.LastIndex(l, "  ") + 2 // where the module column starts
		c := ansi.StringWidth(l[:i])
		if col >= 0 && c != col {
			t.Fatalf("the last column starts at cell %d and at %d:\n%s", col, c, b.String())
		}
		col = c
		if strings.HasSuffix(l, " ") {
			t.Errorf("trailing space: %q", l)
		}
	}
	if !strings.Contains(b.String(), "two lines") {
		t.Errorf("a cell kept its line break:\n%s", b.String())
	}
}
