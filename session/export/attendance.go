package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"

	"workshop/i18n"
	"workshop/session"
)

// Attendance in exports: one row per participant per meeting the cohort held, the same in the
// `attendance` command, the CSV table, the JSON document, the workbook's sheet and the reports.

// AttendanceMeeting is one meeting's attendance as exported.
type AttendanceMeeting struct {
	Number    int                `json:"number"`
	Title     string             `json:"title"`
	StartedAt time.Time          `json:"started_at"`
	EndedAt   *time.Time         `json:"ended_at"` // null while the meeting is open
	Present   int                `json:"present"`
	Late      int                `json:"late"`
	LeftEarly int                `json:"left_early"`
	Absent    int                `json:"absent"`
	People    []AttendancePerson `json:"people"`
}

// AttendancePerson is one participant's attendance of one meeting.
type AttendancePerson struct {
	Participant int64      `json:"participant"`
	Name        string     `json:"name"`
	Status      string     `json:"status"`
	Late        bool       `json:"late"`
	LeftEarly   bool       `json:"left_early"`
	Arrived     *time.Time `json:"arrived"`
	Left        *time.Time `json:"left"`
	Minutes     int        `json:"minutes_online"`
	Hands       int        `json:"hands"`
}

// AttendanceOf turns computed attendance into its exported form.
func AttendanceOf(mas []session.MeetingAttendance) []AttendanceMeeting {
	out := make([]AttendanceMeeting, 0, len(mas))
	for _, ma := range mas {
		am := AttendanceMeeting{Number: ma.Number, Title: line(ma.Title), StartedAt: ma.StartedAt.UTC(), EndedAt: timePtr(ma.EndedAt),
			Present: ma.Present, Late: ma.Late, LeftEarly: ma.LeftEarly, Absent: ma.Absent, People: []AttendancePerson{}}
		for _, p := range ma.People {
			am.People = append(am.People, AttendancePerson{Participant: p.ParticipantID, Name: line(p.Label), Status: string(p.Status),
				Late: p.Late, LeftEarly: p.LeftEarly, Arrived: timePtr(p.Arrived), Left: timePtr(p.Left), Minutes: p.Minutes(), Hands: p.Hands})
		}
		out = append(out, am)
	}
	return out
}

// AttendanceHeader names the columns of AttendanceRows.
var AttendanceHeader = []string{"meeting", "title", "participant", "name", "status", "arrived", "left", "minutes_online", "hands"}

// AttendanceRows is attendance as table rows, times in loc (RFC 3339 to the second).
func AttendanceRows(ams []AttendanceMeeting, loc *time.Location) [][]string {
	var rows [][]string
	at := func(t *time.Time) string {
		if t == nil {
			return ""
		}
		return t.In(loc).Format(time.RFC3339)
	}
	for _, m := range ams {
		for _, p := range m.People {
			rows = append(rows, []string{strconv.Itoa(m.Number), m.Title, strconv.FormatInt(p.Participant, 10), p.Name, p.Status,
				at(p.Arrived), at(p.Left), strconv.Itoa(p.Minutes), strconv.Itoa(p.Hands)})
		}
	}
	return rows
}

// WriteAttendanceCSV writes attendance as CSV with a header row of column codes and codes
// for statuses, for scripts (the attendance command's --format csv).
func WriteAttendanceCSV(w io.Writer, ams []AttendanceMeeting, loc *time.Location) error {
	return attendanceCSV(w, AttendanceHeader, AttendanceRows(ams, loc))
}

// writeAttendanceCSV is the export's attendance sheet: the same columns, headed and with
// statuses in the export's language.
func writeAttendanceCSV(w io.Writer, ams []AttendanceMeeting, x locale) error {
	head := []string{x.T("Meeting"), x.T("Title"), x.T("Participant ID"), x.T("Name"), x.T("Status"),
		x.T("Arrived"), x.T("Left"), x.T("Minutes online"), x.T("Hands")}
	rows := AttendanceRows(ams, x.loc)
	for _, r := range rows {
		r[4] = x.Msg(session.AttendanceStatus(r[4]).Msg())
	}
	return attendanceCSV(w, head, rows)
}

