package command

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"workshop/i18n"
	"workshop/session"
)

// CohortGroup is `cohort`, the group that create and list go in.
func CohortGroup(env *Env) *cobra.Command {
	return &cobra.Command{Use: "cohort", Short: env.Printer().T("Create, list and show cohorts")}
}

// CohortCreate is `cohort create --module ID --name NAME [--pace led|self]`: a new cohort.
func CohortCreate(env *Env) *cobra.Command {
	var moduleID, name, pace string
	p := env.Printer()
	cmd := &cobra.Command{
		Use:   "create --module ID --name NAME",
		Short: p.T("Create a cohort from a module; its join code is printed alone on the last line"),
		Long:  p.T("Create a cohort from a module. The cohort keeps the exact version of the module it starts with, even if the module file changes later. The join code is printed alone on the last line, so scripts can take it with `| tail -n 1`."),
		Example: `  {prog} cohort create --module service-digitisation \
    --name "Tuesday group"
  code=$({prog} cohort create --module warmup --name Pilot | tail -n 1)`,
		// ssh joins the words of a command with spaces and the server splits them again, so
		// a quoted name arrives as several words: those after --name's first are the rest of it.
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, rest []string) error {
			if len(rest) > 0 {
				if !cmd.Flags().Changed("name") {
					return session.Errorf(session.EInvalid, "unexpected %q: give the cohort's name with --name", strings.Join(rest, " "))
				}
				name = strings.Join(append([]string{name}, rest...), " ")
			}
			pc, err := session.ParsePace(pace)
			if err != nil {
				return err
			}
			return env.withManager(cmd.Context(), func(m *session.Manager) error {
				c, err := m.CreateCohort(cmd.Context(), session.NewCohort{ModuleID: moduleID, Name: name, Pace: pc, By: env.Actor})
				if err != nil {
					return err
				}
				_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s\n%s\n%s\n%s\n",
					p.T("Created cohort %q on module %s (%s).", c.Name, c.ModuleID, paceText(p, c.Pace)), p.T("Participants join with: %s", env.JoinLine(c.Code)),
					p.T("Big screen (read-only, for the projector): %s with view code %s", env.JoinLine("view"), c.ViewCode), c.Code)
				return err
			})
		},
	}
	cmd.Flags().StringVar(&moduleID, "module", "", p.T("module id, as \"content list\" shows it"))
	cmd.Flags().StringVar(&name, "name", "", p.T("cohort name shown to participants"))
	cmd.Flags().StringVar(&pace, "pace", "led", p.T("led: everyone follows the facilitator; self: each moves freely"))
	_ = cmd.MarkFlagRequired("module") // the flags exist: made above
	_ = cmd.MarkFlagRequired("name")
	return cmd
}

// CohortList is `cohort list [--all]`.
func CohortList(env *Env) *cobra.Command {
	cmd := cohortList(env, "list [--all]")
	cmd.Long = env.Printer().T("List the cohorts, newest first. Archived cohorts are left out unless --all is given. Times are UTC; LAST ACTIVE is the latest facilitator action or participant seen, \"online now\" while someone is connected.")
	return cmd
}

// Cohorts is `cohorts [--all]`, the same list as cohort list under a shorter name.
func Cohorts(env *Env) *cobra.Command {
	return cohortList(env, "cohorts [--all]")
}

func cohortList(env *Env, use string) *cobra.Command {
	var all bool
	p := env.Printer()
	cmd := &cobra.Command{
		Use:   use,
		Short: p.T("List active cohorts (with --all, archived ones too): code, name, module, pace, step, people, times"),
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return env.withManager(cmd.Context(), func(m *session.Manager) error {
				return listCohorts(cmd.Context(), m, env.Actor, p, cmd.OutOrStdout(), all)
			})
		},
	}
	cmd.Flags().BoolVar(&all, "all", false, p.T("include archived cohorts"))
	return cmd
}

// Archive is `archive CODE [--undo]`.
func Archive(env *Env) *cobra.Command {
	var undo bool
	p := env.Printer()
	cmd := &cobra.Command{
		Use:   "archive CODE [--undo]",
		Short: p.T("Archive a finished cohort (its work stays stored for export), or make it active again"),
		Args:  cobra.ExactArgs(1),
		RunE: env.onHub(func(cmd *cobra.Command, _ []string, h *session.Hub) error {
			code := h.Snapshot().Cohort.Code
			if undo {
				if err := h.Unarchive(cmd.Context(), env.Actor); err != nil {
					return err
				}
				fmt.Fprintln(cmd.OutOrStdout(), p.T("%s is active", code))
				return nil
			}
			if err := h.Archive(cmd.Context(), env.Actor); err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), p.T("%s is archived (cohorts --all lists it)", code))
			return nil
		}),
	}
	cmd.Flags().BoolVar(&undo, "undo", false, p.T("make an archived cohort active again"))
	return cmd
}

// listCohorts prints the cohorts, newest first: the one list of `workshop cohort list` at the
// server's shell and of `cohorts` and `cohort list` over SSH. Archived cohorts are left out
// unless all is set, and then marked. Times are UTC; LAST ACTIVE is the latest facilitator
// action or participant seen, "online now" while someone is connected.
func listCohorts(ctx context.Context, m *session.Manager, by session.Actor, p *i18n.Printer, out io.Writer, all bool) error {
	cs, err := m.CohortOverview(ctx, by)
	if err != nil {
		return err
	}
	hidden := 0
	var rows [][]string
	for _, c := range cs {
		if !c.ArchivedAt.IsZero() && !all {
			hidden++
			continue
		}
		pace := paceWord(p, c.Pace)
		if !c.ArchivedAt.IsZero() {
			pace = p.T("%s (archived)", pace)
		}
		steps := strconv.Itoa(c.Step + 1)
		if c.Steps > 0 {
			steps = strconv.Itoa(c.Step+1) + "/" + strconv.Itoa(c.Steps)
		}
		last := p.DateTime(c.LastActivity.UTC())
		if c.Online > 0 {
			last = p.T("online now")
		}
		rows = append(rows, []string{c.Code, c.Name, c.ModuleID, pace, steps, p.Int(c.Participants), p.Int(c.Online), p.DateTime(c.CreatedAt.UTC()), last})
	}
	if len(rows) > 0 {
		header := []string{p.T("CODE"), p.T("NAME"), p.T("MODULE"), p.T("PACE"), p.T("STEP"), p.T("PEOPLE"), p.T("ONLINE"), p.T("CREATED (UTC)"), p.T("LAST ACTIVE (UTC)")}
		if err := WriteColumns(out, header, rows); err != nil {
			return err
		}
	}
	switch {
	case len(cs) == 0:
		_, err = fmt.Fprintln(out, p.T("No cohorts yet. Create one with: cohort create --module ID --name NAME"))
	case hidden == len(cs):
		_, err = fmt.Fprintln(out, p.T("No active cohorts; %d cohorts are archived (--all lists them).", hidden))
	case hidden > 0:
		_, err = fmt.Fprintln(out, p.T("%d cohorts are archived; --all lists them too.", hidden))
	}
	return err
}
