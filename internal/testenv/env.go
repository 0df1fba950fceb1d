package testenv

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"workshop/content"
	"workshop/session"
	"workshop/session/sqlite"
)

// Root is the repository's top directory, found from this file's place in it so tests in
// any package reach the same testdata.
func Root() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		panic("testenv: no caller information")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// ModulesDir is the directory of modules the end-to-end tests use (one per exercise kind,
// the facilitation module, and the rest).
func ModulesDir() string { return filepath.Join(Root(), "cmd", "workshop", "testdata", "modules") }

// Library loads the modules in dir ("" for the built-in ones alone) and fails the test if
// any file has a problem.
func Library(t testing.TB, dir string) *content.Library {
	t.Helper()
	lib, problems, err := content.NewLibrary(dir)
	if err != nil || len(problems) > 0 {
		t.Fatalf("modules in %q: %v %v", dir, err, problems)
	}
	return lib
}

// Modules is the library of ModulesDir.
func Modules(t testing.TB) *content.Library {
	t.Helper()
	return Library(t, ModulesDir())
}

// WriteFile writes text to path, making its directory first.
func WriteFile(t testing.TB, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// OpenStore opens the database at path; it is closed when the test ends (closing it earlier
// is fine).
func OpenStore(t testing.TB, path string) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatalf("open store %s: %v", path, err)
	}
	t.Cleanup(func() { _ = st.Close() }) // a test that closed it already gets nil here
	return st
}

// TempStore opens a new database in a temporary directory and returns it with its path.
func TempStore(t testing.TB) (*sqlite.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "workshop.db")
	SeedDatabase(t, path)
	return OpenStore(t, path), path
}

// SeedDatabase writes at path an empty database with every migration applied, as opening a
// new one would leave it. It is a copy of one migrated once per test binary: under the race
// detector, running the migrations through SQLite again for every test was over a quarter
// of the tests' time. The tests of migrations, and those that start from an empty data
// directory, open a new file instead.
func SeedDatabase(t testing.TB, path string) {
	t.Helper()
	img, err := migrated()
	if err != nil {
		t.Fatalf("a migrated database to copy: %v", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, img, 0o600); err != nil {
		t.Fatal(err)
	}
}

// migrated is the file of a new database once opened and closed: every migration applied and
// nothing left in a write-ahead log.
var migrated = sync.OnceValues(func() ([]byte, error) {
	dir, err := os.MkdirTemp("", "workshop-migrated-")
	if err != nil {
		return nil, err
	}
	defer func() { _ = os.RemoveAll(dir) }()
	path := filepath.Join(dir, "workshop.db")
	st, err := sqlite.Open(path)
	if err != nil {
		return nil, err
	}
	if err := st.Close(); err != nil {
		return nil, err
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		return nil, errors.New("the write-ahead log is still there after the store closed")
	}
	return os.ReadFile(path)
})

// Env is a manager over a fresh store: what most tests of cohorts start from.
type Env struct {
	Store   *sqlite.Store
	Path    string // the database file
	Lib     *content.Library
	Manager *session.Manager
}

type config struct {
	wrap func(session.Store) session.Store
	log  *slog.Logger
	opts []session.Option
}

// Option changes how New builds the manager.
type Option func(*config)

// WithStore puts wrap's store between the manager and the real one (to count or stall
// calls).
func WithStore(wrap func(session.Store) session.Store) Option {
	return func(c *config) { c.wrap = wrap }
}

// WithLogger gives the manager a logger.
func WithLogger(l *slog.Logger) Option { return func(c *config) { c.log = l } }

// WithManager passes options on to session.NewManager.
func WithManager(opts ...session.Option) Option {
	return func(c *config) { c.opts = append(c.opts, opts...) }
}

// New opens a temporary store and a manager over it with the given library.
func New(t testing.TB, lib *content.Library, opts ...Option) *Env {
	t.Helper()
	var cfg config
	for _, o := range opts {
		o(&cfg)
	}
	st, path := TempStore(t)
	var store session.Store = st
	if cfg.wrap != nil {
		store = cfg.wrap(st)
	}
	return &Env{Store: st, Path: path, Lib: lib, Manager: session.NewManager(store, lib, cfg.log, cfg.opts...)}
}

// Facilitator is the actor tests create cohorts and act as: someone at the server's shell.
func Facilitator() session.Actor { return session.ShellActor("test") }

// Cohort creates a cohort (by Facilitator unless in.By says who) and opens its hub.
func (e *Env) Cohort(t testing.TB, in session.NewCohort) (*session.Hub, session.Cohort) {
	t.Helper()
	return OpenCohort(t, e.Manager, in)
}

// OpenCohort creates a cohort through m (by Facilitator unless in.By says who) and opens its
// hub.
func OpenCohort(t testing.TB, m *session.Manager, in session.NewCohort) (*session.Hub, session.Cohort) {
	t.Helper()
	if in.By == (session.Actor{}) {
		in.By = Facilitator()
	}
	ctx := context.Background()
	c, err := m.CreateCohort(ctx, in)
	if err != nil {
		t.Fatalf("create cohort %q: %v", in.Name, err)
	}
	h, err := m.Hub(ctx, c.ID)
	if err != nil {
		t.Fatalf("hub of %s: %v", c.Code, err)
	}
	return h, c
}

// Join brings people into the hub's cohort without keys, in order.
func Join(t testing.TB, h *session.Hub, names ...string) []session.Participant {
	t.Helper()
	ps := make([]session.Participant, 0, len(names))
	for _, n := range names {
		ps = append(ps, JoinAs(t, h, session.Identity{}, n))
	}
	return ps
}

// JoinAs brings one person in under an identity (a key's fingerprint, or none).
func JoinAs(t testing.TB, h *session.Hub, id session.Identity, name string) session.Participant {
	t.Helper()
	p, _, err := h.Join(context.Background(), id, name)
	if err != nil {
		t.Fatalf("join %q: %v", name, err)
	}
	return p
}