func attendanceCSV(w io.Writer, head []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, r := range rows {
		for i := range r {
			r[i] = Cell(r[i])
		}
		if err := cw.Write(r); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write attendance: %w", err)
	}
	return nil
}

// WriteAttendanceJSON writes attendance as a JSON document: {"meetings": [...]}.
func WriteAttendanceJSON(w io.Writer, ams []AttendanceMeeting) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Meetings []AttendanceMeeting `json:"meetings"`
	}{ams})
}

// attendanceBlocks is the report's attendance section: a chart of each meeting's attendance
// (drawn in HTML; Markdown has the table) and one table per meeting.
func (r *Report) attendanceBlocks(x locale) []block {
	if len(r.Attendance) == 0 {
		return nil
	}
	out := []block{heading{2, "attendance", x.T("Attendance")},
		para{{text: x.T("Late: arrived more than %d minutes after the meeting opened. Left early: left for good more than %d minutes before it closed.",
			int(session.LateAfter/time.Minute), int(session.EarlyBefore/time.Minute))}}}
	chart := stackChart{title: x.T("Attendance per meeting"), none: x.T("no answers"), series: []string{x.Msg(session.Present.Msg()), x.Msg(session.Late.Msg()),
		x.Msg(session.LeftEarly.Msg()), x.Msg(session.Absent.Msg())}}
	for _, m := range r.Attendance {
		chart.rows = append(chart.rows, stackRow{label: x.T("Meeting %d", m.Number), values: []int{m.Present, m.Late, m.LeftEarly, m.Absent}})
	}
	out = append(out, chart)
	for _, m := range r.Attendance {
		out = append(out, heading{3, fmt.Sprintf("attendance-%d", m.Number), x.T("Meeting %d — %s", m.Number, i18n.Verbatim(m.Title))},
			para{{text: x.T("Opened %s. %d present, %d late, %d left early, %d absent.", x.clock(m.StartedAt), m.Present, m.Late, m.LeftEarly, m.Absent)}})
		t := table{head: []string{x.T("Name"), x.T("Status"), x.T("Arrived"), x.T("Left"), x.T("Minutes online"), x.T("Hands")},
			num: []bool{false, false, false, false, true, true}, keep: []bool{false, false, true, true, false, false}}
		for _, p := range m.People {
			at := func(t *time.Time) string {
				if t == nil {
					return ""
				}
				return x.clock(*t)
			}
			t.rows = append(t.rows, []string{p.Name, x.Msg(session.AttendanceStatus(p.Status).Msg()), at(p.Arrived), at(p.Left), x.Int(p.Minutes), x.Int(p.Hands)})
		}
		out = append(out, t)
	}
	return out
}

// attendanceSheet is the workbook's "Attendance" sheet: one row per participant per meeting.
func (r *Report) attendanceSheet(x locale) *xsheet {
	z := zoneName(x.loc)
	s := &xsheet{name: x.T("sheet|Attendance"), head: []string{x.T("Meeting"), x.T("Title"), x.T("Participant ID"), x.T("Name"), x.T("Status"),
		x.T("Arrived (%s)", z), x.T("Left (%s)", z), x.T("Minutes online"), x.T("Hands")}, freeze: 1}
	for _, m := range r.Attendance {
		for _, p := range m.People {
			s.add(integer(int64(m.Number)), txt(m.Title), integer(p.Participant), txt(p.Name), txt(x.Msg(session.AttendanceStatus(p.Status).Msg())),
				optDate(p.Arrived), optDate(p.Left), integer(int64(p.Minutes)), integer(int64(p.Hands)))
		}
	}
	return s
}
