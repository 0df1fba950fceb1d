package session_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"workshop/content"
	"workshop/internal/testenv"
	"workshop/session"
)

// translate makes a translation of testModule into lang, its titles prefixed with prefix.
func translate(lang, prefix string) string {
	s := strings.Replace(testModule, "language: en", "language: "+lang+"\ntranslated_from: en", 1)
	for _, title := range []string{"Test module", "Welcome", "Think", "Last"} {
		s = strings.Replace(s, "title: "+title+"\n", "title: "+prefix+" "+title+"\n", 1)
	}
	return s
}

// A cohort pins every language of its module when it is created: editing the translations,
// deleting them, adding one and restarting the server change nothing for it, while a cohort
// created afterwards gets the files as they are then.
func TestCohortPinsEveryLanguage(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	mods := filepath.Join(dir, "mods")
	files := map[string]string{
		"module.yaml":       testModule,
		"module.pt-BR.yaml": translate("pt-BR", "PT"),
		"module.es.yaml":    translate("es", "ES"),
	}
	for name, src := range files {
		testenv.WriteFile(t, filepath.Join(mods, name), src)
	}
	library := func() *content.Library {
		t.Helper()
		return testenv.Library(t, mods)
	}
	path := filepath.Join(dir, "workshop.db")
	st := testenv.OpenStore(t, path)
	m := session.NewManager(st, library(), nil)
	c, err := m.CreateCohort(ctx, session.NewCohort{ModuleID: "test-module", Name: "Pinned", By: session.ShellActor("tester")})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Translations) != 2 || c.Translations[0].Language != "es" || c.Translations[1].Language != "pt-BR" {
		t.Fatalf("translations pinned: %+v", c.Translations)
	}
	checkTitles := func(m *session.Manager, c session.Cohort, want map[string]string) {
		t.Helper()
		for lang, title := range want {
			mod, err := m.ModuleIn(ctx, c, lang)
			if err != nil {
				t.Fatal(err)
			}
			if mod.Title != title {
				t.Errorf("cohort %s in %q: %q, want %q", c.Code, lang, mod.Title, title)
			}
		}
		h, err := m.Hub(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if h.Module().Hash != c.ModuleHash || h.ModuleIn("pt_BR.UTF-8").Title != want["pt-BR"] {
			t.Errorf("hub of %s: module %s, in pt-BR %q", c.Code, h.Module().Language, h.ModuleIn("pt-BR").Title)
		}
		// The work lines up: every language has the same step ids in the same order.
		for _, lang := range []string{"pt-BR", "es", "it"} {
			tr := h.ModuleIn(lang)
			for i, s := range tr.Steps {
				if s.ID != h.Module().Steps[i].ID {
					t.Errorf("%s step %d is %s, not %s", lang, i+1, s.ID, h.Module().Steps[i].ID)
				}
			}
		}
	}
	pinned := map[string]string{"pt-BR": "PT Test module", "pt": "PT Test module", "es-MX": "ES Test module", "it": "Test module", "": "Test module"}
	checkTitles(m, c, pinned)

	// The Portuguese file is edited, the Spanish one deleted and an Italian one added.
	testenv.WriteFile(t, filepath.Join(mods, "module.pt-BR.yaml"), translate("pt-BR", "NOVO"))
	if err := os.Remove(filepath.Join(mods, "module.es.yaml")); err != nil {
		t.Fatal(err)
	}
	testenv.WriteFile(t, filepath.Join(mods, "module.it.yaml"), translate("it", "IT"))
	// A restart: a new store and a manager over the library as it now is.
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st2 := testenv.OpenStore(t, path)
	m2 := session.NewManager(st2, library(), nil)
	c, err = m2.CohortByCode(ctx, c.Code)
	if err != nil {
		t.Fatal(err)
	}
	checkTitles(m2, c, pinned)

	// Even with no module files at all.
	empty, _, _ := content.NewLibrary("")
	checkTitles(session.NewManager(st2, empty, nil), c, pinned)

	// A cohort created now gets the files as they are now.
	c2, err := m2.CreateCohort(ctx, session.NewCohort{ModuleID: "test-module", Name: "Later", By: session.ShellActor("tester")})
	if err != nil {
		t.Fatal(err)
	}
	checkTitles(m2, c2, map[string]string{"pt-BR": "NOVO Test module", "es": "Test module", "it-CH": "IT Test module"})
}

// A cohort whose module has no translations, such as one created before translations were
// pinned, reads its module in every language.
func TestCohortWithoutTranslations(t *testing.T) {
	m, _, _ := newManager(t)
	h, c := newCohort(t, m)
	if c.Translations != nil {
		t.Fatalf("translations %+v", c.Translations)
	}
	mod, err := m.ModuleIn(context.Background(), c, "pt-BR")
	if err != nil || mod != h.Module() || h.ModuleIn("es") != h.Module() {
		t.Errorf("ModuleIn = %v, %v", mod, err)
	}
}
