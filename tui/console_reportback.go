package tui

// The report-back: while a meeting after the first is open, b on the answers wall shows the
// answers to the last meeting's homework steps, one by one (each team's board on a team step),
// then the current step again. The group stays where it is.

// reportBackKey shows the next homework step of the last meeting on the wall, or the current
// step after the last of them.
func (r *cohortRoom) reportBackKey() string {
	steps := r.snap.ReportBack()
	if len(steps) == 0 {
		r.wall.view = ""
		return r.T("No homework to report back: b shows it while a meeting after one with homework steps is open.")
	}
	next := 0
	for j, i := range steps {
		if r.module().Steps[i].ID == r.wall.view {
			next = j + 1
		}
	}
	r.wall.sel = ""
	if next >= len(steps) {
		r.wall.view = ""
		return r.T("The wall shows the current step again.")
	}
	s := r.module().Steps[steps[next]]
	r.wall.view = s.ID
	return r.T("Report-back: the wall shows the homework of step %d, %s. b for the next; the group stays put.", steps[next]+1, r.shown().Steps[steps[next]].Title)
}
