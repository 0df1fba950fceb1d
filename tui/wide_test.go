package tui

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"workshop/session"
	"workshop/session/work"
	"workshop/tui/ui/uitest"
)

// Wide names (the wide answer is uitest.WideAnswer), mixing CJK, emoji with skin tones, joined emoji, combining
// accents, symbols with a variation selector and soft hyphens. Terminals count the emoji
// differently (a family is 2 cells drawn as one glyph, 8 counted per code point), so every
// row must fit either count.
var wideNames = []string{
	"山田太郎 👍🏽👍🏿 Zoë e\u0301",
	"👨\u200d👩\u200d👧\u200d👦👩🏽\u200d💻 Bea Lima",
	"中文中文中文中文中文中文中文中文中文中文",
	"so\u00adft\u00adhy\u00adphen ☺\ufe0f Cai",
}

// wideCohort is a live cohort whose people have wide names, raised hands with wide messages,
// teams, answers on the reflection step and a wide item on each team board.
func wideCohort(t *testing.T) (*session.Manager, *session.Hub) {
	t.Helper()
	ctx := context.Background()
	m, h := lookAlikeCohort(t, wideNames...)
	teams, err := h.SplitTeams(ctx, session.ShellActor("fran"), session.TeamPlan{Count: 2})
	if err != nil {
		t.Fatal(err)
	}
	if err := h.RenameTeam(ctx, session.ShellActor("fran"), teams[0].ID, "チーム 👩🏽\u200d💻 一"); err != nil {
		t.Fatal(err)
	}
	data, _ := json.Marshal(work.Reflection{Text: uitest.WideAnswer()})
	for _, p := range h.Snapshot().Roster {
		if err := h.RaiseHand(ctx, p.ID, uitest.WideAnswer()[:60]); err != nil {
			t.Fatal(err)
		}
		if _, err := h.SaveWork(ctx, p.ID, "recall", work.Schema, data, true); err != nil {
			t.Fatal(err)
		}
		if _, err := h.UpdateBoard(ctx, p.ID, "team-board", func(v any) error {
			l := v.(*work.List)
			l.Items = append(l.Items, work.Item{ID: work.NewID(), Text: uitest.WideAnswer(), By: p.ID})
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	if err := h.Announce(ctx, session.ShellActor("fran"), uitest.WideAnswer()); err != nil {
		t.Fatal(err)
	}
	return m, h
}

// The console's roster, hands, answers wall and teams fit 80 and 40 columns with wide names
// and answers, and every row keeps its own columns instead of spilling into the next.
func TestWideTextFitsTheConsole(t *testing.T) {
	_, h := wideCohort(t)
	ctx := context.Background()
	if err := h.Move(ctx, session.ShellActor("fran"), h.Module().StepIndex("recall")); err != nil {
		t.Fatal(err)
	}
	st := NewStyles(true, colorprofile.Ascii)
	for _, size := range [][2]int{{80, 24}, {40, 14}} {
		w, ht := size[0], size[1]
		for _, tab := range []string{"1", "2", "3", "4"} {
			r := snapshotRoom(h.Snapshot(), w, ht)
			r.st, r.tab = &st, roomTab(tab[0]-'1')
			if tab == "3" {
				entries, err := h.Wall(ctx, session.ShellActor("fran"), "recall")
				if err != nil {
					t.Fatal(err)
				}
				r.Update(wallLoadedMsg{step: "recall", entries: entries})
			}
			what := "tab " + tab + " at " + map[int]string{80: "80", 40: "40"}[w]
			view := uitest.FitsEveryCount(t, what, r.View(), w, ht)
			switch tab {
			case "1":
				// Every person's row ends with their own presence and work columns.
				rows := 0
				for _, l := range strings.Split(view, "\n") {
					if strings.Contains(l, "○") {
						rows++
						if !strings.Contains(l, "✓") {
							t.Errorf("%s: a roster row lost its columns: %q", what, l)
						}
					}
				}
				if rows != len(wideNames) {
					t.Errorf("%s: %d roster rows, want %d:\n%s", what, rows, len(wideNames), view)
				}
			case "3":
				if !strings.Contains(view, "山田太郎と") {
					t.Errorf("%s: the wall does not show the answers:\n%s", what, view)
				}
			case "4":
				if !strings.Contains(view, "チーム") {
					t.Errorf("%s: the teams view does not show the renamed team:\n%s", what, view)
				}
			}
		}
	}
}

// A participant's header (with a wide announcement) and their team's board (wide items by
// people with wide names) fit 80 and 40 columns.
func TestWideTextFitsTheParticipantScreen(t *testing.T) {
	m, h := wideCohort(t)
	ctx := context.Background()
	if err := h.Move(ctx, session.ShellActor("fran"), h.Module().StepIndex("team-board")); err != nil {
		t.Fatal(err)
	}
	p := h.Snapshot().Roster[0].Participant
	for _, size := range [][2]int{{80, 24}, {40, 14}} {
		w, ht := size[0], size[1]
		r := openParticipant(t, m, h, p, w, ht)
		r.waitFor("Announcement")
		if w == 80 {
			r.waitFor("山田太郎と")
		}
		uitest.FitsEveryCount(t, "participant", r.app.View().Content, w, ht)
	}
}

// The plain-ASCII shortcut of cellWidth measures what both counts measure.
func TestCellWidthShortcutAgrees(t *testing.T) {
	for _, s := range []string{"", "plain text", "\x1b[1mbold\x1b[m and \x1b[38;5;12mblue\x1b[39m", "tab\there", "del\x7f", "Ação", "世界", "👍🏽 ok"} {
		slow := max(ansi.StringWidth(s), ansi.StringWidthWc(s))
		if got := cellWidth(s); got != slow {
			t.Errorf("cellWidth(%q) = %d, both counts say at most %d", s, got, slow)
		}
	}
}
