package content

import (
	"os"
	"path/filepath"
	"slices"
)

// Validate checks module files and returns every problem found, warnings included
// (Problem.Warning). Each path is a module file or a directory, which stands for the module
// files directly in it (*.yaml and *.yml, not starting with a dot). Besides each file's own
// problems, Validate reports two of the files that are the same module in the same language, a
// translation that does not line up with its original (see Variants), a path that cannot be read
// and a directory with no module files.
func Validate(paths ...string) []Problem {
	_, problems := ValidateModules(paths...)
	return problems
}

// ValidateModules is Validate that also returns the modules that passed, in the order their files
// were given (a directory's files by name): originals and translations alike. A module with
// warnings but no other problem passes; a translation passes when it also lines up with its
// original, which is one of the files or else the built-in module with that id.
func ValidateModules(paths ...string) ([]*Module, []Problem) {
	var problems []Problem
	var files []string
	seenFile := map[string]bool{}
	addFile := func(file string) {
		key := file
		if abs, err := filepath.Abs(file); err == nil {
			key = abs
		}
		if !seenFile[key] {
			seenFile[key] = true
			files = append(files, file)
		}
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			problems = append(problems, Problem{File: p, Message: "cannot read: " + pathErrorText(err)})
			continue
		}
		if !info.IsDir() {
			addFile(p)
			continue
		}
		found, err := moduleFiles(p)
		if err != nil {
			problems = append(problems, Problem{File: p, Message: "cannot read directory: " + pathErrorText(err)})
			continue
		}
		if len(found) == 0 {
			problems = append(problems, Problem{File: p, Message: "no module files (*.yaml or *.yml) in this directory"})
		}
		for _, f := range found {
			addFile(f)
		}
	}

	var ls []*loaded
	for _, file := range files {
		r, ok := readAndParse(file)
		problems = append(problems, r.problems...)
		problems = append(problems, r.warnings...)
		if ok {
			ls = append(ls, &loaded{file: file, parsed: r})
		}
	}
	var builtins map[string]*loaded // parsed when a translation first needs its original
	linked, ps := linkFiles(ls, func(id string) *loaded {
		if builtins == nil {
			builtins = originalsOf(builtinFiles())
		}
		return builtins[id]
	})
	problems = append(problems, ps...)
	rejected := map[*loaded]bool{}
	for _, lm := range linked {
		for f := range lm.rejected {
			rejected[f] = true
		}
		for _, f := range membersOf(ls, lm.id) {
			if f.module.TranslatedFrom != "" && !slices.Contains(lm.translations, f) {
				rejected[f] = true
			}
		}
	}
	var mods []*Module
	for _, f := range ls {
		if f.clean() && !rejected[f] {
			mods = append(mods, f.module)
		}
	}
	sortProblems(problems)
	return mods, problems
}

// membersOf lists the files of one module id.
func membersOf(ls []*loaded, id string) []*loaded {
	var out []*loaded
	for _, f := range ls {
		if f.module.ID == id {
			out = append(out, f)
		}
	}
	return out
}
