package plain

import (
	"strings"
	"testing"
	"unicode"

	"workshop/content"
	"workshop/i18n"
)

// Every word a language adds means one command, and none is an English command word, so a
// word typed in any language has one meaning.
func TestLocalWordsAreUnambiguous(t *testing.T) {
	for l, words := range localWords {
		seen := map[string]string{}
		for en, locals := range words {
			if _, ok := englishWords[en]; !ok {
				t.Errorf("%s: %q translates %q, which is no command", l, locals, en)
			}
			for _, w := range locals {
				f := fold(w)
				if _, ok := englishWords[f]; ok {
					t.Errorf("%s: %q is an English command word", l, w)
				}
				if other, ok := seen[f]; ok && other != en {
					t.Errorf("%s: %q stands for both %s and %s", l, w, other, en)
				}
				seen[f] = en
				if got := commandOf(l, strings.ToUpper(w)); got != en {
					t.Errorf("%s: %q reads as %q, want %q", l, w, got, en)
				}
				if got := commandOf(l, f); got != en {
					t.Errorf("%s: %q without accents reads as %q, want %q", l, f, got, en)
				}
			}
		}
	}
	for w, en := range englishWords {
		for _, l := range i18n.Languages {
			if got := commandOf(l, w); got != en {
				t.Errorf("%s: English %q reads as %q, want %q", l, w, got, en)
			}
		}
	}
}

// The help names the commands in the reader's language: each word it should name is there.
func TestHelpNamesTheReadersWords(t *testing.T) {
	kinds := map[content.Kind][]string{
		content.KindReflection: {"undo", "clear", "done"},
		content.KindList:       {"edit", "delete", "up", "down", "list"},
		content.KindChecklist:  {"tick", "untick", "note"},
		content.KindQuiz:       {"answer"},
		content.KindScale:      {"rate"},
		content.KindVote:       {"dot", "undot", "dots"},
		content.KindMatrix:     {"place", "remove"},
		content.KindJourney:    {"set", "stage"},
		content.KindTable:      {"row", "set", "delete"},
	}
	session := []string{"step", "status", "time", "next", "back", "group", "go", "hand", "lower", "language", "full", "quit"}
	for _, l := range i18n.Languages {
		p := i18n.Strict(l)
		help := words(strings.Join(msgHelp(p), " "))
		for _, en := range session {
			if w := localWord(l, en); !help[w] {
				t.Errorf("%s: the help does not name %q (%s)", l, w, en)
			}
		}
		lobby := words(strings.Join(msgLobbyHelp(p), " "))
		for _, en := range []string{"full", "language", "quit"} {
			if w := localWord(l, en); !lobby[w] {
				t.Errorf("%s: the lobby's help does not name %q (%s)", l, w, en)
			}
		}
		for k, ens := range kinds {
			kh := words(strings.Join(kindHelp(p, k), " "))
			for _, en := range ens {
				if w := localWord(l, en); !kh[w] {
					t.Errorf("%s: the help of %s does not name %q (%s)", l, k, w, en)
				}
			}
		}
	}
}

// words is the set of words in s, in lower case.
func words(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		out[strings.ToLower(w)] = true
	}
	return out
}
