package content

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// builtin returns a built-in module by id.
func builtin(t *testing.T, id string) *Module {
	t.Helper()
	lib, ps, err := NewLibrary("")
	if err != nil || len(ps) > 0 {
		t.Fatalf("NewLibrary: %v %v", ps, err)
	}
	m, ok := lib.Get(id)
	if !ok {
		t.Fatalf("no built-in module %q", id)
	}
	return m
}

// The built-in modules validate with no warning: no label is cut at 80 columns and every
// duration is the sum of its time boxes.
func TestBuiltinModulesHaveNoWarnings(t *testing.T) {
	if ps := Validate("modules"); len(ps) > 0 {
		t.Fatalf("the built-in modules have problems:\n%s", Problems(ps).Error())
	}
}

// Across the built-in quizzes the right answer is not given away by its length or place: it
// is the longest option in at most half of the questions, the shortest in at most half, and
// it sits in each of the first three places in at least a fifth of them. The translations keep
// the original's places; their lengths are checked per language.
func TestBuiltinQuizzesGiveNoClue(t *testing.T) {
	lib, _, err := NewLibrary("")
	if err != nil {
		t.Fatal(err)
	}
	pools := map[string][]Question{} // by language; "" for the originals
	for _, m := range lib.List() {
		vs, _ := lib.Variants(m.ID)
		for _, v := range vs.All() {
			lang := v.Language
			if v == m {
				lang = ""
			}
			for _, s := range v.Steps {
				if s.Exercise != nil && s.Exercise.Kind == KindQuiz {
					pools[lang] = append(pools[lang], s.Exercise.Questions...)
				}
			}
		}
	}
	if len(pools[""]) < 12 || len(pools) < 4 {
		t.Fatalf("only %d quiz questions in the built-in modules, in %d languages", len(pools[""]), len(pools))
	}
	for lang, qs := range pools {
		longest, shortest, at := quizClues(qs)
		if 2*longest > len(qs) || 2*shortest > len(qs) {
			t.Errorf("%q: the right answer is the longest option in %d and the shortest in %d of %d questions", lang, longest, shortest, len(qs))
		}
		for i := range 3 {
			if lang == "" && 5*at[i] < len(qs) {
				t.Errorf("the right answer is option %d in only %d of %d questions", i+1, at[i], len(qs))
			}
		}
	}
}

// quizClues counts the questions whose right answer is the one longest option, those where it
// is the one shortest, and how often it sits in each place.
func quizClues(qs []Question) (longest, shortest int, at map[int]int) {
	at = map[int]int{}
	for _, q := range qs {
		right := -1
		widest, narrowest := 0, 1<<30
		for i, o := range q.Options {
			widest, narrowest = max(widest, ansi.StringWidth(o.Text)), min(narrowest, ansi.StringWidth(o.Text))
			if o.Correct {
				right = i
			}
		}
		at[right]++
		w := ansi.StringWidth(q.Options[right].Text)
		if unique := func(n int) bool {
			c := 0
			for _, o := range q.Options {
				if ansi.StringWidth(o.Text) == n {
					c++
				}
			}
			return c == 1
		}; w == widest && unique(w) {
			longest++
		} else if w == narrowest && unique(w) {
			shortest++
		}
	}
	return longest, shortest, at
}

