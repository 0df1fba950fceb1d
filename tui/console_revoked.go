package tui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"workshop/session"
)

// revoked is what a facilitator's console turns into once their key is no longer registered:
// a plain notice, no cohort data and no actions, only a way out.
type revoked struct {
	st     *Styles
	keys   KeyMap
	width  int
	height int
}

// whenRevoked returns the switch to the revoked notice when err says the facilitator's key
// was removed; ok is false for any other error.
func whenRevoked(st *Styles, keys KeyMap, err error) (cmd tea.Cmd, ok bool) {
	if !errors.Is(err, session.ErrNotFacilitator) {
		return nil, false
	}
	return switchTo(&revoked{st: st, keys: keys}), true
}

func (v *revoked) Init() tea.Cmd { return nil }

func (v *revoked) Update(msg tea.Msg) (screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && (k.String() == "q" || key.Matches(k, v.keys.Enter, v.keys.Back)) {
		return v, tea.Quit
	}
	return v, nil
}

func (v *revoked) View() string {
	st := v.st
	var b strings.Builder
	b.WriteString(st.Title.Render("workshop · facilitator console") + "\n\n")
	b.WriteString(st.Bad.Render("Your facilitator key was removed.") + "\n\n")
	b.WriteString(wrap("This connection can no longer run workshops or see their participants and work. If that is a mistake, ask whoever runs the server to add your key again (workshop facilitator add), then connect again.", max(v.width-2, 10)) + "\n\n")
	b.WriteString(st.Muted.Render("Press q to leave."))
	return b.String()
}

func (v *revoked) Resize(w, h int) screen { v.width, v.height = w, h; return v }
func (v *revoked) Typing() bool           { return false }

func (v *revoked) ShortHelp() []key.Binding {
	return []key.Binding{key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "leave"))}
}

func (v *revoked) FullHelp() [][]key.Binding { return [][]key.Binding{v.ShortHelp()} }
