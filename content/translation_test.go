package content

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// translationPair writes testdata's all-kinds module and its pt-BR translation, changed by
// edit, into a fresh directory and returns the two paths.
func translationPair(t *testing.T, edit func(string) string) (orig, tr string) {
	t.Helper()
	dir := t.TempDir()
	orig = writeFile(t, dir, "all-kinds.yaml", string(readTestdata(t, "testdata/all-kinds.yaml")))
	tr = writeFile(t, dir, "all-kinds.pt-BR.yaml", edit(string(readTestdata(t, "testdata/all-kinds.pt-BR.yaml"))))
	return orig, tr
}

// replaceOnce replaces old, which must occur exactly once in s.
func replaceOnce(t *testing.T, s, old, new string) string {
	t.Helper()
	if n := strings.Count(s, old); n != 1 {
		t.Fatalf("%q occurs %d times", old, n)
	}
	return strings.Replace(s, old, new, 1)
}

// The pt-BR test translation lines up with its original, so both pass.
func TestTranslationLinesUp(t *testing.T) {
	orig, tr := translationPair(t, func(s string) string { return s })
	mods, ps := ValidateModules(orig, tr)
	if len(ps) > 0 {
		t.Fatalf("problems:\n%s", Problems(ps).Error())
	}
	if len(mods) != 2 || mods[1].Language != "pt-BR" || mods[1].TranslatedFrom != "en-GB" {
		t.Fatalf("modules = %v", mods)
	}
	vs, err := NewVariants(mods[0], mods[1])
	if err != nil {
		t.Fatal(err)
	}
	if got := vs.Languages(); !slices.Equal(got, []string{"en-GB", "pt-BR"}) {
		t.Errorf("Languages() = %v", got)
	}
}

