package export

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"workshop/session"
)

// Attendance reaches every format: a CSV table of its own, a JSON section, an Attendance
// sheet, and a section with a chart in the Markdown and HTML reports.
func TestAttendanceInEveryFormat(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	r := f.report()
	start := at(0)
	r.Attendance = AttendanceOf([]session.MeetingAttendance{{
		Number: 1, Title: "Map potential services", StartedAt: start, EndedAt: at(60), Present: 1, Absent: 1, Late: 1,
		People: []session.PersonAttendance{
			{ParticipantID: 1, Label: "Ana", Status: session.Present, Arrived: start, Online: time.Hour, Hands: 2},
			{ParticipantID: 2, Label: "Bruno", Status: session.Late, Late: true, Arrived: at(15), Online: 45 * time.Minute},
			{ParticipantID: 3, Label: "=Cai", Status: session.Absent},
		},
	}})
	write := func(o Options) string {
		t.Helper()
		var b bytes.Buffer
		if err := r.Write(&b, o); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	csv := write(Options{Format: CSV, Table: TableAttendance})
	for _, want := range []string{"Meeting,Title,Participant ID,Name,Status,Arrived,Left,Minutes online,Hands\n",
		"1,Map potential services,1,Ana,present,2026-03-10T09:00:00Z,,60,2\n", "1,Map potential services,2,Bruno,late,", ",'=Cai,absent,,,0,0\n"} {
		if !strings.Contains(csv, want) {
			t.Errorf("CSV lacks %q:\n%s", want, csv)
		}
	}
	if js := write(Options{Format: JSON}); !strings.Contains(js, `"attendance": [`) || !strings.Contains(js, `"minutes_online": 45`) {
		t.Errorf("JSON lacks attendance:\n%s", js)
	}
	md := write(Options{Format: Markdown})
	if !strings.Contains(md, "## Attendance") || !strings.Contains(md, "### Meeting 1 — Map potential services") || !strings.Contains(md, "**Bruno**: Status: late; Arrived: 10 Mar 2026 09:15; Minutes online: 45") {
		t.Errorf("Markdown lacks attendance:\n%s", md)
	}
	if html := write(Options{Format: HTML}); !strings.Contains(html, "Attendance per meeting") || !strings.Contains(html, "Meeting 1 — Map potential services") {
		t.Error("HTML lacks the attendance section and chart")
	}
	xl, err := excelize.OpenReader(strings.NewReader(write(Options{Format: XLSX})))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := xl.GetRows("Attendance")
	if err != nil || len(rows) != 4 || rows[2][3] != "Bruno" || rows[2][4] != "late" {
		t.Errorf("Attendance sheet: %v %v", rows, err)
	}
}
