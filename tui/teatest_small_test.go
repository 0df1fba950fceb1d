package tui

import (
	"fmt"
	"strings"
	"testing"

	"workshop/session"
)

// Every exercise kind works in the smallest window the app allows, 40×12, without colour: the
// editor opens, takes an edit, and every frame line stays within 40 cells.
func TestTeatestEveryKindAtSmallestSize(t *testing.T) {
	t.Parallel()
	const w, hgt = 40, 12
	cases := []struct {
		step  string
		team  bool
		seed  func(t *testing.T, h *session.Hub, ps []session.Participant)
		edit  func(s *teaSession)
		shows []string
	}{
		{step: "reflect", edit: func(s *teaSession) { s.typeText("Small screen answer") }, shows: []string{"│ Small screen answer", "19/500"}},
		{step: "ideas", edit: func(s *teaSession) { s.keys("a"); s.typeText("Tiny idea"); s.keys("enter", "esc") }, shows: []string{"1. Tiny idea", "1/5 items"}},
		{step: "team-ideas", team: true, edit: func(s *teaSession) { s.keys("a"); s.typeText("Team idea"); s.keys("enter", "esc") }, shows: []string{"1. Team idea", "you"}},
		{step: "roundtable", edit: func(s *teaSession) { s.keys("a"); s.typeText("Unsigned"); s.keys("enter", "esc") }, shows: []string{"1. Unsigned", "yours"}},
		{step: "vote", seed: seedTwoIdeas, edit: func(s *teaSession) { s.keys("l") }, shows: []string{"2 of 3 dots left", "●· Online booking"}},
		{step: "team-vote", team: true, seed: seedTeamIdea, edit: func(s *teaSession) { s.keys("l", "l") }, shows: []string{"1 of 3 dots left", "Text reminders"}},
		{step: "place", seed: seedTwoIdeas, edit: func(s *teaSession) { s.keys("1") }, shows: []string{"1/2 placed", "High impact"}},
		{step: "team-place", team: true, seed: seedTeamIdea, edit: func(s *teaSession) { s.keys("1") }, shows: []string{"1/1 placed", "Do now"}},
		{step: "journey", edit: func(s *teaSession) { s.keys("enter"); s.typeText("Asks around"); s.keys("enter") }, shows: []string{"Find out: Asks around", "stage 1 of 5"}},
		{step: "census", edit: func(s *teaSession) { s.keys("a"); s.typeText("Tax"); s.keys("enter") }, shows: []string{"Row 1 · Service: Tax", "1/10 rows"}},
		{step: "rate", edit: func(s *teaSession) { s.keys("4") }, shows: []string{"[4]", "1/2 rated"}},
		{step: "ready", edit: func(s *teaSession) { s.keys("space") }, shows: []string{"[x] Staff trained", "1/3 ticked"}},
		{step: "check", edit: func(s *teaSession) { s.keys("space") }, shows: []string{"(•) People who will use", "1/2 answered"}},
	}
	for _, c := range cases {
		t.Run(c.step, func(t *testing.T) {
			t.Parallel()
			m, h, ps := teaCohort(t, c.step, "Ana", "Bea")
			if c.team {
				splitIntoOneTeam(t, h)
			}
			if c.seed != nil {
				c.seed(t, h, ps)
			}
			s := startTea(t, m, h, ps[0], w, hgt)
			s.waitFor(fmt.Sprintf("Step %d of 14", stepIndex(h, c.step)+1), "ctrl+c leave")
			s.waitGone("Loading your work…")
			c.edit(s)
			s.waitFor(c.shows...)
			final := s.finalScreen() // checks every line against the width
			for _, want := range c.shows {
				if !strings.Contains(final, want) {
					t.Fatalf("the last frame lost %q:\n%s", want, final)
				}
			}
		})
	}
}

func seedTwoIdeas(t *testing.T, h *session.Hub, ps []session.Participant) {
	seedIdeas(t, h, ps, []string{"Online booking"}, []string{"Fewer forms"})
}

func seedTeamIdea(t *testing.T, h *session.Hub, ps []session.Participant) {
	addToBoard(t, h, ps[1], "team-ideas", "Text reminders")
}