// Every way a translation can differ from its original's steps and exercises is reported in the
// translation, at the place that differs, naming the place in the original; the translation
// does not pass, and the original still does.
func TestTranslationMismatches(t *testing.T) {
	cases := []struct {
		name string
		edit func(t *testing.T, s string) string
		want []string // problems in the translation, as "line:col: message"; ORIG is the original's path
	}{
		{"missing step", func(t *testing.T, s string) string {
			return replaceOnce(t, s, "  - id: ready\n    title: Pronto para lançar\n    phase: apply\n    guidance: Marque o que está feito.\n    exercise:\n      kind: checklist\n      items: [Equipe capacitada, Central de atendimento informada]\n", "")
		}, []string{`11:3: step "ready" of the original is missing here (ORIG:97:9)`}},
		{"extra step", func(t *testing.T, s string) string {
			return s + "  - id: extra\n    title: A mais\n    phase: apply\n    guidance: Nada.\n"
		}, []string{`118:9: step "extra" is not in the original (ORIG:9:3)`}},
		{"steps in another order", func(t *testing.T, s string) string {
			s = replaceOnce(t, s, "  - id: rate\n", "  - id: RATE\n")
			s = replaceOnce(t, s, "  - id: ready\n", "  - id: rate\n")
			return replaceOnce(t, s, "  - id: RATE\n", "  - id: ready\n")
		}, []string{
			`87:9: step "ready" is step 8 here but step 9 in the original; keep the original's order (ORIG:97:9)`,
			`89:12: phase of step "ready" is "reflect" here but "apply" in the original (ORIG:99:12)`,
			`92:13: the exercise of step "ready" is a scale here but a checklist in the original (ORIG:102:13)`,
			`97:9: step "rate" is step 9 here but step 8 in the original; keep the original's order (ORIG:87:9)`,
			`99:12: phase of step "rate" is "apply" here but "reflect" in the original (ORIG:89:12)`,
			`102:13: the exercise of step "rate" is a checklist here but a scale in the original (ORIG:92:13)`,
		}},
		{"changed kind", func(t *testing.T, s string) string {
			return replaceOnce(t, s, "kind: reflection", "kind: list")
		}, []string{`24:13: the exercise of step "write" is a list here but a reflection in the original (ORIG:22:13)`}},
		{"no exercise", func(t *testing.T, s string) string {
			return replaceOnce(t, s, "    exercise:\n      kind: checklist\n      items: [Equipe capacitada, Central de atendimento informada]\n", "")
		}, []string{`97:5: step "ready" has no exercise here but a checklist exercise in the original (ORIG:102:7)`}},
		{"changed column count", func(t *testing.T, s string) string {
			return replaceOnce(t, s, "        - name: Canal\n          type: choice\n          options: [On-line, Balcão, Telefone]\n", "")
		}, []string{`78:9: columns of step "census" has 2 entries here but 3 in the original (ORIG:78:9)`}},
		{"changed column type", func(t *testing.T, s string) string {
			return replaceOnce(t, s, "        - name: Pedidos por mês\n          type: number", "        - name: Pedidos por mês\n          type: text")
		}, []string{`81:17: column 2 of step "census" is a text column here but a number column in the original (ORIG:81:17)`}},
		{"changed option count", func(t *testing.T, s string) string {
			return replaceOnce(t, s, "[On-line, Balcão, Telefone]", "[On-line, Balcão, Telefone, WhatsApp]")
		}, []string{`84:20: column 3 of step "census" has 4 options here but 3 in the original (ORIG:84:20)`}},
		{"changed lane count", func(t *testing.T, s string) string {
			return replaceOnce(t, s, ", Apoio, Pontos de dor]", ", Pontos de dor]")
		}, []string{`67:14: lanes of step "journey" has 4 entries here but 5 in the original (ORIG:67:14)`}},
		{"correct option moved", func(t *testing.T, s string) string {
			s = replaceOnce(t, s, "            - text: Usuários reais\n              correct: true\n", "            - text: Usuários reais\n")
			return replaceOnce(t, s, "            - text: Só a equipe do projeto\n", "            - text: Só a equipe do projeto\n              correct: true\n")
		}, []string{`116:24: the correct option of question 1 of step "check" is option 2 here but option 1 in the original; keep the options in the original's order (ORIG:114:24)`}},
		{"changed settings", func(t *testing.T, s string) string {
			s = replaceOnce(t, s, "      max_items: 10\n", "      max_items: 12\n")
			s = replaceOnce(t, s, "      dots: 5\n", "")
			s = replaceOnce(t, s, "      team: true\n", "")
			return replaceOnce(t, s, "    timebox: 5\n", "    timebox: 6\n")
		}, []string{
			`20:14: timebox of step "write" is 6 minutes here but 5 in the original (ORIG:18:14)`,
			`34:18: max_items of step "ideas" is 12 here but 10 in the original; a translation changes only texts (ORIG:32:18)`,
			`43:7: dots of step "pick" is 3 here but 5 in the original; a translation changes only texts (ORIG:44:13)`,
			`64:7: team of step "journey" is false here but true in the original; a translation changes only texts (ORIG:70:13)`,
		}},
		{"changed phase and duration", func(t *testing.T, s string) string {
			s = replaceOnce(t, s, "duration: 90", "duration: 95")
			return replaceOnce(t, s, "    title: Introdução\n    phase: experience", "    title: Introdução\n    phase: reflect")
		}, []string{
			`8:11: duration is 95 minutes here but 90 in the original (ORIG:6:11)`,
			`13:12: phase of step "intro" is "reflect" here but "experience" in the original (ORIG:11:12)`,
		}},
		{"translated from another language", func(t *testing.T, s string) string {
			return replaceOnce(t, s, "translated_from: en-GB", "translated_from: es")
		}, []string{`7:18: translated_from is "es", but the original of module "all-kinds" (ORIG) is in "en-GB"`}},
		{"bad tag", func(t *testing.T, s string) string {
			return replaceOnce(t, s, "language: pt-BR", "language: pt_BR")
		}, []string{`6:11: language "pt_BR" must be a BCP 47 language tag such as "en", "pt-BR", "es-419" or "it"`}},
		{"the original's language", func(t *testing.T, s string) string {
			return replaceOnce(t, s, "language: pt-BR\ntranslated_from: en-GB", "language: en-gb\ntranslated_from: en")
		}, []string{`6:11: module "all-kinds" is in "en-gb" already: its original ORIG is written in that language`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			orig, tr := translationPair(t, func(s string) string { return c.edit(t, s) })
			mods, ps := ValidateModules(orig, tr)
			var got []string
			for _, p := range Problems(ps).Errors() {
				if p.File != tr {
					t.Errorf("unexpected problem: %s", p)
					continue
				}
				got = append(got, strings.ReplaceAll(strings.TrimPrefix(p.String(), tr+":"), orig, "ORIG"))
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("problems:\n got %q\nwant %q", got, c.want)
			}
			if len(mods) != 1 || mods[0].Source != orig {
				t.Errorf("modules that passed: %v", mods)
			}
		})
	}
}

