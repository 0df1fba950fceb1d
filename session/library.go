package session

import (
	"context"
	"fmt"
	"log/slog"
	"slices"

	"workshop/content"
)

// LoadModules reads the built-in modules and the module files in dir ("" for none), and logs
// each problem of a file that was skipped. Start-up and every reload go through it, so a broken
// file is reported the same way whenever it is read.
func LoadModules(dir string, log *slog.Logger) (*content.Library, []content.Problem, error) {
	lib, problems, err := content.NewLibrary(dir)
	if err != nil {
		return nil, problems, fmt.Errorf("load modules: %w", err)
	}
	if log != nil {
		for _, p := range problems {
			log.Warn("module skipped", "problem", p.String())
		}
	}
	return lib, problems, nil
}

// WithContentDir is where ReloadModules reads module files from, as at start.
func WithContentDir(dir string) Option { return func(m *Manager) { m.contentDir = dir } }

// Reload is what a reload of the modules found.
type Reload struct {
	// Modules are the ids now offered for new cohorts, sorted.
	Modules []string
	// Added, Changed and Removed compare with the library before: new ids, ids whose
	// version (file content) changed, ids gone.
	Added, Changed, Removed []string
	// Problems are those of the files skipped, as at start.
	Problems []content.Problem
	// Dir is the content directory read ("" for the built-in modules only).
	Dir string
}

// ReloadModules reads the modules again and offers the new library to cohorts created from now
// on, without a restart. Cohorts already created keep the exact version they pinned (it is
// stored with them), whatever changed in the files. If the content directory cannot be read
// the library stays as it was. by must be a facilitator or the server's own shell.
func (m *Manager) ReloadModules(ctx context.Context, by Actor) (Reload, error) {
	who, err := m.Authorize(ctx, by)
	if err != nil {
		return Reload{}, err
	}
	m.reloading.Lock()
	defer m.reloading.Unlock()
	lib, problems, err := LoadModules(m.contentDir, m.log)
	if err != nil {
		m.log.Error("modules not reloaded", "dir", m.contentDir, "by", who, "err", err)
		return Reload{}, Errorf(EInvalid, "the content directory %s could not be read, so the modules stay as they were: %v", m.contentDir, err)
	}
	old := m.library.Swap(lib)
	m.metrics.Reloaded()
	r := Reload{Problems: problems, Dir: m.contentDir}
	for _, mod := range lib.List() {
		r.Modules = append(r.Modules, mod.ID)
		switch was, ok := old.Get(mod.ID); {
		case !ok:
			r.Added = append(r.Added, mod.ID)
		case was.Hash != mod.Hash:
			r.Changed = append(r.Changed, mod.ID)
		}
	}
	for _, mod := range old.List() {
		if _, ok := lib.Get(mod.ID); !ok {
			r.Removed = append(r.Removed, mod.ID)
		}
	}
	slices.Sort(r.Modules)
	m.log.Info("modules reloaded", "by", who, "modules", len(r.Modules), "added", r.Added, "changed", r.Changed, "removed", r.Removed, "skipped_problems", len(problems))
	return r, nil
}
