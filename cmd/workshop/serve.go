package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"time"

	"charm.land/log/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"github.com/spf13/cobra"
	gossh "golang.org/x/crypto/ssh"

	"workshop/content"
	"workshop/session"
	"workshop/session/metrics"
	"workshop/session/sqlite"
	"workshop/tui"
)

// serveConfig is everything a running server needs.
type serveConfig struct {
	listen     string
	dataDir    string
	contentDir string
	host       string
	logFormat  string
	logOut     io.Writer
	// wrap, when set, wraps the listener; tests use it to stall one client's connection.
	wrap func(net.Listener) net.Listener
	// debugAddr, when set, serves profiles and live counters over HTTP; debugRemote allows a
	// non-loopback address for it.
	debugAddr   string
	debugRemote bool
}

func newServeCmd(g *globals) *cobra.Command {
	cfg := serveConfig{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Run the SSH server participants and facilitators connect to",
		Long: `Run the workshop SSH server. It creates the data directory, the SQLite database and an
ed25519 host key on first start. Participants join with ` + "`ssh -p PORT HOST`" + `; a registered
facilitator key gets the facilitator console. Stop it with Ctrl+C: open sessions are closed and
every answer already submitted is on disk.`,
		Example: `  workshop serve
  workshop serve --listen :2222 --data /var/lib/workshop --content ./modules
  WORKSHOP_LISTEN=127.0.0.1:2022 workshop serve --log-format json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if cfg.logFormat != "text" && cfg.logFormat != "json" {
				return fmt.Errorf("--log-format must be text or json, not %q", cfg.logFormat)
			}
			cfg.dataDir = g.dataDir
			cfg.logOut = cmd.ErrOrStderr()
			return serve(cmd.Context(), cfg, cmd.OutOrStdout())
		},
	}
	cmd.Flags().StringVar(&cfg.listen, "listen", envOr("WORKSHOP_LISTEN", ":2222"), "address to listen on (env WORKSHOP_LISTEN)")
	cmd.Flags().StringVar(&cfg.contentDir, "content", envOr("WORKSHOP_CONTENT", ""), "directory of extra module files that add to or override the built-in ones (env WORKSHOP_CONTENT)")
	cmd.Flags().StringVar(&cfg.host, "host", envOr("WORKSHOP_HOST", "localhost"), "host name participants use, for the ssh lines the server prints (env WORKSHOP_HOST)")
	cmd.Flags().StringVar(&cfg.logFormat, "log-format", "text", "log format: text or json")
	cmd.Flags().StringVar(&cfg.debugAddr, "debug-addr", "", "serve pprof and live counters (/debug/pprof/, /debug/vars) on this loopback HOST:PORT, e.g. 127.0.0.1:6060 (off by default)")
	cmd.Flags().BoolVar(&cfg.debugRemote, "debug-allow-remote", false, "allow --debug-addr to be an address other machines can reach (profiles reveal what the server holds)")
	return cmd
}

// server is a running workshop server.
type server struct {
	ssh     *ssh.Server
	door    *tui.FrontDoor
	log     *slog.Logger
	store   *sqlite.Store
	manager *session.Manager
	ln      net.Listener
	done    chan error
	debug   *debugServer // nil unless --debug-addr
}

// startServer opens the data, builds the SSH server and starts serving on cfg.listen.
func startServer(cfg serveConfig) (*server, error) {
	logger := log.NewWithOptions(cfg.logOut, log.Options{ReportTimestamp: true, TimeFormat: time.DateTime})
	if cfg.logFormat == "json" {
		logger.SetFormatter(log.JSONFormatter)
	}
	slogger := slog.New(logger)

	if err := os.MkdirAll(cfg.dataDir, 0o700); err != nil {
		return nil, fmt.Errorf("create data directory: %w", err)
	}
	lib, problems, err := content.NewLibrary(cfg.contentDir)
	if err != nil {
		return nil, fmt.Errorf("load modules: %w", err)
	}
	for _, p := range problems {
		slogger.Warn("module skipped", "problem", p.String())
	}
	g := globals{dataDir: cfg.dataDir}
	if err := checkPermissions(&g, slogger); err != nil {
		return nil, err
	}
	st, err := g.openStore()
	if err != nil {
		return nil, err
	}
	if err := checkDatabase(context.Background(), st, false); err != nil {
		_ = st.Close() // nothing was written; the check's error is the one to report
		return nil, err
	}
	ln, err := net.Listen("tcp", cfg.listen)
	if err != nil {
		_ = st.Close() // nothing was written; the listen error is the one to report
		return nil, fmt.Errorf("listen on %s: %w (is another server running? choose another with --listen)", cfg.listen, err)
	}
	if cfg.wrap != nil {
		ln = cfg.wrap(ln)
	}
	port := 0
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok {
		port = tcp.Port
	}
	mx := metrics.New()
	m := session.NewManager(st, lib, slogger, session.WithMetrics(mx))
	door := tui.NewFrontDoor(m, slogger, tui.JoinHint{Host: cfg.host, Port: port}, tui.WithMetrics(mx))
	srv, err := wish.NewServer(
		wish.WithHostKeyPath(g.hostKeyPath()),
		// Anyone may connect: with a key (recognised by it) or without one (no password asked).
		wish.WithPublicKeyAuth(func(ssh.Context, ssh.PublicKey) bool { return true }),
		wish.WithKeyboardInteractiveAuth(func(ssh.Context, gossh.KeyboardInteractiveChallenge) bool { return true }),
		wish.WithMiddleware(door.Middleware()...),
	)
	if err != nil {
		// Already failing: the start-up error is the one to report.
		_ = ln.Close()
		_ = st.Close()
		return nil, fmt.Errorf("create ssh server: %w", err)
	}
	s := &server{ssh: srv, door: door, log: slogger, store: st, manager: m, ln: ln, done: make(chan error, 1)}
	if cfg.debugAddr != "" {
		if s.debug, err = startDebug(cfg.debugAddr, cfg.debugRemote, mx, m); err != nil {
			// Already failing: the debug listener's error is the one to report.
			_ = ln.Close()
			_ = st.Close()
			return nil, err
		}
		slogger.Info("debug endpoint", "url", "http://"+s.debug.addr()+"/debug/vars")
	}
	go func() { s.done <- srv.Serve(ln) }()
	slogger.Info("listening", "addr", ln.Addr().String(), "data", cfg.dataDir)
	return s, nil
}

// addr is where the server listens.
func (s *server) addr() string { return s.ln.Addr().String() }

// stop closes every session, waits for the sessions to store what they hold, then closes the
// store. Submitted work is already on disk; what a session still holds is its presence and the
// time spent on the current step.
func (s *server) stop() error {
	_ = s.debug.close()
	err := s.ssh.Close()
	if errors.Is(err, ssh.ErrServerClosed) {
		err = nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if werr := s.door.Wait(ctx); werr != nil {
		s.log.Warn("stopping before every session ended", "err", werr)
	}
	if cerr := s.store.Close(); err == nil {
		err = cerr
	}
	return err
}

func serve(ctx context.Context, cfg serveConfig, out io.Writer) error {
	s, err := startServer(cfg)
	if err != nil {
		return err
	}
	port := 0
	if tcp, ok := s.ln.Addr().(*net.TCPAddr); ok {
		port = tcp.Port
	}
	hint := tui.JoinHint{Host: cfg.host, Port: port}
	self := os.Args[0]
	data := ""
	if filepath.Clean(cfg.dataDir) != "data" {
		data = " --data " + cfg.dataDir
	}
	fmt.Fprintf(out, `
workshop is running on %s (data in %s). Stop it with Ctrl+C.

  Participants join:        %s
                            (or %s to skip the code prompt)
  Register a facilitator:   %s facilitator add NAME --key-file ~/.ssh/id_ed25519.pub%s
  Create a cohort:          %s cohort create --module service-digitisation --name "My cohort"%s
  Facilitator console:      %s   (from the registered key)

`, s.addr(), cfg.dataDir, hint.Plain(), hint.Line("CODE"), self, data, self, data, hint.Plain())
	select {
	case <-ctx.Done():
	case err := <-s.done:
		if err != nil && !errors.Is(err, ssh.ErrServerClosed) {
			return errors.Join(fmt.Errorf("server stopped: %w", err), s.stop())
		}
	}
	fmt.Fprintln(out, "Stopping: closing sessions…")
	return s.stop()
}
