package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFacilitatorKeysFromTheShell registers a key from a file, refuses a private key file and
// a key given twice, lists the register and removes a facilitator from it.
func TestFacilitatorKeysFromTheShell(t *testing.T) {
	dir := t.TempDir()
	_, pub := newKey(t)
	pubFile := filepath.Join(dir, "id_ed25519.pub")
	privFile := filepath.Join(dir, "id_ed25519")
	if err := os.WriteFile(pubFile, []byte(pub+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(privFile, []byte("-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	refused := map[string][]string{
		"is a private key":              {"facilitator", "add", "ana", "--key-file", privFile},
		"not both":                      {"facilitator", "add", "ana", pub, "--key-file", pubFile},
		"give the public key text":      {"facilitator", "add", "ana"},
		"read key file":                 {"facilitator", "add", "ana", "--key-file", filepath.Join(dir, "missing.pub")},
		`no facilitator named "nobody"`: {"facilitator", "remove", "nobody"},
	}
	for want, args := range refused {
		if out, err := cli(t, append(args, "--data", dir)...); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%v: err %v, want %q\n%s", args, err, want, out)
		}
	}
	out, err := cli(t, "facilitator", "list", "--data", dir)
	if err != nil || !strings.Contains(out, "No facilitators yet") {
		t.Fatalf("list before any: %v\n%s", err, out)
	}
	out, err = cli(t, "facilitator", "add", "ana", "--key-file", pubFile, "--data", dir)
	if err != nil || !strings.Contains(out, "Registered facilitator ana (SHA256:") {
		t.Fatalf("add from file: %v\n%s", err, out)
	}
	out, err = cli(t, "facilitator", "list", "--data", dir)
	if err != nil || !strings.Contains(out, "KEY FINGERPRINT") || !strings.Contains(out, "ana") {
		t.Fatalf("list: %v\n%s", err, out)
	}
	out, err = cli(t, "facilitator", "remove", "ana", "--data", dir)
	if err != nil || !strings.Contains(out, "Removed facilitator ana.") {
		t.Fatalf("remove: %v\n%s", err, out)
	}
}
