package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

func problemStrings(ps []Problem) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}

// TestParseProblems checks the exact message and position of each class of problem.
func TestParseProblems(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range problemCases {
		if seen[c.name] {
			t.Fatalf("two cases named %q", c.name)
		}
		seen[c.name] = true
		t.Run(c.name, func(t *testing.T) {
			m, ps := Parse("t.yaml", []byte(c.yaml))
			got := problemStrings(ps)
			if !slices.Equal(got, c.want) {
				t.Errorf("problems:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(c.want, "\n      "))
			}
			if (m == nil) != (len(ps) > 0) {
				t.Errorf("module returned = %v with %d problems", m != nil, len(ps))
			}
		})
	}
}

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestParseAllKinds(t *testing.T) {
	data := readTestdata(t, "testdata/all-kinds.yaml")
	m, ps := Parse("testdata/all-kinds.yaml", data)
	if len(ps) > 0 {
		t.Fatalf("unexpected problems:\n%s", Problems(ps).Error())
	}
	sum := sha256.Sum256(data)
	if m.Hash != hex.EncodeToString(sum[:]) {
		t.Errorf("Hash = %s", m.Hash)
	}
	if !bytes.Equal(m.Raw, data) || m.Source != "testdata/all-kinds.yaml" {
		t.Errorf("Raw or Source not kept: source %q", m.Source)
	}
	data[0] = 'X' // Raw must be a copy.
	if m.Raw[0] == 'X' {
		t.Error("Raw shares memory with the input")
	}
	if m.ID != "all-kinds" || m.Title != "Every exercise kind" || m.Language != "en-GB" || m.Duration != 90 || m.Version != "2.1" {
		t.Errorf("module header = %+v", m)
	}
	var kinds []Kind
	for _, s := range m.Steps {
		if s.Exercise != nil {
			kinds = append(kinds, s.Exercise.Kind)
		}
	}
	if !slices.Equal(kinds, Kinds) {
		t.Errorf("kinds = %v, want %v", kinds, Kinds)
	}
	get := func(id string) *Step {
		i := m.StepIndex(id)
		if i < 0 {
			t.Fatalf("no step %q", id)
		}
		return &m.Steps[i]
	}
	if s := get("intro"); s.Guidance != "Read this first.\n" || s.Phase != PhaseExperience || s.Exercise != nil {
		t.Errorf("intro = %+v", s)
	}
	if s := get("write"); s.TimeBox != 5 || s.Notes != "Give people quiet time." || s.Exercise.MaxLength != 2000 || s.Exercise.Prompt != "What stood out?" {
		t.Errorf("write = %+v / %+v", s, s.Exercise)
	}
	if e := get("ideas").Exercise; e.Team || !e.Anonymous || e.MaxItems != 10 || e.MaxBoardItems != 40 || e.MaxLength != 60 {
		t.Errorf("ideas = %+v", e)
	}
	if e := get("pick").Exercise; e.From != "ideas" || e.Dots != 5 || e.MaxPerItem != 2 || e.Team {
		t.Errorf("pick = %+v", e)
	}
	e := get("place").Exercise
	if *e.XAxis != (Axis{"Cost", "Cheap", "Costly"}) || *e.YAxis != (Axis{"Value", "Little value", "Much value"}) ||
		!slices.Equal(e.Quadrants, []string{"Do now", "Plan", "Maybe", "Drop"}) {
		t.Errorf("place = %+v", e)
	}
	if e := get("journey").Exercise; len(e.Stages) != 4 || len(e.Lanes) != 5 || !e.AddStages || e.MaxLength != 200 || !e.Team {
		t.Errorf("journey = %+v", e)
	}
	wantCols := []Column{{"Service", ColumnText, nil}, {"Monthly requests", ColumnNumber, nil}, {"Channel", ColumnChoice, []string{"Online", "Counter", "Phone"}}}
	if e := get("census").Exercise; !slices.EqualFunc(e.Columns, wantCols, func(a, b Column) bool {
		return a.Name == b.Name && a.Type == b.Type && slices.Equal(a.Options, b.Options)
	}) || e.MaxRows != 20 || e.MaxLength != 100 {
		t.Errorf("census = %+v", e)
	}
	if e := get("rate").Exercise; len(e.Statements) != 2 || e.Labels[4] != "Always" {
		t.Errorf("rate = %+v", e)
	}
	if e := get("ready").Exercise; !slices.Equal(e.Items, []string{"Staff trained", "Help desk briefed"}) {
		t.Errorf("ready = %+v", e)
	}
	q := get("check").Exercise.Questions
	if len(q) != 1 || q[0].Question != "Who should test a prototype?" || len(q[0].Options) != 2 ||
		!q[0].Options[0].Correct || q[0].Options[1].Correct || q[0].Options[1].Feedback == "" {
		t.Errorf("check = %+v", q)
	}
}

func TestParseKeepsScalarText(t *testing.T) {
	src := header + "  - id: \"2024\"\n    title: 42\n    guidance: true\n    phase: apply\n"
	src = strings.Replace(src, `version: "1"`, "version: 1.10", 1)
	m, ps := Parse("t.yaml", []byte(src))
	if len(ps) > 0 {
		t.Fatal(Problems(ps))
	}
	if m.Version != "1.10" || m.Steps[0].ID != "2024" || m.Steps[0].Title != "42" || m.Steps[0].Guidance != "true" {
		t.Errorf("got version %q, step %+v", m.Version, m.Steps[0])
	}
}

func TestParseAliases(t *testing.T) {
	src := header + `  - id: a
    title: &t Shared title
    guidance: &g |
      Shared guidance.
    phase: apply
    exercise: &ex
      kind: reflection
      prompt: Same prompt
  - id: b
    title: *t
    guidance: *g
    phase: apply
    exercise: *ex
`
	m, ps := Parse("t.yaml", []byte(src))
	if len(ps) > 0 {
		t.Fatal(Problems(ps))
	}
	if m.Steps[1].Title != "Shared title" || m.Steps[1].Exercise.Prompt != "Same prompt" {
		t.Errorf("aliases not followed: %+v", m.Steps[1])
	}
}

func TestParseUnknownAnchor(t *testing.T) {
	src := header + "  - id: a\n    title: *nope\n    guidance: g\n    phase: apply\n"
	_, ps := Parse("t.yaml", []byte(src))
	want := []string{`t.yaml:9:12: invalid YAML: unknown anchor "nope" referenced`}
	if got := problemStrings(ps); !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestParseAliasBomb(t *testing.T) {
	// Each level repeats the one below a thousand times through aliases: 10^9 options in all.
	rep := func(alias string) string { return strings.TrimSuffix(strings.Repeat(alias+", ", 1000), ", ") }
	src := "id: t\ntitle: T\nsummary: S\nlanguage: en\nduration: 10\nversion: \"1\"\n" +
		"x-option: &o {text: x}\n" +
		"x-options: &os [" + rep("*o") + "]\n" +
		"x-question: &q {question: q, options: *os}\n" +
		"x-questions: &qs [" + rep("*q") + "]\n" +
		"x-step: &s {id: s, title: T, guidance: G, phase: apply, exercise: {kind: quiz, questions: *qs}}\n" +
		"steps: [" + rep("*s") + "]\n"
	m, ps := Parse("bomb.yaml", []byte(src))
	if m != nil || len(ps) != 1 || ps[0].String() != "bomb.yaml:1:1: the file expands to more than 200000 values; check its anchors and aliases" {
		t.Errorf("got %d problems: %v", len(ps), Problems(ps))
	}
}

func TestParseTooLarge(t *testing.T) {
	data := []byte(header + "# " + strings.Repeat("x", MaxFileSize) + "\n")
	_, ps := Parse("big.yaml", data)
	if len(ps) != 1 || ps[0].Line != 1 || !strings.Contains(ps[0].Message, "at most") {
		t.Errorf("got %v", ps)
	}
}

func TestParseProblemLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString(header)
	for i := range 300 {
		fmt.Fprintf(&b, "  - id: s%d\n", i)
	}
	_, ps := Parse("t.yaml", []byte(b.String()))
	if len(ps) != maxProblems+1 {
		t.Fatalf("got %d problems, want %d", len(ps), maxProblems+1)
	}
	if last := ps[len(ps)-1]; !strings.Contains(last.Message, "stopped reporting") {
		t.Errorf("last problem = %v", last)
	}
}

func TestProblemString(t *testing.T) {
	cases := []struct {
		p    Problem
		want string
	}{
		{Problem{File: "a.yaml", Line: 3, Col: 7, Message: "bad"}, "a.yaml:3:7: bad"},
		{Problem{File: "a.yaml", Line: 3, Message: "bad"}, "a.yaml:3:1: bad"},
		{Problem{File: "dir", Message: "no module files"}, "dir: no module files"},
		{Problem{File: "a.yaml", Line: 4, Col: 2, Message: "long", Warning: true}, "a.yaml:4:2: warning: long"},
	}
	for _, c := range cases {
		if got := c.p.String(); got != c.want {
			t.Errorf("%#v.String() = %q, want %q", c.p, got, c.want)
		}
	}
	ps := Problems{cases[0].p, cases[2].p}
	if got := ps.Error(); got != "a.yaml:3:7: bad\ndir: no module files" {
		t.Errorf("Error() = %q", got)
	}
}

func TestKindSettingsCoverExerciseKeys(t *testing.T) {
	for _, k := range Kinds {
		if !k.Valid() || len(k.Settings()) == 0 || !k.Allows("prompt") {
			t.Errorf("kind %s has no settings", k)
		}
	}
	if Kind("poll").Valid() || Kind("poll").Settings() != nil || Phase("act").Valid() {
		t.Error("invalid kind or phase reported valid")
	}
	for _, s := range []string{"team"} {
		var with []Kind
		for _, k := range Kinds {
			if k.Allows(s) {
				with = append(with, k)
			}
		}
		if want := []Kind{KindList, KindVote, KindMatrix, KindJourney, KindTable}; !slices.Equal(with, want) {
			t.Errorf("%s allowed on %v, want %v", s, with, want)
		}
	}
	if !KindList.Allows("anonymous") || len(allSettings()) != 21 {
		t.Errorf("settings: %v", allSettings())
	}
}
