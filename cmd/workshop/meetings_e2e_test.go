package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	gossh "golang.org/x/crypto/ssh"

	"workshop/session"
)

// meetingsStart starts a server on a clock the test moves, registers fran and creates a cohort
// on the two-meeting test module (testdata/modules/meetings.yaml: meeting 1 holds steps 1–3
// with homework on step 3, meeting 2 steps 4–5).
func meetingsStart(t *testing.T) (ts *testServer, clock *e2eClock, facKey gossh.Signer, code string) {
	t.Helper()
	dir := t.TempDir()
	facKey, facPub := newKey(t)
	if out, err := cli(t, "facilitator", "add", "fran", facPub, "--data", dir); err != nil {
		t.Fatalf("facilitator add: %v\n%s", err, out)
	}
	clock = &e2eClock{t: time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC)}
	ts = startTestServerChanged(t, dir, func(c *serveConfig) { c.now = clock.now })
	out := facRun(t, ts, facKey, `cohort create --module e2e-meetings --name "Tuesday programme"`)
	code = lastLine(out)
	if !session.LooksLikeJoinCode(code) {
		t.Fatalf("last line %q is not a join code:\n%s", code, out)
	}
	return ts, clock, facKey, code
}

// meetingsJoin brings a keyless participant into the cohort.
func meetingsJoin(t *testing.T, ts *testServer, code, name string) *termClient {
	t.Helper()
	c := dialTerm(t, ts.addr(), code, nil, 80, 24)
	c.Name = name
	c.waitFor("What name")
	c.typeText(name + keyEnter)
	c.waitFor("Keep this code")
	c.press(keyEnter)
	c.waitFor("Step 1 of 5")
	return c
}

