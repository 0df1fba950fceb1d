package content

import "slices"

// kindSettings lists, for each exercise kind, the keys an exercise of that kind may set besides
// "kind" itself.
var kindSettings = map[Kind][]string{
	KindReflection: {"prompt", "max_length"},
	KindList:       {"prompt", "max_items", "max_board_items", "max_length", "team", "anonymous"},
	KindVote:       {"prompt", "from", "dots", "max_per_item", "team"},
	KindMatrix:     {"prompt", "from", "x_axis", "y_axis", "quadrants", "team"},
	KindJourney:    {"prompt", "stages", "lanes", "add_stages", "max_length", "team"},
	KindTable:      {"prompt", "columns", "max_rows", "max_length", "team"},
	KindScale:      {"prompt", "statements", "labels"},
	KindChecklist:  {"prompt", "items"},
	KindQuiz:       {"prompt", "questions"},
}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool { return slices.Contains(Kinds, k) }

// Settings returns the keys an exercise of kind k may set besides "kind", in documentation
// order. It returns nil for an unknown kind.
func (k Kind) Settings() []string { return slices.Clone(kindSettings[k]) }

// Allows reports whether setting is one of the keys an exercise of kind k may set.
func (k Kind) Allows(setting string) bool { return slices.Contains(kindSettings[k], setting) }

// Valid reports whether p is one of Phases.
func (p Phase) Valid() bool { return slices.Contains(Phases, p) }

// isSetting reports whether key is a setting of any exercise kind.
func isSetting(key string) bool {
	for _, s := range kindSettings {
		if slices.Contains(s, key) {
			return true
		}
	}
	return false
}
