package command

import (
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"workshop/i18n"
	"workshop/session"
)

// StrictGroups makes every command of the tree that only groups others (cohort, content…)
// refuse a word it does not know, instead of showing its help and succeeding, so that a script
// that runs `cohort import` learns it did nothing. Without a word such a command shows its
// help. name says how to write a command and where to read about it, e.g. "workshop cohort"
// and "`workshop cohort --help`".
func StrictGroups(root *cobra.Command, name func(*cobra.Command) (path, help string)) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.HasSubCommands() && c.Run == nil && c.RunE == nil {
			c.Args = cobra.ArbitraryArgs
			c.RunE = func(cmd *cobra.Command, args []string) error {
				if len(args) == 0 {
					return cmd.Help()
				}
				path, help := name(cmd)
				return UnknownCommand(cmd, args[0], path, help)
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// UnknownCommand is the error for a word that names none of cmd's subcommands: it offers the
// closest ones, or lists them all when none is close, and says where to read more (help). path
// is the command as a person types it ("" for the top level over SSH).
func UnknownCommand(cmd *cobra.Command, word, path, help string) error {
	if cmd.SuggestionsMinimumDistance <= 0 {
		cmd.SuggestionsMinimumDistance = 2 // cobra's own default, set only when it suggests
	}
	// Refusals, so that over SSH they reach the person as written.
	if s := cmd.SuggestionsFor(word); len(s) > 0 {
		if path == "" {
			return session.Errorf(session.EInvalid, "unknown command %q; did you mean %s? (see %s)", word, quoteList(s), help)
		}
		return session.Errorf(session.EInvalid, "unknown command %q for %q; did you mean %s? (see %s)", word, path, quoteList(s), help)
	}
	var names []string
	for _, sub := range cmd.Commands() {
		if sub.IsAvailableCommand() && sub.Name() != "help" && sub.Name() != "completion" {
			names = append(names, sub.Name())
		}
	}
	switch {
	case len(names) == 0 && path == "":
		return session.Errorf(session.EInvalid, "unknown command %q (see %s)", word, help)
	case len(names) == 0:
		return session.Errorf(session.EInvalid, "unknown command %q for %q (see %s)", word, path, help)
	case path == "":
		return session.Errorf(session.EInvalid, "unknown command %q; its commands are %s (see %s)", word, strings.Join(names, ", "), help)
	}
	return session.Errorf(session.EInvalid, "unknown command %q for %q; its commands are %s (see %s)", word, path, strings.Join(names, ", "), help)
}

// quoteList writes "a", or "a" or "b", or "a", "b" or "c", in the reader's language.
func quoteList(items []string) i18n.Msg {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = strconv.Quote(s)
	}
	if len(q) == 1 {
		return i18n.Verbatim(q[0])
	}
	return i18n.M("%s or %s", strings.Join(q[:len(q)-1], ", "), q[len(q)-1])
}
