package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"

	"workshop/command"
	"workshop/i18n"
	"workshop/session"
	"workshop/session/sqlite"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	p := i18n.New(i18n.Choose("", i18n.FromEnv(os.Environ()), ""))
	os.Exit(execute(ctx, newRoot(p), p, os.Args[1:], os.Stdout, os.Stderr))
}

// execute runs the command line args on root the way the binary does (Fang's help, errors,
// version and completions) and returns the exit status.
func execute(ctx context.Context, root *cobra.Command, p *i18n.Printer, args []string, stdout, stderr *os.File) int {
	out := &outputWriter{File: stdout}
	root.SetOut(out)
	root.SetErr(stderr)
	root.SetArgs(args)
	// The commands cobra adds by itself are there before help is laid out, so that their
	// names count in the width of the command list.
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd(args...)
	translateCompletion(root, p)
	// Completions print descriptions one per line: they get them as written.
	completing := len(args) > 0 && (strings.HasPrefix(args[0], "__complete") || args[0] == "completion")
	showHelp := func() { out.headings = headingWords(p) }
	if asksHelp(args) {
		showHelp()
	}
	layoutHelp(root, helpWidth(), !completing, showHelp)
	opts := []fang.Option{
		fang.WithVersion(readVersion().String()),
		fang.WithErrorHandler(func(w io.Writer, _ fang.Styles, err error) { oneLineError(w, p, err) }),
		fang.WithoutManpage(), // newManCmd makes it, with more sections
	}
	if err := fang.Execute(ctx, root, opts...); err != nil {
		return 1
	}
	if out.err != nil {
		// What a command printed is its answer (a join code, an export): losing it fails it.
		_, _ = fmt.Fprintln(stderr, p.T("workshop: could not write the output: %s", out.err.Error()))
		return 1
	}
	return 0
}

// oneLineError prints an error as one line a person can act on: a refusal or a mistake in the
// command line in the reader's language, anything else with its detail (at the server's shell
// the person is the one who runs the server, and the detail is what they act on).
func oneLineError(w io.Writer, p *i18n.Printer, err error) {
	if msg := command.CommandLineMsg(err); session.IsRefusal(err) || msg.Key != "" {
		_, _ = fmt.Fprintln(w, p.T("workshop: %s", msg)) // nowhere left to report a failure to
		return
	}
	_, _ = fmt.Fprintln(w, p.T("workshop: %s", i18n.Verbatim(err.Error())))
}

// outputWriter is a command's standard output: it remembers the first write that failed (a
// closed pipe, a full disk), so the command fails instead of each print being checked. It is
// still the terminal's file, so help and colours see a terminal where there is one.
type outputWriter struct {
	*os.File
	err error
	// headings, while help is shown, puts Fang's section titles in the reader's language.
	headings *strings.Replacer
}

func (o *outputWriter) Write(p []byte) (int, error) {
	if o.err != nil {
		return 0, o.err
	}
	if o.headings != nil && isHeading(p) {
		if _, err := o.File.WriteString(o.headings.Replace(string(p))); err != nil {
			o.err = err
			return 0, err
		}
		return len(p), nil
	}
	n, err := o.File.Write(p)
	o.err = err
	return n, err
}

// WriteString is Write: without it the file's own would be promoted, and io.WriteString (which
// Fang's writer uses when the output is not a terminal) would go past the checks above.
func (o *outputWriter) WriteString(s string) (int, error) { return o.Write([]byte(s)) }

// globals are the flags every subcommand shares, and the language its words are printed in.
type globals struct {
	dataDir string
	p       *i18n.Printer
}

// printer is the printer of the person at the shell; English when none was given.
func (g *globals) printer() *i18n.Printer {
	if g.p == nil {
		return i18n.New(i18n.English)
	}
	return g.p
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

// newRoot is the shell's command tree, its words printed by p (nil: English).
func newRoot(p *i18n.Printer) *cobra.Command {
	g := &globals{p: p}
	p = g.printer()
	root := &cobra.Command{
		Use:   "workshop",
		Short: p.T("Run live, hands-on workshops that people join over SSH"),
		Long:  p.T("workshop runs a facilitated learning session over SSH. Participants join from any terminal with nothing to install; facilitators run the cohort from a console; trainers export what the cohort did.\n\nAll data (an SQLite file and the server's host key) lives in one directory, --data. Every command works while the server is running."),
		Example: `  workshop serve
  workshop facilitator add ana --key-file ~/.ssh/id_ed25519.pub
  workshop cohort create --module warmup --name "Tuesday group"`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().StringVar(&g.dataDir, "data", envOr("WORKSHOP_DATA", "./data"), p.T("data directory: database and host key (env WORKSHOP_DATA)"))
	root.Flags().BoolP("version", "v", false, p.T("version for %s", "workshop")) // read by cobra, as its own
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return session.Errorf(session.EInvalid, "%s (see %s)", command.CommandLineMsg(err), "`"+cmd.CommandPath()+" --help`")
	})
	root.AddCommand(newServeCmd(g), newFacilitatorCmd(g), newCohortCmd(g), newContentCmd(g), newExportCmd(g), newBackupCmd(g), newCheckCmd(g), newHealthCmd(g), newLoadtestCmd(g), newManCmd(g))
	command.SayWhere(root, "workshop")
	command.StrictGroups(root, func(c *cobra.Command) (string, string) {
		return c.CommandPath(), "`" + c.CommandPath() + " --help`"
	})
	command.TranslateHelp(root, p)
	commandsHeading(root, p)
	return root
}

// commandsHeading puts the subcommands of every command under a heading in p's language: Fang
// titles the commands of no group with its own English word.
func commandsHeading(c *cobra.Command, p *i18n.Printer) {
	if c.HasSubCommands() {
		const id = "commands"
		c.AddGroup(&cobra.Group{ID: id, Title: p.T("commands")})
		if !c.HasParent() {
			c.SetHelpCommandGroupID(id)
			c.SetCompletionCommandGroupID(id)
		}
		for _, sub := range c.Commands() {
			sub.GroupID = id
			commandsHeading(sub, p)
		}
	}
}

// translateCompletion gives the completion commands cobra makes their one-line descriptions in
// p's language.
func translateCompletion(root *cobra.Command, p *i18n.Printer) {
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		c.Short = p.T("Generate the autocompletion script for the specified shell")
		for _, sh := range c.Commands() {
			sh.Short = p.T("Generate the autocompletion script for %s", sh.Name())
			if f := sh.Flags().Lookup("no-descriptions"); f != nil {
				f.Usage = p.T("disable completion descriptions")
			}
			sh.InitDefaultHelpFlag()
			if f := sh.Flags().Lookup("help"); f != nil {
				f.Usage = p.T("help for %s", sh.Name())
			}
		}
		c.InitDefaultHelpFlag()
		if f := c.Flags().Lookup("help"); f != nil {
			f.Usage = p.T("help for %s", c.Name())
		}
	}
}

// exactArgs is cobra.ExactArgs with a message that names the expected arguments.
func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return session.Errorf(session.EInvalid, "%s expects %s (see `%s --help`)", cmd.CommandPath(), what, cmd.CommandPath())
		}
		return nil
	}
}

// noArgs rejects positional arguments with a message naming the command's help.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return session.Errorf(session.EInvalid, "%s takes no arguments, got %s (see `%s --help`)", cmd.CommandPath(), strconv.Quote(args[0]), cmd.CommandPath())
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
