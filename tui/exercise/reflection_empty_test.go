package exercise

import (
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"workshop/i18n"
	"workshop/tui/ui"
)

// An empty reflection's frame is shared by the editors that draw it alike, and by no other:
// editors of one step in one size that differ only in their focus, the language of their
// placeholder or the text written each show what the same editor drawn without a cache shows.
func TestEmptyReflectionShared(t *testing.T) {
	x := newExHarness(t, "kind: reflection\nprompt: What happened?", 60, 10)
	cache := ui.NewRenderCache()
	styles := func(c *ui.RenderCache) *ui.Styles {
		st := ui.NewStyles(true, colorprofile.TrueColor)
		st.Cache = c
		return &st
	}
	type state struct {
		name    string
		focused bool
		lang    i18n.Lang
		text    string
	}
	states := []state{
		{"focused", true, i18n.English, ""},
		{"not focused", false, i18n.English, ""},
		{"in Portuguese", true, i18n.Portuguese, ""},
		{"with text", true, i18n.English, "a"},
	}
	draw := func(s state, c *ui.RenderCache) string {
		keys := NewKeys(ui.NewKeyMap(i18n.New(s.lang)))
		env := &Env{Me: 1, Keys: &keys, Snap: x.env.Snap, mine: map[string]map[string]bool{}, P: i18n.New(s.lang)}
		ed := New(styles(c), env, x.step, Data{StepID: x.step.ID}).Resize(60, 10)
		r := ed.(*reflection)
		r.area.SetValue(s.text)
		if s.focused {
			ed.Focus()
		}
		return ed.View()
	}
	seen := map[string]string{}
	for _, s := range states {
		got, want := draw(s, cache), draw(s, nil)
		if got != want {
			t.Errorf("%s, through the shared cache:\n%s\nwithout it:\n%s", s.name, ansi.Strip(got), ansi.Strip(want))
		}
		for other, v := range seen {
			if v == want {
				t.Errorf("%s draws as %s does: the test no longer tells them apart", s.name, other)
			}
		}
		seen[s.name] = want
	}
}
