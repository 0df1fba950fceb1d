package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"workshop/session"
)

// t0 has nanoseconds and a non-UTC zone so round-trip tests catch truncation and zone loss.
var t0 = time.Date(2025, 3, 14, 9, 26, 53, 589793238, time.FixedZone("CET", 3600))

func openTest(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "data", "workshop.db")
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

// newCohort saves a module version and creates a cohort on it.
func newCohort(t testing.TB, s *Store, code string) session.Cohort {
	t.Helper()
	ctx := context.Background()
	if err := s.SaveModuleVersion(ctx, "hash-"+code, "mod-"+code, []byte("source "+code)); err != nil {
		t.Fatalf("SaveModuleVersion: %v", err)
	}
	c, err := s.CreateCohort(ctx, session.Cohort{
		Code: code, Name: "Cohort " + code, ModuleID: "mod-" + code, ModuleHash: "hash-" + code,
		Pace: session.PaceLed, CreatedBy: "ann",
	})
	if err != nil {
		t.Fatalf("CreateCohort %s: %v", code, err)
	}
	return c
}

func wantErr(t *testing.T, err, target error) {
	t.Helper()
	if !errors.Is(err, target) {
		t.Fatalf("got error %v, want %v", err, target)
	}
}

func TestOpenCreatesPrivateDirectory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "b")
	s, err := Open(filepath.Join(dir, "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fi, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if perm := fi.Mode().Perm(); perm != 0o700 {
		t.Errorf("directory mode %v, want 0700", perm)
	}
	if s.Path() != filepath.Join(dir, "w.db") {
		t.Errorf("Path() = %q", s.Path())
	}
}

func TestOpenPathNeedingEscape(t *testing.T) {
	path := filepath.Join(t.TempDir(), "odd?name#50%.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	newCohort(t, s, "ODD")
	s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database not at the given path: %v", err)
	}
}

// TestConnectionSettings checks the pragmas the durability and concurrency guarantees rest on,
// on both pools, since a DSN typo would silently fall back to SQLite's defaults.
func TestConnectionSettings(t *testing.T) {
	s, _ := openTest(t)
	pragma := func(db *sql.DB, name string) string {
		t.Helper()
		var v string
		if err := db.QueryRow("PRAGMA " + name).Scan(&v); err != nil {
			t.Fatalf("PRAGMA %s: %v", name, err)
		}
		return v
	}
	for _, tt := range []struct {
		pool       string
		db         *sql.DB
		name, want string
	}{
		{"writer", s.w, "journal_mode", "wal"},
		{"writer", s.w, "synchronous", "2"}, // FULL
		{"writer", s.w, "foreign_keys", "1"},
		{"writer", s.w, "busy_timeout", "5000"},
		{"reader", s.r, "journal_mode", "wal"},
		{"reader", s.r, "foreign_keys", "1"},
		{"reader", s.r, "busy_timeout", "5000"},
	} {
		if got := pragma(tt.db, tt.name); got != tt.want {
			t.Errorf("%s %s = %s, want %s", tt.pool, tt.name, got, tt.want)
		}
	}
	if _, err := s.r.Exec(`INSERT INTO module_versions (hash, module_id, source, saved_at) VALUES ('x', 'x', x'', 'x')`); err == nil {
		t.Error("the read pool accepted a write")
	}
}

