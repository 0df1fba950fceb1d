package work

import (
	"errors"
	"fmt"
)

// Refusal is work that breaks a rule of its exercise, or a change that names something a
// teammate removed: its message is written for the participant, who can act on it. It wraps
// ErrLimit or ErrGone when it is one of those.
type Refusal struct {
	msg string
	err error
}

func (r *Refusal) Error() string { return r.msg }

// Unwrap returns ErrLimit, ErrGone or nil.
func (r *Refusal) Unwrap() error { return r.err }

// refuse builds a Refusal as fmt.Errorf would build an error, keeping what %w wraps.
func refuse(format string, args ...any) error {
	e := fmt.Errorf(format, args...)
	return &Refusal{msg: e.Error(), err: errors.Unwrap(e)}
}

// overLimit is a Refusal that wraps ErrLimit with a message that does not say so again.
func overLimit(format string, args ...any) error {
	return &Refusal{msg: fmt.Sprintf(format, args...), err: ErrLimit}
}
