package main

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"

	"charm.land/ssh"
	"charm.land/wish/v2"
	gossh "golang.org/x/crypto/ssh"

	"workshop/i18n"
	"workshop/session"
)

// hostKey is the key the server proves itself with, and how people can check it.
type hostKey struct {
	path string
	// fingerprint is the key's SHA256 fingerprint as OpenSSH prints it ("SHA256:…"): the
	// text a participant's ssh shows the first time it connects, to compare with what a
	// facilitator reads out.
	fingerprint string
	// kind is the key type as ssh-keygen -l names it (ED25519, RSA, ECDSA).
	kind   string
	option ssh.Option
}

// loadHostKey prepares the host key at path. Given (from --host-key), the file must exist
// and be an unencrypted private key only its owner can read; otherwise it is the data
// directory's own key, made on first start.
func loadHostKey(path string, given bool) (hostKey, error) {
	if given {
		if err := checkGivenHostKey(path); err != nil {
			return hostKey{}, err
		}
	}
	// Makes an ed25519 key at path first if there is none (the data directory's key).
	opt := wish.WithHostKeyPath(path)
	pem, err := os.ReadFile(path)
	if err != nil {
		return hostKey{}, fmt.Errorf("read host key %s: %w", path, err)
	}
	signer, err := gossh.ParsePrivateKey(pem)
	var pass *gossh.PassphraseMissingError
	switch {
	case errors.As(err, &pass):
		return hostKey{}, session.Errorf(session.EInvalid, "host key %s is protected by a passphrase; the server needs one without (ssh-keygen -p -N '' -f %s removes it)", path, path)
	case err != nil:
		return hostKey{}, session.Errorf(session.EInvalid, "host key %s is not an SSH private key: %s", path, i18n.Untranslated(err.Error()))
	}
	pub := signer.PublicKey()
	return hostKey{path: path, fingerprint: gossh.FingerprintSHA256(pub), kind: keyKind(pub.Type()), option: opt}, nil
}

// checkGivenHostKey refuses a --host-key that is missing, or that other users could read (they
// could pose as this server), as the start-up check does for the data directory's key.
func checkGivenHostKey(path string) error {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return session.Errorf(session.ENotFound, "host key %s does not exist: give an existing private key with --host-key, or leave it out to use (and on first start make) the data directory's host_ed25519", path)
	case err != nil:
		return fmt.Errorf("host key %s: %w", path, err)
	case !fi.Mode().IsRegular():
		return session.Errorf(session.EInvalid, "host key %s is not a file", path)
	}
	if runtime.GOOS == "windows" {
		return nil
	}
	if perm := fi.Mode().Perm(); perm&0o077 != 0 {
		return session.Errorf(session.EInvalid, "host key %s is readable by other users (mode %s), who could pose as this server; run chmod 600 %s", path, octal(perm), path)
	}
	return nil
}

// keyKind names a key type the way ssh-keygen -l does.
func keyKind(t string) string {
	switch {
	case t == gossh.KeyAlgoED25519:
		return "ED25519"
	case t == gossh.KeyAlgoRSA:
		return "RSA"
	case strings.HasPrefix(t, "ecdsa-"):
		return "ECDSA"
	}
	return strings.ToUpper(t)
}
