package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"

	"workshop/i18n"
)

// Minimum terminal size; below it the app asks for a larger window instead of drawing.
const (
	MinWidth  = 40
	MinHeight = 12
)

// screen is one full-window view of the app.
type screen interface {
	Init() tea.Cmd
	Update(msg tea.Msg) (screen, tea.Cmd)
	// View draws the screen in exactly the size last given to Resize.
	View() string
	Resize(width, height int) screen
	// Typing says whether keys go into a text field, so single-letter shortcuts are off.
	Typing() bool
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
}

// switchMsg replaces the current screen; com, when set, is the Common the new screen was made
// with, in the language the session speaks from now on.
type switchMsg struct {
	to  screen
	com *Common
}

func switchTo(s screen) tea.Cmd { return func() tea.Msg { return switchMsg{to: s} } }

// switchSpeaking replaces the current screen with one made with com, which the app takes too.
func switchSpeaking(s screen, com *Common) tea.Cmd {
	return func() tea.Msg { return switchMsg{to: s, com: com} }
}

// App is the root model of a session: it owns the window size, styles and help, and shows
// one screen at a time.
type App struct {
	*Common
	// help is behind a pointer: the app is passed by value on every message, and the help
	// model's styles made each copy a large allocation.
	help     *help.Model
	showHelp bool
	width    int
	height   int
	dark     bool
	profile  colorprofile.Profile
	screen   screen
	memo     *renderMemo
}

// passive is a screen that only shows: it has the whole window (no help line), and every key
// but leaving does nothing while Passive says so.
type passive interface{ Passive() bool }

// NewApp returns the app for one session: the big screen for `ssh view@HOST` and a
// facilitator's `screen CODE`, the facilitator console for a registered facilitator key, the
// lobby for everyone else.
func NewApp(deps *Deps) App {
	st := NewStyles(true, colorprofile.TrueColor)
	st.Cache = deps.Render
	lang := i18n.Choose("", deps.Terminal, "")
	a := App{Common: newCommon(deps, &st, i18n.New(lang)), help: newHelp(), width: 80, height: 24, dark: true, profile: colorprofile.TrueColor, memo: &renderMemo{}}
	switch {
	case deps.ScreenCode != "" || deps.BigScreen:
		a.screen = newBigScreen(a.Common)
	case deps.Facilitator != nil:
		a.screen = startConsole(a.Common)
	default:
		a.screen = newLobby(a.Common)
	}
	a.screen = a.screen.Resize(a.bodySize())
	return a
}

// Init starts the first screen. The front door asks the terminal for its background colour
// (the answer arrives as a tea.BackgroundColorMsg); the program has no input of its own to
// read the answer with.
// newHelp is a help model for one session.
func newHelp() *help.Model {
	h := help.New()
	return &h
}

func (a App) Init() tea.Cmd {
	return a.screen.Init()
}

// Update handles window-wide messages and passes the rest to the screen.
func (a App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.help.SetWidth(msg.Width)
		a.screen = a.screen.Resize(a.bodySize())
		return a, nil
	case tea.BackgroundColorMsg:
		a.dark = msg.IsDark()
		a.restyle()
		return a, nil
	case tea.ColorProfileMsg:
		a.profile = msg.Profile
		a.restyle()
		return a, nil
	case switchMsg:
		if msg.com != nil {
			a.Common = msg.com
		}
		a.screen = msg.to.Resize(a.bodySize())
		a.showHelp = false
		return a, a.screen.Init()
	case plainMsg:
		return a, a.toPlain(msg.who)
	case langMsg:
		return a.speak(msg.com)
	case tea.KeyPressMsg:
		if key.Matches(msg, a.keys.Quit) {
			return a, tea.Quit
		}
		if a.passive() {
			if msg.String() == "q" {
				return a, tea.Quit
			}
			return a, nil
		}
		// A facilitator's console chooses and stores its language itself (console_lang.go).
		if msg.String() == languageKey && (a.deps == nil || a.deps.Facilitator == nil) {
			return a.nextLanguage()
		}
		if cmd, ok := a.plainKey(msg); ok {
			return a, cmd
		}
		if a.showHelp {
			if key.Matches(msg, a.keys.Help, a.keys.Back) || msg.String() == "f1" || msg.String() == "q" {
				a.showHelp = false
			}
			return a, nil
		}
		if msg.String() == "f1" || (!a.screen.Typing() && key.Matches(msg, a.keys.Help)) {
			a.showHelp = true
			return a, nil
		}
	}
	var cmd tea.Cmd
	a.screen, cmd = a.screen.Update(msg)
	return a, cmd
}

