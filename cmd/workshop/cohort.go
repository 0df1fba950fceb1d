package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"workshop/content"
	"workshop/session"
	"workshop/tui"
)

func newCohortCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "cohort",
		Short: "Create and list cohorts",
	}
	var moduleID, name, pace, contentDir, host string
	var port int
	create := &cobra.Command{
		Use:   "create",
		Short: "Create a cohort from a module; its join code is printed alone on the last line",
		Long: `Create a cohort from a module. The cohort keeps the exact version of the module it starts
with, even if the module file changes later. The join code is printed alone on the last line,
so scripts can take it with ` + "`| tail -n 1`" + `.`,
		Example: `  workshop cohort create --module service-digitisation \
    --name "Tuesday group"
  code=$(workshop cohort create --module warmup --name Pilot | tail -n 1)`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			p, err := session.ParsePace(pace)
			if err != nil {
				return fmt.Errorf("--pace: %w", err)
			}
			lib, problems, err := content.NewLibrary(contentDir)
			if err != nil {
				return fmt.Errorf("load modules: %w", err)
			}
			for _, pr := range problems {
				fmt.Fprintln(cmd.ErrOrStderr(), "skipped:", pr.String())
			}
			st, err := g.openStore()
			if err != nil {
				return err
			}
			defer func() { _ = st.Close() }() // every write is committed before it returns
			m := session.NewManager(st, lib, nil)
			c, err := m.CreateCohort(cmd.Context(), session.NewCohort{ModuleID: moduleID, Name: name, Pace: p, By: shellActor()})
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "Created cohort %q on module %s (%s-paced).\n", c.Name, c.ModuleID, c.Pace)
			fmt.Fprintf(out, "Participants join with: %s\n", joinHint(cmd, g, host, port).Line(c.Code))
			fmt.Fprintln(out, c.Code)
			return nil
		},
	}
	create.Flags().StringVar(&moduleID, "module", "", "module id (see `workshop content list`)")
	create.Flags().StringVar(&name, "name", "", "cohort name shown to participants")
	create.Flags().StringVar(&pace, "pace", "led", "led: everyone follows the facilitator; self: each moves freely")
	create.Flags().StringVar(&contentDir, "content", envOr("WORKSHOP_CONTENT", ""), "extra module directory, as given to serve (env WORKSHOP_CONTENT)")
	create.Flags().StringVar(&host, "host", "", "host name participants use, for the printed ssh line (default: the server's --host, env WORKSHOP_HOST, or localhost)")
	create.Flags().IntVar(&port, "port", 0, "port participants use, for the printed ssh line (default: the port the server listens on)")
	_ = create.RegisterFlagCompletionFunc("module", completeModules) // the flags exist: made above
	_ = create.RegisterFlagCompletionFunc("pace", completeWords("led", "everyone follows the facilitator", "self", "each moves freely"))
	_ = create.MarkFlagRequired("module")
	_ = create.MarkFlagRequired("name")

	var all bool
	list := &cobra.Command{
		Use:   "list [--all]",
		Short: "List active cohorts (with --all, archived ones too): code, name, module, pace, step, people, times",
		Long: `List the cohorts, newest first: the same list as ` + "`ssh HOST cohorts`" + `. Archived cohorts are
left out unless --all is given. Times are UTC; LAST ACTIVE is the latest facilitator action or
participant seen, "online now" while someone is connected.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lib, _, err := content.NewLibrary(contentDir)
			if err != nil {
				return fmt.Errorf("load modules: %w", err)
			}
			st, err := g.openStore()
			if err != nil {
				return err
			}
			defer func() { _ = st.Close() }() // nothing is written
			return tui.ListCohorts(cmd.Context(), session.NewManager(st, lib, nil), shellActor(), cmd.OutOrStdout(), all)
		},
	}
	list.Flags().BoolVar(&all, "all", false, "include archived cohorts")
	list.Flags().StringVar(&contentDir, "content", envOr("WORKSHOP_CONTENT", ""), "extra module directory, as given to serve (env WORKSHOP_CONTENT)")
	cmd.AddCommand(create, list)
	return cmd
}

// joinHint is where participants reach the server, for the ssh line a command prints: the
// flags given, else what the server serving this data directory recorded as it started, else
// WORKSHOP_HOST and the port of WORKSHOP_LISTEN, else localhost and 2222.
func joinHint(cmd *cobra.Command, g *globals, host string, port int) tui.JoinHint {
	hint := tui.JoinHint{Host: envOr("WORKSHOP_HOST", "localhost"), Port: listenPort(envOr("WORKSHOP_LISTEN", ":2222"))}
	if served, ok := readAddress(g.dataDir); ok {
		hint = served
	}
	if cmd.Flags().Changed("host") {
		hint.Host = host
	}
	if cmd.Flags().Changed("port") {
		hint.Port = port
	}
	return hint
}
