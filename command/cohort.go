package command

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"workshop/session"
)

// CohortGroup is `cohort`, the group that create and list go in.
func CohortGroup() *cobra.Command {
	return &cobra.Command{Use: "cohort", Short: "Create, list and show cohorts"}
}

// CohortCreate is `cohort create --module ID --name NAME [--pace led|self]`: a new cohort.
func CohortCreate(env *Env) *cobra.Command {
	var moduleID, name, pace string
	cmd := &cobra.Command{
		Use:   "create --module ID --name NAME",
		Short: "Create a cohort from a module; its join code is printed alone on the last line",
		Long: `Create a cohort from a module. The cohort keeps the exact version of the module it starts
with, even if the module file changes later. The join code is printed alone on the last line,
so scripts can take it with ` + "`| tail -n 1`" + `.`,
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
			p, err := session.ParsePace(pace)
			if err != nil {
				return err
			}
			return env.withManager(cmd.Context(), func(m *session.Manager) error {
				c, err := m.CreateCohort(cmd.Context(), session.NewCohort{ModuleID: moduleID, Name: name, Pace: p, By: env.Actor})
				if err != nil {
					return err
				}
				_, err = fmt.Fprintf(cmd.OutOrStdout(), "Created cohort %q on module %s (%s-paced).\nParticipants join with: %s\nBig screen (read-only, for the projector): %s with view code %s\n%s\n",
					c.Name, c.ModuleID, c.Pace, env.JoinLine(c.Code), env.JoinLine("view"), c.ViewCode, c.Code)
				return err
			})
		},
	}
	cmd.Flags().StringVar(&moduleID, "module", "", "module id, as \"content list\" shows it")
	cmd.Flags().StringVar(&name, "name", "", "cohort name shown to participants")
	cmd.Flags().StringVar(&pace, "pace", "led", "led: everyone follows the facilitator; self: each moves freely")
	_ = cmd.MarkFlagRequired("module") // the flags exist: made above
	_ = cmd.MarkFlagRequired("name")
	return cmd
}

// CohortList is `cohort list [--all]`.
func CohortList(env *Env) *cobra.Command {
	cmd := cohortList(env, "list [--all]")
	cmd.Long = `List the cohorts, newest first. Archived cohorts are left out unless --all is given. Times are
UTC; LAST ACTIVE is the latest facilitator action or participant seen, "online now" while
someone is connected.`
	return cmd
}

// Cohorts is `cohorts [--all]`, the same list as cohort list under a shorter name.
func Cohorts(env *Env) *cobra.Command {
	return cohortList(env, "cohorts [--all]")
}

func cohortList(env *Env, use string) *cobra.Command {
	var all bool
	cmd := &cobra.Command{
		Use:   use,
		Short: "List active cohorts (with --all, archived ones too): code, name, module, pace, step, people, times",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return env.withManager(cmd.Context(), func(m *session.Manager) error {
				return listCohorts(cmd.Context(), m, env.Actor, cmd.OutOrStdout(), all)
			})
		},
	}
	cmd.Flags().BoolVar(&all, "all", false, "include archived cohorts")
	return cmd
}

// Archive is `archive CODE [--undo]`.
func Archive(env *Env) *cobra.Command {
	var undo bool
	cmd := &cobra.Command{
		Use:   "archive CODE [--undo]",
		Short: "Archive a finished cohort (its work stays stored for export), or make it active again",
		Args:  cobra.ExactArgs(1),
		RunE: env.onHub(func(cmd *cobra.Command, _ []string, h *session.Hub) error {
			code := h.Snapshot().Cohort.Code
			if undo {
				if err := h.Unarchive(cmd.Context(), env.Actor); err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%s is active\n", code)
				return nil
			}
			if err := h.Archive(cmd.Context(), env.Actor); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s is archived (cohorts --all lists it)\n", code)
			return nil
		}),
	}
	cmd.Flags().BoolVar(&undo, "undo", false, "make an archived cohort active again")
	return cmd
}

// listCohorts prints the cohorts, newest first: the one list of `workshop cohort list` at the
// server's shell and of `cohorts` and `cohort list` over SSH. Archived cohorts are left out
// unless all is set, and then marked. Times are UTC; LAST ACTIVE is the latest facilitator
// action or participant seen, "online now" while someone is connected.
func listCohorts(ctx context.Context, m *session.Manager, by session.Actor, out io.Writer, all bool) error {
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
		pace := string(c.Pace)
		if !c.ArchivedAt.IsZero() {
			pace += " (archived)"
		}
		steps := fmt.Sprint(c.Step + 1)
		if c.Steps > 0 {
			steps = fmt.Sprintf("%d/%d", c.Step+1, c.Steps)
		}
		last := c.LastActivity.UTC().Format("2006-01-02 15:04")
		if c.Online > 0 {
			last = "online now"
		}
		rows = append(rows, []string{c.Code, c.Name, c.ModuleID, pace, steps, strconv.Itoa(c.Participants), strconv.Itoa(c.Online), c.CreatedAt.UTC().Format("2006-01-02 15:04"), last})
	}
	if len(rows) > 0 {
		if err := WriteColumns(out, []string{"CODE", "NAME", "MODULE", "PACE", "STEP", "PEOPLE", "ONLINE", "CREATED (UTC)", "LAST ACTIVE (UTC)"}, rows); err != nil {
			return err
		}
	}
	switch {
	case len(cs) == 0:
		_, err = fmt.Fprintln(out, "No cohorts yet. Create one with: cohort create --module ID --name NAME")
	case hidden == len(cs):
		_, err = fmt.Fprintf(out, "No active cohorts; %s archived (--all lists them).\n", plural(hidden, "cohort is", "cohorts are"))
	case hidden > 0:
		_, err = fmt.Fprintf(out, "%s archived; --all lists them too.\n", plural(hidden, "cohort is", "cohorts are"))
	}
	return err
}
