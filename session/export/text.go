package export

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"workshop/i18n"
	"workshop/session"
)

// locale is what the writers of one export need to write for people: its printer (the
// export's language) and the time zone of its times.
type locale struct {
	*i18n.Printer
	loc *time.Location
}

// statusWord is a progress status in words, as the CSV sheets and the reports show it.
func (x locale) statusWord(s string) string {
	switch s {
	case StatusSubmitted:
		return x.T("status|submitted")
	case StatusDraft:
		return x.T("status|draft")
	case StatusNoExercise:
		return ""
	}
	return x.T("status|not started")
}

// clock writes a time for people in the export's language: minutes are enough in a report,
// and the zone is named once in the report's header.
func (x locale) clock(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return x.DateTime(t.In(x.loc))
}

// sheetClock writes a time in a CSV cell: year, month and day first, which every spreadsheet
// in every language reads as a date.
func (x locale) sheetClock(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(x.loc).Format("2006-01-02 15:04")
}

// zoneName names a location for headers, e.g. "UTC" or "Europe/Rome".
func zoneName(loc *time.Location) string {
	if loc == nil {
		return "UTC"
	}
	return loc.String()
}

// minutes rounds seconds to whole minutes for sheets, where a decimal separator would be read
// differently from one spreadsheet locale to the next.
func minutes(secs int64) int64 { return int64(math.Round(float64(secs) / 60)) }

// minutesText formats seconds as minutes with one decimal when under ten, for reports.
func (x locale) minutesText(secs int64) string {
	m := float64(secs) / 60
	if m > 0 && m < 10 {
		return x.Number(math.Round(m*10)/10, 1)
	}
	return x.Number(math.Round(m), 0)
}

// ownerLabel names an owner in one cell or line: a participant's name, "team NAME",
// "anonymous" or "cohort".
func (x locale) ownerLabel(o Owner) string {
	switch o.Type {
	case OwnerParticipant:
		return o.Name
	case OwnerTeam:
		return x.teamLabel(o.Name)
	case OwnerAnonymous:
		return x.T("owner|anonymous")
	}
	return x.T("owner|cohort")
}

// teamLabel names a team in a cell: "team Blue", or "Team 1" as it is.
func (x locale) teamLabel(name string) string {
	if session.NamedTeam(name) {
		return name
	}
	return x.T("team %s", i18n.Verbatim(name))
}

// teamTitle names a team in a heading: "Team Blue", or "Team 1" as it is.
func (x locale) teamTitle(name string) string { return session.TeamTitleIn(x.Printer, name) }

// percent formats part of whole as a whole percentage.
func percent(part, whole int) string {
	if whole == 0 {
		return "0%"
	}
	return fmt.Sprintf("%d%%", int(math.Round(100*float64(part)/float64(whole))))
}

// float formats a number with at most two decimals, without trailing zeros, with the
// language's decimal mark.
func (x locale) float(f float64) string {
	s := strconv.FormatFloat(round2(f), 'f', -1, 64)
	if mark := x.Number(0.5, 1); len(mark) == 3 && mark[1] != '.' {
		s = strings.Replace(s, ".", mark[1:2], 1)
	}
	return s
}

// oneLine folds text onto one line for table cells and list entries.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// deref is an optional value's text, "" for none.
func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
