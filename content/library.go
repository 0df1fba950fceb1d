package content

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// BuiltinSource is the Source of the modules shipped inside the program.
const BuiltinSource = "built-in"

//go:embed modules/*.yaml
var builtinFS embed.FS

// Library holds the modules a server offers: the built-in modules plus any read from a content
// directory, each in every language it is written in. It does not change after NewLibrary
// returns, so it is safe for concurrent use. The modules it returns are shared and must not be
// modified.
type Library struct {
	byID   map[string]*Variants
	byHash map[string]*Module
	list   []*Module // the originals, by id
}

// NewLibrary loads the built-in modules and, when dir is not empty, every module file (*.yaml or
// *.yml, not in subdirectories, not starting with a dot) in dir.
//
// Files with the same id are one module in several languages: the original, and translations
// (see Variants). An original from dir replaces the built-in module with the same id, in every
// language, since the built-in translations follow the built-in original. A translation from dir
// whose original is not in dir adds a language to the built-in module (or replaces the built-in
// translation in that language), once it is checked against the built-in original.
//
// A file with problems is skipped and its problems are returned; it never stops the others from
// loading. Two files in dir that are the same module in the same language are a problem: the
// first by file name wins. The error is non-nil only when dir itself cannot be read.
func NewLibrary(dir string) (*Library, []Problem, error) {
	lib := &Library{byID: map[string]*Variants{}, byHash: map[string]*Module{}}
	files := builtinFiles()
	builtins, problems := loadBuiltins(files)
	for id, vs := range builtins {
		lib.byID[id] = vs
		for _, m := range vs.all {
			lib.byHash[m.Hash] = m
		}
	}
	originals := originalsOf(files)
	if dir != "" {
		names, err := moduleFiles(dir)
		if err != nil {
			return nil, problems, fmt.Errorf("reading content directory: %w", err)
		}
		var ls []*loaded
		for _, file := range names {
			r, _ := readAndParse(file)
			problems = append(problems, r.problems...)
			ls = append(ls, &loaded{file: file, parsed: r})
		}
		mods, ps := linkFiles(ls, func(id string) *loaded { return originals[id] })
		problems = append(problems, ps...)
		for _, lm := range mods {
			vs, err := lib.dirModule(lm)
			if err != nil {
				// linkFiles has checked what NewVariants checks; this cannot happen.
				problems = append(problems, Problem{File: dir, Message: err.Error()})
				continue
			}
			if vs == nil {
				continue
			}
			lib.byID[lm.id] = vs
			for _, m := range vs.all {
				lib.byHash[m.Hash] = m
			}
		}
	}
	for _, vs := range lib.byID {
		lib.list = append(lib.list, vs.Original())
	}
	slices.SortFunc(lib.list, func(a, b *Module) int { return strings.Compare(a.ID, b.ID) })
	sortProblems(problems)
	return lib, problems, nil
}

// dirModule is what the files of one id in a content directory make of the module with that id:
// nil when they change nothing (their original has problems, or there is nothing to load).
func (l *Library) dirModule(lm *linkedModule) (*Variants, error) {
	modules := func(ls []*loaded) []*Module {
		out := make([]*Module, len(ls))
		for i, f := range ls {
			out[i] = f.module
		}
		return out
	}
	switch {
	case lm.original != nil && lm.original.clean() && !lm.rejected[lm.original]:
		return NewVariants(lm.original.module, modules(lm.translations)...)
	case lm.original != nil || len(lm.translations) == 0:
		return nil, nil
	}
	builtin, ok := l.byID[lm.id]
	if !ok {
		return nil, nil // linkFiles reported the missing original
	}
	byLang := map[string]*Module{}
	for _, m := range builtin.all[1:] {
		tag, _ := parseTag(m.Language)
		byLang[tag.String()] = m
	}
	for _, m := range modules(lm.translations) {
		tag, _ := parseTag(m.Language)
		byLang[tag.String()] = m
	}
	trs := make([]*Module, 0, len(byLang))
	for _, m := range byLang {
		trs = append(trs, m)
	}
	return NewVariants(builtin.Original(), trs...)
}

// Get returns the module with the given id, in its default language (its original).
func (l *Library) Get(id string) (*Module, bool) {
	vs, ok := l.byID[id]
	if !ok {
		return nil, false
	}
	return vs.Original(), true
}

