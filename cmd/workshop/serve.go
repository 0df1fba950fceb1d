package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"syscall"
	"time"

	"charm.land/ssh"
	"charm.land/wish/v2"
	"github.com/spf13/cobra"
	gossh "golang.org/x/crypto/ssh"

	"workshop/i18n"
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
	// hostKey is --host-key: an existing private key to serve with instead of the data
	// directory's own.
	hostKey   string
	logFormat string
	logLevel  string
	logOut    io.Writer
	// wrap, when set, wraps the listener; tests use it to stall one client's connection.
	wrap func(net.Listener) net.Listener
	// debugAddr, when set, serves profiles and live counters over HTTP; debugRemote allows a
	// non-loopback address for it.
	debugAddr   string
	debugRemote bool
	// limits bound what clients may hold open; input bounds one session's keyboard (tests
	// lower them, nil keeps the defaults).
	limits tui.ConnLimits
	input  *tui.InputLimits
	// stopGrace is how long a stop waits for sessions to end on their own before it closes
	// their connections.
	stopGrace time.Duration
	// now is the server's clock: of time-based limits and of every time the cohorts store
	// (joins, leaves, meetings); nil is the real clock (tests pass their own).
	now func() time.Time
	// p prints what the server says to the person who started it; nil is English.
	p *i18n.Printer
}

