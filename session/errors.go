package session

import (
	"errors"

	"workshop/i18n"
	"workshop/session/work"
)

// Error codes say what kind of answer an action got. Every code but EInternal is a refusal:
// the action was understood and declined for a reason the person can read and act on, so the
// message is shown as it is and the action is not tried again. EInternal is everything else —
// a full disk, a locked database, a bug — which no person should read verbatim.
const (
	// EConflict: the action clashes with the state things are in (a locked step, a closed
	// vote, nothing to undo).
	EConflict = "conflict"
	// EInvalid: what was typed or asked for is not acceptable (empty, too long, not a number).
	EInvalid = "invalid"
	// ENotFound: the thing named does not exist (an unknown code, a team that is not there).
	ENotFound = "not_found"
	// EInternal: anything that is not a refusal. Its details belong in the log.
	EInternal = "internal"
)

// Error is a refusal at the edge of the domain: a code for programs and a message written for
// the person who asked. Its Error method returns the message alone, so wrapping it with
// context still reads as a sentence on the command line.
type Error struct {
	Code    string
	Message string
	// Msg is the message in any language: Message is its English.
	Msg i18n.Msg
}

func (e *Error) Error() string { return e.Message }

// UserMsg is the refusal in the reader's language.
func (e *Error) UserMsg() i18n.Msg { return e.Msg }

// Errorf returns an *Error with the given code and a formatted message. The format is a
// message key (see package i18n): a string literal with its translations in the catalogs.
func Errorf(code, format string, args ...any) *Error {
	m := i18n.Msg{Key: format, Args: args}
	return &Error{Code: code, Message: m.String(), Msg: m}
}

// FaultMessage is what a person reads for an error that is not a refusal. It promises nothing
// that may not be true and says what to do.
const FaultMessage = "the server could not do that just now; try again in a moment"

// faultMsg is FaultMessage in any language.
var faultMsg = i18n.M("the server could not do that just now; try again in a moment")

// userError is an error that can say itself in the reader's language.
type userError interface {
	error
	UserMsg() i18n.Msg
}

// ErrorCode returns the code of the refusal in err's chain, EInternal for any other error,
// and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	var tl *TooLongError
	var r *work.Refusal
	var re *RosterError
	switch {
	case errors.As(err, &e):
		return e.Code
	case errors.As(err, &tl), errors.As(err, &re):
		return EInvalid
	case errors.As(err, &r):
		if errors.Is(r, work.ErrGone) {
			return EConflict
		}
		return EInvalid
	}
	return EInternal
}

// ErrorMessage returns what a person may read about err: the message of the refusal in its
// chain, or FaultMessage for anything else (log the full error instead). It returns "" for nil.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	var tl *TooLongError
	var r *work.Refusal
	var re *RosterError
	switch {
	case errors.As(err, &e):
		if e.Code == EInternal {
			return FaultMessage
		}
		return e.Message
	case errors.As(err, &tl):
		return tl.Error()
	case errors.As(err, &re):
		return re.Error()
	case errors.As(err, &r):
		return r.Error()
	}
	return FaultMessage
}

// ErrorMsg is ErrorMessage in any language: the refusal's own message, or the fault message.
// A refusal type that cannot yet say itself in other languages prints its English, marked as
// untranslated for tests.
func ErrorMsg(err error) i18n.Msg {
	if err == nil {
		return i18n.Msg{}
	}
	if ErrorCode(err) == EInternal {
		return faultMsg
	}
	var ue userError
	if errors.As(err, &ue) {
		if m := ue.UserMsg(); !m.IsZero() {
			return m
		}
	}
	return i18n.Untranslated(ErrorMessage(err))
}

// IsRefusal says whether err is a refusal (see ErrorCode): shown as it is, never retried.
func IsRefusal(err error) bool {
	c := ErrorCode(err)
	return c != "" && c != EInternal
}
