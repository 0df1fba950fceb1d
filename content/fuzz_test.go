package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"testing"
)

// FuzzParse checks that Parse never panics and that what it returns is consistent: a module
// only without problems, every problem placed in the file, and a returned module that satisfies
// every rule the validation promises.
func FuzzParse(f *testing.F) {
	for _, c := range problemCases {
		f.Add([]byte(c.yaml))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, ps := Parse("fuzz.yaml", data)
		if (m == nil) == (len(ps) == 0) {
			t.Fatalf("module %v with %d problems", m != nil, len(ps))
		}
		for i, p := range ps {
			if p.File != "fuzz.yaml" || p.Line < 1 || p.Col < 1 || p.Message == "" {
				t.Fatalf("malformed problem %#v", p)
			}
			if i > 0 && i < maxProblems && (p.Line < ps[i-1].Line || p.Line == ps[i-1].Line && p.Col < ps[i-1].Col) {
				t.Fatalf("problems out of order: %v before %v", ps[i-1], p)
			}
		}
		m2, ps2 := Parse("fuzz.yaml", data)
		if (m2 == nil) != (m == nil) || !slices.Equal(ps, ps2) {
			t.Fatal("Parse is not deterministic")
		}
		if m == nil {
			return
		}
		checkModuleInvariants(t, m, data)
	})
}

func checkModuleInvariants(t *testing.T, m *Module, data []byte) {
	t.Helper()
	sum := sha256.Sum256(data)
	if m.Hash != hex.EncodeToString(sum[:]) || string(m.Raw) != string(data) {
		t.Fatal("hash or raw bytes wrong")
	}
	if !idPattern.MatchString(m.ID) || m.Title == "" || m.Summary == "" || m.Version == "" || m.Language == "" || m.Duration < 1 {
		t.Fatalf("incomplete module header %+v", m)
	}
	if len(m.Steps) == 0 {
		t.Fatal("module without steps")
	}
	for i, s := range m.Steps {
		if !idPattern.MatchString(s.ID) || m.StepIndex(s.ID) != i || s.Title == "" || s.Guidance == "" || !s.Phase.Valid() || s.TimeBox < 0 {
			t.Fatalf("bad step %d: %+v", i, s)
		}
		e := s.Exercise
		if e == nil {
			continue
		}
		if !e.Kind.Valid() {
			t.Fatalf("step %s: bad kind %q", s.ID, e.Kind)
		}
		if l := e.TextLimit(); l < 1 || l > maxTextLength {
			t.Fatalf("step %s: TextLimit %d", s.ID, l)
		}
		if e.PerItemLimit() > e.DotCount() || e.DotCount() > maxDots || e.ItemLimit() < 1 || e.RowLimit() < 1 {
			t.Fatalf("step %s: bad limits %+v", s.ID, e)
		}
		if len(e.QuadrantNames()) != 4 || len(e.ScaleLabels()) != 5 {
			t.Fatalf("step %s: bad quadrants or labels", s.ID)
		}
		switch e.Kind {
		case KindVote, KindMatrix:
			j := m.StepIndex(e.From)
			if j < 0 || j >= i || m.Steps[j].Exercise == nil || m.Steps[j].Exercise.Kind != KindList {
				t.Fatalf("step %s: from %q is not an earlier list", s.ID, e.From)
			}
		case KindJourney:
			if len(e.Lanes) == 0 || len(e.Stages) == 0 && !e.AddStages {
				t.Fatalf("step %s: journey without lanes or stages", s.ID)
			}
		case KindTable:
			if len(e.Columns) == 0 {
				t.Fatalf("step %s: table without columns", s.ID)
			}
			for _, c := range e.Columns {
				if (c.Type == ColumnChoice) != (len(c.Options) >= 2) || !slices.Contains(columnTypes, c.Type) {
					t.Fatalf("step %s: bad column %+v", s.ID, c)
				}
			}
		case KindScale:
			if len(e.Statements) == 0 {
				t.Fatalf("step %s: scale without statements", s.ID)
			}
		case KindChecklist:
			if len(e.Items) == 0 {
				t.Fatalf("step %s: checklist without items", s.ID)
			}
		case KindQuiz:
			if len(e.Questions) == 0 {
				t.Fatalf("step %s: quiz without questions", s.ID)
			}
			for _, q := range e.Questions {
				correct := 0
				for _, o := range q.Options {
					if o.Correct {
						correct++
					}
				}
				if correct != 1 || len(q.Options) < 2 {
					t.Fatalf("step %s: question %q has %d options, %d correct", s.ID, q.Question, len(q.Options), correct)
				}
			}
		}
		if e.Anonymous && e.Kind != KindList || e.Team && !slices.Contains([]Kind{KindList, KindVote, KindMatrix, KindJourney, KindTable}, e.Kind) {
			t.Fatalf("step %s: team or anonymous on %s", s.ID, e.Kind)
		}
	}
}

