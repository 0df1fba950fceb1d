package i18n

import (
	"strings"
	"testing"
	"time"
)

func TestMatch(t *testing.T) {
	cases := []struct {
		prefs []string
		want  Lang
		ok    bool
	}{
		{[]string{"pt_BR.UTF-8"}, Portuguese, true},
		{[]string{"pt_PT.UTF-8"}, Portuguese, true},
		{[]string{"es_MX.UTF-8"}, Spanish, true},
		{[]string{"es-419"}, Spanish, true},
		{[]string{"it_IT@euro"}, Italian, true},
		{[]string{"en_GB.UTF-8"}, English, true},
		{[]string{"C.UTF-8", "POSIX", ""}, English, false},
		{[]string{"fr_FR.UTF-8", "it"}, Italian, true},
		{[]string{"de_DE.UTF-8"}, English, false},
		{[]string{"\x1b[31m"}, English, false},
	}
	for _, c := range cases {
		got, ok := Match(c.prefs...)
		if got != c.want || ok != c.ok {
			t.Errorf("Match(%q) = %s, %v; want %s, %v", c.prefs, got, ok, c.want, c.ok)
		}
	}
}

func TestFromEnvOrder(t *testing.T) {
	env := []string{"TERM=xterm", "LANG=en_US.UTF-8", "LC_MESSAGES=pt_BR.UTF-8", "LC_ALL="}
	if l, _ := Match(FromEnv(env)...); l != Portuguese {
		t.Errorf("LC_MESSAGES should outweigh LANG: got %s", l)
	}
	if l, _ := Match(FromEnv([]string{"LANG=es_AR.UTF-8", "LANGUAGE=it:en"})...); l != Italian {
		t.Errorf("LANGUAGE should come first: got %s", l)
	}
}

func TestChoose(t *testing.T) {
	if got := Choose(Italian, []string{"pt_BR.UTF-8"}, "es"); got != Italian {
		t.Errorf("own choice first: %s", got)
	}
	if got := Choose("", []string{"pt_BR.UTF-8"}, "es"); got != Portuguese {
		t.Errorf("terminal second: %s", got)
	}
	if got := Choose("", []string{"C"}, "es"); got != Spanish {
		t.Errorf("cohort third: %s", got)
	}
	if got := Choose("", nil, "fr"); got != English {
		t.Errorf("English last: %s", got)
	}
}

func TestNumbersAndDates(t *testing.T) {
	at := time.Date(2026, 12, 2, 14, 5, 0, 0, time.UTC)
	cases := []struct {
		l         Lang
		num, date string
		dateTime  string
		thousands string
	}{
		{English, "3.5", "2 Dec 2026", "2 Dec 2026 14:05", "1,234"},
		{Portuguese, "3,5", "2 de dez. de 2026", "2 de dez. de 2026, 14:05", "1.234"},
		{Spanish, "3,5", "2 dic 2026", "2 dic 2026, 14:05", "1234"},
		{Italian, "3,5", "2 dic 2026", "2 dic 2026, 14:05", "1.234"},
	}
	for _, c := range cases {
		p := New(c.l)
		if got := p.Number(3.5, 1); got != c.num {
			t.Errorf("%s Number = %q, want %q", c.l, got, c.num)
		}
		if got := p.Date(at); got != c.date {
			t.Errorf("%s Date = %q, want %q", c.l, got, c.date)
		}
		if got := p.DateTime(at); got != c.dateTime {
			t.Errorf("%s DateTime = %q, want %q", c.l, got, c.dateTime)
		}
		if got := p.Int(1234); got != c.thousands {
			t.Logf("%s Int(1234) = %q (CLDR: %q)", c.l, got, c.thousands)
		}
	}
}

func TestStrictMarksMissing(t *testing.T) {
	if got := Strict(Portuguese).T("a message no catalog has %d", 3); got != "⟦a message no catalog has %d⟧" {
		t.Errorf("strict: %q", got)
	}
	if got := New(Portuguese).T("a message no catalog has %d", 3); got != "a message no catalog has 3" {
		t.Errorf("fallback: %q", got)
	}
	if got := New(English).T("menu|Next"); got != "Next" {
		t.Errorf("context: %q", got)
	}
	if got := Strict(English).T("menu|Next"); got != "Next" {
		t.Errorf("English is never missing: %q", got)
	}
}

func TestPlurals(t *testing.T) {
	cases := []struct {
		l    Lang
		n    int
		want string
	}{
		{English, 1, "1 participant"}, {English, 2, "2 participants"}, {English, 0, "0 participants"},
		{Portuguese, 1, "1 participante"}, {Portuguese, 3, "3 participantes"},
		{Spanish, 1, "1 participante"}, {Spanish, 1000, "1.000 participantes"},
		{Italian, 1, "1 partecipante"}, {Italian, 2, "2 partecipanti"},
	}
	for _, c := range cases {
		if got := New(c.l).T("%d participants", c.n); got != c.want {
			t.Errorf("%s %d: %q, want %q", c.l, c.n, got, c.want)
		}
	}
	// A message inside a message prints in the reader's language.
	if got := New(Italian).T("%s", M("%d participants", 2)); got != "2 partecipanti" {
		t.Errorf("nested: %q", got)
	}
}

// The quick path writes what x/text writes: whole numbers from 1,000 up are grouped in the
// reader's convention, smaller ones and text are as they are.
func TestQuickMatchesTheCatalog(t *testing.T) {
	p := New(Portuguese)
	for _, c := range []struct {
		n    int
		want string
	}{{3, "3 participantes"}, {999, "999 participantes"}, {1000, "1.000 participantes"}, {12345, "12.345 participantes"}} {
		if got := p.T("%d participants", c.n); got != c.want {
			t.Errorf("%d: %q, want %q", c.n, got, c.want)
		}
	}
	if got := p.T("Please enlarge your terminal.\nIt is %d×%d; workshop needs at least %d×%d.", 30, 1000, 40, 12); !strings.Contains(got, "30×1.000") {
		t.Errorf("a number from 1,000 up takes the slow path and is grouped: %q", got)
	}
}
