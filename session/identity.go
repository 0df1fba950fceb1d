package session

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"workshop/i18n"
)

// Identity is who an SSH connection proved to be. Fingerprint comes only from a key that
// actually authenticated the connection; it is empty for a keyless login.
type Identity struct {
	Fingerprint string
}

// Keyless says whether the connection authenticated without a key.
func (id Identity) Keyless() bool { return id.Fingerprint == "" }

// IdentityFromKey builds the identity of a connection authenticated by key (nil for keyless).
func IdentityFromKey(key gossh.PublicKey) Identity {
	if key == nil {
		return Identity{}
	}
	return Identity{Fingerprint: gossh.FingerprintSHA256(key)}
}

// ParseFacilitatorKey reads one public key in authorized_keys form ("ssh-ed25519 AAAA... comment")
// and returns its fingerprint and normalised text.
func ParseFacilitatorKey(text string) (fingerprint, authorized string, err error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return "", "", Errorf(EInvalid, "no public key given: pass the key text or --key-file ~/.ssh/id_ed25519.pub")
	}
	key, comment, _, _, err := gossh.ParseAuthorizedKey([]byte(text))
	if err != nil {
		return "", "", Errorf(EInvalid, "not a public key (expected a line like \"ssh-ed25519 AAAA... you@host\", as in a .pub file)")
	}
	authorized = strings.TrimSpace(string(gossh.MarshalAuthorizedKey(key)))
	if comment = CleanLine(comment); comment != "" {
		authorized += " " + comment
	}
	return gossh.FingerprintSHA256(key), authorized, nil
}

// Facilitators manages the registered facilitator keys.
type Facilitators struct{ store Store }

// NewFacilitators returns facilitator management over store.
func NewFacilitators(store Store) *Facilitators { return &Facilitators{store: store} }

// Add registers a facilitator by name and public key text.
func (f *Facilitators) Add(ctx context.Context, name, keyText string) (Facilitator, error) {
	name = CleanLine(name)
	if name == "" {
		return Facilitator{}, Errorf(EInvalid, "facilitator name is empty")
	}
	if err := Bound(i18n.M("facilitator name"), name, MaxNameLen); err != nil {
		return Facilitator{}, err
	}
	fp, authorized, err := ParseFacilitatorKey(keyText)
	if err != nil {
		return Facilitator{}, err
	}
	fac := Facilitator{Name: name, Fingerprint: fp, PublicKey: authorized, AddedAt: time.Now().UTC()}
	if err := f.store.AddFacilitator(ctx, fac); err != nil {
		if errors.Is(err, ErrExists) {
			return Facilitator{}, Errorf(EConflict, "a facilitator named %q or with key %s is already registered (see `workshop facilitator list`)", name, fp)
		}
		return Facilitator{}, fmt.Errorf("add facilitator: %w", err)
	}
	return fac, nil
}

// Lookup returns the facilitator an identity belongs to, and false for anyone else. It reads the
// store on every call so that added or removed keys take effect without a restart.
func (f *Facilitators) Lookup(ctx context.Context, id Identity) (Facilitator, bool, error) {
	if id.Keyless() {
		return Facilitator{}, false, nil
	}
	fac, err := f.store.FacilitatorByFingerprint(ctx, id.Fingerprint)
	if errors.Is(err, ErrNotFound) {
		return Facilitator{}, false, nil
	}
	if err != nil {
		return Facilitator{}, false, fmt.Errorf("look up facilitator: %w", err)
	}
	return fac, true, nil
}
