package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"workshop/session"
)

// joinCard shows a cohort's join code big enough to read from the back of a room, with the
// exact ssh line to read out or paste into the chat.
type joinCard struct {
	*Common
	ck     consoleKeys
	cohort session.Cohort
	// fresh says the cohort was just created: enter opens it.
	fresh  bool
	width  int
	height int
	err    string
}

func newJoinCard(com *Common, c session.Cohort, fresh bool) *joinCard {
	return &joinCard{Common: com, ck: newConsoleKeys(com.keys, com.Printer), cohort: c, fresh: fresh}
}

func (j *joinCard) Init() tea.Cmd { return nil }

func (j *joinCard) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case openedMsg:
		if msg.err != nil {
			j.err = j.T("Could not open the cohort: %s", j.conSay("open cohort", msg.err))
			return j, nil
		}
		return j, switchTo(msg.to)
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, j.ck.Open):
			return j, openCohort(j.Common, j.cohort.ID)
		case key.Matches(msg, j.ck.Back, j.ck.Card):
			return j, switchTo(newConsole(j.Common))
		}
	}
	return j, nil
}

func (j *joinCard) View() string {
	top := ""
	if j.fresh {
		top = j.T("Created %s.", j.cohort.Name)
	}
	if j.err != "" {
		top = j.err
	}
	return renderJoinCard(j.Common, j.cohort, top, j.width, j.height)
}

func (j *joinCard) Resize(w, h int) screen { j.width, j.height = w, h; return j }
func (j *joinCard) Typing() bool           { return false }
func (j *joinCard) ShortHelp() []key.Binding {
	return []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", j.T("run this cohort"))), key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", j.T("all cohorts")))}
}
func (j *joinCard) FullHelp() [][]key.Binding { return [][]key.Binding{j.ShortHelp()} }

// renderJoinCard draws the join card centred in width×height: the cohort, the code in large
// block letters (or spaced capitals when the window is too narrow), and how to connect.
func renderJoinCard(com *Common, c session.Cohort, note string, width, height int) string {
	st, hint := com.st, com.deps.Hint
	roomy := height >= 16
	var lines []string
	gap := func() {
		if roomy {
			lines = append(lines, "")
		}
	}
	if note != "" {
		lines = append(lines, st.Good.Render(note))
		gap()
	}
	lines = append(lines, st.Subtitle.Render(c.Name), st.Muted.Render(com.T("Join code")))
	gap()
	if big := bigCode(c.Code, width); big != nil && roomy {
		for _, l := range big {
			lines = append(lines, st.Accent.Bold(true).Render(l))
		}
		gap()
		lines = append(lines, st.Muted.Render(com.T("Spelled out: %s", st.Subtitle.Render(spacedCode(c.Code)))))
	} else {
		lines = append(lines, strings.Split(st.Code.Render(spacedCode(c.Code)), "\n")...)
	}
	gap()
	lines = append(lines,
		st.Muted.Render(com.T("Type this in any terminal:")),
		st.Accent.Render(hint.Line(c.Code)),
		st.Muted.Render(com.T("or %s and type the code", hint.Plain())),
	)
	if hint.Fingerprint != "" {
		// ssh's first-time "continue connecting?" question shows this: read it out so that
		// people answer yes to this server and no one else.
		gap()
		lines = append(lines, st.Muted.Render(com.T("Server key, as ssh shows it the first time:")), st.Subtitle.Render(hint.Fingerprint))
	}
	for i, l := range lines {
		lines[i] = truncate(l, width)
	}
	block := strings.Join(lines, "\n")
	return lipgloss.Place(width, height, lipgloss.Center, lipgloss.Center, block)
}

