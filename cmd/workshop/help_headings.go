package main

import (
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"workshop/i18n"
)

// Fang titles the sections of help with words of its own (charm.land/fang/v2 help.go: "usage",
// "examples", "flags", drawn in capitals) and lets a program change none of them. While help is
// being shown, and only then, the output writer puts them in the reader's language: a write that
// holds one of them alone is a title Fang drew. (The commands heading is a group of ours.)
var fangHeadings = []string{"USAGE", "EXAMPLES", "FLAGS"}

// headingWords replaces Fang's section titles with p's words; nil for English.
func headingWords(p *i18n.Printer) *strings.Replacer {
	if p.Lang() == i18n.English {
		return nil
	}
	return strings.NewReplacer("USAGE", p.T("USAGE"), "EXAMPLES", p.T("EXAMPLES"), "FLAGS", p.T("FLAGS"))
}

// isHeading says whether one write is a section title Fang drew, and nothing else.
func isHeading(b []byte) bool {
	return slices.Contains(fangHeadings, strings.TrimSpace(ansi.Strip(string(b))))
}

// asksHelp says whether a command line shows the top level's help, which Fang draws past every
// hook a subcommand's help has.
func asksHelp(args []string) bool {
	if len(args) == 0 || args[0] == "help" {
		return true
	}
	return slices.Contains(args, "--help") || slices.Contains(args, "-h")
}
