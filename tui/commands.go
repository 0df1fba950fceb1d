package tui

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"charm.land/ssh"
	"github.com/spf13/cobra"

	"workshop/session"
)

// commandMiddleware answers `ssh HOST COMMAND ...`: facilitator actions for scripts and
// trainers. Only a registered facilitator key may run them.
func (f *FrontDoor) commandMiddleware(next ssh.Handler) ssh.Handler {
	return func(s ssh.Session) {
		args := s.Command()
		if len(args) == 0 {
			next(s)
			return
		}
		ctx := s.Context()
		fac, ok, err := f.manager.Facilitators().Lookup(ctx, session.IdentityFromKey(s.PublicKey()))
		if err != nil {
			fmt.Fprintln(s.Stderr(), "error: could not check your key; try again in a moment")
			_ = s.Exit(1)
			return
		}
		if !ok {
			fmt.Fprintln(s.Stderr(), "not allowed: commands are for registered facilitator keys. To join a workshop, connect without a command: ssh -p PORT HOST")
			_ = s.Exit(1)
			return
		}
		f.log.Info("command", "facilitator", fac.Name, "args", strings.Join(args, " "))
		_ = s.Exit(f.RunCommand(ctx, fac, args, s, s.Stderr()))
	}
}

// RunCommand runs one facilitator command and returns its exit code.
func (f *FrontDoor) RunCommand(ctx context.Context, fac session.Facilitator, args []string, stdout, stderr io.Writer) int {
	root := f.commandTree(ctx, fac)
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	if err := root.ExecuteContext(ctx); err != nil {
		fmt.Fprintln(stderr, "error:", err)
		return 1
	}
	return 0
}

func (f *FrontDoor) commandTree(ctx context.Context, fac session.Facilitator) *cobra.Command {
	m := f.manager
	root := &cobra.Command{
		Use:           "ssh HOST",
		Short:         "Facilitator commands over SSH",
		Long:          "Run workshop facilitator actions from a script or a terminal: ssh -p PORT HOST COMMAND [ARGS].",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.CompletionOptions.DisableDefaultCmd = true

	cohorts := &cobra.Command{
		Use:   "cohorts",
		Short: "List every cohort: code, name, module, step, participants",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return listCohorts(ctx, m, cmd.OutOrStdout())
		},
	}

	cohort := &cobra.Command{Use: "cohort", Short: "Create and list cohorts"}
	var moduleID, name, pace string
	create := &cobra.Command{
		Use:     "create --module ID --name NAME [--pace led|self]",
		Short:   "Create a cohort from a module; prints its join code on the last line",
		Example: "  ssh -p 2222 HOST cohort create --module service-digitisation --name \"Tuesday group\"",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			p, err := session.ParsePace(pace)
			if err != nil {
				return err
			}
			c, err := m.CreateCohort(ctx, session.NewCohort{ModuleID: moduleID, Name: name, Pace: p, Actor: fac.Name})
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "Created cohort %q on module %s (%s-paced).\n", c.Name, c.ModuleID, c.Pace)
			fmt.Fprintf(out, "Participants join with: %s\n", f.hint.Line(c.Code))
			fmt.Fprintln(out, c.Code)
			return nil
		},
	}
	create.Flags().StringVar(&moduleID, "module", "", "module id (see `workshop content list`)")
	create.Flags().StringVar(&name, "name", "", "cohort name shown to participants")
	create.Flags().StringVar(&pace, "pace", "led", "led: everyone follows the facilitator; self: each moves freely")
	_ = create.MarkFlagRequired("module")
	_ = create.MarkFlagRequired("name")
	list := &cobra.Command{
		Use:   "list",
		Short: "List every cohort",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return listCohorts(ctx, m, cmd.OutOrStdout())
		},
	}
	cohort.AddCommand(create, list)

	step := &cobra.Command{
		Use:     "step CODE next|prev|N",
		Short:   "Move a cohort to the next, previous or Nth step (1-based)",
		Example: "  ssh -p 2222 HOST step K7MQ2P next\n  ssh -p 2222 HOST step K7MQ2P 3",
		Args:    cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			h, err := m.HubByCode(ctx, args[0])
			if err != nil {
				return fmt.Errorf("cohort %q: %w", args[0], err)
			}
			switch strings.ToLower(args[1]) {
			case "next", "+":
				err = h.MoveBy(ctx, fac.Name, +1)
			case "prev", "previous", "-":
				err = h.MoveBy(ctx, fac.Name, -1)
			default:
				n, convErr := strconv.Atoi(args[1])
				if convErr != nil {
					return fmt.Errorf("%q is not a step: use next, prev or a step number", args[1])
				}
				err = h.Move(ctx, fac.Name, n-1)
			}
			if err != nil {
				return err
			}
			s := h.Snapshot()
			fmt.Fprintf(cmd.OutOrStdout(), "%s is on step %d of %d — %s\n", s.Cohort.Code, s.Cohort.Step+1, len(s.Module.Steps), s.Module.Steps[s.Cohort.Step].Title)
			return nil
		},
	}
	root.AddCommand(cohorts, cohort, step)
	root.AddCommand(f.exportCommands(ctx, fac)...)
	return root
}

func listCohorts(ctx context.Context, m *session.Manager, out io.Writer) error {
	cs, err := m.Cohorts(ctx)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CODE\tNAME\tMODULE\tPACE\tSTEP")
	for _, c := range cs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\n", c.Code, c.Name, c.ModuleID, c.Pace, c.Step+1)
	}
	return tw.Flush()
}
