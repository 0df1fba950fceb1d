package tui

import (
	"reflect"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"workshop/i18n"
)

// typingScreen is a screen that is typing or not, as the test says.
type typingScreen struct{ typing *bool }

func (s typingScreen) Init() tea.Cmd                    { return nil }
func (s typingScreen) Update(tea.Msg) (screen, tea.Cmd) { return s, nil }
func (s typingScreen) View() string                     { return "" }
func (s typingScreen) Resize(int, int) screen           { return s }
func (s typingScreen) Typing() bool                     { return *s.typing }
func (s typingScreen) ShortHelp() []key.Binding         { return nil }
func (s typingScreen) FullHelp() [][]key.Binding        { return nil }

// TestAppKeysFollowWhatDecidesThem changes, one at a time, each thing the app's end of the
// help line is built from, and checks that the kept keys are those built afresh.
func TestAppKeysFollowWhatDecidesThem(t *testing.T) {
	typing := false
	st := NewStyles(true, colorprofile.TrueColor)
	a := App{Common: newCommon(&Deps{}, &st, i18n.New(i18n.English)), help: newHelp(), screen: typingScreen{&typing}, memo: &renderMemo{}}
	check := func(when string) {
		t.Helper()
		got := a.shortHelp()
		want := a.appKeys(typing)
		if len(got) != len(want) {
			t.Fatalf("%s: %d keys, want %d", when, len(got), len(want))
		}
		for i := range got {
			if !reflect.DeepEqual(got[i].Help(), want[i].Help()) || !reflect.DeepEqual(got[i].Keys(), want[i].Keys()) {
				t.Fatalf("%s: key %d is %v %v, want %v %v", when, i, got[i].Keys(), got[i].Help(), want[i].Keys(), want[i].Help())
			}
		}
	}
	check("at first")
	check("again")
	typing = true
	check("typing")
	typing = false
	check("no longer typing")
	a.Common = a.withLang(i18n.Portuguese)
	check("in Portuguese")
	typing = true
	check("typing in Portuguese")
}
