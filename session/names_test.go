package session_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"workshop/session"
)

// tenAnas are ten ways to type a name that looks like "Ana": case, a Cyrillic letter, a
// zero-width space, a no-break space, a trailing joiner, a right-to-left override, fullwidth
// letters, a capital I for a small l, a soft hyphen and a byte order mark.
var tenAnas = []string{
	"Ana", "ana", "Аna", "An\u200ba", "Ana\u00a0", "Ana\u200d", "\u202eanA", "Ａｎａ", "ANA", "\ufeffA\u00adna",
}

func TestNormalizeName(t *testing.T) {
	cases := []struct{ in, want string }{
		{"  Ana   Souza ", "Ana Souza"},
		{"Ana\u00a0Souza", "Ana Souza"},
		{"An\u200ba", "Ana"},
		{"Ana\u200d", "Ana"},
		{"Ａｎａ", "Ana"},
		{"\u202eanA", "anA"},
		{"Zoë e\u0301", "Zoë é"},
		{"山田\u3000太郎", "山田 太郎"},
		{"👩🏽\u200d💻 Bea", "👩🏽💻 Bea"},
		{"❤\ufe0f Cai", "❤ Cai"},
		{"O'Brien-Lima", "O'Brien-Lima"},
		{"\u200b\u2060", ""},
	}
	for _, c := range cases {
		got, err := session.NormalizeName(c.in)
		if err != nil || got != c.want {
			t.Errorf("NormalizeName(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	if _, err := session.NormalizeName("Ana · 2"); !errors.Is(err, session.ErrNameCharacters) {
		t.Errorf("a middle dot, which labels use, is taken in a name: %v", err)
	}
}

func TestNameKeyMatchesLookAlikes(t *testing.T) {
	for _, n := range tenAnas {
		if !session.SameName(n, "Ana") {
			t.Errorf("%q does not look like Ana: key %q", n, session.NameKey(n))
		}
	}
	for _, pair := range [][2]string{{"AIice", "Alice"}, {"раураl", "paypal"}, {"Ｂｌｕｅ", "blue"}} {
		if !session.SameName(pair[0], pair[1]) {
			t.Errorf("%q and %q look alike but have keys %q and %q", pair[0], pair[1], session.NameKey(pair[0]), session.NameKey(pair[1]))
		}
	}
	for _, pair := range [][2]string{{"Ana", "Ann"}, {"Ana", "Ana Souza"}, {"José", "Jose"}, {"山田", "山本"}} {
		if session.SameName(pair[0], pair[1]) {
			t.Errorf("%q and %q look different but share the key %q", pair[0], pair[1], session.NameKey(pair[0]))
		}
	}
}

// Ten people who typed "Ana" ten ways show as ten different rows, numbered in joining order,
// and a facilitator can name each of them exactly.
func TestLookAlikeNamesGetDistinctLabels(t *testing.T) {
	m, _, _ := newManager(t)
	ctx := context.Background()
	c, err := m.CreateCohort(ctx, session.NewCohort{ModuleID: "test-module", Name: "Group", By: session.ShellActor("cli")})
	if err != nil {
		t.Fatal(err)
	}
	h, err := m.Hub(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range append(tenAnas, "Bea") {
		if _, _, err := h.Join(ctx, session.Identity{}, n); err != nil {
			t.Fatalf("join %q: %v", n, err)
		}
	}
	roster := h.Snapshot().Roster
	want := []string{"Ana", "ana · 2", "Аna · 3", "Ana · 4", "Ana · 5", "Ana · 6", "anA · 7", "Ana · 8", "ANA · 9", "Ana · 10", "Bea"}
	seen := map[string]string{}
	for i, mb := range roster {
		if mb.Label() != want[i] {
			t.Errorf("person %d (typed %q) is labelled %q, want %q", i+1, mb.Name, mb.Label(), want[i])
		}
		if other, ok := seen[session.NameKey(mb.Label())]; ok {
			t.Errorf("%q looks like %q", mb.Label(), other)
		}
		seen[session.NameKey(mb.Label())] = mb.Label()
		for _, r := range mb.Name {
			if unicode.Is(unicode.Cf, r) || r == 0xa0 {
				t.Errorf("stored name %q keeps invisible %U", mb.Name, r)
			}
		}
	}
	if ms := h.Snapshot().MembersByName("ana · 4"); len(ms) != 1 || ms[0].ID != roster[3].ID {
		t.Errorf("the label finds one person: %v", ms)
	}
	if ms := h.Snapshot().MembersByName("Аna"); len(ms) != 1 || ms[0].ID != roster[0].ID {
		t.Errorf("a name that looks like the first label finds its person: %v", ms)
	}

	// A restarted server labels the same people the same way.
	m2 := session.NewManager(m.Store(), m.Library(), nil)
	h2, err := m2.Hub(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i, mb := range h2.Snapshot().Roster {
		if mb.Label() != roster[i].Label() {
			t.Errorf("after a restart person %d is %q, was %q", i+1, mb.Label(), roster[i].Label())
		}
	}
}

// A name stored before names were normalised still gets a label that differs from the others.
func TestLabelsOfOldNames(t *testing.T) {
	got := session.Labels([]string{"Ana", "Ana · 2", "Ana", "Ana\u200b"})
	want := []string{"Ana", "Ana · 2", "Ana · 3", "Ana · 4"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("labels %q, want %q", got, want)
	}
}

func FuzzNormalizeName(f *testing.F) {
	for _, s := range append(tenAnas, "Ana · 2", "👨\u200d👩\u200d👧", "山田 太郎", "\u3164", "e\u0301\u0301\u0301", "") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out, err := session.NormalizeName(in)
		if err != nil {
			return
		}
		if !utf8.ValidString(out) || strings.TrimSpace(out) != out || strings.Contains(out, "  ") {
			t.Fatalf("NormalizeName(%q) = %q: not trimmed, folded, valid text", in, out)
		}
		for _, r := range out {
			if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || (unicode.IsSpace(r) && r != ' ') {
				t.Fatalf("NormalizeName(%q) = %q keeps %U", in, out, r)
			}
		}
		if again, err := session.NormalizeName(out); err != nil || again != out {
			t.Fatalf("not idempotent: %q -> %q -> %q, %v", in, out, again, err)
		}
		if session.NameKey(in) != session.NameKey(out) {
			t.Fatalf("normalising changed how %q looks: %q", in, out)
		}
	})
}

// Two teams never look alike, and a team is found by any name that looks like its own.
func TestLookAlikeTeamNamesAreRefused(t *testing.T) {
	f := newFacFixture(t)
	ctx := context.Background()
	f.join(t, "Ana", "Bea")
	teams, err := f.h.SplitTeams(ctx, session.ShellActor("fran"), session.TeamPlan{Count: 2})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.h.RenameTeam(ctx, session.ShellActor("fran"), teams[0].ID, "Blue"); err != nil {
		t.Fatal(err)
	}
	if err := f.h.RenameTeam(ctx, session.ShellActor("fran"), teams[1].ID, "Вlue\u200b"); err == nil {
		t.Error("a team named like another with a Cyrillic letter was accepted")
	}
	if tm, err := f.h.Snapshot().TeamByName("ＢＬＵＥ"); err != nil || tm.ID != teams[0].ID {
		t.Errorf("team by a look-alike name: %v %v", tm, err)
	}
}
