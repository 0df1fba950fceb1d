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
	*Common
	width  int
	height int
}

// whenRevoked returns the switch to the revoked notice when err says the facilitator's key
// was removed; ok is false for any other error.
func whenRevoked(com *Common, err error) (cmd tea.Cmd, ok bool) {
	if !errors.Is(err, session.ErrNotFacilitator) {
		return nil, false
	}
	return switchTo(&revoked{Common: com}), true
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
	gap := "\n\n"
	if v.height < 16 {
		gap = "\n" // a short window keeps every sentence, not the blank lines between them
	}
	w := max(v.width, 10)
	var b strings.Builder
	b.WriteString(st.Title.Render(truncate(v.T("workshop · facilitator console"), w)) + gap)
	b.WriteString(st.Bad.Render(wrap(v.T("Your facilitator key was removed."), w)) + gap)
	b.WriteString(wrap(v.T("This connection can no longer run workshops or see their participants and work. If that is a mistake, ask whoever runs the server to add your key again (workshop facilitator add), then connect again."), w) + gap)
	b.WriteString(st.Muted.Render(v.T("Press q to leave.")))
	return b.String()
}

func (v *revoked) Resize(w, h int) screen { v.width, v.height = w, h; return v }
func (v *revoked) Typing() bool           { return false }

func (v *revoked) ShortHelp() []key.Binding {
	return []key.Binding{key.NewBinding(key.WithKeys("q"), key.WithHelp("q", v.T("leave")))}
}

func (v *revoked) FullHelp() [][]key.Binding { return [][]key.Binding{v.ShortHelp()} }
