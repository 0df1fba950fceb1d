package content

import (
	"regexp"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"

	"workshop/i18n"
)

// tagShape is the written shape of a BCP 47 language tag: a two- or three-letter language, then
// subtags joined by hyphens. x/text's parser also takes underscores and some legacy forms, which a
// module file should not use: the tag is written once and read by people and other tools.
var tagShape = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)

// parseTag reads a BCP 47 tag as a module file writes it. It refuses what is not shaped like a
// tag, what names subtags the registry does not know, and a tag with no language ("und").
func parseTag(s string) (language.Tag, bool) {
	if !tagShape.MatchString(s) {
		return language.Und, false
	}
	return i18n.Parse(s) // the shape leaves no locale form for it to read
}

// languageTag checks a language tag written under key and returns it parsed.
func (w *walker) languageTag(key, s string, at *yaml.Node) (language.Tag, bool) {
	t, ok := parseTag(s)
	if !ok {
		w.add(at, "%s %q must be a BCP 47 language tag such as \"en\", \"pt-BR\", \"es-419\" or \"it\"", key, s)
	}
	return t, ok
}