func (a *App) restyle() {
	shared := a.st.Cache
	*a.st = NewStyles(a.dark, a.profile)
	a.st.Cache = shared
	a.help.Styles = help.DefaultStyles(a.dark)
	a.screen = a.screen.Resize(a.bodySize())
}

// bodySize is the space a screen gets: the window less the help line (the whole window for
// a passive screen).
func (a App) bodySize() (int, int) {
	if a.passive() {
		return max(a.width, 1), max(a.height, 1)
	}
	return max(a.width, 1), max(a.height-1, 1)
}

// passive says whether the screen only shows now (see passive).
func (a App) passive() bool {
	p, ok := a.screen.(passive)
	return ok && p.Passive()
}

// View draws the screen and the help line, or a request for a larger window.
func (a App) View() tea.View {
	a.deps.Metrics.Rendered()
	v := tea.NewView(a.render())
	v.AltScreen = true
	v.WindowTitle = "workshop"
	return v
}

func (a App) render() string {
	if a.width < MinWidth || a.height < MinHeight {
		return tooSmall(a.Common, a.width, a.height)
	}
	if a.showHelp {
		return a.fullHelp()
	}
	m := a.memo
	if m == nil {
		m = &renderMemo{} // an App made without NewApp, in tests
	}
	if a.passive() {
		return m.shared(a.screen.View(), a.width, a.height, a.st.Cache, "")
	}
	// The help line first: the body is fitted straight into the frame, followed by it.
	help := m.helpLine(a.help, a.shortHelp(), a.width, a.st)
	return m.shared(a.screen.View(), a.width, a.height-1, a.st.Cache, "\n"+help)
}

// renderMemo keeps what the last frame computed that the next one most likely needs again:
// each row's fitted form and the help line. A frame differs from the one before in a few rows
// (a countdown, a typed key), and measuring and styling the rest again was most of its cost.
type renderMemo struct {
	in, out []string // rows as the screen drew them, and as fitted to the window
	width   int

	helpKey, help string

	// app is the app's own end of the help line ("more keys", "leave"), as built last and
	// what decides it: the session's Common (its keys and language) and whether the screen
	// is typing (f1 instead of ?).
	app struct {
		com    *Common
		typing bool
		keys   []key.Binding
	}
}

// appKeys is the app's end of the help line as last built, if built for com and typing. The
// slice is shared from one frame to the next: callers copy it, never change it.
func (m *renderMemo) appKeys(com *Common, typing bool) ([]key.Binding, bool) {
	if m == nil || m.app.keys == nil || m.app.com != com || m.app.typing != typing {
		return nil, false
	}
	return m.app.keys, true
}

// keepAppKeys remembers keys as the app's end of the help line for com and typing.
func (m *renderMemo) keepAppKeys(com *Common, typing bool, keys []key.Binding) {
	if m != nil {
		m.app.com, m.app.typing, m.app.keys = com, typing, keys
	}
}

// shared is fit, taken from the frames other sessions fitted when one drew the same: screens
// of a cohort show the same frame after a move. The rows memo is left as it was then; it still
// holds rows with their fitted forms, which is all fit reads from it.
func (m *renderMemo) shared(s string, width, height int, cache *RenderCache, tail string) string {
	return cache.Fitted(s, tail, width, height, func() string { return m.fit(s, width, height, cache, tail) })
}

