package i18n

import (
	"strings"

	"golang.org/x/text/language"
)

// Lang is a language the interface speaks, as a BCP 47 tag: "en", "pt-BR", "es", "it".
type Lang string

// The languages of the interface.
const (
	English    Lang = "en"
	Portuguese Lang = "pt-BR"
	Spanish    Lang = "es"
	Italian    Lang = "it"
)

// Languages lists the interface's languages in the order a chooser shows them.
var Languages = []Lang{English, Portuguese, Spanish, Italian}

var (
	tags    = []language.Tag{language.English, language.BrazilianPortuguese, language.Spanish, language.Italian}
	matcher = language.NewMatcher(tags)
)

// Name is the language's name in itself, as a chooser shows it.
func (l Lang) Name() string {
	switch l {
	case Portuguese:
		return "Português (Brasil)"
	case Spanish:
		return "Español"
	case Italian:
		return "Italiano"
	}
	return "English"
}

// Valid reports whether l is one of the interface's languages.
func (l Lang) Valid() bool {
	for _, s := range Languages {
		if l == s {
			return true
		}
	}
	return false
}

// Next is the language after l in Languages, wrapping round: what a "change language" key
// moves to.
func (l Lang) Next() Lang {
	for i, s := range Languages {
		if l == s {
			return Languages[(i+1)%len(Languages)]
		}
	}
	return English
}

func (l Lang) tag() language.Tag {
	for i, s := range Languages {
		if l == s {
			return tags[i]
		}
	}
	return language.English
}

// Parse reads a language as people and files write it: a BCP 47 tag ("pt-BR", "es-419") or a
// POSIX locale as LANG and LC_* carry it ("pt_BR.UTF-8", "it_IT@euro"). It reports false for an
// empty value, "C" and "POSIX", which name no language, and for anything unreadable.
func Parse(s string) (language.Tag, bool) {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, ".@"); i >= 0 {
		s = s[:i] // the character set and modifier of a POSIX locale
	}
	s = strings.ReplaceAll(s, "_", "-")
	if s == "" || strings.EqualFold(s, "C") || strings.EqualFold(s, "POSIX") || len(s) > 35 {
		return language.Und, false
	}
	t, err := language.Parse(s)
	if err != nil {
		return language.Und, false
	}
	if _, conf := t.Base(); conf != language.Exact {
		return language.Und, false // "und", or a region or script with no language
	}
	return t, true
}

// Match returns the interface language that best suits a reader who prefers the given
// languages, most preferred first (see Parse for what each may be). Any Portuguese gets
// Brazilian Portuguese, any Spanish gets Spanish. It reports false when none of them is a
// language the interface speaks, so the caller can fall back to the next source.
func Match(prefs ...string) (Lang, bool) {
	for _, p := range prefs {
		t, ok := Parse(p)
		if !ok {
			continue
		}
		_, i, conf := matcher.Match(t)
		if conf >= language.High {
			return Languages[i], true
		}
	}
	return English, false
}

// FromEnv returns the locales an SSH client sent (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, in the
// order POSIX and GNU give them weight) as preferences for Match. Other variables are ignored.
func FromEnv(environ []string) []string {
	vals := map[string]string{}
	for _, kv := range environ {
		k, v, ok := strings.Cut(kv, "=")
		if ok {
			vals[k] = v
		}
	}
	var prefs []string
	if l := vals["LANGUAGE"]; l != "" {
		for _, p := range strings.Split(l, ":") {
			if p != "" && len(prefs) < 8 {
				prefs = append(prefs, p)
			}
		}
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := vals[k]; v != "" {
			prefs = append(prefs, v)
		}
	}
	return prefs
}

// Choose picks the interface language by the house order: a person's own choice (empty when
// they made none), else what their terminal sends, else the cohort's language, else English.
func Choose(own Lang, terminal []string, cohort string) Lang {
	if own.Valid() {
		return own
	}
	if l, ok := Match(terminal...); ok {
		return l
	}
	if l, ok := Match(cohort); ok {
		return l
	}
	return English
}
