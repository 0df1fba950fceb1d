package export

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"workshop/session"
)

// Human words for progress statuses, as the CSV, Markdown and HTML reports show them.
func statusWord(s string) string {
	switch s {
	case StatusSubmitted:
		return "submitted"
	case StatusDraft:
		return "draft"
	case StatusNoExercise:
		return ""
	}
	return "not started"
}

// clock formats a time for people: minutes are enough in a report, and the zone is named once
// in the report's header.
func clock(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return t.In(loc).Format("2006-01-02 15:04")
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
func minutesText(secs int64) string {
	m := float64(secs) / 60
	if m > 0 && m < 10 {
		return strconv.FormatFloat(math.Round(m*10)/10, 'f', 1, 64)
	}
	return strconv.FormatInt(int64(math.Round(m)), 10)
}

// ownerLabel names an owner in one cell or line: a participant's name, "team NAME",
// "anonymous" or "cohort".
func ownerLabel(o Owner) string {
	switch o.Type {
	case OwnerParticipant:
		return o.Name
	case OwnerTeam:
		return teamLabel(o.Name)
	case OwnerAnonymous:
		return "anonymous"
	}
	return "cohort"
}

// teamLabel names a team in a cell: "team Blue", or "Team 1" as it is.
func teamLabel(name string) string {
	if session.NamedTeam(name) {
		return name
	}
	return "team " + name
}

// percent formats part of whole as a whole percentage.
func percent(part, whole int) string {
	if whole == 0 {
		return "0%"
	}
	return fmt.Sprintf("%d%%", int(math.Round(100*float64(part)/float64(whole))))
}

// float formats a number with at most two decimals, without trailing zeros.
func float(f float64) string {
	return strconv.FormatFloat(round2(f), 'f', -1, 64)
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