// A programme of two meetings a week apart, with three participants: Ana is there
// throughout, Bea arrives 12 minutes into meeting 1, Cai comes to meeting 1 and misses
// meeting 2. The console says who is here, participants see the meeting and then their
// homework, and `attendance` and every export agree on who attended.
func TestTwoMeetingsWithLateAndAbsentParticipants(t *testing.T) {
	ts, clock, facKey, code := meetingsStart(t)
	fac := dialTerm(t, ts.addr(), "fran", facKey, 100, 30)
	fac.Name = "fran"
	fac.waitFor("facilitator console", code)
	fac.press(keyEnter)
	fac.waitFor("Code "+code, "No meeting open · M opens meeting 1 of 2")

	ana := meetingsJoin(t, ts, code, "Ana Souza")
	cai := meetingsJoin(t, ts, code, "Cai Rocha")

	// Meeting 1 opens at 09:00 with two people in the cohort; Bea comes at 09:12.
	if out := facRun(t, ts, facKey, "meeting "+code+" start"); !strings.Contains(out, "meeting 1 of 2 is open — See the service") {
		t.Errorf("meeting start says:\n%s", out)
	}
	for _, p := range []*termClient{ana, cai} {
		p.waitFor("Meeting 1 of 2 — See the service")
	}
	fac.waitFor("Meeting 1 of 2 · 2 of 2 here")
	clock.add(12 * time.Minute)
	bea := meetingsJoin(t, ts, code, "Bea Lima")
	bea.waitFor("Meeting 1 of 2 — See the service")
	fac.waitFor("Meeting 1 of 2 · 3 of 3 here")
	if s := fac.screen(); strings.Contains(s, "absent:") {
		t.Errorf("the console names someone absent while everyone is here:\n%s", s)
	}

	// Meeting 1 ends at 10:00: everyone sees the homework; Cai leaves at 10:01.
	clock.add(48 * time.Minute)
	if out := facRun(t, ts, facKey, "meeting "+code+" end"); !strings.Contains(out, "meeting 1 of 2 ended") {
		t.Errorf("meeting end says:\n%s", out)
	}
	for _, p := range []*termClient{ana, bea, cai} {
		p.waitFor("Homework before meeting 2 of 2", "Talk to one user")
	}
	fac.waitFor("Between meetings: homework of meeting 1 · M opens meeting 2 of 2")
	clock.add(time.Minute)
	cai.close()
	fac.waitFor("2 online")

	// A week later the facilitator opens meeting 2 from the console; Cai does not come.
	clock.add(7*24*time.Hour - time.Minute)
	fac.press("M")
	fac.waitFor("Meeting 2 of 2 · 2 of 3 here; absent: Cai Rocha")
	for _, p := range []*termClient{ana, bea} {
		p.waitFor("Meeting 2 of 2 — Report back", "Step 4 of 5")
	}
	clock.add(time.Hour)
	facRun(t, ts, facKey, "meeting "+code+" end")

	// attendance CODE: a table per meeting.
	text := facRun(t, ts, facKey, "attendance "+code)
	for _, want := range []string{
		"Meeting 1 — See the service (3 Mar 2026 09:00 UTC, ended 10:00): 2 present, 1 late, 0 left early, 0 absent",
		"Meeting 2 — Report back (10 Mar 2026 10:00 UTC, ended 11:00): 2 present, 0 late, 0 left early, 1 absent",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("attendance lacks %q:\n%s", want, text)
		}
	}
	rows := attendanceTextRows(text)
	want := [][]string{
		{"Ana Souza", "present", "09:00", "", "60", "0"}, {"Cai Rocha", "present", "09:00", "", "60", "0"}, {"Bea Lima", "late", "09:12", "", "48", "0"},
		{"Ana Souza", "present", "10:00", "", "60", "0"}, {"Cai Rocha", "absent", "", "", "0", "0"}, {"Bea Lima", "present", "10:00", "", "60", "0"},
	}
	if len(rows) != len(want) {
		t.Fatalf("attendance has %d rows, want %d:\n%s", len(rows), len(want), text)
	}
	for i := range want {
		if strings.Join(rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("attendance row %d: %q, want %q", i+1, rows[i], want[i])
		}
	}

	// The same in CSV (the command and the export's attendance table) and JSON.
	statuses := []string{"1 Ana Souza present", "1 Cai Rocha present", "1 Bea Lima late", "2 Ana Souza present", "2 Cai Rocha absent", "2 Bea Lima present"}
	for _, args := range []string{"attendance " + code + " --format csv", "export " + code + " --format csv --table attendance"} {
		records, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(facRun(t, ts, facKey, args), "\ufeff"))).ReadAll()
		if err != nil || len(records) != 7 {
			t.Fatalf("%s: %d records, %v", args, len(records), err)
		}
		var got []string
		for _, r := range records[1:] {
			got = append(got, r[0]+" "+r[3]+" "+r[4])
		}
		if strings.Join(got, ", ") != strings.Join(statuses, ", ") {
			t.Errorf("%s:\n got %q\nwant %q", args, got, statuses)
		}
		if records[3][5] != "2026-03-03T09:12:00Z" || records[3][7] != "48" {
			t.Errorf("%s: Bea's arrival and minutes: %q", args, records[3])
		}
	}
	var byCommand struct {
		Meetings []attendanceJSON `json:"meetings"`
	}
	if err := json.Unmarshal([]byte(facRun(t, ts, facKey, "attendance "+code+" --format json")), &byCommand); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Cohorts []struct {
			Attendance []attendanceJSON `json:"attendance"`
		} `json:"cohorts"`
		Attendance []attendanceJSON `json:"attendance"`
	}
	if err := json.Unmarshal([]byte(facRun(t, ts, facKey, "export "+code+" --format json")), &doc); err != nil {
		t.Fatal(err)
	}
	fromExport := doc.Attendance
	if len(doc.Cohorts) == 1 {
		fromExport = doc.Cohorts[0].Attendance
	}
	for name, ms := range map[string][]attendanceJSON{"attendance --format json": byCommand.Meetings, "export --format json": fromExport} {
		var got []string
		for _, m := range ms {
			for _, p := range m.People {
				got = append(got, jsonInt(m.Number)+" "+p.Name+" "+p.Status)
			}
		}
		if strings.Join(got, ", ") != strings.Join(statuses, ", ") {
			t.Errorf("%s:\n got %q\nwant %q", name, got, statuses)
		}
		if len(ms) == 2 && (ms[0].Late != 1 || ms[1].Absent != 1 || ms[0].People[2].Minutes != 48) {
			t.Errorf("%s: counts %+v", name, ms)
		}
	}

	// The reports: a section per meeting, and the HTML chart.
	md := facRun(t, ts, facKey, "export "+code+" --format md")
	for _, want := range []string{"## Attendance", "### Meeting 1 — See the service", "### Meeting 2 — Report back", "- **Cai Rocha**: Status: absent", "- **Bea Lima**: Status: late; Arrived: 3 Mar 2026 09:12; Minutes online: 48"} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown report lacks %q:\n%s", want, md)
		}
	}
	html := facRun(t, ts, facKey, "export "+code+" --format html")
	for _, want := range []string{"Attendance per meeting", "Meeting 2 — Report back", "Cai Rocha"} {
		if !strings.Contains(html, want) {
			t.Errorf("the HTML report lacks %q", want)
		}
	}

	// The workbook's Attendance sheet.
	f, err := excelize.OpenReader(bytes.NewReader([]byte(facRun(t, ts, facKey, "export "+code+" --format xlsx"))))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet, err := f.GetRows("Attendance")
	if err != nil || len(sheet) != 7 {
		t.Fatalf("Attendance sheet: %d rows, %v", len(sheet), err)
	}
	var got []string
	for _, r := range sheet[1:] {
		got = append(got, r[0]+" "+r[3]+" "+r[4])
	}
	if strings.Join(got, ", ") != strings.Join(statuses, ", ") {
		t.Errorf("Attendance sheet:\n got %q\nwant %q", got, statuses)
	}
}

// attendanceJSON is the part of an exported meeting the test reads.
type attendanceJSON struct {
	Number json.Number `json:"number"`
	Late   int         `json:"late"`
	Absent int         `json:"absent"`
	People []struct {
		Name    string `json:"name"`
		Status  string `json:"status"`
		Minutes int    `json:"minutes_online"`
	} `json:"people"`
}

func jsonInt(n json.Number) string { return n.String() }

// attendanceTextRows reads the participants' rows of `attendance` as text: columns split on
// runs of two or more spaces, an empty arrival or departure kept in its place.
func attendanceTextRows(text string) [][]string {
	var rows [][]string
	var starts []int
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "NAME") {
			starts = starts[:0]
			for _, h := range []string{"NAME", "STATUS", "ARRIVED", "LEFT", "MINUTES", "HANDS"} {
				starts = append(starts, strings.Index(line, h))
			}
			continue
		}
		if len(starts) == 0 || strings.TrimSpace(line) == "" || strings.HasPrefix(line, "Meeting ") {
			if strings.HasPrefix(line, "Meeting ") {
				starts = nil
			}
			continue
		}
		row := make([]string, len(starts))
		for i, s := range starts {
			end := len(line)
			if i+1 < len(starts) && starts[i+1] < end {
				end = starts[i+1]
			}
			if s < len(line) {
				row[i] = strings.TrimSpace(line[s:end])
			}
		}
		rows = append(rows, row)
	}
	return rows
}
