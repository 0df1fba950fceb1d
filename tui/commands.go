package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

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
		id := session.IdentityFromKey(s.PublicKey())
		fac, ok, err := f.manager.Facilitators().Lookup(ctx, id)
		if err != nil {
			f.log.Error("facilitator lookup", "err", err, "remote", s.RemoteAddr().String())
			// A client that has gone cannot be told anything; the exit status says it all.
			_, _ = fmt.Fprintln(s.Stderr(), "error: could not check your key; try again in a moment")
			_ = s.Exit(1)
			return
		}
		if !ok {
			_, _ = fmt.Fprintln(s.Stderr(), "not allowed: commands are for registered facilitator keys. To join a workshop, connect without a command: "+f.hint.Plain())
			_ = s.Exit(1)
			return
		}
		f.log.Info("command", "facilitator", fac.Name, "args", strings.Join(args, " "))
		_ = s.Exit(f.RunCommand(ctx, fac, session.KeyActor(id), args, s, s.Stderr()))
	}
}

// RunCommand runs one facilitator command by fac, acting as by, and returns its exit code.
// The facilitator's rights are checked again by each action the command takes.
func (f *FrontDoor) RunCommand(ctx context.Context, fac session.Facilitator, by session.Actor, args []string, stdout, stderr io.Writer) int {
	root := f.commandTree(ctx, by)
	plainUsage(root, f.hint.Plain())
	f.plainErrors(root, fac)
	out := &outputWriter{w: stdout}
	root.SetArgs(args)
	root.SetOut(out)
	root.SetErr(stderr)
	if err := root.ExecuteContext(ctx); err != nil {
		// What a command returns was made plain by plainErrors; the rest is cobra's own word
		// about the command line (an unknown flag, a missing argument), plain already.
		_, _ = fmt.Fprintln(stderr, "error:", err) // the exit status says it too
		return 1
	}
	if out.err != nil {
		// The answer did not reach the client (it left, or its pipe closed): fail the command.
		f.log.Warn("command output not delivered", "facilitator", fac.Name, "err", out.err)
		return 1
	}
	return 0
}

// outputWriter is a command's standard output: it remembers the first write that failed, so
// the command fails instead of each print being checked.
type outputWriter struct {
	w   io.Writer
	err error
}

func (o *outputWriter) Write(p []byte) (int, error) {
	if o.err != nil {
		return 0, o.err
	}
	n, err := o.w.Write(p)
	o.err = err
	return n, err
}

// plainErrors makes every command of the tree answer with a plain message: a refusal as the
// session package words it, anything else as a general message, with the full error logged.
func (f *FrontDoor) plainErrors(c *cobra.Command, fac session.Facilitator) {
	if run := c.RunE; run != nil {
		c.RunE = func(cmd *cobra.Command, args []string) error {
			err := run(cmd, args)
			if err == nil {
				return nil
			}
			logFault(f.log, "facilitator command", err, "facilitator", fac.Name, "command", cmd.CommandPath())
			return errors.New(session.ErrorMessage(err))
		}
	}
	for _, sub := range c.Commands() {
		f.plainErrors(sub, fac)
	}
}

func (f *FrontDoor) commandTree(ctx context.Context, by session.Actor) *cobra.Command {
	m := f.manager
	root := &cobra.Command{
		Use:   "ssh HOST",
		Short: "Facilitator commands over SSH",
		Long: `Run workshop facilitator actions from a script or a terminal: {ssh} COMMAND [ARGS].
Every action goes through the cohort's live hub, so everyone connected sees it at once, and it is
recorded in the cohort's timeline under your facilitator name. CODE is a cohort's join code.
Text with spaces (a name, an announcement) may be typed as it is: the words after a flag or a
code are taken together.`,
		Example: `  {ssh} step K7MQ2P 3
  {ssh} timer K7MQ2P 5m
  {ssh} announce K7MQ2P "Back at 10:30"
  {ssh} teams K7MQ2P --count 5
  {ssh} roster K7MQ2P --format json`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.CompletionOptions.DisableDefaultCmd = true

	var showAll bool
	cohorts := &cobra.Command{
		Use:   "cohorts [--all]",
		Short: "List active cohorts (with --all, archived ones too): code, name, module, pace, step, people, times",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return listCohorts(ctx, m, by, cmd.OutOrStdout(), showAll)
		},
	}
	cohorts.Flags().BoolVar(&showAll, "all", false, "include archived cohorts")

	cohort := &cobra.Command{Use: "cohort", Short: "Create and list cohorts"}
	var moduleID, name, pace string
	create := &cobra.Command{
		Use:     "create --module ID --name NAME [--pace led|self]",
		Short:   "Create a cohort from a module; prints its join code on the last line",
		Example: "  {ssh} cohort create --module service-digitisation --name \"Tuesday group\"",
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
			c, err := m.CreateCohort(ctx, session.NewCohort{ModuleID: moduleID, Name: name, Pace: p, By: by})
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "Created cohort %q on module %s (%s-paced).\nParticipants join with: %s\n%s\n",
				c.Name, c.ModuleID, c.Pace, f.hint.Line(c.Code), c.Code)
			return err
		},
	}
	create.Flags().StringVar(&moduleID, "module", "", "module id (see `workshop content list`)")
	create.Flags().StringVar(&name, "name", "", "cohort name shown to participants")
	create.Flags().StringVar(&pace, "pace", "led", "led: everyone follows the facilitator; self: each moves freely")
	_ = create.MarkFlagRequired("module")
	_ = create.MarkFlagRequired("name")
	var listAll bool
	list := &cobra.Command{
		Use:   "list [--all]",
		Short: "List active cohorts (with --all, archived ones too); the same list as cohorts",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return listCohorts(ctx, m, by, cmd.OutOrStdout(), listAll)
		},
	}
	list.Flags().BoolVar(&listAll, "all", false, "include archived cohorts")
	cohort.AddCommand(create, list)

	root.AddCommand(cohorts, cohort)
	root.AddCommand(f.facilitationCommands(ctx, by)...)
	root.AddCommand(f.exportCommands(ctx, by)...)
	root.AddCommand(f.contentCommands(ctx, by)...)
	f.sayWhere(root)
	return root
}

// sayWhere makes every usage line, description and example of the command tree name this
// server as people reach it: "ssh -p 2299 workshop.example step CODE next", not a placeholder.
func (f *FrontDoor) sayWhere(c *cobra.Command) {
	here := f.hint.Plain()
	if c.Annotations == nil {
		c.Annotations = map[string]string{}
	}
	if !c.HasParent() {
		c.Annotations[cobra.CommandDisplayNameAnnotation] = here
	}
	c.Long = strings.ReplaceAll(c.Long, "{ssh}", here)
	c.Example = strings.ReplaceAll(c.Example, "{ssh}", here)
	for _, sub := range c.Commands() {
		f.sayWhere(sub)
	}
}

func listCohorts(ctx context.Context, m *session.Manager, by session.Actor, out io.Writer, all bool) error {
	return ListCohorts(ctx, m, by, out, all)
}

// ListCohorts prints the cohorts, newest first: the one list of `workshop cohort list` at the
// server's shell and of `cohorts` and `cohort list` over SSH. Archived cohorts are left out
// unless all is set, and then marked. Times are UTC; LAST ACTIVE is the latest facilitator
// action or participant seen, "online now" while someone is connected.
func ListCohorts(ctx context.Context, m *session.Manager, by session.Actor, out io.Writer, all bool) error {
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
