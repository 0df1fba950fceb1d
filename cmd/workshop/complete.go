package main

import (
	"context"
	"strings"

	"github.com/spf13/cobra"

	"workshop/content"
	"workshop/session/export"
	"workshop/session/sqlite"
)

// Value completions: what a shell offers after `workshop export <TAB>`, `--format <TAB>`,
// `--module <TAB>`. Each is computed when asked, from the same places the command reads.

type completer = func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective)

// completeWords offers fixed values, each with what it means.
func completeWords(pairs ...string) completer {
	return func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		var out []cobra.Completion
		for i := 0; i+1 < len(pairs); i += 2 {
			out = append(out, cobra.CompletionWithDesc(pairs[i], pairs[i+1]))
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeFormats offers the export formats.
func completeFormats(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	var out []cobra.Completion
	for _, f := range export.Formats {
		out = append(out, cobra.Completion(f))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeModules offers the module ids of the library the command would read: the built-in
// modules and those of its --content directory, if it has that flag.
func completeModules(cmd *cobra.Command, _ []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
	dir := ""
	if f := cmd.Flags().Lookup("content"); f != nil {
		dir = f.Value.String()
	}
	lib, _, err := content.NewLibrary(dir)
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	var out []cobra.Completion
	for _, m := range lib.List() {
		out = append(out, cobra.CompletionWithDesc(m.ID, oneLine(m.Title)))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeModuleArg is completeModules for a command's first argument.
func completeModuleArg(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return completeModules(cmd, args, toComplete)
}

// fromStore completes a command's first argument from what list reads in the data directory
// (--data); nothing when there is no database yet.
func fromStore(g *globals, list func(ctx context.Context, st *sqlite.Store) ([]cobra.Completion, error)) completer {
	return func(cmd *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		st, err := openExisting(g)
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		defer func() { _ = st.Close() }() // only read
		out, err := list(cmd.Context(), st)
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeCohorts offers the join codes of the cohorts in the data directory, newest first.
func completeCohorts(g *globals) completer {
	return fromStore(g, func(ctx context.Context, st *sqlite.Store) ([]cobra.Completion, error) {
		cs, err := st.Cohorts(ctx)
		var out []cobra.Completion
		for _, c := range cs {
			desc := oneLine(c.Name) + " (" + c.ModuleID + ")"
			if !c.ArchivedAt.IsZero() {
				desc += ", archived"
			}
			out = append(out, cobra.CompletionWithDesc(c.Code, desc))
		}
		return out, err
	})
}

// completeFacilitators offers the registered facilitators' names.
func completeFacilitators(g *globals) completer {
	return fromStore(g, func(ctx context.Context, st *sqlite.Store) ([]cobra.Completion, error) {
		fs, err := st.Facilitators(ctx)
		var out []cobra.Completion
		for _, f := range fs {
			if !strings.ContainsAny(f.Name, " \t") {
				out = append(out, cobra.CompletionWithDesc(f.Name, f.Fingerprint))
			}
		}
		return out, err
	})
}
