package session

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

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

// Every kind of refusal says itself in the reader's language: a session.Error, text too long,
// a roster file's problems, work that breaks its exercise's rules and a change to something a
// teammate removed; a fault is the fault message in that language.
func TestErrorMsgOfEveryRefusalInPortuguese(t *testing.T) {
	roster, err := ParseRoster([]byte("nome,team\nAna,Azul\n"))
	if err == nil {
		t.Fatalf("a roster with an unknown column was read: %v", roster)
	}
	gone := (&work.List{}).Edit("x", "y", 0)
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"session error", ErrLocked, "a facilitação travou esta etapa"},
		{"wrapped session error", fmt.Errorf("vote: %w", ErrVoteClosed), "a votação está encerrada"},
		{"formatted session error", Errorf(EInvalid, "meeting %d is open: end it first", 3), "o encontro 3 está aberto"},
		{"too long", Bound(i18n.M("the message"), strings.Repeat("x", 50), 40), "a mensagem: 50 caracteres; o limite é 40 — encurte em 10"},
		{"roster", err, "nada foi importado: 1 problema no arquivo\nlinha 1: coluna desconhecida \"nome\""},
		{"work rule", work.Check(nil, &work.Vote{Dots: map[string]int{"a": -1}}), "um voto não pode ser negativo"},
		{"work gone", gone, "esse item não está mais no quadro"},
		{"too many codes", &TooManyCodesError{Wait: 3 * time.Second}, "Aguarde 3 segundos e tente de novo."},
		{"not a facilitator", fmt.Errorf("export: %w", ErrNotFacilitator), "sua chave de facilitação foi removida"},
		{"name characters", ErrNameCharacters, "esse nome tem um caractere"},
		{"fault", errors.New("disk full"), "o servidor não conseguiu fazer isso agora"},
	}
	pt := i18n.Strict(i18n.Portuguese)
	for _, c := range cases {
		if c.err == nil {
			t.Fatalf("%s: no error", c.name)
		}
		got := pt.Msg(ErrorMsg(c.err))
		if !strings.Contains(got, c.want) || strings.Contains(got, "⟦") {
			t.Errorf("%s: %q, want it to hold %q", c.name, got, c.want)
		}
	}
}
