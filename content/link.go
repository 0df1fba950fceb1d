package content

import (
	"fmt"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
)

// loaded is one module file as read: its name and what parsing found.
type loaded struct {
	file string
	parsed
}

// clean reports whether the file parsed without problems (warnings allowed).
func (l *loaded) clean() bool { return len(l.problems) == 0 }

// linkedModule is what the files of one module id make up.
type linkedModule struct {
	id string
	// original is the first original among the files (nil if none); it may have problems.
	original *loaded
	// translations are the clean translations that line up with their original (original, or
	// the fallback when there is none), first per language, in file order.
	translations []*loaded
	// rejected are files that will not load because of a problem found here: a duplicate, or
	// a translation that does not line up.
	rejected map[*loaded]bool
}

// linkFiles sorts module files, in the order that decides which of two files comes first, into
// modules: for each id, its original and the translations that line up with it. fallback gives
// the original to check translations against when none of the files is the original of their id
// (a built-in module), or nil.
//
// Files with problems of their own take their place in that order (a later file with the same
// id and language is a duplicate even so), but a translation is checked only against a clean
// original and only when it is clean itself.
func linkFiles(files []*loaded, fallback func(id string) *loaded) ([]*linkedModule, []Problem) {
	var problems []Problem
	var mods []*linkedModule
	byID := map[string]*linkedModule{}
	members := map[string][]*loaded{}
	for _, f := range files {
		id := f.module.ID
		if id == "" {
			continue
		}
		if _, ok := byID[id]; !ok {
			lm := &linkedModule{id: id, rejected: map[*loaded]bool{}}
			byID[id] = lm
			mods = append(mods, lm)
		}
		members[id] = append(members[id], f)
	}
	for _, lm := range mods {
		var trs []*loaded
		for _, f := range members[lm.id] {
			switch {
			case f.module.TranslatedFrom != "":
				trs = append(trs, f)
			case lm.original != nil:
				problems = append(problems, duplicateID(f.file, f.idNode, lm.id, lm.original.file))
				lm.rejected[f] = true
			default:
				lm.original = f
			}
		}
		base := lm.original
		if base == nil && fallback != nil {
			base = fallback(lm.id)
		}
		var baseTag language.Tag
		baseTagOK := false
		if base != nil {
			baseTag, baseTagOK = parseTag(base.module.Language)
		}
		first := map[language.Tag]*loaded{}
		for _, tr := range trs {
			tag, ok := parseTag(tr.module.Language)
			if !ok {
				continue // reported by the file's own checks
			}
			at := nodeAt(tr.root, docPath("language"))
			switch prev, dup := first[tag]; {
			case dup:
				problems = append(problems, problemAt(tr.file, at, "duplicate translation of module %q into %q (also in %s)", lm.id, tr.module.Language, prev.file))
				lm.rejected[tr] = true
				continue
			case baseTagOK && tag == baseTag && base.clean():
				problems = append(problems, problemAt(tr.file, at, "module %q is in %q already: its original %s is written in that language", lm.id, tr.module.Language, base.file))
				lm.rejected[tr] = true
				continue
			}
			first[tag] = tr
			if !tr.clean() {
				continue
			}
			if ps := checkLink(lm.id, tr, base); len(ps) > 0 {
				problems = append(problems, ps...)
				lm.rejected[tr] = true
				continue
			}
			lm.translations = append(lm.translations, tr)
		}
	}
	return mods, problems
}

// checkLink checks a clean translation against the original it belongs to (nil when there is
// none).
func checkLink(id string, tr, orig *loaded) []Problem {
	at := nodeAt(tr.root, docPath("translated_from"))
	switch {
	case orig == nil:
		return []Problem{problemAt(tr.file, at, "no original of module %q: a translation needs the file of its original (the one without translated_from) or a built-in module with that id", id)}
	case !orig.clean():
		return []Problem{problemAt(tr.file, at, "this translation is checked against its original %s once that file's problems are fixed", orig.file)}
	}
	origTag, _ := parseTag(orig.module.Language)
	if from, _ := parseTag(tr.module.TranslatedFrom); from != origTag {
		return []Problem{problemAt(tr.file, at, "translated_from is %q, but the original of module %q (%s) is in %q", tr.module.TranslatedFrom, id, orig.file, orig.module.Language)}
	}
	return translationProblems(tr, orig, compareModules(orig.module, tr.module))
}

// problemAt makes a problem placed at a node, or at the top of the file when there is none.
func problemAt(file string, at *yaml.Node, format string, args ...any) Problem {
	p := Problem{File: file, Line: 1, Col: 1, Message: fmt.Sprintf(format, args...)}
	if at != nil {
		p.Line, p.Col = max(at.Line, 1), max(at.Column, 1)
	}
	return p
}
