package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"workshop/session"
)

// Cohorts stored before view codes existed each get one of their own when the database is
// opened by this version, and keep their join codes.
func TestViewCodesAreBackfilled(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	ms := mustMigrations(t)
	const before = 11 // the schema before 0012_view_code
	for _, m := range ms[:before] {
		if _, err := db.Exec(m.sql); err != nil {
			t.Fatalf("%s: %v", m.name, err)
		}
	}
	if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", before)); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO module_versions (hash, module_id, source, saved_at) VALUES ('h', 'm', X'00', '2026-01-01T00:00:00.000000000Z')`); err != nil {
		t.Fatal(err)
	}
	const n = 50
	for i := range n {
		if _, err := db.Exec(`INSERT INTO cohorts (code, name, module_id, module_hash, pace, step, created_by, created_at, updated_at)
			VALUES (?, 'Old', 'm', 'h', 'led', 0, 'test', '2026-01-01T00:00:00.000000000Z', '2026-01-01T00:00:00.000000000Z')`, fmt.Sprintf("OLD%03d", i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	cs, err := s.Cohorts(ctx)
	if err != nil || len(cs) != n {
		t.Fatalf("cohorts %d, %v", len(cs), err)
	}
	seen := map[string]bool{}
	for _, c := range cs {
		if !session.LooksLikeViewCode(c.ViewCode) || seen[c.ViewCode] {
			t.Fatalf("cohort %s has view code %q (seen before: %v)", c.Code, c.ViewCode, seen[c.ViewCode])
		}
		seen[c.ViewCode] = true
		got, err := s.CohortByViewCode(ctx, c.ViewCode)
		if err != nil || got.Code != c.Code {
			t.Fatalf("by view code %s: %s, %v", c.ViewCode, got.Code, err)
		}
	}
	// A new cohort gets a fresh one; giving one that is taken is refused like a taken join code.
	fresh := newCohort(t, s, "FRESH1")
	if !session.LooksLikeViewCode(fresh.ViewCode) || seen[fresh.ViewCode] {
		t.Errorf("new cohort's view code %q", fresh.ViewCode)
	}
	_, err = s.CreateCohort(ctx, session.Cohort{Code: "OTHER1", ViewCode: fresh.ViewCode, Name: "x", ModuleID: fresh.ModuleID, ModuleHash: fresh.ModuleHash, Pace: session.PaceLed, CreatedBy: "t"})
	if !errors.Is(err, session.ErrExists) {
		t.Errorf("a taken view code: %v", err)
	}
	if _, err := s.CohortByViewCode(ctx, ""); !errors.Is(err, session.ErrNotFound) {
		t.Errorf("an empty view code: %v", err)
	}
}