// fuzzOriginal and fuzzTranslation are a small module and its translation for
// FuzzTranslation: small, so that the fuzzer's changes reach the comparison rather than spend
// its time in the YAML parser.
const (
	fuzzOriginal = `id: m
title: T
summary: S
language: en
duration: 10
version: "1"
steps:
  - id: ideas
    title: Ideas
    guidance: g
    phase: experience
    timebox: 5
    exercise: {kind: list, max_items: 3, team: true}
  - id: pick
    title: Pick
    guidance: g
    phase: apply
    timebox: 5
    exercise: {kind: vote, from: ideas, dots: 2, team: true}
  - id: table
    title: Table
    guidance: g
    phase: apply
    exercise:
      kind: table
      columns: [{name: A, type: text}, {name: B, type: choice, options: [x, y]}]
  - id: quiz
    title: Quiz
    guidance: g
    phase: apply
    exercise:
      kind: quiz
      questions: [{question: Q, options: [{text: a}, {text: b, correct: true}]}]
`
	fuzzTranslation = `id: m
title: Tê
summary: Esse
language: pt-BR
translated_from: en
duration: 10
version: "1"
steps:
  - id: ideas
    title: Ideias
    guidance: g
    phase: experience
    timebox: 5
    exercise: {kind: list, max_items: 3, team: true}
  - id: pick
    title: Escolha
    guidance: g
    phase: apply
    timebox: 5
    exercise: {kind: vote, from: ideas, dots: 2, team: true}
  - id: table
    title: Tabela
    guidance: g
    phase: apply
    exercise:
      kind: table
      columns: [{name: Á, type: text}, {name: Bê, type: choice, options: [xis, ípsilon]}]
  - id: quiz
    title: Teste
    guidance: g
    phase: apply
    exercise:
      kind: quiz
      questions: [{question: Q, options: [{text: á}, {text: bê, correct: true}]}]
`
)

// FuzzTranslation checks the comparison of a translation with its original: it never panics,
// every mismatch is placed in the translation, and NewVariants accepts a translation exactly
// when linking it finds nothing wrong.
func FuzzTranslation(f *testing.F) {
	tr := []byte(fuzzTranslation)
	f.Add(tr)
	f.Add(bytes.Replace(tr, []byte("kind: list"), []byte("kind: reflection"), 1))
	f.Add(bytes.Replace(tr, []byte("  - id: quiz"), []byte("  - id: extra\n    title: X\n    phase: apply\n    guidance: g\n  - id: quiz"), 1))
	f.Add(bytes.Replace(tr, []byte("[xis, ípsilon]"), []byte("[xis, ípsilon, zê]"), 1))
	f.Add(bytes.Replace(tr, []byte("{text: á}, {text: bê, correct: true}"), []byte("{text: á, correct: true}, {text: bê}"), 1))
	orig := &loaded{file: "orig.yaml", parsed: parse("orig.yaml", []byte(fuzzOriginal))}
	if !orig.clean() {
		f.Fatalf("the original has problems: %v", orig.problems)
	}
	if r := parse("tr.yaml", tr); len(r.problems) > 0 || len(checkLink("m", &loaded{file: "tr.yaml", parsed: r}, orig)) > 0 {
		f.Fatal("the translation does not line up")
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tr := &loaded{file: "tr.yaml", parsed: parse("tr.yaml", data)}
		if !tr.clean() || tr.module.ID != orig.module.ID || tr.module.TranslatedFrom == "" {
			return
		}
		ps := checkLink(tr.module.ID, tr, orig)
		for _, p := range ps {
			if p.File != "tr.yaml" || p.Line < 1 || p.Col < 1 || p.Message == "" {
				t.Fatalf("malformed problem %#v", p)
			}
		}
		_, err := NewVariants(orig.module, tr.module)
		a, _ := parseTag(tr.module.Language)
		b, _ := parseTag(orig.module.Language)
		if (err == nil) != (len(ps) == 0 && a != b) {
			t.Fatalf("NewVariants: %v; problems: %v", err, ps)
		}
	})
}
