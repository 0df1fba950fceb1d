package session

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"workshop/i18n"
	"workshop/session/work"
)

func TestErrorMessageShowsRefusalsAndHidesFaults(t *testing.T) {
	fault := fmt.Errorf("save work: save artifact of participant 2066 for step %q in cohort 5: begin transaction: %w", "opening",
		errors.New("database is locked (5) (SQLITE_BUSY)"))
	cases := []struct {
		name    string
		err     error
		code    string
		message string
	}{
		{"nil", nil, "", ""},
		{"locked step", ErrLocked, EConflict, ErrLocked.Message},
		{"wrapped refusal", fmt.Errorf("lock: %w", ErrVoteClosed), EConflict, ErrVoteClosed.Message},
		{"too long", Bound(i18n.M("name"), strings.Repeat("x", 50), 40), EInvalid, "name is 50 characters; the limit is 40 — shorten it by 10"},
		{"work limit", work.Check(nil, &work.Vote{Dots: map[string]int{"a": -1}}), EInvalid, "a vote cannot be negative"},
		{"unknown code", ErrUnknownCode, ENotFound, ErrUnknownCode.Message},
		{"store fault", fault, EInternal, FaultMessage},
		{"internal typed", Errorf(EInternal, "participant %d is broken", 7), EInternal, FaultMessage},
		{"sentinel store error", fmt.Errorf("load: %w", ErrNotFound), EInternal, FaultMessage},
	}
	for _, c := range cases {
		if got := ErrorCode(c.err); got != c.code {
			t.Errorf("%s: code %q, want %q", c.name, got, c.code)
		}
		if got := ErrorMessage(c.err); got != c.message {
			t.Errorf("%s: message %q, want %q", c.name, got, c.message)
		}
		if IsRefusal(c.err) != (c.code != "" && c.code != EInternal) {
			t.Errorf("%s: IsRefusal wrong", c.name)
		}
	}
	for _, internal := range []string{"2066", "transaction", "SQLITE", "cohort 5"} {
		if strings.Contains(ErrorMessage(fault), internal) {
			t.Errorf("fault message shows %q", internal)
		}
	}
}

// Every refusal the hub can give a participant or facilitator is typed, so screens show it.
func TestHubRefusalsAreTyped(t *testing.T) {
	for _, err := range []error{ErrLocked, ErrVoteClosed, ErrNoTeam, ErrNoTimer, ErrUnknownCode} {
		if !IsRefusal(err) {
			t.Errorf("%v is not a refusal", err)
		}
	}
	if _, err := ParsePace("fast"); !IsRefusal(err) {
		t.Errorf("ParsePace: %v is not a refusal", err)
	}
	if _, err := ParseTimerDuration("soon"); !IsRefusal(err) {
		t.Errorf("ParseTimerDuration: %v is not a refusal", err)
	}
}
