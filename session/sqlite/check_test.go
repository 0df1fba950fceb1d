package sqlite

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"workshop/session"
)

// A new database and the files SQLite makes beside it are readable by their owner alone,
// whatever the process's umask.
func TestOpenCreatesPrivateFiles(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	s, path := openTest(t)
	newCohort(t, s, "PRIV") // a write, so the -wal file exists
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if perm := fi.Mode().Perm(); perm != 0o600 {
			t.Errorf("%s has mode %04o, want 0600", filepath.Base(p), perm)
		}
	}
	fi, err := os.Stat(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if perm := fi.Mode().Perm(); perm != 0o700 {
		t.Errorf("data directory has mode %04o, want 0700", perm)
	}
}

// roEnv names the directories a child test process running as an unprivileged user tries
// to open databases in, for TestOpenInReadOnlyDirectorySaysSo.
const roEnv = "WORKSHOP_SQLITE_TEST_READONLY_DIRS"

// A directory this user may not write is named as such, not as SQLite's "unable to open
// database file (14)": both for a new database and for one already there (whose -wal file
// cannot be made).
func TestOpenInReadOnlyDirectorySaysSo(t *testing.T) {
	if dirs := os.Getenv(roEnv); dirs != "" {
		checkReadOnlyDirs(t, strings.Split(dirs, string(os.PathListSeparator)))
		return
	}
	base := t.TempDir()
	empty, existing := filepath.Join(base, "empty"), filepath.Join(base, "existing")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	s, err := Open(filepath.Join(existing, "workshop.db"))
	if err != nil {
		t.Fatal(err)
	}
	newCohort(t, s, "RO")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() != 0 {
		for _, d := range []string{empty, existing} {
			if err := os.Chmod(d, 0o555); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = os.Chmod(d, 0o700) })
		}
		checkReadOnlyDirs(t, []string{empty, existing})
		return
	}
	// Root writes anywhere, so the check runs in a copy of this test binary as nobody, for
	// whom the directories (root's, 0755) are read-only. The database file is made writable
	// by all so that the only thing in the way is the directory.
	if err := os.Chmod(filepath.Join(existing, "workshop.db"), 0o666); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{filepath.Dir(base), base, existing} { // the test's own directories
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for d := filepath.Dir(base); d != "/"; d = filepath.Dir(d) {
		if fi, err := os.Stat(d); err != nil || fi.Mode().Perm()&0o001 == 0 {
			t.Skipf("nobody cannot reach %s", d)
		}
	}
	bin := filepath.Join(base, "sqlite.test")
	copyFile(t, os.Args[0], bin, 0o755)
	cmd := exec.Command(bin, "-test.run=^TestOpenInReadOnlyDirectorySaysSo$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), roEnv+"="+empty+string(os.PathListSeparator)+existing, "HOME="+base, "TMPDIR="+base)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	cmd.Dir = base
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("as nobody: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "--- PASS: TestOpenInReadOnlyDirectorySaysSo") {
		t.Fatalf("the check did not run as nobody:\n%s", out.String())
	}
}

func checkReadOnlyDirs(t *testing.T, dirs []string) {
	for _, d := range dirs {
		s, err := Open(filepath.Join(d, "workshop.db"))
		if err == nil {
			s.Close()
			t.Fatalf("%s: opened a database in a read-only directory", d)
		}
		if msg := err.Error(); !strings.Contains(msg, "the directory "+d+" is read-only for this user") || !strings.Contains(msg, "chmod u+w "+d) {
			t.Errorf("%s: error does not say the directory is read-only: %v", d, err)
		}
	}
}

func copyFile(t *testing.T, from, to string, perm os.FileMode) {
	t.Helper()
	src, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
}

// A database whose data pages were damaged opens (SQLite reads only what it needs), but
// Check finds it, both quick and full.
func TestCheckFindsDamagedDataPages(t *testing.T) {
	s, path := openTest(t)
	ctx := context.Background()
	c := newCohort(t, s, "DMG")
	p, err := s.AddParticipant(ctx, session.Participant{CohortID: c.ID, Name: "Ana", RejoinCode: "DMGDMGDM"})
	if err != nil {
		t.Fatal(err)
	}
	marker := "MARKER-" + strings.Repeat("x", 200)
	for i := range 200 {
		a := session.Artifact{CohortID: c.ID, StepID: fmt.Sprintf("s%03d", i), ParticipantID: p.ID, Kind: "reflection", Schema: 1,
			Data: []byte(fmt.Sprintf(`{"text":%q}`, marker)), Status: session.StatusDraft}
		if err := s.SaveArtifact(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	for _, full := range []bool{false, true} {
		if err := s.Check(ctx, full); err != nil {
			t.Fatalf("healthy database fails its check (full=%v): %v", full, err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	// Damage a copy: in the middle of the file, a page holding artifacts gets a bad header.
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pageSize := int(raw[16])<<8 | int(raw[17])
	if pageSize == 1 {
		pageSize = 65536
	}
	at := bytes.Index(raw[len(raw)/2:], []byte("MARKER-"))
	if at < 0 {
		t.Fatal("no artifact in the second half of the file")
	}
	page := (len(raw)/2 + at) / pageSize * pageSize
	for i := range 12 {
		raw[page+i] = 0xff
	}
	bad := filepath.Join(t.TempDir(), "damaged.db")
	if err := os.WriteFile(bad, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	d, err := Open(bad)
	if err != nil {
		t.Fatalf("the damaged copy does not even open (the test should damage data, not the schema): %v", err)
	}
	defer d.Close()
	for _, full := range []bool{false, true} {
		err := d.Check(ctx, full)
		if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), bad) {
			t.Errorf("damaged database passes its check (full=%v): %v", full, err)
		}
	}
}
