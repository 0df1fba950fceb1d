package content

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Problem is one thing wrong with a module file, with the place it was found.
//
// Line and Col are 1-based. A problem about a whole file (it cannot be read, or a directory holds
// no module files) has Line and Col 0.
//
// A Warning is something that works but will not look or run the way the author probably means,
// such as a label cut at 80 columns or time boxes that do not add up to the duration: the module
// still loads. Every other problem keeps the file from loading.
type Problem struct {
	File    string
	Line    int
	Col     int
	Message string
	Warning bool
}

// String formats the problem the way compilers do: "file:line:col: message", or "file: message"
// when the problem has no position; a warning's message starts with "warning: ".
func (p Problem) String() string {
	msg := p.Message
	if p.Warning {
		msg = "warning: " + msg
	}
	if p.Line <= 0 {
		return fmt.Sprintf("%s: %s", p.File, msg)
	}
	col := p.Col
	if col <= 0 {
		col = 1
	}
	return fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, col, msg)
}

// Errors returns the problems that are not warnings.
func (ps Problems) Errors() Problems {
	var out Problems
	for _, p := range ps {
		if !p.Warning {
			out = append(out, p)
		}
	}
	return out
}

// Warnings returns the problems that are warnings.
func (ps Problems) Warnings() Problems {
	var out Problems
	for _, p := range ps {
		if p.Warning {
			out = append(out, p)
		}
	}
	return out
}

// Problems is a list of problems usable as an error.
type Problems []Problem

// Error returns the problems one per line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// sortProblems orders problems by file, then position. The order within one position is kept.
func sortProblems(ps []Problem) {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
		)
	})
}