// bigScreenLine is how to open the cohort's big screen, for the room's header when it has the
// rows: the view code is a credential for the facilitator's eyes, so it stays off the join
// card, which is the one projected.
func (r *cohortRoom) bigScreenLine() string {
	c := r.snap.Cohort
	if r.height < 22 || c.ViewCode == "" {
		return ""
	}
	return truncate(r.st.Muted.Render(r.T("Big screen: %s, view code %s", r.deps.Hint.Line(viewUser), r.st.Subtitle.Render(c.ViewCode))), r.width)
}

// spacedCode writes a code with a space between characters, the way it is read aloud.
func spacedCode(code string) string {
	return strings.Join(strings.Split(code, ""), " ")
}

// bigCode renders a join code in 5-row block letters that fit width, or nil if they do not.
func bigCode(code string, width int) []string {
	gap, mid := 2, 4
	if 5*len(code)+gap*(len(code)-1)+(mid-gap) > width {
		gap, mid = 1, 2
	}
	if 5*len(code)+gap*(len(code)-1)+(mid-gap) > width {
		return nil
	}
	rows := make([]string, 5)
	for i, r := range code {
		g, ok := bigGlyphs[r]
		if !ok {
			return nil
		}
		for row := range rows {
			if i > 0 {
				sep := gap
				if i == len(code)/2 {
					sep = mid
				}
				rows[row] += strings.Repeat(" ", sep)
			}
			rows[row] += strings.ReplaceAll(g[row], "#", "█")
		}
	}
	return rows
}

// bigGlyphs are the characters of session.CodeAlphabet in 5×5 block letters.
var bigGlyphs = map[rune][5]string{
	'2': {" ### ", "#   #", "  ## ", " #   ", "#####"},
	'3': {"#### ", "    #", " ### ", "    #", "#### "},
	'4': {"#   #", "#   #", "#####", "    #", "    #"},
	'5': {"#####", "#    ", "#### ", "    #", "#### "},
	'6': {" ### ", "#    ", "#### ", "#   #", " ### "},
	'7': {"#####", "    #", "   # ", "  #  ", "  #  "},
	'8': {" ### ", "#   #", " ### ", "#   #", " ### "},
	'9': {" ### ", "#   #", " ####", "    #", " ### "},
	'A': {" ### ", "#   #", "#####", "#   #", "#   #"},
	'B': {"#### ", "#   #", "#### ", "#   #", "#### "},
	'C': {" ####", "#    ", "#    ", "#    ", " ####"},
	'D': {"#### ", "#   #", "#   #", "#   #", "#### "},
	'E': {"#####", "#    ", "#### ", "#    ", "#####"},
	'F': {"#####", "#    ", "#### ", "#    ", "#    "},
	'G': {" ####", "#    ", "#  ##", "#   #", " ####"},
	'H': {"#   #", "#   #", "#####", "#   #", "#   #"},
	'J': {"  ###", "    #", "    #", "#   #", " ### "},
	'K': {"#   #", "#  # ", "###  ", "#  # ", "#   #"},
	'M': {"#   #", "## ##", "# # #", "#   #", "#   #"},
	'N': {"#   #", "##  #", "# # #", "#  ##", "#   #"},
	'P': {"#### ", "#   #", "#### ", "#    ", "#    "},
	'Q': {" ### ", "#   #", "# # #", "#  # ", " ## #"},
	'R': {"#### ", "#   #", "#### ", "#  # ", "#   #"},
	'S': {" ####", "#    ", " ### ", "    #", "#### "},
	'T': {"#####", "  #  ", "  #  ", "  #  ", "  #  "},
	'U': {"#   #", "#   #", "#   #", "#   #", " ### "},
	'V': {"#   #", "#   #", "#   #", " # # ", "  #  "},
	'W': {"#   #", "#   #", "# # #", "## ##", "#   #"},
	'X': {"#   #", " # # ", "  #  ", " # # ", "#   #"},
	'Y': {"#   #", " # # ", "  #  ", "  #  ", "  #  "},
	'Z': {"#####", "   # ", "  #  ", " #   ", "#####"},
}