func TestFacilitators(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()

	bob := session.Facilitator{Name: "bob", Fingerprint: "SHA256:bob", PublicKey: "ssh-ed25519 AAAAbob", AddedAt: t0}
	ann := session.Facilitator{Name: "ann", Fingerprint: "SHA256:ann", PublicKey: "ssh-ed25519 AAAAann"}
	for _, f := range []session.Facilitator{bob, ann} {
		if err := s.AddFacilitator(ctx, f); err != nil {
			t.Fatalf("AddFacilitator %s: %v", f.Name, err)
		}
	}

	tests := []struct {
		name string
		f    session.Facilitator
	}{
		{"duplicate name", session.Facilitator{Name: "bob", Fingerprint: "SHA256:other", PublicKey: "k"}},
		{"duplicate key", session.Facilitator{Name: "carl", Fingerprint: "SHA256:ann", PublicKey: "k"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantErr(t, s.AddFacilitator(ctx, tt.f), session.ErrExists)
		})
	}

	fs, err := s.Facilitators(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 2 || fs[0].Name != "ann" || fs[1].Name != "bob" {
		t.Fatalf("Facilitators = %+v, want ann then bob", fs)
	}
	if want := bob; fs[1] != (session.Facilitator{Name: want.Name, Fingerprint: want.Fingerprint, PublicKey: want.PublicKey, AddedAt: t0.UTC()}) {
		t.Errorf("bob round-trip = %+v", fs[1])
	}
	if fs[0].AddedAt.IsZero() || time.Since(fs[0].AddedAt) > time.Minute {
		t.Errorf("zero AddedAt not set to now: %v", fs[0].AddedAt)
	}

	got, err := s.FacilitatorByFingerprint(ctx, "SHA256:bob")
	if err != nil || got != fs[1] {
		t.Fatalf("FacilitatorByFingerprint = %+v, %v", got, err)
	}
	_, err = s.FacilitatorByFingerprint(ctx, "SHA256:nobody")
	wantErr(t, err, session.ErrNotFound)

	if err := s.RemoveFacilitator(ctx, "bob"); err != nil {
		t.Fatal(err)
	}
	wantErr(t, s.RemoveFacilitator(ctx, "bob"), session.ErrNotFound)
	_, err = s.FacilitatorByFingerprint(ctx, "SHA256:bob")
	wantErr(t, err, session.ErrNotFound)
	// The freed name and key can be registered again.
	if err := s.AddFacilitator(ctx, bob); err != nil {
		t.Fatal(err)
	}
}

func TestModuleVersions(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	src := []byte("title: Intro\n\x00binary-safe\n")
	if err := s.SaveModuleVersion(ctx, "h1", "intro", src); err != nil {
		t.Fatal(err)
	}
	// Saving again, even with different bytes, keeps the first save.
	if err := s.SaveModuleVersion(ctx, "h1", "intro", []byte("other")); err != nil {
		t.Fatal(err)
	}
	got, err := s.ModuleVersion(ctx, "h1")
	if err != nil || !bytes.Equal(got, src) {
		t.Fatalf("ModuleVersion = %q, %v", got, err)
	}
	_, err = s.ModuleVersion(ctx, "missing")
	wantErr(t, err, session.ErrNotFound)
}

func TestCreateCohort(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	if err := s.SaveModuleVersion(ctx, "h1", "intro", []byte("x")); err != nil {
		t.Fatal(err)
	}
	in := session.Cohort{
		Code: "abc123", Name: "Tuesday", ModuleID: "intro", ModuleHash: "h1",
		Pace: session.PaceSelf, Step: 2, CreatedBy: "cli", CreatedAt: t0, UpdatedAt: t0.Add(time.Nanosecond),
	}
	c, err := s.CreateCohort(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	want := in
	want.ID = c.ID
	want.Code = "ABC123"
	want.CreatedAt, want.UpdatedAt = t0.UTC(), t0.Add(time.Nanosecond).UTC()
	if !session.LooksLikeViewCode(c.ViewCode) {
		t.Errorf("a new cohort's view code is %q", c.ViewCode)
	}
	want.ViewCode = c.ViewCode // drawn by the store when none is given
	if c.ID == 0 || !reflect.DeepEqual(c, want) {
		t.Fatalf("CreateCohort returned %+v, want %+v", c, want)
	}
	for _, code := range []string{"ABC123", "abc123", "aBc123", " abc-123 "} {
		got, err := s.CohortByCode(ctx, code)
		if !reflect.DeepEqual(err, nil) || !reflect.DeepEqual(got, want) {
			t.Errorf("CohortByCode(%q) = %+v, %v", code, got, err)
		}
	}
	got, err := s.Cohort(ctx, c.ID)
	if !reflect.DeepEqual(err, nil) || !reflect.DeepEqual(got, want) {
		t.Errorf("Cohort = %+v, %v", got, err)
	}

	evs, err := s.Timeline(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	wantEv := session.Event{ID: evs[0].ID, CohortID: c.ID, At: t0.UTC(), Actor: "cli", Action: "create",
		Detail: "cohort Tuesday from module intro"}
	if len(evs) != 1 || evs[0] != wantEv {
		t.Errorf("Timeline = %+v, want [%+v]", evs, wantEv)
	}

	// Zero times are set, and returned as they read back.
	c2, err := s.CreateCohort(ctx, session.Cohort{Code: "new", Name: "N", ModuleID: "intro", ModuleHash: "h1", Pace: session.PaceLed, CreatedBy: "ann"})
	if err != nil {
		t.Fatal(err)
	}
	if c2.CreatedAt.IsZero() || !c2.UpdatedAt.Equal(c2.CreatedAt) {
		t.Errorf("times not set: %+v", c2)
	}
	if got, _ := s.Cohort(ctx, c2.ID); !reflect.DeepEqual(got, c2) {
		t.Errorf("read back %+v, returned %+v", got, c2)
	}

	errTests := []struct {
		name   string
		c      session.Cohort
		target error
	}{
		{"duplicate code other case", session.Cohort{Code: "AbC123", ModuleID: "intro", ModuleHash: "h1", Pace: session.PaceLed}, session.ErrExists},
		{"module version not saved", session.Cohort{Code: "ZZZ", ModuleID: "intro", ModuleHash: "nope", Pace: session.PaceLed}, session.ErrNotFound},
	}
	for _, tt := range errTests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.CreateCohort(ctx, tt.c)
			wantErr(t, err, tt.target)
		})
	}
	for _, bad := range []session.Cohort{
		{Code: "", ModuleHash: "h1", Pace: session.PaceLed},
		{Code: "P1", ModuleHash: "h1", Pace: "fast"},
		{Code: "P2", ModuleHash: "h1", Pace: session.PaceLed, Step: -1},
	} {
		if _, err := s.CreateCohort(ctx, bad); err == nil {
			t.Errorf("CreateCohort(%+v) succeeded", bad)
		}
	}

	_, err = s.Cohort(ctx, 999)
	wantErr(t, err, session.ErrNotFound)
	_, err = s.CohortByCode(ctx, "nope")
	wantErr(t, err, session.ErrNotFound)
}

