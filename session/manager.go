package session

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"workshop/content"
	"workshop/i18n"
	"workshop/session/metrics"
)

// Size limits for what people type; enforced here so every screen and command agrees.
const (
	// MaxNameLen bounds display, cohort and facilitator names.
	MaxNameLen = 40
	// MaxArtifactBytes bounds one stored artifact's JSON.
	MaxArtifactBytes = 256 << 10
)

// Manager owns the live cohorts of one server: it creates cohorts, loads the module version
// each one pinned, and hands out the one Hub per cohort that every change goes through.
type Manager struct {
	store Store
	// library is the modules new cohorts are made from; ReloadModules swaps it while
	// sessions read it.
	library    atomic.Pointer[content.Library]
	contentDir string
	reloading  sync.Mutex // one reload at a time
	log        *slog.Logger
	now        func() time.Time
	metrics    *metrics.Metrics // nil counts nothing

	mu       sync.Mutex
	hubs     map[int64]*Hub
	modules  map[string]*content.Module   // by hash
	variants map[string]*content.Variants // by the hashes of all the languages (variantsKey)
}

// Option changes how a Manager is made.
type Option func(*Manager)

// WithMetrics makes the manager's hubs count what they publish into x.
func WithMetrics(x *metrics.Metrics) Option { return func(m *Manager) { m.metrics = x } }

// NewManager returns a manager over store, creating cohorts from the modules in library.
// A nil logger discards logs.
func NewManager(store Store, library *content.Library, logger *slog.Logger, opts ...Option) *Manager {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	m := &Manager{
		store:    store,
		log:      logger,
		now:      func() time.Time { return time.Now().UTC() },
		hubs:     map[int64]*Hub{},
		modules:  map[string]*content.Module{},
		variants: map[string]*content.Variants{},
	}
	m.library.Store(library)
	for _, o := range opts {
		o(m)
	}
	return m
}

// LiveCohorts counts the cohorts whose hub is loaded.
func (m *Manager) LiveCohorts() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.hubs)
}

// Library returns the modules cohorts can be created from now.
func (m *Manager) Library() *content.Library { return m.library.Load() }

// Facilitators returns facilitator management over the same store.
func (m *Manager) Facilitators() *Facilitators { return NewFacilitators(m.store) }

// NewCohort describes a cohort to create.
type NewCohort struct {
	ModuleID string
	Name     string
	Pace     Pace
	By       Actor // who creates it; see Authorize
}

// CreateCohort stores a new cohort on the current version of a module, pinning that version and
// the current version of each of its translations, and returns it with its join code.
func (m *Manager) CreateCohort(ctx context.Context, in NewCohort) (Cohort, error) {
	actor, err := m.Authorize(ctx, in.By)
	if err != nil {
		return Cohort{}, err
	}
	vs, ok := m.Library().Variants(in.ModuleID)
	if !ok {
		return Cohort{}, Errorf(ENotFound, "no module %q (see `workshop content list`)", in.ModuleID)
	}
	mod := vs.Original()
	name := CleanLine(in.Name)
	if name == "" {
		return Cohort{}, Errorf(EInvalid, "cohort name is empty: give one with --name")
	}
	if err := Bound(i18n.M("cohort name"), name, MaxNameLen); err != nil {
		return Cohort{}, err
	}
	if in.Pace == "" {
		in.Pace = PaceLed
	}
	if _, err := ParsePace(string(in.Pace)); err != nil {
		return Cohort{}, err
	}
	var pins []PinnedTranslation
	for _, v := range vs.All() {
		if err := m.store.SaveModuleVersion(ctx, v.Hash, v.ID, v.Raw); err != nil {
			return Cohort{}, fmt.Errorf("save module version (%s): %w", v.Language, err)
		}
		m.cacheModule(v)
		if v != mod {
			pins = append(pins, PinnedTranslation{Language: v.Language, Hash: v.Hash})
		}
	}
	// A clash among 31^6 codes is rare; a few fresh draws settle it.
	for range 8 {
		c, err := m.store.CreateCohort(ctx, Cohort{
			Code: NewJoinCode(), Name: name, ModuleID: mod.ID, ModuleHash: mod.Hash, Translations: pins,
			Pace: in.Pace, CreatedBy: actor,
		})
		if errors.Is(err, ErrExists) {
			continue
		}
		if err != nil {
			return Cohort{}, fmt.Errorf("create cohort: %w", err)
		}
		m.log.Info("cohort created", "code", c.Code, "module", mod.ID, "by", actor)
		return c, nil
	}
	return Cohort{}, Errorf(EConflict, "could not find a free join code; try again")
}

// Cohorts lists every cohort, newest first.
func (m *Manager) Cohorts(ctx context.Context) ([]Cohort, error) {
	cs, err := m.store.Cohorts(ctx)
	if err != nil {
		return nil, fmt.Errorf("list cohorts: %w", err)
	}
	return cs, nil
}

// ErrUnknownCode is returned for a join or rejoin code that matches nothing.
var ErrUnknownCode = Errorf(ENotFound, "no cohort or participant has that code")

// CohortByCode finds a cohort by join code as a person typed it.
func (m *Manager) CohortByCode(ctx context.Context, code string) (Cohort, error) {
	code = NormalizeCode(code)
	if !LooksLikeJoinCode(code) {
		return Cohort{}, ErrUnknownCode
	}
	c, err := m.store.CohortByCode(ctx, code)
	if errors.Is(err, ErrNotFound) {
		return Cohort{}, ErrUnknownCode
	}
	if err != nil {
		return Cohort{}, fmt.Errorf("find cohort: %w", err)
	}
	return c, nil
}

