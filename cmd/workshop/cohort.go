package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"workshop/command"
	"workshop/content"
	"workshop/session"
	"workshop/tui"
)

// newCohortCmd mounts the shared cohort commands for the server's shell: they act on the data
// directory as the shell user, with the library of --content.
func newCohortCmd(g *globals) *cobra.Command {
	p := g.printer()
	cmd := command.CohortGroup(&command.Env{P: p})
	var contentDir, host string
	var port int
	var create *cobra.Command
	create = command.CohortCreate(&command.Env{
		Open: func(context.Context) (*session.Manager, func(), error) {
			return g.openManager(contentDir, create.ErrOrStderr())
		},
		Actor:    shellActor(),
		JoinLine: func(code string) string { return joinHint(create, g, host, port).Line(code) },
		Version:  version,
		Front:    command.Shell,
		P:        p,
	})
	create.Flags().StringVar(&contentDir, "content", envOr("WORKSHOP_CONTENT", ""), p.T("extra module directory, as given to serve (env WORKSHOP_CONTENT)"))
	create.Flags().StringVar(&host, "host", "", p.T("host name participants use, for the printed ssh line (default: the server's --host, env WORKSHOP_HOST, or localhost)"))
	create.Flags().IntVar(&port, "port", 0, p.T("port participants use, for the printed ssh line (default: the port the server listens on)"))
	_ = create.RegisterFlagCompletionFunc("module", completeModules) // the flags exist: made above
	_ = create.RegisterFlagCompletionFunc("pace", completeWords("led", p.T("everyone follows the facilitator"), "self", p.T("each moves freely")))

	list := command.CohortList(&command.Env{
		Open: func(context.Context) (*session.Manager, func(), error) {
			return g.openManager(contentDir, nil) // the list names modules by id: no need to warn
		},
		Actor:   shellActor(),
		Version: version,
		Front:   command.Shell,
		P:       p,
	})
	list.Flags().StringVar(&contentDir, "content", envOr("WORKSHOP_CONTENT", ""), p.T("extra module directory, as given to serve (env WORKSHOP_CONTENT)"))
	var imp *cobra.Command
	imp = command.CohortImport(&command.Env{
		Open: func(context.Context) (*session.Manager, func(), error) {
			return g.openManager(contentDir, nil)
		},
		Actor:    shellActor(),
		JoinLine: func(code string) string { return joinHint(imp, g, host, port).Line(code) },
		Version:  version,
		Front:    command.Shell,
		P:        p,
	})
	imp.Flags().StringVar(&host, "host", "", p.T("host name participants use, for the printed ssh line (default: the server's --host, env WORKSHOP_HOST, or localhost)"))
	imp.Flags().IntVar(&port, "port", 0, p.T("port participants use, for the printed ssh line (default: the port the server listens on)"))
	var show *cobra.Command
	show = command.CohortShow(&command.Env{
		Open: func(context.Context) (*session.Manager, func(), error) {
			return g.openManager(contentDir, nil)
		},
		Actor:    shellActor(),
		JoinLine: func(code string) string { return joinHint(show, g, host, port).Line(code) },
		Version:  version,
		Front:    command.Shell,
		P:        p,
	})
	show.Flags().StringVar(&host, "host", "", p.T("host name participants use, for the printed ssh lines (default: the server's --host, env WORKSHOP_HOST, or localhost)"))
	show.Flags().IntVar(&port, "port", 0, p.T("port participants use, for the printed ssh lines (default: the port the server listens on)"))
	cmd.AddCommand(create, list, show, imp)
	return cmd
}

// openManager opens the data directory with the library of the built-in modules and those in
// contentDir, naming each file skipped for its problems on skipped (nil: nowhere). The
// function it returns closes the store: every write is committed before it returns.
func (g *globals) openManager(contentDir string, skipped io.Writer) (*session.Manager, func(), error) {
	lib, problems, err := content.NewLibrary(contentDir)
	if err != nil {
		return nil, nil, fmt.Errorf("load modules: %w", err)
	}
	if skipped != nil {
		for _, pr := range problems {
			fmt.Fprintln(skipped, g.printer().T("skipped: %s", pr.String()))
		}
	}
	st, err := g.openStore()
	if err != nil {
		return nil, nil, err
	}
	return session.NewManager(st, lib, nil), func() { _ = st.Close() }, nil
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
