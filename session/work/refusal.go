package work

import (
	"workshop/i18n"
)

// Refusal is work that breaks a rule of its exercise, or a change that names something a
// teammate removed: its message is written for the participant, who can act on it, in any
// language (UserMsg). It wraps ErrLimit or ErrGone when it is one of those.
type Refusal struct {
	msg i18n.Msg
	err error
}

// Error is the refusal in English.
func (r *Refusal) Error() string { return r.msg.String() }

// UserMsg is the refusal in the reader's language.
func (r *Refusal) UserMsg() i18n.Msg { return r.msg }

// Unwrap returns ErrLimit, ErrGone or nil.
func (r *Refusal) Unwrap() error { return r.err }

// refuse is a Refusal of work that breaks a rule.
func refuse(m i18n.Msg) error { return &Refusal{msg: m} }

// overLimit is a Refusal that wraps ErrLimit.
func overLimit(m i18n.Msg) error { return &Refusal{msg: m, err: ErrLimit} }

// gone is a Refusal that wraps ErrGone: the change names something no longer there.
func gone(m i18n.Msg) error { return &Refusal{msg: m, err: ErrGone} }
