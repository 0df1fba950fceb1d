//go:build unix

package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// SIGHUP makes a running server read its modules again.
func TestSIGHUPReloadsModules(t *testing.T) {
	mods := contentCopy(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out, logs := &syncBuffer{}, &syncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- serve(ctx, serveConfig{listen: "127.0.0.1:0", dataDir: t.TempDir(), contentDir: mods, logFormat: "text", logOut: logs}, out)
	}()
	waitText := func(b *syncBuffer, text string) {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for !strings.Contains(b.String(), text) {
			if time.Now().After(deadline) {
				t.Fatalf("never saw %q:\n%s", text, b.String())
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	// The banner comes after the signal is being watched for.
	waitText(out, "Server key fingerprint")
	if err := os.WriteFile(filepath.Join(mods, "broken.yaml"), []byte("id: [\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	waitText(logs, "modules reloaded")
	if !strings.Contains(logs.String(), "broken.yaml") {
		t.Fatalf("the broken file was not reported:\n%s", logs.String())
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
