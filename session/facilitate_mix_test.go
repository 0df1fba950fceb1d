package session_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"workshop/session"
)

// importDepartments imports people named after their department: counts gives how many of each.
func importDepartments(t *testing.T, f *facFixture, counts ...any) {
	t.Helper()
	var b strings.Builder
	b.WriteString("name,department\n")
	for i := 0; i < len(counts); i += 2 {
		for n := range counts[i+1].(int) {
			fmt.Fprintf(&b, "%s %d,%s\n", counts[i], n+1, counts[i])
		}
	}
	rows, err := session.ParseRoster([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.h.ImportRoster(context.Background(), session.ShellActor("ana"), rows); err != nil {
		t.Fatal(err)
	}
}

// departmentsPerTeam counts, per team name, its members and its distinct departments.
func departmentsPerTeam(s *session.Snapshot) (size, depts map[string]int) {
	size, depts = map[string]int{}, map[string]int{}
	seen := map[string]bool{}
	for _, m := range s.Roster {
		t, ok := s.Team(m.TeamID)
		if !ok {
			continue
		}
		size[t.Name]++
		if k := t.Name + "/" + m.Department; !seen[k] {
			seen[k] = true
			depts[t.Name]++
		}
	}
	return size, depts
}

func TestMixedTeamsHoldAsManyDepartmentsAsTheyCan(t *testing.T) {
	for _, tc := range []struct {
		name   string
		counts []any
		plan   session.TeamPlan
		size   int
		depts  int
	}{
		// No department is bigger than the number of teams: nobody shares one with a teammate.
		{"spread", []any{"Health", 4, "Tax", 3, "Transport", 3, "Education", 2}, session.TeamPlan{Count: 4}, 3, 3},
		// Health fills half of every team, so three departments a team is the most there can be.
		{"one big", []any{"Health", 6, "Tax", 2, "Transport", 2, "Education", 1, "Culture", 1}, session.TeamPlan{Size: 4}, 4, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFacFixture(t)
			importDepartments(t, f, tc.counts...)
			for range 20 { // the shuffle must never matter
				if _, err := f.h.TeamsByDepartment(context.Background(), session.ShellActor("ana"), session.MixDepartments, tc.plan); err != nil {
					t.Fatal(err)
				}
				size, depts := departmentsPerTeam(f.h.Snapshot())
				for team, n := range size {
					if n != tc.size || depts[team] != tc.depts {
						t.Fatalf("%s has %d people from %d departments, want %d from %d (sizes %v, departments %v)", team, n, depts[team], tc.size, tc.depts, size, depts)
					}
				}
			}
		})
	}
}

func TestTeamsByDepartment(t *testing.T) {
	f := newFacFixture(t)
	importDepartments(t, f, "Health", 2, "Tax", 1)
	f.join(t, "Walk-in") // typed a name: no department, so no team
	teams, err := f.h.TeamsByDepartment(context.Background(), session.ShellActor("ana"), session.ByDepartment, session.TeamPlan{})
	if err != nil {
		t.Fatal(err)
	}
	if len(teams) != 2 || teams[0].Name != "Health" || teams[1].Name != "Tax" {
		t.Fatalf("teams %+v", teams)
	}
	s := f.h.Snapshot()
	for _, m := range s.Roster {
		tm, _ := s.Team(m.TeamID)
		if tm.Name != m.Department {
			t.Errorf("%s of %q is in team %q", m.Label(), m.Department, tm.Name)
		}
	}
	if ev := f.lastEvent(t); ev.Detail != "3 people by department into 2 teams" {
		t.Errorf("timeline %q", ev.Detail)
	}
}
