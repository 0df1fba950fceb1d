package session

import (
	"context"
	"fmt"
)

// Actor is who does a facilitator action. A connection acts by the key it authenticated with,
// and rights are looked up in the store each time it acts, not once when it connected: a
// facilitator removed while their console is open can do nothing more from it. Someone at the
// server's own shell acts by name, trusted because they can already read the data directory.
type Actor struct {
	fingerprint string
	shell       string
}

// KeyActor is the facilitator whose key authenticated a connection (nobody, for keyless).
func KeyActor(id Identity) Actor { return Actor{fingerprint: id.Fingerprint} }

// ShellActor is a person at the server's shell, recorded in the timeline under name.
func ShellActor(name string) Actor { return Actor{shell: name} }

// EForbidden is the code of a refusal to someone who may not do what they asked.
const EForbidden = "forbidden"

// ErrNotFacilitator refuses a facilitator action from a connection whose key is not (or no
// longer) registered.
var ErrNotFacilitator = Errorf(EForbidden, "your facilitator key was removed, so this connection can no longer run workshops; ask a facilitator to add it again (workshop facilitator add) and reconnect")

// Authorize returns the name a facilitator action by a is recorded under, or ErrNotFacilitator
// if a may not act now. Every facilitator action and read calls it first.
func (m *Manager) Authorize(ctx context.Context, a Actor) (string, error) {
	if a.shell != "" {
		return a.shell, nil
	}
	fac, ok, err := m.Facilitators().Lookup(ctx, Identity{Fingerprint: a.fingerprint})
	switch {
	case err != nil:
		return "", fmt.Errorf("check facilitator rights: %w", err)
	case !ok:
		m.log.Warn("facilitator action refused: key not registered", "fingerprint", a.fingerprint)
		return "", ErrNotFacilitator
	}
	return fac.Name, nil
}
