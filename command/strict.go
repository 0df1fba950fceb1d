package command

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

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
	msg := fmt.Sprintf("unknown command %q", word)
	if path != "" {
		msg += fmt.Sprintf(" for %q", path)
	}
	if cmd.SuggestionsMinimumDistance <= 0 {
		cmd.SuggestionsMinimumDistance = 2 // cobra's own default, set only when it suggests
	}
	if s := cmd.SuggestionsFor(word); len(s) > 0 {
		msg += "; did you mean " + quoteList(s, "or") + "?"
	} else {
		var names []string
		for _, sub := range cmd.Commands() {
			if sub.IsAvailableCommand() && sub.Name() != "help" && sub.Name() != "completion" {
				names = append(names, sub.Name())
			}
		}
		if len(names) > 0 {
			msg += "; its commands are " + strings.Join(names, ", ")
		}
	}
	// A refusal, so that over SSH it reaches the person as written.
	return session.Errorf(session.EInvalid, "%s (see %s)", msg, help)
}

// quoteList writes "a", "a" or "b", "a", "b" or "c".
func quoteList(items []string, conj string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = fmt.Sprintf("%q", s)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " " + conj + " " + q[len(q)-1]
}
