package export

import (
	"fmt"
	"strconv"
	"testing"

	"workshop/content"
	"workshop/internal/testenv"
	"workshop/session"
	"workshop/session/work"
)

// threePeople is a cohort of three on a built-in module, as a trainer's first real group
// might be: all three in "Team 1" (the name a random split gives), work of a few sentences on
// every step, one draft, and a few minutes on each step. It is what the print and phone
// layouts are checked on.
func threePeople(t testing.TB, moduleID string) *fixture {
	t.Helper()
	f := newStore(t)
	mod, ok := testenv.Library(t, "").Get(moduleID)
	if !ok {
		t.Fatalf("no built-in module %q", moduleID)
	}
	if err := f.st.SaveModuleVersion(f.ctx, mod.Hash, mod.ID, mod.Raw); err != nil {
		t.Fatal(err)
	}
	f.mod = mod
	f.cohort("THREE3", "Service design, spring group")
	var ids []int64
	for i, name := range []string{"João Conceição", "Maria Fernanda Oliveira", "Kenji Watanabe"} {
		ids = append(ids, f.join(name, 1+i).ID)
	}
	teams, err := f.st.ReplaceTeams(f.ctx, f.c.ID, []string{"Team 1"}, map[int64]int{ids[0]: 0, ids[1]: 0, ids[2]: 0},
		session.Event{At: at(3), Actor: "ana", Action: "teams", Detail: "1 team formed at random"})
	if err != nil {
		t.Fatal(err)
	}
	team := session.OwnerTeam(teams[0].ID)
	sentences := []string{
		"The people we serve come back three times before the request is complete, mostly for missing papers.",
		"Front desk staff know the problems well but nobody asks them when the service is redesigned.",
		"We could publish the list of documents online and send a reminder the day before the appointment.",
	}
	items := map[string][]work.Item{} // by step id: the items a vote or matrix can draw on
	minute := 5
	for si, s := range mod.Steps {
		minute += 3
		if si > 0 {
			f.move(si, minute, nil)
		}
		ex := s.Exercise
		if ex == nil {
			continue
		}
		status := func(p int) session.Status {
			if p == 2 && si%5 == 0 {
				return session.StatusDraft
			}
			return session.StatusSubmitted
		}
		save := func(v any) {
			if ex.Team {
				f.board(s.ID, team, v, minute)
				for p, pid := range ids {
					f.art(s.ID, pid, shared, status(p), minute)
				}
			}
		}
		switch ex.Kind {
		case content.KindReflection:
			for p, pid := range ids {
				f.art(s.ID, pid, work.Reflection{Text: sentences[p] + "\n" + sentences[(p+1)%3]}, status(p), minute)
			}
		case content.KindList:
			var all []work.Item
			for p, pid := range ids {
				mine := []work.Item{
					item(fmt.Sprintf("%s-%d-a", s.ID, p), fmt.Sprintf("Idea %d from %s: shorter forms", p+1, s.Title), pid),
					item(fmt.Sprintf("%s-%d-b", s.ID, p), "Ask the front desk before changing the service", pid),
				}
				all = append(all, mine...)
				if !ex.Team && !ex.Anonymous {
					f.art(s.ID, pid, list(mine...), status(p), minute)
				}
			}
			switch {
			case ex.Anonymous:
				f.board(s.ID, session.OwnerPool, list(all...), minute)
			case ex.Team:
				save(list(all...))
			}
			items[s.ID] = all
		case content.KindVote:
			from := items[ex.From]
			for p, pid := range ids {
				dots := map[string]int{}
				for d := range ex.DotCount() {
					if len(from) > 0 {
						dots[from[(p+d)%len(from)].ID]++
					}
				}
				f.art(s.ID, pid, work.Vote{Dots: dots}, status(p), minute)
			}
		case content.KindMatrix:
			places := func(p int) work.Matrix {
				m := work.Matrix{Places: map[string]work.Place{}}
				for k, it := range items[ex.From] {
					m.Places[it.ID] = work.Place{X: (k*3 + p) % 10, Y: (k*7 + 2*p) % 10}
				}
				return m
			}
			if ex.Team {
				save(places(0))
				break
			}
			for p, pid := range ids {
				f.art(s.ID, pid, places(p), status(p), minute)
			}
		case content.KindJourney:
			j := work.Journey{Stages: ex.Stages}
			for range ex.Lanes {
				var row []string
				for k := range ex.Stages {
					row = append(row, fmt.Sprintf("Step %d: waits at the counter, then %s", k+1, []string{"fills a form", "calls the help line", "comes back"}[k%3]))
				}
				j.Cells = append(j.Cells, row)
			}
			if ex.Team {
				save(j)
				break
			}
			for p, pid := range ids {
				f.art(s.ID, pid, j, status(p), minute)
			}
		case content.KindTable:
			var rows [][]string
			for r := range 3 {
				var row []string
				for _, c := range ex.Columns {
					switch c.Type {
					case content.ColumnNumber:
						row = append(row, strconv.Itoa(120*(r+1)))
					case content.ColumnChoice:
						row = append(row, c.Options[r%len(c.Options)])
					default:
						row = append(row, fmt.Sprintf("%s %d, as the team wrote it", c.Name, r+1))
					}
				}
				rows = append(rows, row)
			}
			if ex.Team {
				save(work.Table{Rows: rows})
				break
			}
			for p, pid := range ids {
				f.art(s.ID, pid, work.Table{Rows: rows[:p+1]}, status(p), minute)
			}
		case content.KindScale:
			for p, pid := range ids {
				var ratings []int
				for k := range ex.Statements {
					ratings = append(ratings, 1+(k+p)%5)
				}
				f.art(s.ID, pid, work.Scale{Ratings: ratings}, status(p), minute)
			}
		case content.KindChecklist:
			for p, pid := range ids {
				c := work.Checklist{}
				for k := range ex.Items {
					c.Ticks = append(c.Ticks, (k+p)%2 == 0)
					note := ""
					if k == p {
						note = "Done with the help desk team in March"
					}
					c.Notes = append(c.Notes, note)
				}
				if ex.Team {
					save(c)
					break
				}
				f.art(s.ID, pid, c, status(p), minute)
			}
		case content.KindQuiz:
			for p, pid := range ids {
				var answers []int
				for k := range ex.Questions {
					answers = append(answers, (k+p)%2)
				}
				f.art(s.ID, pid, work.Quiz{Answers: answers}, status(p), minute)
			}
		}
		f.spent(s.ID, map[int64]int{ids[0]: 2 + si%3, ids[1]: 4, ids[2]: si % 2})
	}
	return f
}
