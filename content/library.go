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
// directory. It does not change after NewLibrary returns, so it is safe for concurrent use. The
// modules it returns are shared and must not be modified.
type Library struct {
	byID   map[string]*Module
	byHash map[string]*Module
	list   []*Module
}

// NewLibrary loads the built-in modules and, when dir is not empty, every module file (*.yaml or
// *.yml, not in subdirectories, not starting with a dot) in dir. A module from dir replaces the
// built-in module with the same id.
//
// A file with problems is skipped and its problems are returned; it never stops the others from
// loading. Two files in dir with the same module id are a problem: the first by file name wins.
// The error is non-nil only when dir itself cannot be read.
func NewLibrary(dir string) (*Library, []Problem, error) {
	lib := &Library{byID: map[string]*Module{}, byHash: map[string]*Module{}}
	builtins, problems := loadBuiltins()
	for _, m := range builtins {
		lib.byID[m.ID] = m
		lib.byHash[m.Hash] = m
	}
	if dir != "" {
		files, err := moduleFiles(dir)
		if err != nil {
			return nil, problems, fmt.Errorf("reading content directory: %w", err)
		}
		fromDir := map[string]string{} // id -> file that defined it
		for _, file := range files {
			r, ok := readAndParse(file)
			problems = append(problems, r.problems...)
			if !ok || len(r.problems) > 0 {
				continue
			}
			m := r.module
			if first, dup := fromDir[m.ID]; dup {
				problems = append(problems, duplicateID(file, r.idNode, m.ID, first))
				continue
			}
			fromDir[m.ID] = file
			lib.byID[m.ID] = m
			lib.byHash[m.Hash] = m
		}
	}
	for _, m := range lib.byID {
		lib.list = append(lib.list, m)
	}
	slices.SortFunc(lib.list, func(a, b *Module) int { return strings.Compare(a.ID, b.ID) })
	sortProblems(problems)
	return lib, problems, nil
}

// Get returns the module with the given id.
func (l *Library) Get(id string) (*Module, bool) {
	m, ok := l.byID[id]
	return m, ok
}

// List returns the modules sorted by id. The slice is the caller's; the modules are shared.
func (l *Library) List() []*Module {
	return slices.Clone(l.list)
}

// ByHash returns the module version whose source has the given hash. It also finds a built-in
// module that a directory module has replaced, so that a cohort started on it can be resumed.
func (l *Library) ByHash(hash string) (*Module, bool) {
	m, ok := l.byHash[hash]
	return m, ok
}

// loadBuiltins parses the embedded modules. Broken ones are reported and left out; a test keeps
// that from ever happening in a release.
func loadBuiltins() ([]*Module, []Problem) {
	var mods []*Module
	var problems []Problem
	entries, err := fs.ReadDir(builtinFS, "modules")
	if err != nil {
		// The embed pattern guarantees the directory exists.
		panic(err)
	}
	seen := map[string]string{}
	for _, e := range entries {
		name := path.Join("modules", e.Name())
		data, err := builtinFS.ReadFile(name)
		if err != nil {
			panic(err)
		}
		file := BuiltinSource + "/" + e.Name()
		r := parse(file, data)
		if len(r.problems) > 0 {
			problems = append(problems, r.problems...)
			continue
		}
		if first, dup := seen[r.module.ID]; dup {
			problems = append(problems, duplicateID(file, r.idNode, r.module.ID, first))
			continue
		}
		seen[r.module.ID] = file
		r.module.Source = BuiltinSource
		mods = append(mods, r.module)
	}
	return mods, problems
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