// The built-in modules name the real cases they are built on, and service digitisation uses
// SP156's indicators, average service time included, and estimates savings.
func TestBuiltinModulesNameTheirSources(t *testing.T) {
	text := func(m *Module) string {
		var b strings.Builder
		b.WriteString(m.Summary)
		for _, s := range m.Steps {
			b.WriteString(s.Title + "\n" + s.Guidance + "\n")
			if e := s.Exercise; e != nil {
				for _, c := range e.Columns {
					b.WriteString(c.Name + " " + strings.Join(c.Options, " ") + "\n")
				}
				for _, q := range e.Questions {
					b.WriteString(q.Question + "\n")
				}
			}
		}
		return b.String()
	}
	lib, _, err := NewLibrary("")
	if err != nil {
		t.Fatal(err)
	}
	for key, names := range map[string][]string{
		"service-digitisation":       {"São Paulo's city hall", "SP156", "average service time (TMA)", "Inter-American Development Bank"},
		"service-digitisation pt-BR": {"Prefeitura de São Paulo", "SP156", "tempo médio de atendimento (TMA)", "Banco Interamericano de Desenvolvimento", "carta de serviço"},
		"service-digitisation es":    {"Alcaldía de São Paulo", "SP156", "tiempo medio de atención (TMA)", "Banco Interamericano de Desarrollo"},
		"participatory-policy":       {"Turin", "To-Home", "social innovation and public-sector innovation"},
		"participatory-policy it":    {"Comune di Torino", "To-Home", "innovazione sociale e innovazione nel settore pubblico", "co-progettazione"},
		"innovation-mindset":         {"UN DESA", "our own short reading, not UN DESA's wording"},
	} {
		id, lang, _ := strings.Cut(key, " ")
		m, ok := lib.GetIn(id, lang)
		if !ok || lang != "" && m.Language != lang {
			t.Fatalf("no %s", key)
		}
		all := strings.Join(strings.Fields(text(m)), " ")
		for _, n := range names {
			if !strings.Contains(all, n) {
				t.Errorf("%s does not mention %q", key, n)
			}
		}
	}
	m := builtin(t, "service-digitisation")
	i := m.StepIndex("savings-estimate")
	if i < 0 || m.Steps[i].Exercise == nil || m.Steps[i].Exercise.Kind != KindTable {
		t.Fatal("service digitisation has no savings estimate table")
	}
	numbers := 0
	for _, c := range m.Steps[i].Exercise.Columns {
		if c.Type == ColumnNumber {
			numbers++
		}
	}
	if numbers < 2 || !strings.Contains(m.Steps[i].Guidance, "×") {
		t.Errorf("the savings estimate should multiply requests by minutes saved: %d number columns", numbers)
	}
}

// Service digitisation runs as six weekly sessions of 60 to 90 minutes: each with a break,
// each but the last ending with homework, every note saying when in which week it falls; in
// every language.
func TestServiceDigitisationWeeks(t *testing.T) {
	lib, _, err := NewLibrary("")
	if err != nil {
		t.Fatal(err)
	}
	vs, _ := lib.Variants("service-digitisation")
	week := map[string]string{"en": "Week", "pt-BR": "Semana", "es": "Semana"}
	for _, m := range vs.All() {
		word, ok := week[m.Language]
		if !ok {
			t.Errorf("no word for week in %s", m.Language)
			continue
		}
		t.Run(m.Language, func(t *testing.T) { checkWeeks(t, m, word) })
	}
}

func checkWeeks(t *testing.T, m *Module, word string) {
	weekTitle := regexp.MustCompile(`^` + word + ` (\d): `)
	type week struct {
		minutes, breaks int
		last            Step
	}
	var weeks []week
	for _, s := range m.Steps {
		if w := weekTitle.FindStringSubmatch(s.Title); w != nil {
			if n, _ := strconv.Atoi(w[1]); n != len(weeks)+1 {
				t.Fatalf("step %s opens week %d after week %d", s.ID, n, len(weeks))
			}
			weeks = append(weeks, week{})
		}
		if len(weeks) == 0 {
			t.Fatalf("step %s comes before week 1", s.ID)
		}
		w := &weeks[len(weeks)-1]
		w.minutes += s.TimeBox
		if s.Exercise == nil && strings.HasPrefix(s.ID, "break-") {
			w.breaks++
		}
		w.last = s
		if want := word + " " + strconv.Itoa(len(weeks)) + ", "; !strings.HasPrefix(s.Notes, want) {
			t.Errorf("the notes of step %s do not start with %q", s.ID, want)
		}
	}
	if len(weeks) != 6 {
		t.Fatalf("%d weeks, want 6", len(weeks))
	}
	for i, w := range weeks {
		if w.minutes < 60 || w.minutes > 90 {
			t.Errorf("week %d takes %d minutes", i+1, w.minutes)
		}
		if w.breaks != 1 {
			t.Errorf("week %d has %d breaks", i+1, w.breaks)
		}
		if i < 5 && (!strings.HasPrefix(w.last.ID, "homework-") || w.last.Exercise == nil) {
			t.Errorf("week %d ends with %s, not with the homework it gives", i+1, w.last.ID)
		}
	}
}

var personRound = regexp.MustCompile(`(?i)(each person|everyone) (names|states|reads|shares|says)|round in which each`)

// Facilitator notes are written for a cohort of about 30: no round where each person speaks.
func TestBuiltinNotesFitThirtyPeople(t *testing.T) {
	lib, _, err := NewLibrary("")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range lib.List() {
		for _, s := range m.Steps {
			if loc := personRound.FindString(s.Notes); loc != "" {
				t.Errorf("%s/%s: %q does not work with 30 people", m.ID, s.ID, loc)
			}
		}
	}
}
