package content

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// warningsOf parses a file that must have no other problem and returns its warnings.
func warningsOf(t *testing.T, src string) []string {
	t.Helper()
	r := parse("t.yaml", []byte(src))
	if len(r.problems) > 0 {
		t.Fatalf("problems besides warnings:\n%s", Problems(r.problems).Error())
	}
	return problemStrings(r.warnings)
}

// step builds a step with an id and an exercise given as YAML indented for the exercise.
func stepWith(id, exercise string) string {
	return "  - id: " + id + "\n    title: T\n    guidance: g\n    phase: apply\n    exercise:\n" + exercise
}

func TestWarnings(t *testing.T) {
	n := func(c string, k int) string { return strings.Repeat(c, k) }
	cases := []struct {
		name string
		yaml string
		want []string
	}{
		{"labels at their budget", header +
			stepWith("ideas", "      kind: list\n      max_length: 64\n") +
			stepWith("j", fmt.Sprintf("      kind: journey\n      lanes: [%s]\n      stages: [%s]\n", n("l", LaneWidth), n("s", StageWidth))) +
			stepWith("m", fmt.Sprintf("      kind: matrix\n      from: ideas\n      quadrants: [%s, b, c, d]\n", n("q", QuadrantWidth))) +
			stepWith("v", "      kind: vote\n      from: ideas\n") +
			stepWith("t", fmt.Sprintf("      kind: table\n      columns:\n        - {name: A, type: choice, options: [%s, b]}\n        - {name: B, type: text}\n        - {name: C, type: text}\n        - {name: D, type: text}\n        - {name: E, type: text}\n", n("o", ChoiceWidth(5, DefaultTableRows)))) +
			stepWith("q", fmt.Sprintf("      kind: quiz\n      questions:\n        - question: Q\n          options:\n            - {text: %s, correct: true}\n            - {text: b}\n", n("a", QuizOptionWidth))),
			nil},
		{"journey labels", header + stepWith("j", "      kind: journey\n      lanes: [Thoughts and feelings, Pain points]\n      stages: [Gets the final result, Waits]\n"), []string{
			`t.yaml:14:15: warning: lane "Thoughts and feelings" is 21 characters; the journey shows 20 at 80 columns`,
			`t.yaml:15:16: warning: stage "Gets the final result" is 21 characters; the journey shows 17 at 80 columns`,
		}},
		{"matrix labels", header + list1 + "      max_length: 60\n" +
			stepWith("m", "      kind: matrix\n      from: ideas\n      quadrants: [Quick wins with a long name, b, c, d]\n") +
			stepWith("n", "      kind: matrix\n      from: ideas\n      x_axis: {label: Cost, low: Cheap to do for the city, high: Costly for the city budget}\n      y_axis: {label: A very long label for the value axis, low: None, high: A great deal of value}\n"),
			[]string{
				`t.yaml:22:19: warning: quadrant "Quick wins with a long name" is 27 characters; the grid shows 25 at 80 columns`,
				`t.yaml:30:7: warning: quadrant "A great deal of value · Cheap to do for the city", made from the axis ends, is 48 characters; the grid shows 25 at 80 columns: shorten the axis ends or set quadrants`,
				`t.yaml:30:7: warning: the line below the grid names the y_axis low end and both x_axis ends in 62 characters; 52 show at 80 columns: shorten them`,
				`t.yaml:31:7: warning: the line above the grid, "↑ A great deal of value (A very long label for the value axis)", is 62 characters; 54 show at 80 columns: shorten the y_axis label or high end`,
			}},
		{"vote on long items", header + list1 + stepWith("v", "      kind: vote\n      from: ideas\n"), []string{
			`t.yaml:20:13: warning: items of step "ideas" may be 280 characters, but a vote shows 64 at 80 columns: set max_length: 64 or less on that list`,
		}},
		{"choice and quiz options", header +
			stepWith("t", "      kind: table\n      columns:\n        - {name: Indicator, type: choice, options: [Satisfaction after requesting, Savings]}\n        - {name: B, type: text}\n        - {name: C, type: text}\n        - {name: D, type: text}\n        - {name: E, type: text}\n") +
			stepWith("u", "      kind: table\n      columns:\n        - {name: Indicator, type: choice, options: [Satisfaction after requesting, Savings]}\n        - {name: B, type: text}\n") +
			stepWith("q", fmt.Sprintf("      kind: quiz\n      questions:\n        - question: Q\n          options:\n            - {text: %s, correct: true}\n            - {text: b}\n", n("a", QuizOptionWidth+1))),
			[]string{
				`t.yaml:15:53: warning: option "Satisfaction after requesting" is 29 characters; a cell of this 5-column table shows 14 at 80 columns`,
				`t.yaml:38:22: warning: option "` + n("a", QuizOptionWidth+1) + `" is 62 characters; a quiz shows 61 at 80 columns`,
			}},
		{"column names", header +
			stepWith("t", "      kind: table\n      columns:\n        - {name: What exactly is measured, type: text}\n        - {name: B, type: text}\n        - {name: C, type: text}\n        - {name: D, type: text}\n        - {name: E, type: text}\n") +
			stepWith("u", "      kind: table\n      columns:\n        - {name: What exactly is measured, type: text}\n        - {name: B, type: text}\n"),
			[]string{
				`t.yaml:15:18: warning: column name "What exactly is measured" is 24 characters; the heading of this 5-column table shows 14 at 80 columns`,
			}},
		{"duration and time boxes", strings.Replace(header, "duration: 10", "duration: 30", 1) +
			"  - id: a\n    title: A\n    guidance: g\n    phase: apply\n    timebox: 20\n  - id: b\n    title: B\n    guidance: g\n    phase: apply\n    timebox: 15\n",
			[]string{`t.yaml:5:11: warning: duration is 30 minutes but the time boxes of the steps add up to 35`}},
		{"no time boxes", header + "  - id: a\n    title: A\n    guidance: g\n    phase: apply\n", nil},
		{"board settings that do nothing", header +
			stepWith("a", "      kind: list\n      team: true\n      anonymous: true\n") +
			stepWith("b", "      kind: list\n      max_board_items: 50\n"),
			[]string{
				`t.yaml:14:7: warning: team has no effect on an anonymous list: its items are one pool for the whole cohort`,
				`t.yaml:22:7: warning: max_board_items bounds a team board or an anonymous pool; on a list of one's own, max_items is the limit`,
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := warningsOf(t, c.yaml); !slices.Equal(got, c.want) {
				t.Errorf("warnings:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(c.want, "\n      "))
			}
		})
	}
}

// A module with warnings still loads, and validation reports them as warnings.
func TestWarningsDoNotStopLoading(t *testing.T) {
	src := header + list1 + stepWith("v", "      kind: vote\n      from: ideas\n")
	if m, ps := Parse("t.yaml", []byte(src)); m == nil || len(ps) > 0 {
		t.Fatalf("Parse: %v", ps)
	}
	dir := t.TempDir()
	file := writeFile(t, dir, "t.yaml", src)
	mods, ps := ValidateModules(file)
	if len(mods) != 1 || len(ps) != 1 || !ps[0].Warning || len(Problems(ps).Errors()) != 0 {
		t.Fatalf("ValidateModules: %d modules, problems %v", len(mods), ps)
	}
}
