package session

import (
	"crypto/rand"
	"math/big"
	"strings"
)

// CodeAlphabet holds the characters of join and rejoin codes: digits and capitals without the
// look-alikes 0/O, 1/I/L, so a code read aloud or copied by hand comes out right.
const CodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

// Code lengths.
const (
	JoinCodeLen   = 6
	RejoinCodeLen = 8
	// ViewCodeLen is the length of a view code, which opens a cohort's big screen: one
	// between the other two, so no view code ever has the shape of a join or rejoin code.
	ViewCodeLen = 7
)

// NewJoinCode returns a random cohort join code, e.g. "K7MQ2P".
func NewJoinCode() string { return randomCode(JoinCodeLen) }

// NewViewCode returns a random view code for a cohort's big screen, e.g. "V7MQ2PX".
func NewViewCode() string { return randomCode(ViewCodeLen) }

// NewRejoinCode returns a random personal rejoin code in its display form, e.g. "K7MQ-2PXD".
func NewRejoinCode() string {
	c := randomCode(RejoinCodeLen)
	return c[:4] + "-" + c[4:]
}

// NormalizeCode turns what a person typed into a code's stored form: upper case, with spaces
// and dashes removed. It does not check the result; see LooksLikeJoinCode.
func NormalizeCode(s string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	return codeSeparators.Replace(s)
}

// codeSeparators drops what people type between a code's characters. One replacer serves
// every lookup: it is safe for concurrent use, and building one is most of a lookup's cost.
var codeSeparators = strings.NewReplacer("-", "", " ", "", "_", "")

// LooksLikeJoinCode says whether a normalised code has the shape of a join code.
func LooksLikeJoinCode(s string) bool { return len(s) == JoinCodeLen && inAlphabet(s) }

// LooksLikeViewCode says whether a normalised code has the shape of a view code.
func LooksLikeViewCode(s string) bool { return len(s) == ViewCodeLen && inAlphabet(s) }

// LooksLikeRejoinCode says whether a normalised code has the shape of a rejoin code.
func LooksLikeRejoinCode(s string) bool { return len(s) == RejoinCodeLen && inAlphabet(s) }

// FormatRejoinCode turns a stored rejoin code into its display form.
func FormatRejoinCode(s string) string {
	s = NormalizeCode(s)
	if len(s) != RejoinCodeLen {
		return s
	}
	return s[:4] + "-" + s[4:]
}

func inAlphabet(s string) bool {
	for _, r := range s {
		if !strings.ContainsRune(CodeAlphabet, r) {
			return false
		}
	}
	return true
}

func randomCode(n int) string {
	b := make([]byte, n)
	max := big.NewInt(int64(len(CodeAlphabet)))
	for i := range b {
		v, err := rand.Int(rand.Reader, max)
		if err != nil {
			// crypto/rand does not fail on supported platforms; see its documentation.
			panic("crypto/rand: " + err.Error())
		}
		b[i] = CodeAlphabet[v.Int64()]
	}
	return string(b)
}
