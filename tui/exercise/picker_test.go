package exercise

import (
	"fmt"
	"strings"
	"testing"

	"workshop/content"
)

// Every choice picker scrolls with the cursor and says where it is: stepping through each
// choice column of the built-in modules, at 80 and at 40 columns, every option shows whole
// when it is the one picked, with its place among the options ("3/6"), and ◀ ▶ mark options
// out of sight.
func TestChoicePickersScrollAndShowWhere(t *testing.T) {
	lib, _, err := content.NewLibrary("")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, mod := range lib.List() {
		for _, step := range mod.Steps {
			ex := step.Exercise
			if ex == nil || ex.Kind != content.KindTable {
				continue
			}
			for ci, col := range ex.Columns {
				if col.Type != content.ColumnChoice {
					continue
				}
				for _, size := range [][2]int{{80, 12}, {40, 9}} {
					checked++
					yaml := choiceTableYAML(ex, ci)
					x := newExHarness(t, yaml, size[0], size[1])
					x.open(Data{})
					x.keys("a", "esc", "enter") // a row, then the choice cell's options
					hidden := false
					for i, opt := range col.Options {
						x.keys("right")
						v := x.mustShow(fmt.Sprintf("%d/%d", i+1, len(col.Options)))
						if !strings.Contains(v, "["+opt+"]") {
							t.Errorf("%s %s, %q at %d columns: option %q is picked blind:\n%s", mod.ID, step.ID, col.Name, size[0], opt, v)
						}
						hidden = hidden || strings.Contains(v, "◀") || strings.Contains(v, "▶")
					}
					if size[0] == 40 && len(col.Options) >= 5 && !hidden {
						t.Errorf("%s %s, %q at 40 columns: no mark of options out of sight", mod.ID, step.ID, col.Name)
					}
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no choice columns in the built-in modules")
	}
}

// choiceTableYAML is a one-column table of the given choice column of ex, for the editor harness.
func choiceTableYAML(ex *content.Exercise, col int) string {
	c := ex.Columns[col]
	var q []string
	for _, o := range c.Options {
		q = append(q, fmt.Sprintf("%q", o))
	}
	return fmt.Sprintf("kind: table\ncolumns:\n  - {name: %q, type: choice, options: [%s]}\n  - {name: Other, type: text}\n", c.Name, strings.Join(q, ", "))
}
