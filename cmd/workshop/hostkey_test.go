package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// writeHostKey writes a fresh ed25519 private key in OpenSSH form with the given mode and
// returns its fingerprint.
func writeHostKey(t *testing.T, path string, mode os.FileMode) string {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, pem.EncodeToMemory(block), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil { // whatever the umask
		t.Fatal(err)
	}
	signer, err := gossh.ParsePrivateKey(pem.EncodeToMemory(block))
	if err != nil {
		t.Fatal(err)
	}
	return gossh.FingerprintSHA256(signer.PublicKey())
}

// hostKeyOf connects to addr and returns the fingerprint of the key the server proved itself
// with.
func hostKeyOf(t *testing.T, addr string) string {
	t.Helper()
	var seen string
	cfg := sshConfig("probe", nil)
	cfg.HostKeyCallback = func(_ string, _ net.Addr, key gossh.PublicKey) error {
		seen = gossh.FingerprintSHA256(key)
		return nil
	}
	conn, err := gossh.Dial("tcp", addr, cfg)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	_ = conn.Close()
	return seen
}

// serve --host-key FILE serves with that key, and the fingerprint it logs is the one clients
// see.
func TestServeWithGivenHostKey(t *testing.T) {
	key := filepath.Join(t.TempDir(), "ssh_host_ed25519_key")
	fp := writeHostKey(t, key, 0o600)
	ts := startTestServerChanged(t, t.TempDir(), func(c *serveConfig) { c.hostKey = key })
	if got := hostKeyOf(t, ts.addr()); got != fp {
		t.Fatalf("the server proved itself with %s, want the given key %s", got, fp)
	}
	if !strings.Contains(ts.log.String(), fp) {
		t.Fatalf("the log does not name the key's fingerprint %s:\n%s", fp, ts.log.String())
	}
	// The data directory's own key is neither made nor used.
	if _, err := os.Stat(filepath.Join(ts.cfg.dataDir, "host_ed25519")); err == nil {
		t.Fatal("a host key was made in the data directory although one was given")
	}
}

// A given key that others can read, or that does not exist, is refused with the fix.
func TestServeRefusesUnsafeOrMissingHostKey(t *testing.T) {
	dir := t.TempDir()
	open := filepath.Join(dir, "open_key")
	writeHostKey(t, open, 0o644)
	cases := map[string]struct{ path, want string }{
		"readable":  {open, "readable by other users (mode 0644), who could pose as this server; run chmod 600 " + open},
		"missing":   {filepath.Join(dir, "nope"), "does not exist"},
		"not a key": {filepath.Join(dir, "notes"), "is not an SSH private key"},
	}
	if err := os.WriteFile(filepath.Join(dir, "notes"), []byte("hello"), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, c := range cases {
		_, err := startServer(serveConfig{listen: "127.0.0.1:0", dataDir: t.TempDir(), hostKey: c.path, logFormat: "text", logOut: &bytes.Buffer{}})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error saying %q", name, err, c.want)
		}
	}
}

// serve prints the host key's fingerprint at start, with the data directory's own key too.
func TestServePrintsFingerprint(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- serve(ctx, serveConfig{listen: "127.0.0.1:0", dataDir: dir, logFormat: "text", logOut: &syncBuffer{}}, out)
	}()
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(out.String(), "Server key fingerprint:") {
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("serve never printed the fingerprint:\n%s", out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	pub, err := os.ReadFile(filepath.Join(dir, "host_ed25519.pub"))
	if err != nil {
		t.Fatal(err)
	}
	k, _, _, _, err := gossh.ParseAuthorizedKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Server key fingerprint:   " + gossh.FingerprintSHA256(k) + " (ED25519)"; !strings.Contains(out.String(), want) {
		t.Fatalf("want %q in:\n%s", want, out.String())
	}
}
