package session

// ReportBack is, while a meeting after the first is open, the positions of the homework steps
// of the meeting before it: what each team brings back, for the answers wall to show at the
// start of the meeting. Nil otherwise.
func (s *Snapshot) ReportBack() []int {
	n := s.Meeting()
	if !n.Open || n.Number < 2 {
		return nil
	}
	return s.Module.HomeworkStepIndexes(n.Number - 2)
}
