package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"workshop/command"
	"workshop/content"
	"workshop/i18n"
	"workshop/session"
)

// newContentCmd returns "workshop content": listing, showing and checking modules.
func newContentCmd(g *globals) *cobra.Command {
	p := g.printer()
	cmd := &cobra.Command{
		Use:   "content",
		Short: p.T("List, inspect and validate workshop modules"),
		Long:  p.T("A module is one workshop session: ordered steps, each with Markdown guidance, an experiential-learning phase, an optional time box and at most one exercise. Modules are YAML files, one module per file.\n\nThe built-in modules are always available. A content directory (--content DIR, or the WORKSHOP_CONTENT environment variable, as for serve) adds every *.yaml and *.yml file in it; a module there with the id of a built-in one replaces it.\n\nThe file format is described in docs/content.md."),
		Example: `  workshop content list
  workshop content show warmup
  workshop content validate ./modules`,
	}
	cmd.AddCommand(newContentListCmd(p), newContentShowCmd(p), newContentValidateCmd(p))
	return cmd
}

// addContentFlag adds --content to a subcommand that reads the library.
func addContentFlag(cmd *cobra.Command, p *i18n.Printer, dir *string) {
	cmd.Flags().StringVar(dir, "content", envOr("WORKSHOP_CONTENT", ""),
		p.T("directory of extra module files that add to or override the built-in ones (env WORKSHOP_CONTENT)"))
}

// loadLibrary loads the library and names on w each file skipped for its problems.
func loadLibrary(p *i18n.Printer, dir string, w io.Writer) (*content.Library, error) {
	lib, problems, err := content.NewLibrary(dir)
	if err != nil {
		return nil, err
	}
	var files []string
	count := map[string]int{}
	for _, pr := range problems {
		if count[pr.File] == 0 {
			files = append(files, pr.File)
		}
		count[pr.File]++
	}
	for _, f := range files {
		fmt.Fprintln(w, p.T("skipped %s: %d problems (see `workshop content validate %s`)", f, count[f], f))
	}
	return lib, nil
}

// newContentListCmd mounts the shared content list for the shell: the library of --content,
// with the files skipped named on standard error.
func newContentListCmd(p *i18n.Printer) *cobra.Command {
	var dir string
	cmd := command.ContentList(&command.Env{Front: command.Shell, P: p}, func(cmd *cobra.Command) (*content.Library, error) {
		return loadLibrary(p, dir, cmd.ErrOrStderr())
	})
	addContentFlag(cmd, p, &dir)
	return cmd
}

func newContentShowCmd(p *i18n.Printer) *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: p.T("Show the outline of one module"),
		Long:  p.T("Show the outline of a module: its title, summary, duration, version and source, then its steps in order with their phase, time box and exercise.\n\nThe module is looked up the way a server with the same --content would: a module in the content directory replaces the built-in one with the same id."),
		Example: `  workshop content show warmup
  workshop content show my-module --content ./modules`,
		Args:              exactArgs(1, p.T("one module id")),
		ValidArgsFunction: completeModuleArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			lib, err := loadLibrary(p, dir, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			m, ok := lib.Get(args[0])
			if !ok {
				return session.Errorf(session.ENotFound, "no module %q (see `workshop content list`)", args[0])
			}
			return writeOutline(cmd.OutOrStdout(), p, m)
		},
	}
	addContentFlag(cmd, p, &dir)
	return cmd
}

// writeOutline prints a module's header and its numbered steps.
func writeOutline(w io.Writer, p *i18n.Printer, m *content.Module) error {
	hash := m.Hash
	if len(hash) > 12 {
		hash = hash[:12]
	}
	fmt.Fprintf(w, "%s\n", oneLine(m.Title))
	fmt.Fprintf(w, "%s\n\n", oneLine(m.Summary))
	facts := [][]string{
		{p.T("id:"), m.ID},
		{p.T("duration:"), p.T("%d min", m.Duration)},
		{p.T("language:"), m.Language},
		{p.T("version:"), p.T("%s (sha256 %s)", oneLine(m.Version), hash)},
		{p.T("source:"), sourceWord(p, m.Source)},
	}
	if err := command.WriteColumns(w, facts[0], facts[1:]); err != nil {
		return err
	}
	fmt.Fprintln(w)
	var rows [][]string
	for i, s := range m.Steps {
		timebox := "-"
		if s.TimeBox > 0 {
			timebox = p.T("%d min", s.TimeBox)
		}
		rows = append(rows, []string{strconv.Itoa(i + 1), s.ID, oneLine(s.Title), phaseWord(p, s.Phase), timebox, describeExercise(p, s.Exercise)})
	}
	return command.WriteColumns(w, []string{"#", p.T("ID"), p.T("TITLE"), p.T("PHASE"), p.T("TIMEBOX"), p.T("EXERCISE")}, rows)
}

