package content

import (
	"os"
	"path/filepath"
)

// Validate checks module files and returns every problem found, warnings included
// (Problem.Warning). Each path is a module file or a directory, which stands for the module
// files directly in it (*.yaml and *.yml, not starting with a dot). Besides each file's own
// problems, Validate reports a module id used by more than one of the files, a path that cannot
// be read and a directory with no module files.
func Validate(paths ...string) []Problem {
	_, problems := ValidateModules(paths...)
	return problems
}

// ValidateModules is Validate that also returns the modules that passed, in the order their files
// were given (a directory's files by name). A module with warnings but no other problem passes.
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

	var mods []*Module
	firstFile := map[string]string{} // module id -> first file using it
	for _, file := range files {
		r, ok := readAndParse(file)
		problems = append(problems, r.problems...)
		problems = append(problems, r.warnings...)
		if !ok {
			continue
		}
		dup := false
		if id := r.module.ID; id != "" {
			if first, seen := firstFile[id]; seen {
				problems = append(problems, duplicateID(file, r.idNode, id, first))
				dup = true
			} else {
				firstFile[id] = file
			}
		}
		if len(r.problems) == 0 && !dup {
			mods = append(mods, r.module)
		}
	}
	sortProblems(problems)
	return mods, problems
}
