package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"workshop/command"
	"workshop/content"
)

// newContentCmd returns "workshop content": listing, showing and checking modules.
func newContentCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "content",
		Short: "List, inspect and validate workshop modules",
		Long: `A module is one workshop session: ordered steps, each with Markdown guidance, an
experiential-learning phase, an optional time box and at most one exercise. Modules are YAML
files, one module per file.

The built-in modules are always available. A content directory (--content DIR, or the
WORKSHOP_CONTENT environment variable, as for serve) adds every *.yaml and *.yml file in it;
a module there with the id of a built-in one replaces it.

The file format is described in docs/content.md.`,
		Example: `  workshop content list
  workshop content show warmup
  workshop content validate ./modules`,
	}
	cmd.AddCommand(newContentListCmd(), newContentShowCmd(), newContentValidateCmd())
	return cmd
}

// addContentFlag adds --content to a subcommand that reads the library.
func addContentFlag(cmd *cobra.Command, dir *string) {
	cmd.Flags().StringVar(dir, "content", envOr("WORKSHOP_CONTENT", ""),
		"directory of extra module files that add to or override the built-in ones (env WORKSHOP_CONTENT)")
}

// loadLibrary loads the library and names on w each file skipped for its problems.
func loadLibrary(dir string, w io.Writer) (*content.Library, error) {
	lib, problems, err := content.NewLibrary(dir)
	if err != nil {
		return nil, err
	}
	var files []string
	count := map[string]int{}
	for _, p := range problems {
		if count[p.File] == 0 {
			files = append(files, p.File)
		}
		count[p.File]++
	}
	for _, f := range files {
		fmt.Fprintf(w, "skipped %s: %d %s (see `workshop content validate %s`)\n",
			f, count[f], plural(count[f], "problem", "problems"), f)
	}
	return lib, nil
}

// newContentListCmd mounts the shared content list for the shell: the library of --content,
// with the files skipped named on standard error.
func newContentListCmd() *cobra.Command {
	var dir string
	cmd := command.ContentList(&command.Env{Front: command.Shell}, func(cmd *cobra.Command) (*content.Library, error) {
		return loadLibrary(dir, cmd.ErrOrStderr())
	})
	addContentFlag(cmd, &dir)
	return cmd
}

func newContentShowCmd() *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show the outline of one module",
		Long: `Show the outline of a module: its title, summary, duration, version and source, then its
steps in order with their phase, time box and exercise.

The module is looked up the way a server with the same --content would: a module in the content
directory replaces the built-in one with the same id.`,
		Example: `  workshop content show warmup
  workshop content show my-module --content ./modules`,
		Args:              exactArgs(1, "one module id"),
		ValidArgsFunction: completeModuleArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			lib, err := loadLibrary(dir, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			m, ok := lib.Get(args[0])
			if !ok {
				return fmt.Errorf("no module %q (see `workshop content list`)", args[0])
			}
			return writeOutline(cmd.OutOrStdout(), m)
		},
	}
	addContentFlag(cmd, &dir)
	return cmd
}

// writeOutline prints a module's header and its numbered steps.
func writeOutline(w io.Writer, m *content.Module) error {
	hash := m.Hash
	if len(hash) > 12 {
		hash = hash[:12]
	}
	fmt.Fprintf(w, "%s\n", oneLine(m.Title))
	fmt.Fprintf(w, "%s\n\n", oneLine(m.Summary))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "id:\t%s\n", m.ID)
	fmt.Fprintf(tw, "duration:\t%d min\n", m.Duration)
	fmt.Fprintf(tw, "language:\t%s\n", m.Language)
	fmt.Fprintf(tw, "version:\t%s (sha256 %s)\n", oneLine(m.Version), hash)
	fmt.Fprintf(tw, "source:\t%s\n", m.Source)
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)

	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tID\tTITLE\tPHASE\tTIMEBOX\tEXERCISE")
	for i, s := range m.Steps {
		timebox := "-"
		if s.TimeBox > 0 {
			timebox = fmt.Sprintf("%d min", s.TimeBox)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", i+1, s.ID, oneLine(s.Title), s.Phase, timebox, describeExercise(s.Exercise))
	}
	return tw.Flush()
}

// describeExercise summarises an exercise in a few words: its kind, where its items come from
// and whether it is a team or anonymous exercise.
func describeExercise(e *content.Exercise) string {
	if e == nil {
		return "-"
	}
	s := string(e.Kind)
	if e.From != "" {
		s += " of " + e.From
	}
	var tags []string
	if e.Team {
		tags = append(tags, "team")
	}
	if e.Anonymous {
		tags = append(tags, "anonymous")
	}
	if len(tags) > 0 {
		s += " (" + strings.Join(tags, ", ") + ")"
	}
	return s
}

// oneLine collapses runs of white space, newlines included, so that a value fits on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func newContentValidateCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "validate PATH...",
		Short: "Check module files and report every problem",
		Long: `Check module files without starting a server. Each PATH is a module file or a directory,
which stands for the *.yaml and *.yml files directly in it.

Every problem is printed on its own line as file:line:col: message, the form editors and CI
systems pick up, and all problems are reported, not only the first. Besides the problems of each
file, two files that are the same module in the same language are reported, and each
translation (a file with translated_from) is checked against its original: the file of the same
id among those given, or else the built-in module.

Warnings ("file:line:col: warning: message") point at what works but will not show or run as
meant: a label cut on an 80-column screen, time boxes that do not add up to the duration. They
do not keep a module from loading.

With no problems it prints "ok: N modules" (and how many translations and warnings) and exits
with status 0; otherwise it exits with status 1.`,
		Example: `  workshop content validate ./modules
  workshop content validate modules/budget.yaml modules/roundtable.yaml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return fmt.Errorf("%s expects at least one file or directory (see `%s --help`)", cmd.CommandPath(), cmd.CommandPath())
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			mods, problems := content.ValidateModules(args...)
			out := cmd.OutOrStdout()
			for _, p := range problems {
				if _, err := fmt.Fprintln(out, p.String()); err != nil {
					return err
				}
			}
			warnings := len(content.Problems(problems).Warnings())
			if n := len(problems) - warnings; n > 0 {
				return fmt.Errorf("%d %s found", n, plural(n, "problem", "problems"))
			}
			translations := 0
			for _, m := range mods {
				if m.TranslatedFrom != "" {
					translations++
				}
			}
			originals := len(mods) - translations
			line := fmt.Sprintf("ok: %d %s", originals, plural(originals, "module", "modules"))
			if translations > 0 {
				line += fmt.Sprintf(", %d %s", translations, plural(translations, "translation", "translations"))
			}
			if warnings > 0 {
				line += fmt.Sprintf(", %d %s", warnings, plural(warnings, "warning", "warnings"))
			}
			_, err := fmt.Fprintln(out, line)
			return err
		},
	}
	return cmd
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
