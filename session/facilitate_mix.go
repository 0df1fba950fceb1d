package session

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
)

// Grouping says which teams to form from the departments a roster gave people.
type Grouping int

const (
	// ByDepartment makes one team per department, named after it.
	ByDepartment Grouping = iota + 1
	// MixDepartments deals each department's people across the teams, so every team holds as
	// many departments as there can be: the cross-silo teams of a programme across services.
	MixDepartments
)

// TeamsByDepartment replaces the cohort's teams with teams formed from everyone's department
// (online or not, since a roster is imported before people arrive). By department, each
// department is a team and people without one are in no team; mixed, there are plan.Count
// teams or teams of plan.Size, whose sizes differ by at most one.
func (h *Hub) TeamsByDepartment(ctx context.Context, by Actor, how Grouping, plan TeamPlan) ([]Team, error) {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return nil, err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.state.Lock()
	people := make([]Participant, len(h.members))
	for i, mb := range h.members {
		people[i] = mb.p
	}
	h.state.Unlock()
	var names []string
	var assign map[int64]int
	var detail string
	switch how {
	case ByDepartment:
		if plan.Count > 0 || plan.Size > 0 {
			return nil, Errorf(EInvalid, "teams by department are as many as the departments: leave out --count and --size")
		}
		names, assign, err = departmentTeams(people)
		detail = fmt.Sprintf("%s by department into %s", countOf(len(assign), "person", "people"), countOf(len(names), "team", "teams"))
	case MixDepartments:
		names, assign, err = mixedTeams(people, plan, rand.Perm)
		detail = fmt.Sprintf("%s mixed across departments into %s", countOf(len(assign), "person", "people"), countOf(len(names), "team", "teams"))
	default:
		return nil, fmt.Errorf("unknown grouping %d", how)
	}
	if err != nil {
		return nil, err
	}
	return h.replaceTeamsLocked(ctx, actor, detail, names, assign)
}

// departmentTeams is one team per department, in the order departments first appear.
func departmentTeams(people []Participant) ([]string, map[int64]int, error) {
	var names []string
	at := map[string]int{}
	assign := map[int64]int{}
	for _, p := range people {
		if p.Department == "" {
			continue
		}
		k := NameKey(p.Department)
		i, ok := at[k]
		if !ok {
			i = len(names)
			at[k] = i
			names = append(names, p.Department)
		}
		assign[p.ID] = i
	}
	if len(names) == 0 {
		return nil, nil, Errorf(EConflict, "nobody here has a department: import a roster with a department column first")
	}
	if len(names) > MaxTeams {
		return nil, nil, Errorf(EInvalid, "%d departments is too many teams: at most %d", len(names), MaxTeams)
	}
	return names, assign, nil
}

// mixedTeams deals people into plan's number of teams so that each team holds as many
// departments as it can: each department's people, shuffled, are dealt to consecutive teams,
// the largest department first and each one starting where the last stopped. A department no
// bigger than the number of teams thus never has two people in one team, and sizes differ
// by at most one. People without a department count as a department of their own. perm
// shuffles (rand.Perm; tests pass their own).
func mixedTeams(people []Participant, plan TeamPlan, perm func(int) []int) ([]string, map[int64]int, error) {
	if (plan.Count > 0) == (plan.Size > 0) {
		return nil, nil, Errorf(EInvalid, "mixed teams need a number of teams or a team size: add --count N or --size K")
	}
	if len(people) == 0 {
		return nil, nil, Errorf(EConflict, "nobody has joined or been imported yet, so there is nobody to put in teams")
	}
	count := plan.Count
	if plan.Size > 0 {
		count = (len(people) + plan.Size - 1) / plan.Size
	}
	if count > MaxTeams {
		return nil, nil, Errorf(EInvalid, "%d teams is too many: at most %d", count, MaxTeams)
	}
	if count > len(people) {
		return nil, nil, Errorf(EInvalid, "%d teams for %d people would leave teams empty: ask for fewer", count, len(people))
	}
	groups := map[string][]Participant{}
	var order []string
	for _, p := range people {
		k := NameKey(p.Department)
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], p)
	}
	// Largest first, so the big departments spread over every team before small ones fill in;
	// ties keep the order departments first appear.
	sort.SliceStable(order, func(i, j int) bool { return len(groups[order[i]]) > len(groups[order[j]]) })
	assign := map[int64]int{}
	next := 0
	for _, k := range order {
		g := groups[k]
		for _, i := range perm(len(g)) {
			assign[g[i].ID] = next % count
			next++
		}
	}
	names := make([]string, count)
	for i := range names {
		names[i] = fmt.Sprintf("Team %d", i+1)
	}
	return names, assign, nil
}