// Variants returns the module with the given id in every language it is written in.
func (l *Library) Variants(id string) (*Variants, bool) {
	vs, ok := l.byID[id]
	return vs, ok
}

// GetIn returns the module with the given id in the language that best suits prefs (see
// Variants.In): pt-BR, else another Portuguese, else the module's default language.
func (l *Library) GetIn(id string, prefs ...string) (*Module, bool) {
	vs, ok := l.byID[id]
	if !ok {
		return nil, false
	}
	return vs.In(prefs...), true
}

// List returns the modules sorted by id, each in its default language. The slice is the
// caller's; the modules are shared.
func (l *Library) List() []*Module {
	return slices.Clone(l.list)
}

// ByHash returns the module version whose source has the given hash, in whatever language it
// is. It also finds a built-in module that a directory module has replaced, so that a cohort
// started on it can be resumed.
func (l *Library) ByHash(hash string) (*Module, bool) {
	m, ok := l.byHash[hash]
	return m, ok
}

// loadBuiltins puts the embedded module files together. Broken ones are reported and left out;
// a test keeps that from ever happening in a release.
func loadBuiltins(files []*loaded) (map[string]*Variants, []Problem) {
	var problems []Problem
	for _, f := range files {
		problems = append(problems, f.problems...)
	}
	mods, ps := linkFiles(files, nil)
	problems = append(problems, ps...)
	out := map[string]*Variants{}
	for _, lm := range mods {
		if lm.original == nil || !lm.original.clean() || lm.rejected[lm.original] {
			continue
		}
		trs := make([]*Module, len(lm.translations))
		for i, tr := range lm.translations {
			trs[i] = tr.module
		}
		vs, err := NewVariants(lm.original.module, trs...)
		if err != nil {
			problems = append(problems, Problem{File: lm.original.file, Message: err.Error()})
			continue
		}
		out[lm.id] = vs
	}
	return out, problems
}

// originalsOf finds the clean original of each module id among files, the first one when there
// are several.
func originalsOf(files []*loaded) map[string]*loaded {
	out := map[string]*loaded{}
	for _, f := range files {
		if _, seen := out[f.module.ID]; !seen && f.clean() && f.module.TranslatedFrom == "" {
			out[f.module.ID] = f
		}
	}
	return out
}

// builtinFiles parses the embedded module files, by name. Each call parses them afresh, so
// the modules returned are the caller's.
func builtinFiles() []*loaded {
	entries, err := fs.ReadDir(builtinFS, "modules")
	if err != nil {
		// The embed pattern guarantees the directory exists.
		panic(err)
	}
	var out []*loaded
	for _, e := range entries {
		data, err := builtinFS.ReadFile(path.Join("modules", e.Name()))
		if err != nil {
			panic(err)
		}
		file := BuiltinSource + "/" + e.Name()
		r := parse(file, data)
		r.module.Source = BuiltinSource
		out = append(out, &loaded{file: file, parsed: r})
	}
	return out
}

// moduleFiles lists the module files directly in dir, sorted by name.
func moduleFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range entries {
		if isModuleFile(e.Name()) && !e.IsDir() {
			files = append(files, filepath.Join(dir, e.Name()))
		}
	}
	return files, nil
}

// isModuleFile reports whether a file name is one a content directory is scanned for.
func isModuleFile(name string) bool {
	if strings.HasPrefix(name, ".") {
		return false
	}
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}

// readAndParse reads and parses one file. ok is false when the file could not be read; the
// problem saying so is in the result.
func readAndParse(file string) (parsed, bool) {
	data, err := os.ReadFile(file)
	if err != nil {
		return parsed{problems: []Problem{{File: file, Message: "cannot read file: " + pathErrorText(err)}}}, false
	}
	return parse(file, data), true
}

// pathErrorText is the reason in a file system error, without the path, which the problem
// already names.
func pathErrorText(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

func duplicateID(file string, at *yaml.Node, id, first string) Problem {
	p := Problem{File: file, Line: 1, Col: 1, Message: fmt.Sprintf("duplicate module id %q (also in %s)", id, first)}
	if at != nil {
		p.Line, p.Col = at.Line, at.Column
	}
	return p
}
