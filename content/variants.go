package content

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"workshop/i18n"
)

// Variants is one module in every language it is written in: the original, which is the
// module's default language, and its translations (files with the same id, another language and
// translated_from naming the original's language). Every translation has the original's steps
// and exercises, so work done in one language lines up with work done in any other.
//
// A Variants does not change once made and is safe for concurrent use; its modules are shared
// and must not be modified.
type Variants struct {
	all     []*Module // the original first, then the translations by language tag
	matcher language.Matcher
}

// NewVariants puts an original and its translations together. It checks what loading checks
// with file positions: each translation is of the same module, in a language of its own, names
// the original's language in translated_from and lines up with the original.
func NewVariants(original *Module, translations ...*Module) (*Variants, error) {
	if original == nil {
		return nil, errors.New("no original module")
	}
	if original.TranslatedFrom != "" {
		return nil, fmt.Errorf("module %s in %s is a translation (of %s), not an original", original.ID, original.Language, original.TranslatedFrom)
	}
	origTag, ok := parseTag(original.Language)
	if !ok {
		return nil, fmt.Errorf("module %s: %q is not a language tag", original.ID, original.Language)
	}
	trs := slices.Clone(translations)
	slices.SortFunc(trs, func(a, b *Module) int { return strings.Compare(a.Language, b.Language) })
	tags := []language.Tag{origTag}
	for _, tr := range trs {
		tag, ok := parseTag(tr.Language)
		switch {
		case tr.ID != original.ID:
			return nil, fmt.Errorf("module %s in %s is not a translation of %s", tr.ID, tr.Language, original.ID)
		case !ok:
			return nil, fmt.Errorf("translation of %s: %q is not a language tag", original.ID, tr.Language)
		case slices.Contains(tags, tag):
			return nil, fmt.Errorf("module %s has two versions in %s", original.ID, tr.Language)
		}
		if from, ok := parseTag(tr.TranslatedFrom); !ok || from != origTag {
			return nil, fmt.Errorf("module %s in %s: translated_from is %q, but the original is in %s", tr.ID, tr.Language, tr.TranslatedFrom, original.Language)
		}
		if ms := compareModules(original, tr); len(ms) > 0 {
			msgs := make([]string, len(ms))
			for i, m := range ms {
				msgs[i] = m.msg
			}
			return nil, fmt.Errorf("module %s in %s does not line up with its original: %s", tr.ID, tr.Language, strings.Join(msgs, "; "))
		}
		tags = append(tags, tag)
	}
	return &Variants{all: append([]*Module{original}, trs...), matcher: language.NewMatcher(tags)}, nil
}

// Original returns the module in its default language.
func (v *Variants) Original() *Module { return v.all[0] }

// All returns the original and then the translations, by language tag. The slice is the
// caller's; the modules are shared.
func (v *Variants) All() []*Module { return slices.Clone(v.all) }

// Languages returns the language tags the module is written in, the original's first.
func (v *Variants) Languages() []string {
	out := make([]string, len(v.all))
	for i, m := range v.all {
		out[i] = m.Language
	}
	return out
}

// In returns the variant that best suits a reader who prefers the given languages, most
// preferred first, each a BCP 47 tag ("pt-BR") or a POSIX locale as LANG carries it
// ("pt_BR.UTF-8"). x/text's matcher picks it, so a reader of pt-BR gets pt-BR, else pt or
// another Portuguese, and es-MX gets es. With no usable preference, or none the module is
// written in, In returns the original.
func (v *Variants) In(prefs ...string) *Module {
	var want []language.Tag
	for _, p := range prefs {
		if t, ok := i18n.Parse(p); ok {
			want = append(want, t)
		}
	}
	if len(want) == 0 || len(v.all) == 1 {
		return v.all[0]
	}
	_, i, conf := v.matcher.Match(want...)
	if conf == language.No || i < 0 || i >= len(v.all) {
		return v.all[0]
	}
	return v.all[i]
}
