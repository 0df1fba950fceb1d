package content

import (
	"slices"
	"strings"
	"testing"
)

// fourSteps are steps a, b, c and d; meetings written after them start on line 25.
const fourSteps = `  - id: a
    title: A
    guidance: g
    phase: experience
  - id: b
    title: B
    guidance: g
    phase: reflect
  - id: c
    title: C
    guidance: g
    phase: apply
  - id: d
    title: D
    guidance: g
    phase: apply
meetings:
`

func TestMeetingsParse(t *testing.T) {
	src := header + fourSteps + `  - title: First
    steps: [a, b]
    homework: Do **b** again.
    homework_steps: [b]
  - title: Second
    steps: [d]
`
	m, ps := Parse("t.yaml", []byte(src))
	if len(ps) > 0 {
		t.Fatalf("problems:\n%s", Problems(ps).Error())
	}
	if len(m.Meetings) != 2 || m.Meetings[0].Title != "First" || !slices.Equal(m.Meetings[0].Steps, []string{"a", "b"}) ||
		m.Meetings[0].Homework != "Do **b** again." || !slices.Equal(m.Meetings[0].HomeworkSteps, []string{"b"}) {
		t.Fatalf("meetings = %+v", m.Meetings)
	}
	for step, want := range []int{0, 0, -1, 1} {
		if got := m.MeetingOf(step); got != want {
			t.Errorf("MeetingOf(%d) = %d, want %d", step, got, want)
		}
	}
	if f, l := m.MeetingSteps(0); f != 0 || l != 1 {
		t.Errorf("MeetingSteps(0) = %d, %d", f, l)
	}
	if got := m.HomeworkStepIndexes(0); !slices.Equal(got, []int{1}) {
		t.Errorf("HomeworkStepIndexes(0) = %v", got)
	}
}

// Every way meetings can be wrong is reported at its place.
func TestMeetingsProblems(t *testing.T) {
	cases := []struct {
		name, meetings string
		want           []string
	}{
		{"unknown step", "  - title: M\n    steps: [a, bb]\n", []string{
			`t.yaml:26:16: meeting 1: no step "bb" in this module (did you mean "b"?)`}},
		{"gap", "  - title: M\n    steps: [a, c]\n", []string{
			`t.yaml:26:16: meeting 1: the steps of a meeting follow each other in the module; after "a" (step 1) comes "b", not "c" (step 3)`}},
		{"backwards", "  - title: M\n    steps: [b, a]\n", []string{
			`t.yaml:26:16: meeting 1: the steps of a meeting follow each other in the module; after "b" (step 2) comes "c", not "a" (step 1)`}},
		{"overlap", "  - title: M\n    steps: [a, b]\n  - title: N\n    steps: [b, c]\n", []string{
			`t.yaml:28:13: meeting 2: step "b" is already in meeting 1 (line 26); a step belongs to one meeting at most`}},
		{"out of order", "  - title: M\n    steps: [c]\n  - title: N\n    steps: [a]\n", []string{
			`t.yaml:28:13: meeting 2: step "a" (step 1) comes before the steps of an earlier meeting; list meetings in the order of their steps`}},
		{"homework of a later meeting", "  - title: M\n    steps: [a]\n    homework_steps: [c]\n  - title: N\n    steps: [c]\n", []string{
			`t.yaml:27:22: meeting 1: homework step "c" is worked on together in meeting 2 (line 29); homework is done alone before the next meeting`}},
		{"unknown homework step", "  - title: M\n    steps: [a]\n    homework_steps: [zz]\n", []string{
			`t.yaml:27:22: meeting 1: homework_steps: no step "zz" in this module`}},
		{"missing title and unknown key", "  - steps: [a]\n    homewrk: x\n", []string{
			`t.yaml:25:5: missing key "title" in meeting 1`,
			`t.yaml:26:5: unknown key "homewrk" in meeting 1 (did you mean "homework"?)`}},
		{"empty steps", "  - title: M\n    steps: []\n", []string{
			`t.yaml:26:12: steps must have at least one entry`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, ps := Parse("t.yaml", []byte(header+fourSteps+c.meetings))
			var got []string
			for _, p := range ps {
				got = append(got, p.String())
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// A translation keeps its original's meetings: the same number, steps and homework steps.
func TestTranslationMeetings(t *testing.T) {
	orig := "id: t\ntitle: T\nsummary: S\nlanguage: en\nduration: 10\nversion: \"1\"\nsteps:\n" + fourSteps +
		"  - title: M\n    steps: [a, b]\n    homework_steps: [b]\n"
	tr := strings.Replace(orig, "language: en\n", "language: es\ntranslated_from: en\n", 1)
	dir := t.TempDir()
	op := writeFile(t, dir, "t.yaml", orig)
	for name, c := range map[string]struct {
		edit func(string) string
		want string
	}{
		"same":               {func(s string) string { return strings.Replace(s, "title: M", "title: Encuentro", 1) }, ""},
		"other steps":        {func(s string) string { return strings.Replace(s, "steps: [a, b]", "steps: [a]", 1) }, "meeting 1 has the steps a here but a, b in the original"},
		"other homework":     {func(s string) string { return strings.Replace(s, "homework_steps: [b]", "homework_steps: [a]", 1) }, "meeting 1 has the homework steps [a] here but [b] in the original"},
		"no meetings at all": {func(s string) string { s, _, _ = strings.Cut(s, "meetings:"); return s }, "the module has 0 meetings here but 1 in the original"},
	} {
		t.Run(name, func(t *testing.T) {
			tp := writeFile(t, t.TempDir(), "t.es.yaml", c.edit(tr))
			_, ps := ValidateModules(op, tp)
			text := Problems(ps).Error()
			if c.want == "" && len(ps) > 0 || c.want != "" && !strings.Contains(text, c.want) {
				t.Errorf("problems:\n%s\nwant %q", text, c.want)
			}
		})
	}
}

// The built-in service-digitisation module is held as six meetings in every language.
func TestBuiltinMeetings(t *testing.T) {
	lib, _, err := NewLibrary("")
	if err != nil {
		t.Fatal(err)
	}
	vs, ok := lib.Variants("service-digitisation")
	if !ok {
		t.Fatal("no service-digitisation")
	}
	for _, lang := range vs.Languages() {
		m := vs.In(lang)
		if len(m.Meetings) != 6 {
			t.Errorf("%s: %d meetings", lang, len(m.Meetings))
		}
		for i := range m.Steps {
			if m.MeetingOf(i) < 0 {
				t.Errorf("%s: step %s is in no meeting", lang, m.Steps[i].ID)
			}
		}
	}
}
