package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"workshop/internal/testenv"
	"workshop/session"
)

// tryStart starts the server on dir and stops it at once, returning the start-up error and
// the log.
func tryStart(t *testing.T, dir string) (string, error) {
	t.Helper()
	log := &syncBuffer{}
	s, err := startServer(serveConfig{listen: "127.0.0.1:0", dataDir: dir, contentDir: filepath.Join("testdata", "modules"), logFormat: "text", logOut: log})
	if err == nil {
		if serr := s.stop(); serr != nil {
			t.Fatal(serr)
		}
	}
	return log.String(), err
}

func mode(t *testing.T, path string) os.FileMode {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}

// A first start makes the directory, the database and the host key private to the account
// that runs the server, whatever the umask.
func TestStartCreatesPrivateData(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	dir := filepath.Join(t.TempDir(), "data")
	if log, err := tryStart(t, dir); err != nil {
		t.Fatalf("%v\n%s", err, log)
	}
	g := globals{dataDir: dir}
	for path, want := range map[string]os.FileMode{dir: 0o700, g.dbPath(): 0o600, g.hostKeyPath(): 0o600} {
		if got := mode(t, path); got != want {
			t.Errorf("%s has mode %04o, want %04o", path, got, want)
		}
	}
	// And a second start over that data says nothing about permissions.
	if log, err := tryStart(t, dir); err != nil || strings.Contains(log, "other users") {
		t.Fatalf("second start: %v\n%s", err, log)
	}
}

// Data other users could change or (for the host key) read is refused with a message naming
// the file and the command that fixes it; a database others can read is warned about.
func TestStartRefusesDataOthersCanReach(t *testing.T) {
	fresh := func(t *testing.T) (string, globals) {
		dir := filepath.Join(t.TempDir(), "data")
		if log, err := tryStart(t, dir); err != nil {
			t.Fatalf("%v\n%s", err, log)
		}
		return dir, globals{dataDir: dir}
	}
	t.Run("host key readable", func(t *testing.T) {
		_, g := fresh(t)
		if err := os.Chmod(g.hostKeyPath(), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := tryStart(t, g.dataDir)
		want := fmt.Sprintf("host key %s is readable by other users (mode 0644), who could pose as this server; run chmod 600 %s", g.hostKeyPath(), g.hostKeyPath())
		if err == nil || err.Error() != want {
			t.Fatalf("got %v, want %q", err, want)
		}
	})
	t.Run("directory open to everyone", func(t *testing.T) {
		dir, _ := fresh(t)
		if err := os.Chmod(dir, 0o777); err != nil {
			t.Fatal(err)
		}
		_, err := tryStart(t, dir)
		if err == nil || !strings.Contains(err.Error(), "data directory "+dir+" can be changed by other users (mode 0777)") || !strings.HasSuffix(err.Error(), "run chmod 700 "+dir) {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("database readable", func(t *testing.T) {
		_, g := fresh(t)
		if err := os.Chmod(g.dbPath(), 0o644); err != nil {
			t.Fatal(err)
		}
		log, err := tryStart(t, g.dataDir)
		if err != nil || !strings.Contains(log, "database file "+g.dbPath()+" is readable by other users") || !strings.Contains(log, "run chmod 600 "+g.dbPath()) {
			t.Fatalf("got %v, log:\n%s", err, log)
		}
	})
}

// A database whose data pages are damaged is refused at start, before anything is written
// over it, with what to do.
func TestStartRefusesDamagedDatabase(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	g := globals{dataDir: dir}
	st, err := g.openStore()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := st.SaveModuleVersion(ctx, "h", "m", []byte("m")); err != nil {
		t.Fatal(err)
	}
	c, err := st.CreateCohort(ctx, session.Cohort{Code: "DMG234", Name: "D", ModuleID: "m", ModuleHash: "h", Pace: session.PaceLed, CreatedBy: "cli"})
	if err != nil {
		t.Fatal(err)
	}
	p, err := st.AddParticipant(ctx, session.Participant{CohortID: c.ID, Name: "Ana", RejoinCode: "DMGDMGDM"})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 200 {
		a := session.Artifact{CohortID: c.ID, StepID: fmt.Sprintf("s%03d", i), ParticipantID: p.ID, Kind: "reflection", Schema: 1,
			Data: []byte(`{"text":"MARKER ` + strings.Repeat("x", 200) + `"}`), Status: session.StatusDraft}
		if err := st.SaveArtifact(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	damagePage(t, g.dbPath(), "MARKER")

	_, err = tryStart(t, dir)
	if err == nil {
		t.Fatal("the server started on a damaged database")
	}
	for _, want := range []string{"the database is damaged: " + g.dbPath() + " failed its integrity check", "Restore the newest backup over " + g.dbPath()} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("start-up error lacks %q: %v", want, err)
		}
	}
	// The refusal changed nothing: the file still opens and still fails the check.
	st2 := testenv.OpenStore(t, g.dbPath())
	if err := st2.Check(ctx, true); err == nil {
		t.Fatal("the damaged database passes the full check")
	}
}

// damagePage overwrites the header of a page in the second half of a closed database file
// that holds marker, so a data page is damaged and the schema is not.
func damagePage(t *testing.T, path, marker string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pageSize := int(raw[16])<<8 | int(raw[17])
	if pageSize == 1 {
		pageSize = 65536
	}
	at := bytes.Index(raw[len(raw)/2:], []byte(marker))
	if at < 0 {
		t.Fatal("no data page in the second half of the file")
	}
	page := (len(raw)/2 + at) / pageSize * pageSize
	for i := range 12 {
		raw[page+i] = 0xff
	}
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
}

// `workshop check` runs the full check from the shell, on healthy and damaged data alike.
func TestCheckCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if log, err := tryStart(t, dir); err != nil {
		t.Fatalf("%v\n%s", err, log)
	}
	out, err := cli(t, "check", "--data", dir)
	if err != nil || !strings.Contains(out, "passes the full integrity check") {
		t.Fatalf("check on healthy data: %v\n%s", err, out)
	}
	g := globals{dataDir: dir}
	if err := os.Chmod(g.hostKeyPath(), 0o640); err != nil {
		t.Fatal(err)
	}
	if _, err := cli(t, "check", "--data", dir); err == nil || !strings.Contains(err.Error(), "chmod 600 "+g.hostKeyPath()) {
		t.Fatalf("check passes a host key others can read: %v", err)
	}
}
