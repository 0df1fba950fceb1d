package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"os/user"
	"path/filepath"
	"strings"
	"syscall"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"

	"workshop/command"
	"workshop/session"
	"workshop/session/sqlite"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(execute(ctx, newRoot(), os.Args[1:], os.Stdout, os.Stderr))
}

// execute runs the command line args on root the way the binary does (Fang's help, errors,
// version and completions) and returns the exit status.
func execute(ctx context.Context, root *cobra.Command, args []string, stdout, stderr *os.File) int {
	out := &outputWriter{File: stdout}
	root.SetOut(out)
	root.SetErr(stderr)
	root.SetArgs(args)
	// The commands cobra adds by itself are there before help is laid out, so that their
	// names count in the width of the command list.
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd(args...)
	// Completions print descriptions one per line: they get them as written.
	completing := len(args) > 0 && (strings.HasPrefix(args[0], "__complete") || args[0] == "completion")
	layoutHelp(root, helpWidth(), !completing)
	opts := []fang.Option{
		fang.WithVersion(readVersion().String()),
		fang.WithErrorHandler(oneLineError),
		fang.WithoutManpage(), // newManCmd makes it, with more sections
	}
	if err := fang.Execute(ctx, root, opts...); err != nil {
		return 1
	}
	if out.err != nil {
		// What a command printed is its answer (a join code, an export): losing it fails it.
		oneLineError(stderr, fang.Styles{}, fmt.Errorf("could not write the output: %w", out.err))
		return 1
	}
	return 0
}

// oneLineError prints an error as one line a person can act on.
func oneLineError(w io.Writer, _ fang.Styles, err error) {
	_, _ = fmt.Fprintln(w, "workshop: "+err.Error()) // nowhere left to report a failure to
}

// outputWriter is a command's standard output: it remembers the first write that failed (a
// closed pipe, a full disk), so the command fails instead of each print being checked. It is
// still the terminal's file, so help and colours see a terminal where there is one.
type outputWriter struct {
	*os.File
	err error
}

func (o *outputWriter) Write(p []byte) (int, error) {
	if o.err != nil {
		return 0, o.err
	}
	n, err := o.File.Write(p)
	o.err = err
	return n, err
}

// globals are the flags every subcommand shares.
type globals struct {
	dataDir string
}

// dbPath is the SQLite file inside the data directory.
func (g *globals) dbPath() string { return filepath.Join(g.dataDir, "workshop.db") }

// hostKeyPath is the server's SSH host key inside the data directory.
func (g *globals) hostKeyPath() string { return filepath.Join(g.dataDir, "host_ed25519") }

func (g *globals) openStore() (*sqlite.Store, error) {
	st, err := sqlite.Open(g.dbPath())
	if err != nil {
		return nil, fmt.Errorf("open data in %s: %w", g.dataDir, err)
	}
	return st, nil
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func newRoot() *cobra.Command {
	g := &globals{}
	root := &cobra.Command{
		Use:   "workshop",
		Short: "Run live, hands-on workshops that people join over SSH",
		Long: `workshop runs a facilitated learning session over SSH. Participants join from any
terminal with nothing to install; facilitators run the cohort from a console; trainers export
what the cohort did.

All data (an SQLite file and the server's host key) lives in one directory, --data.
Every command works while the server is running.`,
		Example: `  workshop serve
  workshop facilitator add ana --key-file ~/.ssh/id_ed25519.pub
  workshop cohort create --module warmup --name "Tuesday group"`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().StringVar(&g.dataDir, "data", envOr("WORKSHOP_DATA", "./data"), "data directory: database and host key (env WORKSHOP_DATA)")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return fmt.Errorf("%w (see `%s --help`)", err, cmd.CommandPath())
	})
	root.AddCommand(newServeCmd(g), newFacilitatorCmd(g), newCohortCmd(g), newContentCmd(), newExportCmd(g), newBackupCmd(g), newCheckCmd(g), newHealthCmd(), newLoadtestCmd(), newManCmd())
	command.SayWhere(root, "workshop")
	command.StrictGroups(root, func(c *cobra.Command) (string, string) {
		return c.CommandPath(), "`" + c.CommandPath() + " --help`"
	})
	return root
}

// exactArgs is cobra.ExactArgs with a message that names the expected arguments.
func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return fmt.Errorf("%s expects %s (see `%s --help`)", cmd.CommandPath(), what, cmd.CommandPath())
		}
		return nil
	}
}

// noArgs rejects positional arguments with a message naming the command's help.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("%s takes no arguments, got %q (see `%s --help`)", cmd.CommandPath(), args[0], cmd.CommandPath())
	}
	return nil
}

// shellActor is whoever runs a command at the server's shell, named in the timeline and in
// reports by their user name on this machine.
func shellActor() session.Actor {
	name := "someone"
	if u, err := user.Current(); err == nil && u.Username != "" {
		name = u.Username
	}
	return session.ShellActor(name + " (server shell)")
}