func newServeCmd(g *globals) *cobra.Command {
	cfg := serveConfig{}
	p := g.printer()
	var envErrs []error // bad WORKSHOP_... values, reported when the command runs
	cmd := &cobra.Command{
		Use:   "serve",
		Short: p.T("Run the SSH server participants and facilitators connect to"),
		Long:  p.T("Run the workshop SSH server. It creates the data directory, the SQLite database and an ed25519 host key on first start (or serves with the key given with --host-key), and prints the key's SHA256 fingerprint, which ssh shows people the first time they connect. Participants join with `ssh -p PORT HOST`; a registered facilitator key gets the facilitator console.\n\nSIGHUP reads the module files again (as `ssh HOST content reload` does); cohorts keep the version they started with. Ctrl+C or SIGTERM stops it: new connections are refused, every connected person is told the server is restarting and how to reconnect (with their rejoin code), their terminal is put back as it was, and what they typed is stored before the server exits.\n\nEvery client is bounded: a connection must ask for a session within --login-grace; connections still logging in are limited in total (--max-startups) and per address; one connection holds at most --max-sessions sessions; a peer that stops answering keepalives is disconnected and shows offline. Window sizes, pastes and typing speed are bounded per session.\n\nWith --debug-addr it serves /healthz, Prometheus metrics at /metrics, and profiles, on loopback. Running it as a service: docs/deploy.md."),
		Example: `  workshop serve
  workshop serve --listen :22 --data /var/lib/workshop --content ./modules
  workshop serve --host-key /srv/keys/workshop_ed25519
  WORKSHOP_LISTEN=127.0.0.1:2022 workshop serve --log-format json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := errors.Join(envErrs...); err != nil {
				return err
			}
			if cfg.logFormat != "text" && cfg.logFormat != "json" {
				return session.Errorf(session.EInvalid, "--log-format must be text or json, not %q", cfg.logFormat)
			}
			if _, err := parseLogLevel(cfg.logLevel); err != nil {
				return err
			}
			if err := checkLimits(cfg.limits); err != nil {
				return err
			}
			cfg.dataDir = g.dataDir
			cfg.p = p
			cfg.logOut = cmd.ErrOrStderr()
			return serve(cmd.Context(), cfg, cmd.OutOrStdout())
		},
	}
	cmd.Flags().StringVar(&cfg.listen, "listen", envOr("WORKSHOP_LISTEN", ":2222"), p.T("address to listen on (env WORKSHOP_LISTEN)"))
	cmd.Flags().StringVar(&cfg.contentDir, "content", envOr("WORKSHOP_CONTENT", ""), p.T("directory of extra module files that add to or override the built-in ones (env WORKSHOP_CONTENT)"))
	cmd.Flags().StringVar(&cfg.hostKey, "host-key", envOr("WORKSHOP_HOST_KEY", ""), p.T("existing SSH private key FILE to serve with, readable by its owner only (default: host_ed25519 in the data directory, made on first start; env WORKSHOP_HOST_KEY)"))
	cmd.Flags().StringVar(&cfg.host, "host", envOr("WORKSHOP_HOST", "localhost"), p.T("host name participants use, for the ssh lines the server prints (env WORKSHOP_HOST)"))
	cmd.Flags().StringVar(&cfg.logFormat, "log-format", envOr("WORKSHOP_LOG_FORMAT", "text"), p.T("log format: text or json (env WORKSHOP_LOG_FORMAT)"))
	cmd.Flags().StringVar(&cfg.logLevel, "log-level", envOr("WORKSHOP_LOG_LEVEL", "info"), p.T("least severe log lines written: debug, info, warn or error (env WORKSHOP_LOG_LEVEL)"))
	cmd.Flags().StringVar(&cfg.debugAddr, "debug-addr", envOr("WORKSHOP_DEBUG_ADDR", ""), p.T("serve health (/healthz), Prometheus metrics (/metrics), pprof and live counters on this loopback HOST:PORT, e.g. 127.0.0.1:6060 (off by default; env WORKSHOP_DEBUG_ADDR)"))
	cmd.Flags().BoolVar(&cfg.debugRemote, "debug-allow-remote", false, p.T("allow --debug-addr to be an address other machines can reach (profiles reveal what the server holds)"))
	_ = cmd.RegisterFlagCompletionFunc("log-format", completeWords("text", p.T("for a person at a terminal"), "json", p.T("for a log collector"))) // the flags exist: made above
	_ = cmd.RegisterFlagCompletionFunc("log-level", completeWords("debug", p.T("everything"), "info", p.T("sessions, cohorts, start and stop"), "warn", p.T("problems worth a look"), "error", p.T("failures only")))
	cfg.limits = tui.DefaultConnLimits
	cfg.stopGrace = defaultStopGrace
	lim, fl := &cfg.limits, cmd.Flags()
	fl.DurationVar(&lim.LoginGrace, "login-grace", envDuration("WORKSHOP_LOGIN_GRACE", lim.LoginGrace, &envErrs),
		p.T("time a connection gets from connecting to its first shell or command, then it is closed (env WORKSHOP_LOGIN_GRACE)"))
	if v := os.Getenv("WORKSHOP_MAX_STARTUPS"); v != "" {
		if st, err := tui.ParseStartups(v); err != nil {
			envErrs = append(envErrs, fmt.Errorf("WORKSHOP_MAX_STARTUPS: %w", err))
		} else {
			lim.Startups = st
		}
	}
	fl.Var(&startupsFlag{&lim.Startups}, "max-startups", p.T("connections still logging in, all addresses together, as start:rate:full: past start a new one is refused with rate%% chance, rising to all at full (env WORKSHOP_MAX_STARTUPS)"))
	fl.IntVar(&lim.StartupsPerAddress, "max-startups-per-address", envInt("WORKSHOP_MAX_STARTUPS_PER_ADDRESS", lim.StartupsPerAddress, &envErrs),
		p.T("connections still logging in from one address (an IPv6 /64 counts as one); 0 for no limit (env WORKSHOP_MAX_STARTUPS_PER_ADDRESS)"))
	fl.IntVar(&lim.QueuePerAddress, "startup-queue-per-address", envInt("WORKSHOP_STARTUP_QUEUE_PER_ADDRESS", lim.QueuePerAddress, &envErrs),
		p.T("further connections from an address at its limit that wait for a slot (within the login grace time) instead of being refused (env WORKSHOP_STARTUP_QUEUE_PER_ADDRESS)"))
	fl.IntVar(&lim.MaxSessions, "max-sessions", envInt("WORKSHOP_MAX_SESSIONS", lim.MaxSessions, &envErrs),
		p.T("sessions one connection may have open at once (env WORKSHOP_MAX_SESSIONS)"))
	fl.DurationVar(&lim.AliveInterval, "client-alive-interval", envDuration("WORKSHOP_CLIENT_ALIVE_INTERVAL", lim.AliveInterval, &envErrs),
		p.T("how often a connection is asked whether its peer is still there; 0 never asks (env WORKSHOP_CLIENT_ALIVE_INTERVAL)"))
	fl.IntVar(&lim.AliveCountMax, "client-alive-count", envInt("WORKSHOP_CLIENT_ALIVE_COUNT", lim.AliveCountMax, &envErrs),
		p.T("intervals an answer may be late before the peer counts as gone and is disconnected (env WORKSHOP_CLIENT_ALIVE_COUNT)"))
	return cmd
}

// defaultStopGrace bounds how long a stop waits for sessions to end on their own.
const defaultStopGrace = 10 * time.Second

// checkLimits refuses limits that would lock everyone out or never bound anything.
func checkLimits(l tui.ConnLimits) error {
	switch {
	case l.LoginGrace < 0:
		return session.Errorf(session.EInvalid, "--login-grace must not be negative, got %s", l.LoginGrace.String())
	case l.StartupsPerAddress < 0:
		return session.Errorf(session.EInvalid, "--max-startups-per-address must be 0 (no limit) or more, got %s", strconv.Itoa(l.StartupsPerAddress))
	case l.QueuePerAddress < 0:
		return session.Errorf(session.EInvalid, "--startup-queue-per-address must be 0 (refuse at once) or more, got %s", strconv.Itoa(l.QueuePerAddress))
	case l.MaxSessions < 1:
		return session.Errorf(session.EInvalid, "--max-sessions must be at least 1, got %s", strconv.Itoa(l.MaxSessions))
	case l.AliveInterval < 0:
		return session.Errorf(session.EInvalid, "--client-alive-interval must not be negative, got %s", l.AliveInterval.String())
	case l.AliveCountMax < 1:
		return session.Errorf(session.EInvalid, "--client-alive-count must be at least 1, got %s", strconv.Itoa(l.AliveCountMax))
	}
	return nil
}

// startupsFlag is --max-startups as a flag value.
type startupsFlag struct{ st *tui.Startups }

func (f *startupsFlag) String() string { return f.st.String() }
func (f *startupsFlag) Type() string   { return "start:rate:full" }
func (f *startupsFlag) Set(s string) error {
	st, err := tui.ParseStartups(s)
	if err != nil {
		return err
	}
	*f.st = st
	return nil
}

// envDuration reads a duration from the environment, or returns def; a bad value is noted in
// errs, to be reported when the command runs.
func envDuration(name string, def time.Duration, errs *[]error) time.Duration {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		*errs = append(*errs, session.Errorf(session.EInvalid, "%s=%q is not a duration like 30s or 2m", name, v))
		return def
	}
	return d
}

// envInt reads a whole number from the environment, or returns def (see envDuration).
func envInt(name string, def int, errs *[]error) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		*errs = append(*errs, session.Errorf(session.EInvalid, "%s=%q is not a whole number", name, v))
		return def
	}
	return n
}

// server is a running workshop server.
type server struct {
	ssh     *ssh.Server
	door    *tui.FrontDoor
	log     *slog.Logger
	store   *sqlite.Store
	manager *session.Manager
	ln      net.Listener
	key     hostKey
	// serving is true while the SSH listener accepts connections, for /healthz.
	serving atomic.Bool
	done    chan error
	debug   *debugServer // nil unless --debug-addr
	// stopGrace is how long stop waits for sessions to end before closing their connections.
	stopGrace time.Duration
}

// startServer opens the data, builds the SSH server and starts serving on cfg.listen.
func startServer(cfg serveConfig) (*server, error) {
	mx := metrics.New()
	slogger, err := newLogger(cfg.logOut, cfg.logFormat, cfg.logLevel)
	if err != nil {
		return nil, err
	}
	// Whatever is logged as an error counts in workshop_errors_total.
	slogger = slog.New(metrics.CountErrors(slogger.Handler(), mx))

	if err := os.MkdirAll(cfg.dataDir, 0o700); err != nil {
		return nil, fmt.Errorf("create data directory: %w", err)
	}
	lib, _, err := session.LoadModules(cfg.contentDir, slogger)
	if err != nil {
		return nil, err
	}
	g := globals{dataDir: cfg.dataDir}
	if err := checkPermissions(&g, slogger); err != nil {
		return nil, err
	}
	keyPath := cmp.Or(cfg.hostKey, g.hostKeyPath())
	key, err := loadHostKey(keyPath, cfg.hostKey != "")
	if err != nil {
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
	// Nobody is connected to a server that is only starting, whatever the last one left.
	if err := st.ClearPresence(context.Background()); err != nil {
		_ = st.Close() // the presence error is the one to report
		return nil, err
	}
	ln, err := net.Listen("tcp", cfg.listen)
	if err != nil {
		_ = st.Close() // nothing was written; the listen error is the one to report
		return nil, session.Errorf(session.EConflict, "listen on %s: %s (is another server running? choose another with --listen)", cfg.listen, i18n.Untranslated(err.Error()))
	}
	if cfg.wrap != nil {
		ln = cfg.wrap(ln)
	}
	port := 0
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok {
		port = tcp.Port
	}
	hint := tui.JoinHint{Host: cfg.host, Port: port, Fingerprint: key.fingerprint}
	if err := writeAddress(cfg.dataDir, hint); err != nil {
		// Commands at the shell then print the default port; the server itself is fine.
		slogger.Warn("commands at the shell will not know the server's port", "err", err)
	}
	m := session.NewManager(st, lib, slogger, session.WithMetrics(mx), session.WithContentDir(cfg.contentDir), session.WithClock(cfg.now))
	door := tui.NewFrontDoor(m, slogger, hint, tui.WithMetrics(mx), tui.WithVersion(version), tui.WithCodeGuard(session.NewCodeGuard(slogger, cfg.now)))
	if cfg.input != nil {
		door.SetInputLimits(*cfg.input)
	}
	opts := []ssh.Option{
		key.option,
		// Anyone may connect: with a key (recognised by it) or without one (no password asked).
		wish.WithPublicKeyAuth(func(ssh.Context, ssh.PublicKey) bool { return true }),
		wish.WithKeyboardInteractiveAuth(func(ssh.Context, gossh.KeyboardInteractiveChallenge) bool { return true }),
		wish.WithMiddleware(door.Middleware()...),
	}
	srv, err := wish.NewServer(append(opts, door.ServerOptions(cfg.limits)...)...)
	if err != nil {
		// Already failing: the start-up error is the one to report.
		_ = ln.Close()
		_ = st.Close()
		return nil, fmt.Errorf("create ssh server: %w", err)
	}
	s := &server{ssh: srv, door: door, log: slogger, store: st, manager: m, ln: ln, key: key, done: make(chan error, 1), stopGrace: cmp.Or(cfg.stopGrace, defaultStopGrace)}
	if cfg.debugAddr != "" {
		v := readVersion()
		routes := debugRoutes{
			metrics: metrics.Source{Metrics: mx, Cohorts: m.LiveCohorts, Build: map[string]string{"version": v.Version, "revision": v.Revision, "goversion": v.Go}},
			health:  []check{storeCheck(st.CheckWritable, st.LastCommit), listenerCheck(s)},
		}
		if s.debug, err = startDebug(cfg.debugAddr, cfg.debugRemote, routes); err != nil {
			// Already failing: the debug listener's error is the one to report.
			_ = ln.Close()
			_ = st.Close()
			return nil, err
		}
		slogger.Info("debug endpoint", "health", "http://"+s.debug.addr()+"/healthz", "metrics", "http://"+s.debug.addr()+"/metrics")
	}
	s.serving.Store(true)
	go func() {
		err := srv.Serve(ln)
		s.serving.Store(false)
		s.done <- err
	}()
	slogger.Info("listening", "addr", ln.Addr().String(), "data", cfg.dataDir, "host_key", key.path, "fingerprint", key.fingerprint)
	return s, nil
}

// addr is where the server listens.
func (s *server) addr() string { return s.ln.Addr().String() }

// stop refuses new connections, tells every connected person the server is restarting and
// how to come back (their program quits the normal way, so their terminal leaves the
// alternate screen and shows the cursor again), lets each session store what it holds, then
// closes whatever is left and the store. It takes at most stopGrace plus the time a session
// needs to store its last work (bounded by the session's own flush timeout).
func (s *server) stop() error {
	s.serving.Store(false)
	_ = s.debug.close()
	err := s.ln.Close()
	if errors.Is(err, net.ErrClosed) {
		err = nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), s.stopGrace)
	defer cancel()
	if werr := s.door.Shutdown(ctx); werr != nil {
		s.log.Warn("closing connections of sessions that did not end in time", "err", werr)
	}
	// Clients whose session ended hang up by themselves; give them a moment, so that a
	// person's ssh does not also report the connection as cut.
	hctx, hcancel := context.WithTimeout(context.Background(), time.Second)
	_ = s.ssh.Shutdown(hctx)
	hcancel()
	if cerr := s.ssh.Close(); cerr != nil && !errors.Is(cerr, ssh.ErrServerClosed) && !errors.Is(cerr, net.ErrClosed) && err == nil {
		err = cerr
	}
	// Sessions cut off just now still store what they hold before the store closes.
	wctx, wcancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer wcancel()
	if werr := s.door.Wait(wctx); werr != nil {
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
	// SIGHUP reloads the modules, as `ssh HOST content reload` does. It is watched before
	// anything says the server is up, so a reload asked for at once is not lost.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
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
	p := cfg.p
	if p == nil {
		p = i18n.New(i18n.English)
	}
	fmt.Fprint(out, p.T(`
workshop is running on %s (data in %s). Stop it with Ctrl+C.

  Participants join:        %s
                            (or %s to skip the code prompt)
  Register a facilitator:   %s facilitator add NAME --key-file ~/.ssh/id_ed25519.pub%s
  Create a cohort:          %s cohort create --module service-digitisation --name "My cohort"%s
  Facilitator console:      %s   (from the registered key)

  Server key fingerprint:   %s (%s)
                            ssh shows it the first time anyone connects: read it out

`, s.addr(), cfg.dataDir, hint.Plain(), hint.Line("CODE"), self, data, self, data, hint.Plain(), s.key.fingerprint, s.key.kind))
	for {
		select {
		case <-ctx.Done():
			fmt.Fprintln(out, p.T("Stopping: closing sessions…"))
			return s.stop()
		case err := <-s.done:
			if err != nil && !errors.Is(err, ssh.ErrServerClosed) {
				return errors.Join(fmt.Errorf("server stopped: %w", err), s.stop())
			}
			fmt.Fprintln(out, p.T("Stopping: closing sessions…"))
			return s.stop()
		case <-hup:
			// ReloadModules logs what it found, skipped files the way start-up does.
			_, _ = s.manager.ReloadModules(ctx, session.ShellActor("SIGHUP"))
		}
	}
}
