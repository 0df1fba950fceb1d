package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

// get fetches a debug endpoint path and returns the status and body.
func get(t *testing.T, ts *testServer, path string) (int, string) {
	t.Helper()
	resp, err := http.Get("http://" + ts.srv.debug.addr() + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

func healthOf(t *testing.T, body string) healthReport {
	t.Helper()
	var rep healthReport
	if err := json.Unmarshal([]byte(body), &rep); err != nil {
		t.Fatalf("not a health report: %v\n%s", err, body)
	}
	return rep
}

// /healthz is 200 while the store writes and the listener is up, 503 with the failing check
// named while another process holds the database's write lock or the listener is closed;
// `workshop health` exits accordingly.
func TestHealthz(t *testing.T) {
	t.Parallel() // most of it is waiting (a lock's busy timeout, a grace time): it waits beside the others
	dir := t.TempDir()
	ts := startTestServerChanged(t, dir, func(c *serveConfig) { c.debugAddr = "127.0.0.1:0" })
	code, body := get(t, ts, "/healthz")
	rep := healthOf(t, body)
	if code != 200 || rep.Status != "ok" || rep.Checks["store"].Status != "ok" || rep.Checks["listener"].Status != "ok" {
		t.Fatalf("healthy server answered %d:\n%s", code, body)
	}
	var out bytes.Buffer
	if err := checkHealth(context.Background(), ts.srv.debug.addr(), &out); err != nil || !strings.Contains(out.String(), "store: ok") {
		t.Fatalf("workshop health on a healthy server: %v\n%s", err, out.String())
	}

	// Another process takes the write lock and keeps it.
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "workshop.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	code, body = get(t, ts, "/healthz")
	rep = healthOf(t, body)
	if code != 503 || rep.Status != "failing" || rep.Checks["store"].Status != "failing" || !strings.Contains(rep.Checks["store"].Error, "locked") {
		t.Fatalf("with the database locked /healthz answered %d:\n%s", code, body)
	}
	if _, err := conn.ExecContext(ctx, "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	_ = conn.Close()
	if code, body = get(t, ts, "/healthz"); code != 200 {
		t.Fatalf("after the lock went /healthz answered %d:\n%s", code, body)
	}

	// The SSH listener closes (as when the server stops): the debug endpoint says so.
	_ = ts.srv.ln.Close()
	deadline := 0
	for {
		code, body = get(t, ts, "/healthz")
		if code == 503 {
			break
		}
		if deadline++; deadline > 1000 {
			t.Fatalf("/healthz still %d after the listener closed:\n%s", code, body)
		}
	}
	if rep = healthOf(t, body); rep.Checks["listener"].Status != "failing" || rep.Checks["store"].Status != "ok" {
		t.Fatalf("listener closed:\n%s", body)
	}
	out.Reset()
	if err := checkHealth(context.Background(), ts.srv.debug.addr(), &out); err == nil || !strings.Contains(err.Error(), "listener failing") {
		t.Fatalf("workshop health with the listener closed: %v\n%s", err, out.String())
	}
}

// `workshop health` against nothing fails with a message naming the address.
func TestHealthCommandWithoutServer(t *testing.T) {
	err := checkHealth(context.Background(), "127.0.0.1:1", io.Discard)
	if err == nil || !strings.Contains(err.Error(), "--debug-addr 127.0.0.1:1") {
		t.Fatalf("got %v", err)
	}
}

// /metrics counts what happened: a join and a save show in their counters.
func TestMetricsEndpoint(t *testing.T) {
	ts, facKey, _ := setup(t)
	ts.stop()
	ts.cfg.debugAddr = "127.0.0.1:0"
	ts.start()
	code := createCohort(t, ts, facKey)
	ana := dialTerm(t, ts.addr(), "ana", nil, 80, 24)
	joinKeyless(t, ana, code, "Ana")
	status, body := get(t, ts, "/metrics")
	if status != 200 {
		t.Fatalf("/metrics answered %d", status)
	}
	for _, want := range []string{"\nworkshop_joins_total 1\n", "\nworkshop_sessions 1\n", "\nworkshop_cohorts_live 1\n", "# TYPE workshop_fanout_seconds histogram\n", `workshop_build_info{goversion="go`} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q:\n%s", want, body)
		}
	}
}