// Two files in one language, a translation without an original and one whose original is broken
// are reported, and neither loads.
func TestTranslationFiles(t *testing.T) {
	dir := t.TempDir()
	origSrc := string(readTestdata(t, "testdata/all-kinds.yaml"))
	trSrc := string(readTestdata(t, "testdata/all-kinds.pt-BR.yaml"))
	writeFile(t, dir, "a.yaml", origSrc)
	writeFile(t, dir, "b.pt-BR.yaml", trSrc)
	second := writeFile(t, dir, "c.pt-BR.yaml", strings.Replace(trSrc, "language: pt-BR", "language: pt-br", 1))
	orphan := writeFile(t, dir, "d.yaml", strings.ReplaceAll(trSrc, "id: all-kinds", "id: no-such-module"))
	writeFile(t, dir, "e.yaml", strings.ReplaceAll(origSrc, "id: all-kinds", "id: broken")+"  - id: oops\n")
	child := writeFile(t, dir, "f.yaml", strings.ReplaceAll(trSrc, "id: all-kinds", "id: broken"))

	mods, ps := ValidateModules(dir)
	var got []string
	for _, p := range ps {
		if !strings.HasSuffix(p.File, "/e.yaml") {
			got = append(got, p.String())
		}
	}
	want := []string{
		second + `:6:11: duplicate translation of module "all-kinds" into "pt-br" (also in ` + filepath.Join(dir, "b.pt-BR.yaml") + ")",
		orphan + `:7:18: no original of module "no-such-module": a translation needs the file of its original (the one without translated_from) or a built-in module with that id`,
		child + `:7:18: this translation is checked against its original ` + filepath.Join(dir, "e.yaml") + ` once that file's problems are fixed`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n got %q\nwant %q", got, want)
	}
	var passed []string
	for _, m := range mods {
		passed = append(passed, filepath.Base(m.Source))
	}
	if !slices.Equal(passed, []string{"a.yaml", "b.pt-BR.yaml"}) {
		t.Errorf("passed: %v", passed)
	}

	// Loading agrees: the module has its original and the first pt-BR file.
	lib, lps, err := NewLibrary(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(lps) == 0 {
		t.Error("the library reports no problem")
	}
	vs, ok := lib.Variants("all-kinds")
	if !ok || !slices.Equal(vs.Languages(), []string{"en-GB", "pt-BR"}) || vs.In("pt-BR").Source != filepath.Join(dir, "b.pt-BR.yaml") {
		t.Errorf("all-kinds loaded as %v", vs)
	}
	for _, id := range []string{"no-such-module", "broken"} {
		if _, ok := lib.Get(id); ok {
			t.Errorf("%s loaded", id)
		}
	}
}

// A translation given alone is checked against the built-in module with its id, and the
// problems name the built-in file.
func TestTranslationOfBuiltin(t *testing.T) {
	dir := t.TempDir()
	src := germanWarmup(t)
	good := writeFile(t, dir, "warmup.de.yaml", src)
	if ps := Validate(good); len(ps) > 0 {
		t.Fatalf("problems:\n%s", Problems(ps).Error())
	}
	bad := writeFile(t, dir, "warmup.fr.yaml", strings.Replace(strings.Replace(src, "language: de", "language: fr", 1), "timebox: 3\n", "timebox: 4\n", 1))
	ps := Problems(Validate(bad)).Errors()
	if len(ps) != 1 || !strings.Contains(ps[0].String(), `timebox of step "welcome" is 4 minutes here but 3 in the original (built-in/warmup.yaml:`) {
		t.Fatalf("problems:\n%s", ps.Error())
	}
}

// germanWarmup is the built-in warm-up made into a (partly) German translation: a test
// stand-in, written by replacing the header.
func germanWarmup(t *testing.T) string {
	t.Helper()
	src, err := builtinFS.ReadFile("modules/warmup.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := replaceOnce(t, string(src), "language: en\n", "language: de\ntranslated_from: en\n")
	return replaceOnce(t, s, "title: Warm-up for a service design session", "title: Aufwärmen für eine Service-Design-Sitzung")
}

// A content directory can add a language to a built-in module or replace one of its
// translations; an original there replaces the built-in module in every language.
func TestLibraryDirectoryTranslations(t *testing.T) {
	builtin, _, err := NewLibrary("")
	if err != nil {
		t.Fatal(err)
	}
	bvs, _ := builtin.Variants("warmup")
	if len(bvs.Languages()) < 2 {
		t.Fatalf("the built-in warmup is in %v", bvs.Languages())
	}

	dir := t.TempDir()
	writeFile(t, dir, "warmup.de.yaml", germanWarmup(t))
	ptSrc, err := builtinFS.ReadFile("modules/warmup.pt-BR.yaml")
	if err != nil {
		t.Fatal(err)
	}
	pt := strings.Replace(string(ptSrc), "version:", "# our own copy\nversion:", 1)
	writeFile(t, dir, "warmup.pt-BR.yaml", pt)
	lib, ps, err := NewLibrary(dir)
	if err != nil || len(ps) > 0 {
		t.Fatalf("NewLibrary: %v %v", ps, err)
	}
	vs, _ := lib.Variants("warmup")
	want := append(bvs.Languages(), "de")
	slices.Sort(want[1:])
	if got := vs.Languages(); !slices.Equal(got, want) {
		t.Errorf("languages %v, want %v", got, want)
	}
	if m := vs.In("de-AT"); m.Language != "de" || !strings.HasPrefix(m.Title, "Aufwärmen") {
		t.Errorf("de-AT gets %s %q", m.Language, m.Title)
	}
	if m := vs.In("pt-BR"); m.Source != filepath.Join(dir, "warmup.pt-BR.yaml") {
		t.Errorf("pt-BR comes from %s", m.Source)
	}
	if vs.Original() != mustGet(t, builtin, "warmup") && vs.Original().Hash != mustGet(t, builtin, "warmup").Hash {
		t.Error("the original changed")
	}
	// Every variant, the replaced built-in one included, is found by its hash.
	for _, m := range append(vs.All(), bvs.All()...) {
		if got, ok := lib.ByHash(m.Hash); !ok || got.Hash != m.Hash {
			t.Errorf("ByHash(%s %s) = %v, %v", m.ID, m.Language, got, ok)
		}
	}

	// An original in the directory takes the module over, in every language.
	for _, name := range []string{"warmup.de.yaml", "warmup.pt-BR.yaml"} {
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, dir, "warmup.yaml", smallModule("warmup", "Our warm-up"))
	lib, ps, err = NewLibrary(dir)
	if err != nil || len(ps) > 0 {
		t.Fatalf("NewLibrary: %v %v", ps, err)
	}
	vs, _ = lib.Variants("warmup")
	if got := vs.Languages(); !slices.Equal(got, []string{"en"}) {
		t.Errorf("languages %v after the original is replaced", got)
	}
}

func mustGet(t *testing.T, lib *Library, id string) *Module {
	t.Helper()
	m, ok := lib.Get(id)
	if !ok {
		t.Fatalf("no module %s", id)
	}
	return m
}

// A reader gets the closest language the module is written in: pt-BR, else pt, else the
// original; a locale as LANG carries it works as well as a tag.
func TestVariantsFallback(t *testing.T) {
	orig := parseModule(t, smallModule("m", "Original"))
	tr := func(lang, title string) *Module {
		src := strings.Replace(smallModule("m", title), "language: en", "language: "+lang+"\ntranslated_from: en", 1)
		return parseModule(t, src)
	}
	ptBR, pt, es := tr("pt-BR", "Brasil"), tr("pt", "Português"), tr("es", "Español")

	cases := []struct {
		vs    []*Module
		prefs []string
		want  string
	}{
		{[]*Module{ptBR, pt, es}, []string{"pt-BR"}, "Brasil"},
		{[]*Module{ptBR, pt, es}, []string{"pt_BR.UTF-8"}, "Brasil"},
		{[]*Module{ptBR, pt, es}, []string{"pt-PT"}, "Português"},
		{[]*Module{pt, es}, []string{"pt-BR"}, "Português"},
		{[]*Module{ptBR, es}, []string{"pt"}, "Brasil"},
		{[]*Module{ptBR, es}, []string{"es-MX"}, "Español"},
		{[]*Module{ptBR, es}, []string{"es_419.UTF-8"}, "Español"},
		{[]*Module{ptBR, es}, []string{"de"}, "Original"},
		{[]*Module{ptBR, es}, []string{"de", "es"}, "Español"},
		{[]*Module{ptBR, es}, []string{"C.UTF-8", "POSIX", "", "not a language"}, "Original"},
		{[]*Module{ptBR, es}, nil, "Original"},
		{nil, []string{"pt-BR"}, "Original"},
	}
	for _, c := range cases {
		vs, err := NewVariants(orig, c.vs...)
		if err != nil {
			t.Fatal(err)
		}
		if got := vs.In(c.prefs...).Title; got != c.want {
			t.Errorf("%v of %v: got %q, want %q", c.prefs, vs.Languages(), got, c.want)
		}
	}

	lib, _, err := NewLibrary("")
	if err != nil {
		t.Fatal(err)
	}
	for id, langs := range map[string]map[string]string{
		"warmup":               {"pt-BR": "pt-BR", "pt": "pt-BR", "es-AR": "es", "it-CH": "it", "de": "en", "": "en"},
		"service-digitisation": {"pt_BR.UTF-8": "pt-BR", "pt-PT": "pt-BR", "es-419": "es", "es_MX.UTF-8": "es", "it": "en"},
		"participatory-policy": {"it_IT.UTF-8": "it", "pt-BR": "en", "es": "en"},
		"innovation-mindset":   {"pt-BR": "en"},
	} {
		for prefs, want := range langs {
			if m, ok := lib.GetIn(id, prefs); !ok || m.Language != want {
				t.Errorf("GetIn(%s, %q) = %v", id, prefs, m.Language)
			}
		}
	}
}

// NewVariants refuses what loading refuses.
func TestNewVariantsRefuses(t *testing.T) {
	orig := parseModule(t, smallModule("m", "Original"))
	tr := func(src string) *Module {
		return parseModule(t, strings.Replace(src, "language: en", "language: pt-BR\ntranslated_from: en", 1))
	}
	cases := map[string][]*Module{
		"other module":        {tr(smallModule("n", "Outro"))},
		"not a translation":   {parseModule(t, strings.Replace(smallModule("m", "T"), "language: en", "language: pt-BR", 1))},
		"same language":       {tr(smallModule("m", "Um")), tr(smallModule("m", "Dois"))},
		"from another":        {parseModule(t, strings.Replace(smallModule("m", "T"), "language: en", "language: pt-BR\ntranslated_from: es", 1))},
		"extra step":          {tr(smallModule("m", "T") + "  - id: more\n    title: Mais\n    guidance: g\n    phase: apply\n")},
		"original's language": {parseModule(t, strings.Replace(smallModule("m", "T"), "language: en", "language: en\ntranslated_from: es", 1))},
	}
	for name, trs := range cases {
		if _, err := NewVariants(orig, trs...); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if _, err := NewVariants(tr(smallModule("m", "T"))); err == nil {
		t.Error("a translation accepted as the original")
	}
}

func parseModule(t *testing.T, src string) *Module {
	t.Helper()
	m, ps := Parse("t.yaml", []byte(src))
	if len(ps) > 0 {
		t.Fatalf("%s:\n%s", src, Problems(ps).Error())
	}
	return m
}

// The built-in translations are translated: no step keeps the original's guidance or prompt,
// and every translation names its original's language.
func TestBuiltinTranslationsAreTranslated(t *testing.T) {
	lib, _, err := NewLibrary("")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"service-digitisation": {"en", "es", "pt-BR"},
		"participatory-policy": {"en", "it"},
		"warmup":               {"en", "es", "it", "pt-BR"},
		"innovation-mindset":   {"en"},
	}
	for id, langs := range want {
		vs, ok := lib.Variants(id)
		if !ok || !slices.Equal(vs.Languages(), langs) {
			t.Errorf("%s is in %v, want %v", id, vs.Languages(), langs)
			continue
		}
		orig := vs.Original()
		for _, tr := range vs.All()[1:] {
			if tr.Title == orig.Title || tr.Summary == orig.Summary {
				t.Errorf("%s in %s keeps the original's title or summary", id, tr.Language)
			}
			for i, s := range tr.Steps {
				o := orig.Steps[i]
				if s.Guidance == o.Guidance || s.Notes != "" && s.Notes == o.Notes {
					t.Errorf("%s in %s: step %s keeps the original's guidance or notes", id, tr.Language, s.ID)
				}
				if s.Exercise != nil && s.Exercise.Prompt != "" && s.Exercise.Prompt == o.Exercise.Prompt {
					t.Errorf("%s in %s: step %s keeps the original's prompt", id, tr.Language, s.ID)
				}
			}
		}
	}
}