// fit is fitBlock followed by tail, measuring only the rows that differ from the last
// frame's. The frame is written once, into a buffer of its final size.
func (m *renderMemo) fit(s string, width, height int, shared *RenderCache, tail string) string {
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	if width != m.width {
		m.in, m.out, m.width = nil, nil, width
	}
	out := make([]string, height)
	for i, l := range lines {
		if i < len(m.in) && m.in[i] == l {
			out[i] = m.out[i]
			continue
		}
		out[i] = shared.Truncate(l, width)
	}
	m.in, m.out = lines, out
	size := len(tail) + len(out) - 1
	for _, l := range out {
		size += len(l)
	}
	var b strings.Builder
	b.Grow(size)
	for i, l := range out {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l)
	}
	b.WriteString(tail)
	return b.String()
}

// helpLine is the short help for the window, styled again only when the keys shown change,
// and then shared with every session showing the same keys in the same styles.
func (m *renderMemo) helpLine(h *help.Model, keys []key.Binding, width int, st *Styles) string {
	var b strings.Builder
	b.Grow(len(m.helpKey))
	b.WriteString("help|")
	b.WriteString(st.Key())
	b.WriteByte('|')
	b.WriteString(strconv.Itoa(width))
	for _, k := range keys {
		if k.Enabled() {
			h := k.Help()
			b.WriteByte('|')
			b.WriteString(h.Key)
			b.WriteByte(0)
			b.WriteString(h.Desc)
		}
	}
	if key := b.String(); key != m.helpKey || m.help == "" {
		// The help model can overshoot a narrow window; the frame never may.
		m.helpKey, m.help = key, st.Cache.Styled(key, func() string { return truncate(h.ShortHelpView(keys), width) })
	}
	return m.help
}

func (a App) shortHelp() []key.Binding {
	keys := a.screen.ShortHelp()
	typing := a.screen.Typing()
	// The same on every frame until the language or the typing changes: building them
	// translated their descriptions again each time.
	app, ok := a.memo.appKeys(a.Common, typing)
	if !ok {
		app = a.appKeys(typing)
		a.memo.keepAppKeys(a.Common, typing, app)
	}
	return append(keys, app...)
}

// appKeys are the keys every screen has, as the help line ends with them: more keys and leave
// (f1 instead of ? while typing).
func (a App) appKeys(typing bool) []key.Binding {
	h := relabel(a.keys.Help, "?", a.T("more keys"))
	if typing {
		h = key.NewBinding(key.WithKeys("f1"), key.WithHelp("f1", a.T("more keys")))
	}
	return []key.Binding{h, relabel(a.keys.Quit, "ctrl+c", a.T("leave"))}
}

func (a App) fullHelp() string {
	own := []key.Binding{relabel(a.keys.Help, "?", a.T("more keys")), relabel(a.keys.Quit, "ctrl+c", a.T("leave"))}
	groups := append(a.screen.FullHelp(), own)
	title := a.st.Title.Render(a.T("Keys"))
	body := a.help.FullHelpView(groups)
	foot := a.st.Muted.Render(a.T("Press ? or esc to close this help."))
	if _, ok := a.screen.(langScreen); ok {
		// The language key is a line of its own: the columns above are full at 80 columns.
		foot += "\n" + a.st.Muted.Render(a.T("F3 Language: %s", i18n.Verbatim(a.Lang().Name())))
	}
	return fitBlock(lipgloss.JoinVertical(lipgloss.Left, title, "", body, "", foot), a.width, a.height)
}

func tooSmall(c *Common, w, h int) string {
	msg := c.T("Please enlarge your terminal.\nIt is %d×%d; workshop needs at least %d×%d.", w, h, MinWidth, MinHeight)
	lines := strings.Split(msg, "\n")
	for i, l := range lines {
		lines[i] = truncate(l, max(w, 1))
	}
	return c.st.Warn.Render(strings.Join(lines, "\n"))
}