// sourceWord is where a module comes from as people read it: "built-in" in their language, or
// the file.
func sourceWord(p *i18n.Printer, source string) string {
	if source == "built-in" {
		return p.T("built-in")
	}
	return source
}

// describeExercise summarises an exercise in a few words: its kind, where its items come from
// and whether it is a team or anonymous exercise.
func describeExercise(p *i18n.Printer, e *content.Exercise) string {
	if e == nil {
		return "-"
	}
	s := string(e.Kind) // the kind as a module file writes it
	if e.From != "" {
		s = p.T("%s of %s", s, e.From)
	}
	switch {
	case e.Team && e.Anonymous:
		s = p.T("%s (team, anonymous)", s)
	case e.Team:
		s = p.T("%s (team)", s)
	case e.Anonymous:
		s = p.T("%s (anonymous)", s)
	}
	return s
}

// oneLine collapses runs of white space, newlines included, so that a value fits on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func newContentValidateCmd(p *i18n.Printer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "validate PATH...",
		Short: p.T("Check module files and report every problem"),
		Long:  p.T("Check module files without starting a server. Each PATH is a module file or a directory, which stands for the *.yaml and *.yml files directly in it.\n\nEvery problem is printed on its own line as file:line:col: message, the form editors and CI systems pick up, and all problems are reported, not only the first. Besides the problems of each file, two files that are the same module in the same language are reported, and each translation (a file with translated_from) is checked against its original: the file of the same id among those given, or else the built-in module.\n\nWarnings (\"file:line:col: warning: message\") point at what works but will not show or run as meant: a label cut on an 80-column screen, time boxes that do not add up to the duration. They do not keep a module from loading.\n\nWith no problems it prints \"ok: N modules\" (and how many translations and warnings) and exits with status 0; otherwise it exits with status 1."),
		Example: `  workshop content validate ./modules
  workshop content validate modules/budget.yaml modules/roundtable.yaml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return session.Errorf(session.EInvalid, "%s expects at least one file or directory (see `%s --help`)", cmd.CommandPath(), cmd.CommandPath())
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			mods, problems := content.ValidateModules(args...)
			out := cmd.OutOrStdout()
			for _, pr := range problems {
				if _, err := fmt.Fprintln(out, pr.String()); err != nil {
					return err
				}
			}
			warnings := len(content.Problems(problems).Warnings())
			if n := len(problems) - warnings; n > 0 {
				return session.Errorf(session.EInvalid, "%d problems found", n)
			}
			translations := 0
			for _, m := range mods {
				if m.TranslatedFrom != "" {
					translations++
				}
			}
			originals := len(mods) - translations
			counts := []string{p.T("%d modules", originals)}
			if translations > 0 {
				counts = append(counts, p.T("%d translations", translations))
			}
			if warnings > 0 {
				counts = append(counts, p.T("%d warnings", warnings))
			}
			_, err := fmt.Fprintln(out, p.T("ok: %s", strings.Join(counts, ", ")))
			return err
		},
	}
	return cmd
}

// phaseWord is a step's experiential-learning phase in p's language.
func phaseWord(p *i18n.Printer, ph content.Phase) string {
	switch ph {
	case content.PhaseExperience:
		return p.T("phase|experience")
	case content.PhaseReflect:
		return p.T("phase|reflect")
	case content.PhaseConceptualize:
		return p.T("phase|conceptualize")
	case content.PhaseApply:
		return p.T("phase|apply")
	}
	return string(ph)
}
