package main

import (
	"errors"
	"io"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

// forger offers a registered facilitator's public key without holding its private key: it can
// name the key but its signatures are made with another one.
type forger struct {
	public gossh.PublicKey
	own    gossh.Signer
}

func (f forger) PublicKey() gossh.PublicKey { return f.public }

func (f forger) Sign(r io.Reader, data []byte) (*gossh.Signature, error) {
	return f.own.Sign(r, data) // a valid signature, by the wrong key
}

// A client that offers a registered facilitator's key but signs with another one gets nothing:
// the server accepts the offer (anyone may try a key), then refuses the signature and ends the
// handshake before any session exists. (A client that offers the key and then logs in another
// way is keyless by construction: the identity comes from the permissions of the method that
// authenticated — see session.IdentityFromKey and STACK.md.)
func TestForgedFacilitatorKeyGetsNothing(t *testing.T) {
	ts, facKey, _ := setup(t)
	mine, _ := newKey(t)
	cfg := sshConfig("cli", forger{public: facKey.PublicKey(), own: mine})
	if conn, err := gossh.Dial("tcp", ts.addr(), cfg); err == nil {
		defer conn.Close()
		out, errOut, code := runOn(t, conn, "cohorts")
		t.Fatalf("a forged facilitator key got a connection: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	// The real key still works.
	if out, errOut, code := runCommand(t, ts.addr(), facKey, "cohorts"); code != 0 {
		t.Fatalf("the facilitator's own key: exit %d: %s %s", code, out, errOut)
	}
}

// runOn runs one command on an open connection.
func runOn(t *testing.T, conn *gossh.Client, args string) (string, string, int) {
	t.Helper()
	sess, err := conn.NewSession()
	if err != nil {
		return "", err.Error(), -1
	}
	defer sess.Close()
	var out, errOut strings.Builder
	sess.Stdout, sess.Stderr = &out, &errOut
	err = sess.Run(args)
	var exit *gossh.ExitError
	if errors.As(err, &exit) {
		return out.String(), errOut.String(), exit.ExitStatus()
	}
	return out.String(), errOut.String(), 0
}
