package command

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"workshop/content"
	"workshop/i18n"
	"workshop/session"
)

// ContentReload is `content reload`: reading the server's module files again without a
// restart. It reloads the manager's library, so only the server mounts it; at the shell,
// SIGHUP to the server does the same.
func ContentReload(env *Env) *cobra.Command {
	p := env.Printer()
	return &cobra.Command{
		Use:     "reload",
		Short:   p.T("Read the module files again, without a restart"),
		Long:    p.T("Read the built-in modules and the server's content directory (serve --content) again, as at start, and offer the result to cohorts created from now on. Cohorts already created keep the exact module version they started with. A file with problems is skipped and its problems are listed here, as `workshop content validate` prints them; the command then exits with status 1. Sending the server SIGHUP does the same."),
		Example: "  {prog} content reload",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return env.withManager(cmd.Context(), func(m *session.Manager) error {
				r, err := m.ReloadModules(cmd.Context(), env.Actor)
				if err != nil {
					return err
				}
				if err := printReload(cmd.OutOrStdout(), p, r); err != nil {
					return err
				}
				if files := skippedFiles(r.Problems); len(files) > 0 {
					return session.Errorf(session.EInvalid, "%d files skipped: fix and reload again", len(files))
				}
				return nil
			})
		},
	}
}

// ContentList is `content list`: the modules new cohorts can be made from. library is where
// they come from: the server's own library over SSH, the built-in modules and --content's at
// the shell.
func ContentList(env *Env, library func(cmd *cobra.Command) (*content.Library, error)) *cobra.Command {
	p := env.Printer()
	cmd := &cobra.Command{
		Use:     "list",
		Short:   p.T("List the modules available to facilitators"),
		Long:    p.T("List every module offered for new cohorts: the built-in modules plus the modules in the content directory, sorted by id.\n\nColumns: the module id (what \"cohort create --module\" takes), its title, its number of steps and where it comes from (\"built-in\" or the file it was read from). Files with problems are skipped; run \"workshop content validate\" for details."),
		Example: "  {prog} content list",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lib, err := library(cmd)
			if err != nil {
				return err
			}
			var rows [][]string
			for _, m := range lib.List() {
				source := m.Source
				if source == "built-in" {
					source = p.T("built-in")
				}
				rows = append(rows, []string{m.ID, m.Title, p.Int(len(m.Steps)), source})
			}
			return WriteColumns(cmd.OutOrStdout(), []string{p.T("ID"), p.T("TITLE"), p.T("STEPS"), p.T("SOURCE")}, rows)
		},
	}
	if env.Front == Shell {
		cmd.Long = p.T("List every module a server started with the same --content would offer: the built-in modules plus the modules in the content directory, sorted by id.\n\nColumns: the module id (what \"cohort create --module\" takes), its title, its number of steps and where it comes from (\"built-in\" or the file it was read from). Files with problems are skipped and their problems printed on standard error; run \"workshop content validate\" for details.")
		cmd.Example = `  {prog} content list
  {prog} content list --content ./modules`
	}
	return cmd
}

// ServerLibrary is the library of the manager env opens, for ContentList over SSH. Listing
// modules is a facilitator's read, so the caller's rights are checked first.
func ServerLibrary(env *Env) func(cmd *cobra.Command) (*content.Library, error) {
	return func(cmd *cobra.Command) (*content.Library, error) {
		var lib *content.Library
		err := env.withManager(cmd.Context(), func(m *session.Manager) error {
			if _, err := m.Authorize(cmd.Context(), env.Actor); err != nil {
				return err
			}
			lib = m.Library()
			return nil
		})
		return lib, err
	}
}

// printReload says what a reload found: the modules offered now, what changed, and every
// problem of the files skipped.
func printReload(w io.Writer, p *i18n.Printer, r session.Reload) error {
	var b strings.Builder
	if r.Dir != "" {
		fmt.Fprintln(&b, p.T("Reloaded %d modules from the built-in modules and %s: %s", len(r.Modules), r.Dir, strings.Join(r.Modules, ", ")))
	} else {
		fmt.Fprintln(&b, p.T("Reloaded %d modules from the built-in modules: %s", len(r.Modules), strings.Join(r.Modules, ", ")))
	}
	changes := []struct {
		what string
		ids  []string
	}{{p.T("added:"), r.Added}, {p.T("changed:"), r.Changed}, {p.T("removed:"), r.Removed}}
	width := 0
	for _, c := range changes {
		width = max(width, ansi.StringWidth(c.what))
	}
	for _, c := range changes {
		if len(c.ids) > 0 {
			fmt.Fprintf(&b, "  %s%s %s\n", c.what, strings.Repeat(" ", width-ansi.StringWidth(c.what)), strings.Join(c.ids, ", "))
		}
	}
	if files := skippedFiles(r.Problems); len(files) > 0 {
		fmt.Fprintln(&b, p.T("Skipped %d files with problems (new cohorts cannot use what they hold until fixed):", len(files)))
		for _, pr := range r.Problems {
			fmt.Fprintf(&b, "  %s\n", pr.String())
		}
	}
	b.WriteString(p.T("Cohorts already created keep the module version they started with.") + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// skippedFiles are the files the problems are in, in order.
func skippedFiles(ps []content.Problem) []string {
	var files []string
	for _, p := range ps {
		if len(files) == 0 || files[len(files)-1] != p.File {
			files = append(files, p.File)
		}
	}
	return files
}
