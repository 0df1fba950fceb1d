package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"encoding/pem"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

// startDebugTestServer is startTestServer with the debug endpoint on 127.0.0.1:0.
func startDebugTestServer(t *testing.T, dir string) *testServer {
	t.Helper()
	ts := &testServer{t: t, log: &syncBuffer{}}
	ts.cfg = serveConfig{listen: "127.0.0.1:0", dataDir: dir, contentDir: filepath.Join("testdata", "modules"),
		host: "localhost", logFormat: "text", logOut: ts.log, debugAddr: "127.0.0.1:0"}
	ts.start()
	t.Cleanup(ts.stop)
	return ts
}

// facilitatorKeyFile writes a fresh unencrypted private key, registers its public half as a
// facilitator of the data directory, and returns the key file.
func facilitatorKeyFile(t *testing.T, dir string) string {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "fac_ed25519")
	if err := os.WriteFile(file, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	pub := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(signer.PublicKey())))
	if out, err := cli(t, "facilitator", "add", "loadtest", pub, "--data", dir); err != nil {
		t.Fatalf("facilitator add: %v\n%s", err, out)
	}
	return file
}

func getVars(t *testing.T, url string) map[string]any {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var v map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
		t.Fatalf("%s is not JSON: %v", url, err)
	}
	return v
}

// The load tool, run as a person runs it, joins three real sessions, moves the cohort,
// has everyone submit, and prints a table with every row; the server's figures come from its
// debug endpoint.
func TestLoadtestAgainstTheRealServer(t *testing.T) {
	dir := t.TempDir()
	keyFile := facilitatorKeyFile(t, dir)
	ts := startDebugTestServer(t, dir)
	debugURL := "http://" + ts.srv.debug.addr()

	out, err := cli(t, "loadtest", "--addr", ts.addr(), "--participants", "3", "--facilitator-key", keyFile,
		"--module", "e2e-basics", "--rounds", "2", "--submit", "--debug-url", debugURL, "--timeout", "30s")
	if err != nil {
		t.Fatalf("loadtest: %v\n%s", err, out)
	}
	for _, row := range []string{
		"connect (dial → shell)", "ready (dial → step screen)", "fan-out (move → new step on screen)",
		"move command", "submit (ctrl+s → confirmed)", "submissions stored (roster): 3 of 3",
		"  cpu seconds", "  rss", "  goroutines", "server per join", "load tool:", "failures: 0",
	} {
		if !strings.Contains(out, row) {
			t.Errorf("the table has no %q row:\n%s", row, out)
		}
	}
	// Three screens, two moves: six fan-out measurements; three submissions.
	for _, want := range []string{"\nfan-out (move → new step on screen)  6 ", "\nsubmit (ctrl+s → confirmed)          3 ", "\nready (dial → step screen)           3 "} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", strings.TrimSpace(want), out)
		}
	}
	v := getVars(t, debugURL+"/debug/vars")
	if v["cohorts_live"].(float64) != 1 || v["publishes"].(float64) == 0 || v["renders"].(float64) == 0 || v["fanout"].(map[string]any)["count"].(float64) == 0 {
		t.Errorf("counters after the run: %v", v)
	}
}

// The load tool refuses to aim at anything but this machine unless told the server is yours.
// Only addresses on this machine are tried here, so that a broken refusal could never send
// traffic elsewhere; loadtest's own tests check other addresses without dialling.
func TestLoadtestRefusesOtherAddresses(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:2222", ":2222", "[::]:2222"} {
		out, err := cli(t, "loadtest", "--addr", addr, "--participants", "1", "--cohort", "K7MQ2P", "--rounds", "0")
		if err == nil || !strings.Contains(err.Error(), "--i-own-this-server") {
			t.Errorf("%s: err %v\n%s", addr, err, out)
		}
	}
	out, err := cli(t, "loadtest", "--addr", "127.0.0.1:2222", "--participants", "6000", "--cohort", "K7MQ2P")
	if err == nil || !strings.Contains(err.Error(), "--participants") {
		t.Errorf("6000 participants: %v\n%s", err, out)
	}
}

// The debug endpoint counts live sessions and serves pprof; it refuses a public address.
func TestDebugEndpoint(t *testing.T) {
	dir := t.TempDir()
	facKey, facPub := newKey(t)
	if out, err := cli(t, "facilitator", "add", "fran", facPub, "--data", dir); err != nil {
		t.Fatalf("facilitator add: %v\n%s", err, out)
	}
	ts := startDebugTestServer(t, dir)
	base := "http://" + ts.srv.debug.addr()
	if v := getVars(t, base+"/debug/vars"); v["sessions"].(float64) != 0 || v["goroutines"].(float64) == 0 || v["heap_bytes"].(float64) == 0 {
		t.Fatalf("at start: %v", v)
	}
	code := createCohort(t, ts, facKey)
	c := dialTerm(t, ts.addr(), code, nil, 80, 24)
	c.waitFor("What name")
	if v := getVars(t, base+"/debug/vars"); v["sessions"].(float64) != 1 {
		t.Fatalf("with one person connected: %v", v)
	}
	resp, err := http.Get(base + "/debug/pprof/goroutine?debug=1")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "goroutine profile") {
		t.Fatalf("pprof: %d %.200s", resp.StatusCode, body)
	}

	for _, addr := range []string{"0.0.0.0:0", ":0"} {
		cfg := ts.cfg
		cfg.debugAddr = addr
		if s, err := startServer(cfg); err == nil {
			s.stop()
			t.Errorf("debug on %s was allowed", addr)
		} else if !strings.Contains(err.Error(), "--debug-allow-remote") {
			t.Errorf("debug on %s: %v", addr, err)
		}
	}
}
