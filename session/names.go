package session

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/mtibben/confusables"
	"golang.org/x/text/secure/precis"

	"workshop/i18n"
)

// Display names. A participant's name is stored in the form NormalizeName gives it. What a
// facilitator sees is its label (Participant.Label, Labeler): the name, with " · 2", " · 3"...
// added for people who joined after someone whose name looks the same, so that two people
// never show as two identical rows, whatever letters they typed.

// ErrNameCharacters refuses a name holding characters names cannot use.
var ErrNameCharacters = Errorf(EInvalid, "that name holds a character names cannot use here (such as a middle dot ·): type it with letters, digits, spaces and punctuation")

// nameMarks are what a name loses before PRECIS judges it: joiners that shape emoji, the
// variation selectors that pick an emoji's look, and the tags of subdivision flags. They are
// welcome in answers but add nothing to a name, and PRECIS refuses them.
var nameMarks = func(r rune) bool {
	return r == zwj || r == zwnj || unicode.Is(unicode.Variation_Selector, r) || (r >= tagFirst && r <= tagLast)
}

// NormalizeName returns the stored form of a display name a person typed: cleaned like any
// text (no controls, no invisible characters), then in the form the PRECIS Nickname profile
// (RFC 8266) gives nicknames: compatibility forms folded (fullwidth Ａｎａ is Ana, NFKC), every
// kind of space a plain one, runs of spaces folded into one and the ends trimmed. Case is
// kept. An empty result is not an error; a name PRECIS refuses is ErrNameCharacters.
func NormalizeName(s string) (string, error) {
	s = CleanLine(s)
	if s == "" {
		return "", nil
	}
	out, err := precis.Nickname.String(s)
	if err != nil {
		if s = strings.Join(strings.Fields(strings.Map(dropNameMarks, s)), " "); s == "" {
			return "", nil
		}
		out, err = precis.Nickname.String(s)
	}
	if err != nil {
		return "", ErrNameCharacters
	}
	return out, nil
}

func dropNameMarks(r rune) rune {
	if nameMarks(r) {
		return -1
	}
	return r
}

// DisplayName is how a stored name is shown: its normalised form, or, for a name stored
// before names were normalised that PRECIS refuses, the name cleaned like any text.
func DisplayName(name string) string {
	if n, err := NormalizeName(name); err == nil {
		return n
	}
	return CleanLine(name)
}

// NameKey is what a name looks like: two names have the same key when they differ only in
// case, width, spacing, invisible characters or letters of other scripts drawn alike (Cyrillic
// а and Latin a, capital I and small l). It is the confusable skeleton of Unicode's UTS #39,
// taken before and after folding case so that neither hides a look-alike from the other.
func NameKey(name string) string {
	n := DisplayName(name)
	folded, err := precis.Nickname.CompareKey(confusables.Skeleton(n))
	if err != nil {
		folded = strings.ToLower(confusables.Skeleton(n))
	}
	return confusables.Skeleton(folded)
}

// Labeler gives people labels in joining order; see Label. The zero value is ready to use.
type Labeler struct {
	alike map[string]int  // by NameKey: how many names so far look like it
	given map[string]bool // the NameKey of every label given
}

// Label returns how the next person to join, named name, is shown to facilitators: their name
// as DisplayName shows it or, when someone who joined before has a name that looks the same,
// the name and " · N", N counting the look-alikes in joining order ("Ana", "ana · 2",
// "Аna · 3"). A label never changes once given and never looks like another label.
func (l *Labeler) Label(name string) string {
	if l.alike == nil {
		l.alike, l.given = map[string]int{}, map[string]bool{}
	}
	shown := DisplayName(name)
	k := NameKey(shown)
	l.alike[k]++
	n := l.alike[k]
	label := shown
	if n > 1 {
		label = fmt.Sprintf("%s · %d", shown, n)
	}
	// A normalised name cannot hold " · ", so this only loops over names stored before names
	// were normalised; each turn takes a number no label has yet.
	for l.given[NameKey(label)] {
		n++
		label = fmt.Sprintf("%s · %d", shown, n)
	}
	l.given[NameKey(label)] = true
	return label
}

// Labels returns the label of each of names, given in joining order.
func Labels(names []string) []string {
	var l Labeler
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = l.Label(n)
	}
	return out
}

// SameName says whether a name as a person typed it looks like name (see NameKey).
func SameName(typed, name string) bool { return NameKey(typed) == NameKey(name) }

// TeamTitle names a team in a heading or a sentence: "Team 1" as it is, "Blue" as "Team Blue",
// so that a team named "Team 1" is never shown as "Team Team 1".
func TeamTitle(name string) string {
	if NamedTeam(name) {
		return name
	}
	return "Team " + name
}

// NamedTeam says whether a team's name already says it is a team ("Team 1", "team red"; not
// "Teamwork").
func NamedTeam(name string) bool {
	first, _, _ := strings.Cut(strings.TrimSpace(name), " ")
	return strings.EqualFold(first, "team")
}

// TeamTitleIn is TeamTitle in the reader's language: "Team 1" as it is, "Blue" as "Equipe Blue".
func TeamTitleIn(p *i18n.Printer, name string) string {
	if NamedTeam(name) {
		return name
	}
	return p.T("Team %s", i18n.Verbatim(name))
}
