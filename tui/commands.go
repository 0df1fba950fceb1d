package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"charm.land/ssh"
	"github.com/spf13/cobra"

	"workshop/command"
	"workshop/i18n"
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
		terminal := i18n.FromEnv(s.Environ())
		if !ok {
			p := i18n.New(i18n.Choose("", terminal, ""))
			_, _ = fmt.Fprintln(s.Stderr(), p.T("not allowed: commands are for registered facilitator keys. To join a workshop, connect without a command: %s", f.hint.Plain()))
			_ = s.Exit(1)
			return
		}
		f.log.Info("command", "facilitator", fac.Name, "args", strings.Join(args, " "))
		if args[0] == screenCommand {
			f.screenCommand(s, next, f.commandPrinter(ctx, fac, terminal))
			return
		}
		_ = s.Exit(f.runCommand(ctx, f.commandPrinter(ctx, fac, terminal), fac, session.KeyActor(id), args, s, s.Stderr()))
	}
}

// commandPrinter is the language a facilitator's commands answer in: their own choice, else
// what their terminal sent, else English.
func (f *FrontDoor) commandPrinter(ctx context.Context, fac session.Facilitator, terminal []string) *i18n.Printer {
	own, err := f.manager.FacilitatorLanguage(ctx, fac.Name)
	if err != nil {
		f.log.Warn("facilitator language", "facilitator", fac.Name, "err", err)
	}
	return i18n.New(i18n.Choose(own, terminal, ""))
}

// RunCommand runs one facilitator command by fac, acting as by, and returns its exit code.
// The facilitator's rights are checked again by each action the command takes. It answers in
// fac's chosen language, else English.
func (f *FrontDoor) RunCommand(ctx context.Context, fac session.Facilitator, by session.Actor, args []string, stdout, stderr io.Writer) int {
	return f.runCommand(ctx, f.commandPrinter(ctx, fac, nil), fac, by, args, stdout, stderr)
}

// runCommand is RunCommand answering through p.
func (f *FrontDoor) runCommand(ctx context.Context, p *i18n.Printer, fac session.Facilitator, by session.Actor, args []string, stdout, stderr io.Writer) int {
	root := f.commandTree(by, p)
	plainUsage(root, p, f.hint.Plain(), f.render)
	f.plainErrors(root, p, fac)
	out := &outputWriter{w: stdout}
	root.SetArgs(args)
	// Over SSH the session is the caller's input as well as their output (cohort import
	// reads a file from it); elsewhere there is no input.
	if in, ok := stdout.(io.Reader); ok {
		root.SetIn(in)
	} else {
		root.SetIn(strings.NewReader(""))
	}
	root.SetOut(out)
	root.SetErr(stderr)
	if err := root.ExecuteContext(ctx); err != nil {
		// What a command returns was made plain by plainErrors; the rest is cobra's own word
		// about the command line (an unknown flag, a missing argument), said in ours.
		msg := p.Msg(command.CommandLineMsg(err))
		var shown *shownError
		if errors.As(err, &shown) {
			msg = shown.msg
		}
		_, _ = fmt.Fprintln(stderr, p.T("error: %s", msg)) // the exit status says it too
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

// shownError is an error already said in words for the person who ran the command.
type shownError struct{ msg string }

func (e *shownError) Error() string { return e.msg }

// plainErrors makes every command of the tree answer with a plain message in p's language: a
// refusal as the session package words it, anything else as a general message, with the full
// error logged.
func (f *FrontDoor) plainErrors(c *cobra.Command, p *i18n.Printer, fac session.Facilitator) {
	if run := c.RunE; run != nil {
		c.RunE = func(cmd *cobra.Command, args []string) error {
			err := run(cmd, args)
			if err == nil {
				return nil
			}
			logFault(f.log, "facilitator command", err, "facilitator", fac.Name, "command", cmd.CommandPath())
			return &shownError{msg: p.Msg(session.ErrorMsg(err))}
		}
	}
	for _, sub := range c.Commands() {
		f.plainErrors(sub, p, fac)
	}
}

// commandTree is the SSH command tree: the shared commands of package command, acting through
// the server's manager as by.
func (f *FrontDoor) commandTree(by session.Actor, p *i18n.Printer) *cobra.Command {
	root := &cobra.Command{
		Use:   "ssh HOST",
		Short: p.T("Facilitator commands over SSH"),
		Long:  p.T("Run workshop facilitator actions from a script or a terminal: %s COMMAND [ARGS]. Every action goes through the cohort's live hub, so everyone connected sees it at once, and it is recorded in the cohort's timeline under your facilitator name. CODE is a cohort's join code. Text with spaces (a name, an announcement) may be typed as it is: the words after a flag or a code are taken together.", command.Prog),
		Example: `  {prog} step K7MQ2P 3
  {prog} timer K7MQ2P 5m
  {prog} announce K7MQ2P "Back at 10:30"
  {prog} teams K7MQ2P --count 5
  {prog} roster K7MQ2P --format json`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.CompletionOptions.DisableDefaultCmd = true
	env := &command.Env{Open: command.Fixed(f.manager), Actor: by, JoinLine: f.hint.Line, Version: f.version, Front: command.SSH, P: p}
	cohort := command.CohortGroup(env)
	cohort.AddCommand(command.CohortCreate(env), command.CohortList(env), command.CohortShow(env), command.CohortImport(env))
	content := &cobra.Command{Use: "content", Short: p.T("List the modules the server offers, and reload them")}
	content.AddCommand(command.ContentList(env, command.ServerLibrary(env)), command.ContentReload(env))
	root.AddCommand(command.Cohorts(env), cohort)
	root.AddCommand(command.Facilitation(env)...)
	screen := f.screenHelp()
	screen.Short = p.T("Open the cohort's big screen: the room, read-only, for a projector (needs ssh -t)")
	screen.Long = p.T("Open the big screen of the cohort with join code CODE in this terminal: how to join, the step, the meeting, the timer, and what you show everyone (a spotlight, a revealed vote, the matrix). It follows the room live and takes no keys but q. Run it with ssh -t so it has a terminal. Whoever has the cohort's view code (cohort show CODE) can open the same screen with %s.", f.hint.Line(viewUser))
	root.AddCommand(command.Export(env), content, screen)
	f.sayWhere(root)
	return root
}

// sayWhere makes every usage line, description and example of the command tree name this
// server as people reach it: "ssh -p 2299 workshop.example step CODE next", not a placeholder.
func (f *FrontDoor) sayWhere(root *cobra.Command) {
	if root.Annotations == nil {
		root.Annotations = map[string]string{}
	}
	root.Annotations[cobra.CommandDisplayNameAnnotation] = f.hint.Plain()
	command.SayWhere(root, f.hint.Plain())
}
