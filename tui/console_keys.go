package tui

import "charm.land/bubbles/v2/key"

// consoleKeys are the facilitator console's own bindings, made once from the app's KeyMap so
// the shared keys (arrows, vi keys, enter, esc) stay the same everywhere.
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
}

func newConsoleKeys(k KeyMap) consoleKeys {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	// The step keys are the app's, with labels short enough for a crowded help line.
	k.Next = key.NewBinding(key.WithKeys(k.Next.Keys()...), key.WithHelp("n", "next step"))
	k.Prev = key.NewBinding(key.WithKeys(k.Prev.Keys()...), key.WithHelp("p", "prev"))
	return consoleKeys{
		KeyMap:       k,
		Open:         b([]string{"enter"}, "enter", "open"),
		New:          b([]string{"n", "+"}, "n", "new cohort"),
		Archive:      b([]string{"a"}, "a", "archive/restore"),
		ShowArchived: b([]string{"A"}, "A", "show archived"),
		Refresh:      b([]string{"r"}, "r", "refresh"),
		Card:         b([]string{"c"}, "c", "big join code"),
		Pace:         b([]string{"m"}, "m", "led/self-paced"),

		Undo: b([]string{"u"}, "u", "undo"),
		Jump: b([]string{"g"}, "g", "go to step"),
		Lock: b([]string{"L"}, "L", "lock/unlock step"),

		Meeting: b([]string{"M"}, "M", "open/close meeting"),

		Timer:      b([]string{"t"}, "t", "timer"),
		PauseTimer: b([]string{"space"}, "space", "pause/resume"),
		AddTime:    b([]string{"+", "="}, "+", "add 1 min"),
		TakeTime:   b([]string{"-", "_"}, "-", "take 1 min"),
		StopTimer:  b([]string{"T"}, "T", "stop timer"),

		Announce:   b([]string{"a"}, "a", "announce"),
		Dismiss:    b([]string{"A"}, "A", "end announcement"),
		Release:    b([]string{"S"}, "S", "release spotlight"),
		VoteOpen:   b([]string{"v"}, "v", "open/close vote"),
		VoteReveal: b([]string{"V"}, "V", "show/hide results"),

		NextTab: b([]string{"tab"}, "tab", "views"),
		PrevTab: b([]string{"shift+tab"}, "shift+tab", "previous view"),
		TabKeys: b([]string{"1", "2", "3", "4", "5", "6"}, "1-6", "views"),

		Filter:      b([]string{"/"}, "/", "find"),
		FilterCycle: b([]string{"f"}, "f", "filter"),
		Sort:        b([]string{"s"}, "s", "sort"),
		ClearHand:   b([]string{"x"}, "x", "clear hand"),
		ClearAll:    b([]string{"X"}, "X", "clear all hands"),
		Home:        b([]string{"home"}, "home", "first"),
		End:         b([]string{"end"}, "end", "last"),

		Spotlight: b([]string{"enter"}, "enter", "spotlight"),
		Drafts:    b([]string{"d"}, "d", "drafts on/off"),
		WallPrev:  b([]string{"<", ","}, "< >", "answers of another step"),
		WallNext:  b([]string{">", "."}, ">", "answers of a later step"),

		Message: b([]string{"w"}, "w", "message this person"),
		Note:    b([]string{"N"}, "N", "note on this step"),

		OpenPerson:   b([]string{"enter"}, "enter", "this person's page"),
		RenamePerson: b([]string{"e"}, "e", "rename"),
		ShowCode:     b([]string{"c"}, "c", "rejoin code"),
		NewCode:      b([]string{"C"}, "C", "new rejoin code"),
		Remove:       b([]string{"D"}, "D", "remove with their work"),
		// ReportBack: the last meeting's homework on the wall (console_reportback.go).
		ReportBack: b([]string{"b"}, "b", "report-back: homework on the wall"),

		Split:    b([]string{"s"}, "s", "split into teams"),
		Rename:   b([]string{"e"}, "e", "rename team"),
		MoveTo:   b([]string{"enter"}, "enter", "move person"),
		TeamPrev: b([]string{"<", ","}, "<", "to previous team"),
		TeamNext: b([]string{">", "."}, ">", "to next team"),

		JumpHere: b([]string{"enter"}, "enter", "go to this step"),
		LockHere: b([]string{"o"}, "o", "lock/unlock this step"),
	}
}
