package i18n

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/message/catalog"
)

//go:embed locales
var locales embed.FS

// entry is one message of one language as a catalog file writes it: a plain string, or plural
// forms chosen by one argument.
type entry struct {
	text  string
	forms map[string]string // "one", "few", "many", "other", "=0"…; nil for a plain string
	arg   int               // the argument (from 1) the forms are chosen by
	file  string
}

// pluralForms are the keys a plural entry may have besides "arg".
var pluralForms = map[string]bool{"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true}

// catalogs is every language's entries, read once from the embedded files.
type catalogs struct {
	byLang map[Lang]map[string]entry
	cat    catalog.Catalog
}

var loadCatalogs = sync.OnceValues(func() (*catalogs, error) { return readCatalogs(locales) })

// readCatalogs reads locales/<language>/*.yaml. The same key written twice for one language must
// say the same thing; a key's plural forms must include "other".
func readCatalogs(fsys fs.FS) (*catalogs, error) {
	cs := &catalogs{byLang: map[Lang]map[string]entry{}}
	b := catalog.NewBuilder(catalog.Fallback(English.tag()))
	for _, l := range Languages {
		files, err := fs.Glob(fsys, path.Join("locales", string(l), "*.yaml"))
		if err != nil {
			return nil, fmt.Errorf("list catalogs of %s: %w", l, err)
		}
		sort.Strings(files)
		entries := map[string]entry{}
		for _, f := range files {
			if err := readFile(fsys, f, entries); err != nil {
				return nil, err
			}
		}
		for key, e := range entries {
			var err error
			if e.forms == nil {
				err = b.SetString(l.tag(), key, e.text)
			} else {
				err = b.Set(l.tag(), key, plural.Selectf(e.arg, "%d", e.cases()...))
			}
			if err != nil {
				return nil, fmt.Errorf("%s: %q: %w", e.file, key, err)
			}
		}
		cs.byLang[l] = entries
	}
	cs.cat = b
	return cs, nil
}

func readFile(fsys fs.FS, name string, into map[string]entry) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("read catalog %s: %w", name, err)
	}
	var raw map[string]yaml.Node
	if err := yaml.Unmarshal(data, &raw); err != nil {
		return fmt.Errorf("catalog %s: %w", name, err)
	}
	for key, n := range raw {
		e, err := decodeEntry(n)
		if err != nil {
			return fmt.Errorf("catalog %s line %d: %q: %w", name, n.Line, key, err)
		}
		e.file = name
		if old, ok := into[key]; ok && !old.same(e) {
			return fmt.Errorf("catalog %s: %q differs from %s", name, key, old.file)
		}
		into[key] = e
	}
	return nil
}

func decodeEntry(n yaml.Node) (entry, error) {
	switch n.Kind {
	case yaml.ScalarNode:
		return entry{text: n.Value}, nil
	case yaml.MappingNode:
		e := entry{forms: map[string]string{}, arg: 1}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i].Value, n.Content[i+1].Value
			switch {
			case k == "arg":
				if _, err := fmt.Sscanf(v, "%d", &e.arg); err != nil || e.arg < 1 {
					return e, fmt.Errorf("arg %q is not an argument number", v)
				}
			case pluralForms[k] || strings.HasPrefix(k, "="):
				e.forms[k] = v
			default:
				return e, fmt.Errorf("%q is not a plural form (one, few, many, other, =N) or arg", k)
			}
		}
		if _, ok := e.forms["other"]; !ok {
			return e, fmt.Errorf("plural forms need \"other\"")
		}
		return e, nil
	}
	return entry{}, fmt.Errorf("want a string or plural forms")
}

// cases lists the plural forms for plural.Selectf: exact values first, "other" last.
func (e entry) cases() []any {
	keys := make([]string, 0, len(e.forms))
	for k := range e.forms {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return formRank(keys[i]) < formRank(keys[j]) || formRank(keys[i]) == formRank(keys[j]) && keys[i] < keys[j]
	})
	var out []any
	for _, k := range keys {
		out = append(out, k, e.forms[k])
	}
	return out
}

func formRank(k string) int {
	switch {
	case strings.HasPrefix(k, "="):
		return 0
	case k == "other":
		return 2
	}
	return 1
}

func (e entry) same(o entry) bool {
	if e.text != o.text || e.arg != o.arg || len(e.forms) != len(o.forms) {
		return false
	}
	for k, v := range e.forms {
		if o.forms[k] != v {
			return false
		}
	}
	return true
}

// texts are the strings an entry may print, to check their verbs against the key's.
func (e entry) texts() []string {
	if e.forms == nil {
		return []string{e.text}
	}
	out := make([]string, 0, len(e.forms))
	for _, v := range e.forms {
		out = append(out, v)
	}
	return out
}