// A cohort keeps the translations pinned with its module, each a saved module version, and every
// way of reading a cohort returns them, sorted by language.
func TestCohortTranslations(t *testing.T) {
	s, path := openTest(t)
	ctx := context.Background()
	for _, h := range []string{"orig", "h-pt", "h-es"} {
		if err := s.SaveModuleVersion(ctx, h, "m", []byte("source "+h)); err != nil {
			t.Fatal(err)
		}
	}
	in := session.Cohort{Code: "TRANS1", Name: "T", ModuleID: "m", ModuleHash: "orig", Pace: session.PaceLed, CreatedBy: "ann",
		Translations: []session.PinnedTranslation{{Language: "pt-BR", Hash: "h-pt"}, {Language: "es", Hash: "h-es"}}}
	c, err := s.CreateCohort(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	want := []session.PinnedTranslation{{Language: "es", Hash: "h-es"}, {Language: "pt-BR", Hash: "h-pt"}}
	if !reflect.DeepEqual(c.Translations, want) {
		t.Errorf("CreateCohort returned %+v", c.Translations)
	}
	plain := newCohort(t, s, "PLAIN1")
	check := func(s *Store) {
		t.Helper()
		byID, err1 := s.Cohort(ctx, c.ID)
		byCode, err2 := s.CohortByCode(ctx, "trans1")
		all, err3 := s.Cohorts(ctx)
		if err := errors.Join(err1, err2, err3); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(byID, c) || !reflect.DeepEqual(byCode, c) {
			t.Errorf("read back %+v and %+v, created %+v", byID, byCode, c)
		}
		for _, x := range all {
			if x.ID == c.ID && !reflect.DeepEqual(x.Translations, want) || x.ID == plain.ID && x.Translations != nil {
				t.Errorf("Cohorts lists %s with %+v", x.Code, x.Translations)
			}
		}
	}
	check(s)
	// Changing the cohort leaves its translations alone, and they survive reopening.
	c.Step = 1
	if err := s.UpdateCohort(ctx, c, session.Event{Actor: "ann", Action: "step"}); err != nil {
		t.Fatal(err)
	}
	c, _ = s.Cohort(ctx, c.ID)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	check(s2)

	for name, trs := range map[string][]session.PinnedTranslation{
		"not saved":     {{Language: "it", Hash: "nope"}},
		"same language": {{Language: "es", Hash: "h-es"}, {Language: "es", Hash: "h-pt"}},
		"no language":   {{Hash: "h-es"}},
	} {
		code := "BAD" + strings.ToUpper(strings.ReplaceAll(name, " ", ""))[:3]
		_, err := s2.CreateCohort(ctx, session.Cohort{Code: code, ModuleID: "m", ModuleHash: "orig", Pace: session.PaceLed, Translations: trs})
		if err == nil {
			t.Errorf("%s: created", name)
		}
		if name == "not saved" {
			wantErr(t, err, session.ErrNotFound)
		}
		if _, err := s2.CohortByCode(ctx, code); !errors.Is(err, session.ErrNotFound) {
			t.Errorf("%s: a cohort was left behind: %v", name, err)
		}
	}
}

func TestCohortsNewestFirst(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	if err := s.SaveModuleVersion(ctx, "h", "m", nil); err != nil {
		t.Fatal(err)
	}
	if cs, err := s.Cohorts(ctx); err != nil || len(cs) != 0 {
		t.Fatalf("empty Cohorts = %v, %v", cs, err)
	}
	// Created out of time order; the listing follows CreatedAt, then creation order.
	for _, x := range []struct {
		code string
		at   time.Time
	}{{"B", t0.Add(time.Hour)}, {"A", t0}, {"C", t0.Add(2 * time.Hour)}, {"D", t0.Add(2 * time.Hour)}} {
		if _, err := s.CreateCohort(ctx, session.Cohort{Code: x.code, ModuleHash: "h", Pace: session.PaceLed, CreatedAt: x.at}); err != nil {
			t.Fatal(err)
		}
	}
	cs, err := s.Cohorts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, c := range cs {
		codes = append(codes, c.Code)
	}
	if got := strings.Join(codes, ""); got != "DCBA" {
		t.Errorf("Cohorts order %s, want DCBA", got)
	}
}

func TestUpdateCohort(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	if err := s.SaveModuleVersion(ctx, "h", "m", nil); err != nil {
		t.Fatal(err)
	}
	c, err := s.CreateCohort(ctx, session.Cohort{Code: "UPD", Name: "Before", ModuleID: "m", ModuleHash: "h",
		Pace: session.PaceLed, CreatedBy: "ann", CreatedAt: t0})
	if err != nil {
		t.Fatal(err)
	}

	c.Name, c.Pace, c.Step = "Renamed", session.PaceSelf, 3
	// CohortID in the event is ignored in favour of the cohort's.
	first := session.Event{CohortID: 12345, At: t0.Add(time.Hour), Actor: "bob", Action: "step", Detail: "to 3"}
	if err := s.UpdateCohort(ctx, c, first); err != nil {
		t.Fatal(err)
	}
	// Recorded later but stamped earlier: the timeline follows the stamps.
	c.Step = 2
	if err := s.UpdateCohort(ctx, c, session.Event{At: t0.Add(30 * time.Minute), Actor: "bob", Action: "step", Detail: "to 2"}); err != nil {
		t.Fatal(err)
	}
	before := time.Now()
	c.Step = 4
	if err := s.UpdateCohort(ctx, c, session.Event{Actor: "bob", Action: "step", Detail: "to 4"}); err != nil {
		t.Fatal(err)
	}

	got, err := s.Cohort(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Renamed" || got.Pace != session.PaceSelf || got.Step != 4 {
		t.Errorf("mutable state not written: %+v", got)
	}
	if got.Code != c.Code || got.ModuleHash != c.ModuleHash || got.CreatedBy != "ann" || got.CreatedAt != t0.UTC() {
		t.Errorf("immutable state changed: %+v vs %+v", got, c)
	}

	evs, err := s.Timeline(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var details []string
	for _, ev := range evs {
		details = append(details, ev.Detail)
	}
	if want := "cohort Before from module m,to 2,to 3,to 4"; strings.Join(details, ",") != want {
		t.Fatalf("Timeline = %q, want %q oldest first", details, want)
	}
	wantFirst := session.Event{ID: evs[2].ID, CohortID: c.ID, At: t0.Add(time.Hour).UTC(), Actor: "bob", Action: "step", Detail: "to 3"}
	if evs[2] != wantFirst {
		t.Errorf("event round-trip = %+v, want %+v", evs[2], wantFirst)
	}
	last := evs[3]
	if last.At.Before(before.Add(-time.Second)) || time.Since(last.At) > time.Minute {
		t.Errorf("zero event time not set to now: %v", last.At)
	}
	if got.UpdatedAt != last.At {
		t.Errorf("UpdatedAt %v, want the latest event's time %v", got.UpdatedAt, last.At)
	}

	// A missing cohort is reported and leaves no stray event behind.
	missing := c
	missing.ID = 999
	wantErr(t, s.UpdateCohort(ctx, missing, session.Event{Actor: "bob", Action: "step"}), session.ErrNotFound)
	if evs, _ := s.Timeline(ctx, 999); len(evs) != 0 {
		t.Errorf("events written for a missing cohort: %+v", evs)
	}
	if evs, err := s.Timeline(ctx, c.ID); err != nil || len(evs) != 4 {
		t.Errorf("Timeline after failed update = %d events, %v", len(evs), err)
	}
	if err := s.UpdateCohort(ctx, session.Cohort{ID: c.ID, Pace: "fast"}, session.Event{Actor: "bob"}); err == nil {
		t.Error("UpdateCohort accepted an unknown pace")
	}
}

func TestUpdateCohortIsAtomic(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	c := newCohort(t, s, "ATOM")
	// An event the database refuses must undo the cohort update made in the same call.
	if _, err := s.w.ExecContext(ctx, `CREATE TRIGGER refuse BEFORE INSERT ON events WHEN NEW.action = 'boom'
		BEGIN SELECT RAISE(ABORT, 'refused'); END`); err != nil {
		t.Fatal(err)
	}
	c2 := c
	c2.Step = 7
	if err := s.UpdateCohort(ctx, c2, session.Event{Actor: "bob", Action: "boom"}); err == nil {
		t.Fatal("UpdateCohort succeeded although its event was refused")
	}
	got, err := s.Cohort(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, c) {
		t.Errorf("cohort changed without its event: %+v, want %+v", got, c)
	}
}

func TestParticipants(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	c1 := newCohort(t, s, "ONE")
	c2 := newCohort(t, s, "TWO")

	keyed := session.Participant{CohortID: c1.ID, Name: "Kim", Fingerprint: "SHA256:kim", Step: 1,
		JoinedAt: t0, LastSeen: t0.Add(time.Minute)}
	p1, err := s.AddParticipant(ctx, keyed)
	if err != nil {
		t.Fatal(err)
	}
	want1 := keyed
	want1.ID = p1.ID
	want1.JoinedAt, want1.LastSeen = t0.UTC(), t0.Add(time.Minute).UTC()
	if p1.ID == 0 || p1 != want1 {
		t.Fatalf("AddParticipant = %+v, want %+v", p1, want1)
	}

	p2, err := s.AddParticipant(ctx, session.Participant{CohortID: c1.ID, Name: "Lee", RejoinCode: "rj-lee"})
	if err != nil {
		t.Fatal(err)
	}
	if p2.RejoinCode != "RJLEE" || p2.Fingerprint != "" || p2.JoinedAt.IsZero() || !p2.LastSeen.Equal(p2.JoinedAt) {
		t.Fatalf("keyless participant = %+v", p2)
	}
	// Keyless participants without any code also coexist.
	p3, err := s.AddParticipant(ctx, session.Participant{CohortID: c1.ID, Name: "Max"})
	if err != nil {
		t.Fatal(err)
	}
	// The same key may join another cohort.
	other, err := s.AddParticipant(ctx, session.Participant{CohortID: c2.ID, Name: "Kim", Fingerprint: "SHA256:kim"})
	if err != nil {
		t.Fatalf("same key in another cohort: %v", err)
	}

	errTests := []struct {
		name   string
		p      session.Participant
		target error
	}{
		{"duplicate key in cohort", session.Participant{CohortID: c1.ID, Name: "Kim2", Fingerprint: "SHA256:kim"}, session.ErrExists},
		{"duplicate rejoin code", session.Participant{CohortID: c2.ID, Name: "Lee2", RejoinCode: "RJLEE"}, session.ErrExists},
		{"duplicate rejoin code other case", session.Participant{CohortID: c1.ID, Name: "Lee3", RejoinCode: "Rj-Lee"}, session.ErrExists},
		{"missing cohort", session.Participant{CohortID: 999, Name: "Nobody"}, session.ErrNotFound},
	}
	for _, tt := range errTests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.AddParticipant(ctx, tt.p)
			wantErr(t, err, tt.target)
		})
	}

	if got, err := s.Participant(ctx, p1.ID); err != nil || got != p1 {
		t.Errorf("Participant = %+v, %v", got, err)
	}
	if got, err := s.ParticipantByFingerprint(ctx, c1.ID, "SHA256:kim"); err != nil || got != p1 {
		t.Errorf("ParticipantByFingerprint(c1) = %+v, %v", got, err)
	}
	if got, err := s.ParticipantByFingerprint(ctx, c2.ID, "SHA256:kim"); err != nil || got != other {
		t.Errorf("ParticipantByFingerprint(c2) = %+v, %v", got, err)
	}
	for _, code := range []string{"RJLEE", "rj-lee", "Rj LeE"} {
		if got, err := s.ParticipantByRejoinCode(ctx, code); err != nil || got != p2 {
			t.Errorf("ParticipantByRejoinCode(%q) = %+v, %v", code, got, err)
		}
	}

	notFound := []struct {
		name string
		err  error
	}{
		{"Participant", func() error { _, err := s.Participant(ctx, 999); return err }()},
		{"ParticipantByFingerprint", func() error { _, err := s.ParticipantByFingerprint(ctx, c1.ID, "SHA256:none"); return err }()},
		{"ParticipantByFingerprint empty", func() error { _, err := s.ParticipantByFingerprint(ctx, c1.ID, ""); return err }()},
		{"ParticipantByRejoinCode", func() error { _, err := s.ParticipantByRejoinCode(ctx, "NONE"); return err }()},
		{"ParticipantByRejoinCode empty", func() error { _, err := s.ParticipantByRejoinCode(ctx, ""); return err }()},
		{"UpdateParticipant", s.UpdateParticipant(ctx, session.Participant{ID: 999, Name: "x"})},
		{"TouchParticipant", s.TouchParticipant(ctx, 999, t0)},
	}
	for _, tt := range notFound {
		t.Run(tt.name, func(t *testing.T) { wantErr(t, tt.err, session.ErrNotFound) })
	}

	if ps, err := s.ParticipantsByFingerprint(ctx, "SHA256:none"); err != nil || len(ps) != 0 {
		t.Errorf("ParticipantsByFingerprint(unknown) = %+v, %v", ps, err)
	}

	ps, err := s.Participants(ctx, c1.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 3 || ps[0] != p1 || ps[1] != p2 || ps[2] != p3 {
		t.Errorf("Participants = %+v, want joining order", ps)
	}

	// Update writes name and step only.
	upd := p1
	upd.Name, upd.Step = "Kimberly", 5
	upd.Fingerprint, upd.CohortID = "SHA256:changed", c2.ID
	if err := s.UpdateParticipant(ctx, upd); err != nil {
		t.Fatal(err)
	}
	seen := t0.Add(time.Hour + 7*time.Nanosecond)
	if err := s.TouchParticipant(ctx, p1.ID, seen); err != nil {
		t.Fatal(err)
	}
	got, err := s.Participant(ctx, p1.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := p1
	want.Name, want.Step, want.LastSeen = "Kimberly", 5, seen.UTC()
	if got != want {
		t.Errorf("after update and touch = %+v, want %+v", got, want)
	}
}

func TestParticipantsByFingerprint(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	var ids []int64
	for i, seen := range []time.Duration{time.Hour, 3 * time.Hour, 2 * time.Hour} {
		c := newCohort(t, s, fmt.Sprintf("FP%d", i))
		p, err := s.AddParticipant(ctx, session.Participant{CohortID: c.ID, Name: "Kim", Fingerprint: "SHA256:kim",
			JoinedAt: t0, LastSeen: t0.Add(seen)})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
		if _, err := s.AddParticipant(ctx, session.Participant{CohortID: c.ID, Name: "Other", Fingerprint: "SHA256:other"}); err != nil {
			t.Fatal(err)
		}
	}
	check := func(want ...int64) {
		t.Helper()
		ps, err := s.ParticipantsByFingerprint(ctx, "SHA256:kim")
		if err != nil {
			t.Fatal(err)
		}
		var got []int64
		for _, p := range ps {
			if p.Fingerprint != "SHA256:kim" {
				t.Errorf("listed %+v", p)
			}
			got = append(got, p.ID)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("ParticipantsByFingerprint ids = %v, want %v (most recently seen first)", got, want)
		}
	}
	check(ids[1], ids[2], ids[0])
	// Being seen again moves a participant to the front.
	if err := s.TouchParticipant(ctx, ids[0], t0.Add(4*time.Hour)); err != nil {
		t.Fatal(err)
	}
	check(ids[0], ids[1], ids[2])
	if ps, err := s.ParticipantsByFingerprint(ctx, ""); err != nil || len(ps) != 0 {
		t.Errorf("ParticipantsByFingerprint(\"\") = %+v, %v", ps, err)
	}
}

func TestArtifacts(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	c := newCohort(t, s, "ART")
	c2 := newCohort(t, s, "ART2")
	p, err := s.AddParticipant(ctx, session.Participant{CohortID: c.ID, Name: "Kim", Fingerprint: "k"})
	if err != nil {
		t.Fatal(err)
	}
	q, err := s.AddParticipant(ctx, session.Participant{CohortID: c.ID, Name: "Lee", Fingerprint: "l"})
	if err != nil {
		t.Fatal(err)
	}
	stranger, err := s.AddParticipant(ctx, session.Participant{CohortID: c2.ID, Name: "Max", Fingerprint: "m"})
	if err != nil {
		t.Fatal(err)
	}

	draft := session.Artifact{CohortID: c.ID, StepID: "s1", ParticipantID: p.ID, Kind: "text", Schema: 1,
		Data: []byte(`{"text":"hello"}`), Status: session.StatusDraft, UpdatedAt: t0}
	if err := s.SaveArtifact(ctx, draft); err != nil {
		t.Fatal(err)
	}
	got, err := s.Artifact(ctx, c.ID, "s1", p.ID)
	if err != nil {
		t.Fatal(err)
	}
	assertArtifact(t, got, draft)
	if !got.SubmittedAt.IsZero() {
		t.Errorf("SubmittedAt = %v, want zero", got.SubmittedAt)
	}

	// Saving again overwrites every field.
	submitted := session.Artifact{CohortID: c.ID, StepID: "s1", ParticipantID: p.ID, Kind: "choice", Schema: 2,
		Data: []byte(`{"choice":[1,2]}`), Status: session.StatusSubmitted, UpdatedAt: t0.Add(time.Second), SubmittedAt: t0.Add(time.Second + 1)}
	if err := s.SaveArtifact(ctx, submitted); err != nil {
		t.Fatal(err)
	}
	if got, err = s.Artifact(ctx, c.ID, "s1", p.ID); err != nil {
		t.Fatal(err)
	}
	assertArtifact(t, got, submitted)

	// Back to draft clears SubmittedAt again; a zero UpdatedAt becomes now.
	reopened := submitted
	reopened.Status, reopened.SubmittedAt, reopened.UpdatedAt = session.StatusDraft, time.Time{}, time.Time{}
	if err := s.SaveArtifact(ctx, reopened); err != nil {
		t.Fatal(err)
	}
	if got, err = s.Artifact(ctx, c.ID, "s1", p.ID); err != nil {
		t.Fatal(err)
	}
	if !got.SubmittedAt.IsZero() || time.Since(got.UpdatedAt) > time.Minute {
		t.Errorf("reopened artifact = %+v", got)
	}

	for _, a := range []session.Artifact{
		{CohortID: c.ID, StepID: "s2", ParticipantID: q.ID, Kind: "text", Data: []byte(`"x"`), Status: session.StatusDraft},
		{CohortID: c.ID, StepID: "s1", ParticipantID: q.ID, Kind: "text", Status: session.StatusDraft},
		{CohortID: c2.ID, StepID: "s1", ParticipantID: stranger.ID, Kind: "text", Status: session.StatusDraft},
	} {
		if err := s.SaveArtifact(ctx, a); err != nil {
			t.Fatal(err)
		}
	}

	listTests := []struct {
		cohort int64
		step   string
		want   []string // step/participant name
	}{
		{c.ID, "s1", []string{"s1/Kim", "s1/Lee"}},
		{c.ID, "s2", []string{"s2/Lee"}},
		{c.ID, "", []string{"s1/Kim", "s1/Lee", "s2/Lee"}},
		{c.ID, "s9", nil},
		{c2.ID, "", []string{"s1/Max"}},
	}
	names := map[int64]string{p.ID: "Kim", q.ID: "Lee", stranger.ID: "Max"}
	for _, tt := range listTests {
		t.Run(fmt.Sprintf("cohort %d step %q", tt.cohort, tt.step), func(t *testing.T) {
			as, err := s.Artifacts(ctx, tt.cohort, tt.step)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, a := range as {
				if a.CohortID != tt.cohort {
					t.Errorf("artifact of cohort %d listed", a.CohortID)
				}
				got = append(got, a.StepID+"/"+names[a.ParticipantID])
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("Artifacts = %v, want %v", got, tt.want)
			}
		})
	}

	_, err = s.Artifact(ctx, c.ID, "s9", p.ID)
	wantErr(t, err, session.ErrNotFound)
	// A participant of another cohort, or none at all, cannot hold an artifact here.
	wantErr(t, s.SaveArtifact(ctx, session.Artifact{CohortID: c.ID, StepID: "s1", ParticipantID: stranger.ID, Status: session.StatusDraft}), session.ErrNotFound)
	wantErr(t, s.SaveArtifact(ctx, session.Artifact{CohortID: c.ID, StepID: "s1", ParticipantID: 999, Status: session.StatusDraft}), session.ErrNotFound)
	if err := s.SaveArtifact(ctx, session.Artifact{CohortID: c.ID, StepID: "s1", ParticipantID: p.ID, Status: "done"}); err == nil {
		t.Error("unknown status accepted")
	}
	if err := s.SaveArtifact(ctx, session.Artifact{CohortID: c.ID, StepID: "s1", ParticipantID: p.ID, Status: session.StatusDraft, Data: []byte("{not json")}); err == nil {
		t.Error("invalid JSON accepted")
	}
}

func assertArtifact(t *testing.T, got, want session.Artifact) {
	t.Helper()
	if got.CohortID != want.CohortID || got.StepID != want.StepID || got.ParticipantID != want.ParticipantID ||
		got.Kind != want.Kind || got.Schema != want.Schema || !bytes.Equal(got.Data, want.Data) || got.Status != want.Status ||
		got.UpdatedAt != want.UpdatedAt.UTC() || got.SubmittedAt != zeroOrUTC(want.SubmittedAt) {
		t.Errorf("artifact = %+v\nwant %+v", got, want)
	}
}

func zeroOrUTC(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.UTC()
}

func TestReopenKeepsDataAndSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.db")
	ctx := context.Background()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	c := newCohort(t, s, "KEEP")
	p, err := s.AddParticipant(ctx, session.Participant{CohortID: c.ID, Name: "Kim", RejoinCode: "R1"})
	if err != nil {
		t.Fatal(err)
	}
	a := session.Artifact{CohortID: c.ID, StepID: "s1", ParticipantID: p.ID, Kind: "text", Schema: 1,
		Data: []byte(`{}`), Status: session.StatusSubmitted, UpdatedAt: t0, SubmittedAt: t0}
	if err := s.SaveArtifact(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	// Opening again, several times, applies no migration twice and finds everything.
	for i := range 3 {
		s, err := Open(path)
		if err != nil {
			t.Fatalf("reopen %d: %v", i, err)
		}
		if v := userVersion(t, path); v != len(mustMigrations(t)) {
			t.Errorf("user_version = %d, want %d", v, len(mustMigrations(t)))
		}
		if got, err := s.CohortByCode(ctx, "keep"); err != nil || !reflect.DeepEqual(got, c) {
			t.Errorf("cohort after reopen = %+v, %v", got, err)
		}
		if got, err := s.ParticipantByRejoinCode(ctx, "r1"); err != nil || got != p {
			t.Errorf("participant after reopen = %+v, %v", got, err)
		}
		got, err := s.Artifact(ctx, c.ID, "s1", p.ID)
		if err != nil {
			t.Fatal(err)
		}
		assertArtifact(t, got, a)
		if src, err := s.ModuleVersion(ctx, c.ModuleHash); err != nil || string(src) != "source KEEP" {
			t.Errorf("module after reopen = %q, %v", src, err)
		}
		if evs, err := s.Timeline(ctx, c.ID); err != nil || len(evs) != 1 {
			t.Errorf("timeline after reopen = %+v, %v", evs, err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func mustMigrations(t *testing.T) []migration {
	t.Helper()
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

func userVersion(t *testing.T, path string) int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestRefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	db.Close()

	_, err = Open(path)
	if err == nil {
		t.Fatal("Open accepted a database from a newer version")
	}
	for _, want := range []string{path, "schema version 99", "newer", "upgrade"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
	if v := userVersion(t, path); v != 99 {
		t.Errorf("refused open changed user_version to %d", v)
	}
}

func TestMigrationsAreNumberedWithoutGaps(t *testing.T) {
	ms := mustMigrations(t)
	if len(ms) == 0 || ms[0].version != 1 {
		t.Fatalf("migrations = %+v", ms)
	}
}

// TestTwoStoresOnOneFile runs two stores on the same file at once, as the server and a CLI
// command do: one creates cohorts while the other adds participants and both read. None of
// it may fail with SQLITE_BUSY.
func TestTwoStoresOnOneFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.db")
	ctx := context.Background()

	// Both open a brand-new file at the same moment, so migration races too.
	var stores [2]*Store
	var wg sync.WaitGroup
	errs := make(chan error, 200)
	for i := range stores {
		wg.Go(func() {
			s, err := Open(path)
			if err != nil {
				errs <- err
				return
			}
			stores[i] = s
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("concurrent Open: %v", err)
	}
	server, cli := stores[0], stores[1]
	defer server.Close()
	defer cli.Close()

	home := newCohort(t, server, "HOME")
	if err := cli.SaveModuleVersion(ctx, "h", "m", []byte("src")); err != nil {
		t.Fatal(err)
	}

	const n = 50
	errs = make(chan error, 4*n)
	wg.Go(func() {
		for i := range n {
			if _, err := cli.CreateCohort(ctx, session.Cohort{Code: fmt.Sprintf("C%02d", i), ModuleHash: "h", Pace: session.PaceLed, CreatedBy: "cli"}); err != nil {
				errs <- fmt.Errorf("cli CreateCohort %d: %w", i, err)
			}
		}
	})
	wg.Go(func() {
		for i := range n {
			p, err := server.AddParticipant(ctx, session.Participant{CohortID: home.ID, Name: "p", Fingerprint: "fp" + strconv.Itoa(i)})
			if err != nil {
				errs <- fmt.Errorf("server AddParticipant %d: %w", i, err)
				continue
			}
			if err := server.TouchParticipant(ctx, p.ID, time.Now()); err != nil {
				errs <- fmt.Errorf("server TouchParticipant %d: %w", i, err)
			}
		}
	})
	wg.Go(func() {
		for i := range n {
			if _, err := server.Cohorts(ctx); err != nil {
				errs <- fmt.Errorf("server Cohorts %d: %w", i, err)
			}
			if _, err := cli.Participants(ctx, home.ID); err != nil {
				errs <- fmt.Errorf("cli Participants %d: %w", i, err)
			}
		}
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}

	// Each store sees the other's writes.
	if cs, err := server.Cohorts(ctx); err != nil || len(cs) != n+1 {
		t.Errorf("server sees %d cohorts, %v; want %d", len(cs), err, n+1)
	}
	if ps, err := cli.Participants(ctx, home.ID); err != nil || len(ps) != n {
		t.Errorf("cli sees %d participants, %v; want %d", len(ps), err, n)
	}
}

// childEnv names the database a child test process writes to in TestTwoProcesses.
const childEnv = "WORKSHOP_SQLITE_TEST_CHILD_DB"

// TestChildProcess is the child side of TestTwoProcesses; it does nothing in a normal run.
func TestChildProcess(t *testing.T) {
	path := os.Getenv(childEnv)
	if path == "" {
		t.Skip("runs only as a child of TestTwoProcesses")
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if err := s.SaveModuleVersion(ctx, "h", "m", nil); err != nil {
		t.Fatal(err)
	}
	for i := range 50 {
		if _, err := s.CreateCohort(ctx, session.Cohort{Code: fmt.Sprintf("X%02d", i), ModuleHash: "h", Pace: session.PaceLed, CreatedBy: "cli"}); err != nil {
			t.Fatal(err)
		}
	}
}

// TestTwoProcesses is TestTwoStoresOnOneFile across a real process boundary, where SQLite's
// file locks rather than in-process bookkeeping keep the writers apart.
func TestTwoProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	path := filepath.Join(t.TempDir(), "shared.db")
	ctx := context.Background()

	cmd := exec.Command(os.Args[0], "-test.run=^TestChildProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+path)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}

	s, err := Open(path)
	if err != nil {
		cmd.Wait()
		t.Fatal(err)
	}
	defer s.Close()
	home := newCohort(t, s, "HOME")
	for i := range 50 {
		if _, err := s.AddParticipant(ctx, session.Participant{CohortID: home.ID, Name: "p", Fingerprint: "fp" + strconv.Itoa(i)}); err != nil {
			t.Errorf("AddParticipant %d: %v", i, err)
		}
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("child process: %v\n%s", err, out.String())
	}
	if cs, err := s.Cohorts(ctx); err != nil || len(cs) != 51 {
		t.Errorf("Cohorts = %d, %v; want 51", len(cs), err)
	}
}

func TestBackup(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	c := newCohort(t, s, "BAK")
	if _, err := s.AddParticipant(ctx, session.Participant{CohortID: c.ID, Name: "Kim", Fingerprint: "k"}); err != nil {
		t.Fatal(err)
	}

	dst := filepath.Join(t.TempDir(), "backups", "w.db")
	if err := s.Backup(ctx, dst); err != nil {
		t.Fatal(err)
	}
	err := s.Backup(ctx, dst)
	wantErr(t, err, fs.ErrExist)
	if !strings.Contains(err.Error(), dst) {
		t.Errorf("error %q does not name the destination", err)
	}

	// The store keeps working, and the backup does not follow later writes.
	newCohort(t, s, "LATER")

	b, err := Open(dst)
	if err != nil {
		t.Fatalf("open backup: %v", err)
	}
	defer b.Close()
	got, err := b.CohortByCode(ctx, "bak")
	if err != nil || !reflect.DeepEqual(got, c) {
		t.Fatalf("cohort in backup = %+v, %v", got, err)
	}
	if ps, err := b.Participants(ctx, c.ID); err != nil || len(ps) != 1 {
		t.Errorf("participants in backup = %+v, %v", ps, err)
	}
	if _, err := b.CohortByCode(ctx, "LATER"); !errors.Is(err, session.ErrNotFound) {
		t.Errorf("backup holds a later write: %v", err)
	}
}

func BenchmarkSaveArtifact(b *testing.B) {
	s, _ := openTest(b)
	ctx := context.Background()
	c := newCohort(b, s, "BENCH")
	p, err := s.AddParticipant(ctx, session.Participant{CohortID: c.ID, Name: "Kim", Fingerprint: "k"})
	if err != nil {
		b.Fatal(err)
	}
	a := session.Artifact{CohortID: c.ID, StepID: "s1", ParticipantID: p.ID, Kind: "text", Schema: 1,
		Data: []byte(`{"text":"a paragraph of work in progress"}`), Status: session.StatusDraft}
	b.ResetTimer()
	for b.Loop() {
		a.UpdatedAt = time.Now()
		if err := s.SaveArtifact(ctx, a); err != nil {
			b.Fatal(err)
		}
	}
}
