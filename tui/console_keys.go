package tui

import (
	"charm.land/bubbles/v2/key"

	"workshop/i18n"
)

// consoleKeys are the facilitator console's own bindings, made once from the app's KeyMap so
// the shared keys (arrows, vi keys, enter, esc) stay the same everywhere, and labelled in the
// facilitator's language.
type consoleKeys struct {
	KeyMap

	// Cohort list and creation.
	Open, New, Archive, ShowArchived, Refresh, Card, Pace key.Binding

	// Step control.
	Undo, Jump, Lock key.Binding
	// Meetings of a module held over several.
	Meeting key.Binding
	// Timer.
	Timer, PauseTimer, AddTime, TakeTime, StopTimer key.Binding
	// Messages to everyone.
	Announce, Dismiss, Release, VoteOpen, VoteReveal key.Binding
	// Tabs.
	NextTab, PrevTab, TabKeys key.Binding

	// Roster.
	Filter, FilterCycle, Sort, ClearHand, ClearAll, Home, End key.Binding
	// Wall.
	Spotlight, Drafts, WallPrev, WallNext, ReportBack key.Binding
	// One person, and the facilitators' own notes.
	Message, Note key.Binding
	// The person page (console_person.go).
	OpenPerson, RenamePerson, ShowCode, NewCode, Remove key.Binding
	// Teams.
	Split, Rename, MoveTo, TeamPrev, TeamNext key.Binding
	// Steps.
	JumpHere, LockHere key.Binding
	// The facilitator's own language.
	Language key.Binding
}

func newConsoleKeys(k KeyMap, p *i18n.Printer) consoleKeys {
	if p == nil {
		p = i18n.New(i18n.English)
	}
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	// The step keys are the app's, with labels short enough for a crowded help line.
	k.Next = key.NewBinding(key.WithKeys(k.Next.Keys()...), key.WithHelp("n", p.T("next step")))
	k.Prev = key.NewBinding(key.WithKeys(k.Prev.Keys()...), key.WithHelp("p", p.T("prev")))
	return consoleKeys{
		KeyMap:       k,
		Open:         b([]string{"enter"}, "enter", p.T("open")),
		New:          b([]string{"n", "+"}, "n", p.T("new cohort")),
		Archive:      b([]string{"a"}, "a", p.T("archive/restore")),
		ShowArchived: b([]string{"A"}, "A", p.T("show archived")),
		Refresh:      b([]string{"r"}, "r", p.T("refresh")),
		Card:         b([]string{"c"}, "c", p.T("big join code")),
		Pace:         b([]string{"m"}, "m", p.T("led/self-paced")),

		Undo: b([]string{"u"}, "u", p.T("undo")),
		Jump: b([]string{"g"}, "g", p.T("go to step")),
		Lock: b([]string{"L"}, "L", p.T("lock/unlock step")),

		Meeting: b([]string{"M"}, "M", p.T("open/close meeting")),

		Timer:      b([]string{"t"}, "t", p.T("timer")),
		PauseTimer: b([]string{"space"}, "space", p.T("pause/resume")),
		AddTime:    b([]string{"+", "="}, "+", p.T("add 1 min")),
		TakeTime:   b([]string{"-", "_"}, "-", p.T("take 1 min")),
		StopTimer:  b([]string{"T"}, "T", p.T("stop timer")),

		Announce:   b([]string{"a"}, "a", p.T("announce")),
		Dismiss:    b([]string{"A"}, "A", p.T("end announcement")),
		Release:    b([]string{"S"}, "S", p.T("release spotlight")),
		VoteOpen:   b([]string{"v"}, "v", p.T("open/close vote")),
		VoteReveal: b([]string{"V"}, "V", p.T("show/hide results")),

		NextTab: b([]string{"tab"}, "tab", p.T("views")),
		PrevTab: b([]string{"shift+tab"}, "shift+tab", p.T("previous view")),
		TabKeys: b([]string{"1", "2", "3", "4", "5", "6"}, "1-6", p.T("views")),

		Filter:      b([]string{"/"}, "/", p.T("find")),
		FilterCycle: b([]string{"f"}, "f", p.T("filter")),
		Sort:        b([]string{"s"}, "s", p.T("sort")),
		ClearHand:   b([]string{"x"}, "x", p.T("clear hand")),
		ClearAll:    b([]string{"X"}, "X", p.T("clear all hands")),
		Home:        b([]string{"home"}, "home", p.T("first")),
		End:         b([]string{"end"}, "end", p.T("last")),

		Spotlight: b([]string{"enter"}, "enter", p.T("spotlight")),
		Drafts:    b([]string{"d"}, "d", p.T("drafts on/off")),
		WallPrev:  b([]string{"<", ","}, "< >", p.T("answers of another step")),
		WallNext:  b([]string{">", "."}, ">", p.T("answers of a later step")),

		Message: b([]string{"w"}, "w", p.T("message this person")),
		Note:    b([]string{"N"}, "N", p.T("note on this step")),

		OpenPerson:   b([]string{"enter"}, "enter", p.T("this person's page")),
		RenamePerson: b([]string{"e"}, "e", p.T("rename")),
		ShowCode:     b([]string{"c"}, "c", p.T("rejoin code")),
		NewCode:      b([]string{"C"}, "C", p.T("new rejoin code")),
		Remove:       b([]string{"D"}, "D", p.T("remove with their work")),
		// ReportBack: the last meeting's homework on the wall (console_reportback.go).
		ReportBack: b([]string{"b"}, "b", p.T("report-back: homework on the wall")),

		Split:    b([]string{"s"}, "s", p.T("split into teams")),
		Rename:   b([]string{"e"}, "e", p.T("rename team")),
		MoveTo:   b([]string{"enter"}, "enter", p.T("move person")),
		TeamPrev: b([]string{"<", ","}, "<", p.T("to previous team")),
		TeamNext: b([]string{">", "."}, ">", p.T("to next team")),

		JumpHere: b([]string{"enter"}, "enter", p.T("go to this step")),
		LockHere: b([]string{"o"}, "o", p.T("lock/unlock this step")),

		Language: b([]string{"f3"}, "f3", p.T("language")),
	}
}