// ParticipantByRejoinCode finds a keyless participant by the personal code they were given.
func (m *Manager) ParticipantByRejoinCode(ctx context.Context, code string) (Participant, error) {
	code = NormalizeCode(code)
	if !LooksLikeRejoinCode(code) {
		return Participant{}, ErrUnknownCode
	}
	p, err := m.store.ParticipantByRejoinCode(ctx, code)
	if errors.Is(err, ErrNotFound) {
		return Participant{}, ErrUnknownCode
	}
	if err != nil {
		return Participant{}, fmt.Errorf("find participant: %w", err)
	}
	return p, nil
}

// Module returns the exact module version a cohort started with, in the module's own language.
// It survives the module file being edited or removed, because the version's source is kept in
// the store.
func (m *Manager) Module(ctx context.Context, c Cohort) (*content.Module, error) {
	return m.moduleVersion(ctx, c, c.ModuleHash)
}

// Variants returns the cohort's module in every language pinned when the cohort was created:
// the module it started with and the translations the module had then, exactly as they were.
// Like Module, it survives the files being edited or removed.
func (m *Manager) Variants(ctx context.Context, c Cohort) (*content.Variants, error) {
	key := variantsKey(c)
	m.mu.Lock()
	vs, ok := m.variants[key]
	m.mu.Unlock()
	if ok {
		return vs, nil
	}
	orig, err := m.Module(ctx, c)
	if err != nil {
		return nil, err
	}
	var trs []*content.Module
	for _, p := range c.Translations {
		tr, err := m.moduleVersion(ctx, c, p.Hash)
		if err == nil {
			// Checked against this original when the cohort was created; a later program
			// whose checks differ may refuse it, and then only that language is left out.
			_, err = content.NewVariants(orig, append(trs, tr)...)
		}
		if err != nil {
			m.log.Warn("translation of a cohort's module left out", "code", c.Code, "language", p.Language, "err", err)
			continue
		}
		trs = append(trs, tr)
	}
	if vs, err = content.NewVariants(orig, trs...); err != nil {
		return nil, fmt.Errorf("module of cohort %s: %w", c.Code, err)
	}
	m.mu.Lock()
	m.variants[key] = vs
	m.mu.Unlock()
	return vs, nil
}

// ModuleIn returns the cohort's module in the pinned language that best suits a reader who
// prefers the given languages, most preferred first: BCP 47 tags ("pt-BR") or POSIX locales as
// LANG carries them ("pt_BR.UTF-8"). pt-BR falls back to another Portuguese, then to the
// module's own language (see content.Variants.In).
func (m *Manager) ModuleIn(ctx context.Context, c Cohort, prefs ...string) (*content.Module, error) {
	vs, err := m.Variants(ctx, c)
	if err != nil {
		return nil, err
	}
	return vs.In(prefs...), nil
}

// variantsKey names the set of module versions a cohort pinned.
func variantsKey(c Cohort) string {
	key := c.ModuleHash
	for _, p := range c.Translations {
		key += " " + p.Hash
	}
	return key
}

// moduleVersion returns the module version with the given hash, pinned by cohort c: from the
// cache, the library, or else the source kept in the store.
func (m *Manager) moduleVersion(ctx context.Context, c Cohort, hash string) (*content.Module, error) {
	m.mu.Lock()
	mod, ok := m.modules[hash]
	m.mu.Unlock()
	if ok {
		return mod, nil
	}
	if mod, ok := m.Library().ByHash(hash); ok {
		m.cacheModule(mod)
		return mod, nil
	}
	src, err := m.store.ModuleVersion(ctx, hash)
	if err != nil {
		return nil, fmt.Errorf("load module version %s of cohort %s: %w", hash, c.Code, err)
	}
	mod, problems := content.Parse(c.ModuleID+"@"+shortHash(hash), src)
	if mod == nil {
		return nil, fmt.Errorf("module version %s of cohort %s no longer parses: %v", shortHash(hash), c.Code, problems)
	}
	mod.Source = "stored version"
	m.cacheModule(mod)
	return mod, nil
}

func (m *Manager) cacheModule(mod *content.Module) {
	m.mu.Lock()
	m.modules[mod.Hash] = mod
	m.mu.Unlock()
}

// Hub returns the live hub of a cohort, loading it on first use.
func (m *Manager) Hub(ctx context.Context, cohortID int64) (*Hub, error) {
	// Read before looking: any clock a hub of this cohort starts is later (see newHub).
	loading := m.now()
	m.mu.Lock()
	h, ok := m.hubs[cohortID]
	m.mu.Unlock()
	if ok {
		return h, nil
	}
	c, err := m.store.Cohort(ctx, cohortID)
	if err != nil {
		return nil, fmt.Errorf("load cohort %d: %w", cohortID, err)
	}
	h, err = newHub(ctx, m, c, loading)
	if err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	// Another session may have loaded it meanwhile: keep the first, so there is only one.
	if existing, ok := m.hubs[cohortID]; ok {
		return existing, nil
	}
	m.hubs[cohortID] = h
	return h, nil
}

// HubByCode returns the hub of the cohort with the given join code.
func (m *Manager) HubByCode(ctx context.Context, code string) (*Hub, error) {
	c, err := m.CohortByCode(ctx, code)
	if err != nil {
		return nil, err
	}
	return m.Hub(ctx, c.ID)
}

func shortHash(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}
