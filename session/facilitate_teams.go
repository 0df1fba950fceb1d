package session

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"

	"workshop/i18n"
)

// TeamPlan says how to split a cohort into breakout teams: Count teams, or teams of Size
// people. ByHand makes the teams empty, for the facilitator to fill person by person.
type TeamPlan struct {
	Count  int
	Size   int
	ByHand bool
}

// SplitTeams replaces the cohort's teams. At random, the people online now (everyone, if
// nobody is online) are shuffled and dealt into teams whose sizes differ by at most one;
// whoever is offline stays in no team until moved. Team boards of earlier teams stay stored.
func (h *Hub) SplitTeams(ctx context.Context, by Actor, plan TeamPlan) ([]Team, error) {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return nil, err
	}
	if (plan.Count > 0) == (plan.Size > 0) {
		return nil, Errorf(EInvalid, "give either a number of teams or a team size, e.g. 5 teams or teams of 4")
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	people := h.onlineLocked()
	if len(people) == 0 {
		people = h.members
	}
	count := plan.Count
	if plan.Size > 0 {
		if len(people) == 0 {
			return nil, Errorf(EConflict, "nobody has joined yet, so there is nobody to put in teams of a size")
		}
		count = (len(people) + plan.Size - 1) / plan.Size
	}
	if count > MaxTeams {
		return nil, Errorf(EInvalid, "%d teams is too many: at most %d", count, MaxTeams)
	}
	if !plan.ByHand && count > len(people) {
		return nil, Errorf(EInvalid, "%d teams for %d people would leave teams empty: ask for fewer, or split by hand", count, len(people))
	}
	names := make([]string, count)
	for i := range names {
		names[i] = fmt.Sprintf("Team %d", i+1)
	}
	assign := map[int64]int{}
	detail := fmt.Sprintf("%s to fill by hand", countOf(count, "empty team", "empty teams"))
	if !plan.ByHand {
		order := rand.Perm(len(people))
		for i, j := range order {
			assign[people[j].p.ID] = i % count
		}
		detail = fmt.Sprintf("%s at random into %s", countOf(len(people), "person", "people"), countOf(count, "team", "teams"))
	}
	return h.replaceTeamsLocked(ctx, actor, detail, names, assign)
}

// replaceTeamsLocked stores a new set of teams with the given members (participant ID -> index
// into names; everyone else in no team), then updates the roster and publishes.
func (h *Hub) replaceTeamsLocked(ctx context.Context, actor, detail string, names []string, assign map[int64]int) ([]Team, error) {
	ev := Event{CohortID: h.id, At: h.m.now(), Actor: actor, Action: "teams", Detail: detail}
	teams, err := h.m.store.ReplaceTeams(ctx, h.id, names, assign, ev)
	if err != nil {
		return nil, fmt.Errorf("form teams: %w", err)
	}
	h.applyLocked(everyone, func() {
		h.teams = teams
		for _, mb := range h.members {
			p := mb.p
			p.TeamID = 0
			if i, ok := assign[p.ID]; ok {
				p.TeamID = teams[i].ID
			}
			mb.p = p
		}
	})
	return teams, nil
}

// RenameTeam gives a team a new name, unique in the cohort.
func (h *Hub) RenameTeam(ctx context.Context, by Actor, teamID int64, name string) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	name = CleanLine(name)
	if name == "" {
		return Errorf(EInvalid, "the team name is empty: type a name")
	}
	if err := Bound(i18n.M("the team name"), name, MaxNameLen); err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	at := -1
	for i, t := range h.teams {
		if t.ID == teamID {
			at = i
		} else if SameName(name, t.Name) {
			return Errorf(EConflict, "another team is already called %q", t.Name)
		}
	}
	if at < 0 {
		return fmt.Errorf("team %d is not in cohort %s", teamID, h.code)
	}
	old := h.teams[at].Name
	if old == name {
		return nil
	}
	ev := Event{CohortID: h.id, At: h.m.now(), Actor: actor, Action: "teams", Detail: fmt.Sprintf("renamed %s to %s", old, name)}
	if err := h.m.store.RenameTeam(ctx, teamID, name, ev); err != nil {
		return err
	}
	// Snapshots share the slice, so it is replaced rather than changed.
	teams := append([]Team(nil), h.teams...)
	teams[at].Name = name
	h.applyLocked(change{team: teamID}, func() { h.teams = teams })
	return nil
}

// MoveToTeam puts a participant in a team, or in none for teamID 0.
func (h *Hub) MoveToTeam(ctx context.Context, by Actor, pid, teamID int64) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	mb, ok := h.byID[pid]
	if !ok {
		return fmt.Errorf("participant %d is not in cohort %s", pid, h.code)
	}
	to := "no team"
	if teamID != 0 {
		t, ok := h.teamLocked(teamID)
		if !ok {
			return fmt.Errorf("team %d is not in cohort %s", teamID, h.code)
		}
		to = t.Name
	}
	if mb.p.TeamID == teamID {
		return nil
	}
	ev := Event{CohortID: h.id, At: h.m.now(), Actor: actor, Action: "teams", Detail: fmt.Sprintf("moved %s to %s", mb.p.Label(), to)}
	if err := h.m.store.SetTeam(ctx, pid, teamID, ev); err != nil {
		return err
	}
	p := mb.p
	p.TeamID = teamID
	h.applyLocked(change{members: []int64{pid}}, func() { mb.p = p })
	return nil
}

func (h *Hub) teamLocked(id int64) (Team, bool) {
	for _, t := range h.teams {
		if t.ID == id {
			return t, true
		}
	}
	return Team{}, false
}

// TeamByName finds a team of the snapshot by a name that looks like its name (in any case,
// see NameKey; no two teams look alike), or by its number in the list ("2" for the second).
func (s *Snapshot) TeamByName(name string) (Team, error) {
	name = strings.TrimSpace(name)
	for _, t := range s.Teams {
		if SameName(name, t.Name) {
			return t, nil
		}
	}
	var n int
	if _, err := fmt.Sscan(name, &n); err == nil && fmt.Sprint(n) == name && n >= 1 && n <= len(s.Teams) {
		return s.Teams[n-1], nil
	}
	if len(s.Teams) == 0 {
		return Team{}, Errorf(EConflict, "there are no teams yet: split the cohort first")
	}
	known := make([]string, len(s.Teams))
	for i, t := range s.Teams {
		known[i] = t.Name
	}
	return Team{}, Errorf(ENotFound, "no team is called %q; the teams are: %s", name, strings.Join(known, ", "))
}

// MembersByName finds participants of the snapshot by what a facilitator typed: the one whose
// label looks like it ("Ana · 2"), or else everyone whose name looks like it, in joining
// order, so a caller can tell how many are meant.
func (s *Snapshot) MembersByName(name string) []Member {
	key := NameKey(name)
	for _, m := range s.Roster {
		if NameKey(m.Label()) == key {
			return []Member{m}
		}
	}
	var out []Member
	for _, m := range s.Roster {
		if NameKey(m.Name) == key {
			out = append(out, m)
		}
	}
	return out
}

// LabelsOf lists the labels of members, for messages that name them.
func LabelsOf(ms []Member) string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Label()
	}
	return strings.Join(out, ", ")
}

// countOf says how many of something there are: "1 team", "3 teams".
func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
