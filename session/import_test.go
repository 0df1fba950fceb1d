package session_test

import (
	"errors"
	"strings"
	"testing"

	"workshop/session"
)

func TestParseRosterTakesCommasSemicolonsAndABOM(t *testing.T) {
	for name, file := range map[string]string{
		"comma":     "name,department,team,email\nAna Souza,Health,Blue,ana@example.org\nBea,Transport,,\n",
		"semicolon": "\ufeffName;Group;Team;E-mail\r\nAna Souza;Health;Blue;ana@example.org\r\nBea;Transport;;\r\n",
		"reordered": "email,team,name,department\nana@example.org,Blue,  Ana   Souza ,Health\n,,Bea,Transport\n\n",
	} {
		t.Run(name, func(t *testing.T) {
			rows, err := session.ParseRoster([]byte(file))
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 2 {
				t.Fatalf("rows = %+v", rows)
			}
			want := session.RosterRow{Line: 2, Name: "Ana Souza", Department: "Health", Team: "Blue", Email: "ana@example.org"}
			if rows[0] != want {
				t.Errorf("first row = %+v, want %+v", rows[0], want)
			}
			if rows[1].Name != "Bea" || rows[1].Department != "Transport" || rows[1].Team != "" || rows[1].Line != 3 {
				t.Errorf("second row = %+v", rows[1])
			}
		})
	}
}

func TestParseRosterCleansNamesLikeTypedOnes(t *testing.T) {
	rows, err := session.ParseRoster([]byte("name\n\"Ａｎａ\x1b[31m  Souza\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if rows[0].Name != "Ana Souza" {
		t.Errorf("name = %q", rows[0].Name)
	}
}

func TestParseRosterReportsEveryBadRowWithItsLine(t *testing.T) {
	file := "name,department,team,email\n" +
		"Ana,Health,Blue,ana@example.org\n" + // 2: fine
		",Health,Blue,\n" + // 3: no name
		"Bea,Transport,Red,not-an-address\n" + // 4: bad email
		"Cai,Health,Blue,ana@example.org\n" + // 5: same email as line 2
		"Dan,Health,Blue,dan@example.org,extra\n" + // 6: too many values
		strings.Repeat("x", 41) + ",,,\n" // 7: too long
	_, err := session.ParseRoster([]byte(file))
	var re *session.RosterError
	if !errors.As(err, &re) {
		t.Fatalf("err = %v, want a RosterError", err)
	}
	var lines []int
	for _, p := range re.Problems {
		lines = append(lines, p.Line)
	}
	if want := []int{3, 4, 5, 6, 7}; !equalInts(lines, want) {
		t.Errorf("problems at lines %v, want %v:\n%v", lines, want, err)
	}
	if session.ErrorCode(err) != session.EInvalid || !strings.Contains(session.ErrorMessage(err), "line 5: the email ana@example.org is on line 2 too") {
		t.Errorf("message = %q", session.ErrorMessage(err))
	}
}

func TestParseRosterRefusesBadFiles(t *testing.T) {
	for name, file := range map[string]string{
		"empty":          "",
		"no name column": "department,team\nHealth,Blue\n",
		"unknown column": "name,phone\nAna,123\n",
		"header only":    "name,team\n",
		"not utf-8":      "name\nAn\xe1\n",
		"open quote":     "name\n\"Ana\n",
		"too many rows":  "name\n" + strings.Repeat("Ana\n", session.MaxRosterRows+1),
		"too big":        "name\n" + strings.Repeat("A", session.MaxRosterBytes),
	} {
		t.Run(name, func(t *testing.T) {
			rows, err := session.ParseRoster([]byte(file))
			if err == nil || rows != nil {
				t.Fatalf("rows = %v, err = %v", rows, err)
			}
			if !session.IsRefusal(err) {
				t.Errorf("err = %v is not a refusal", err)
			}
		})
	}
}

// FuzzParseRoster checks that no file crashes the parser, that a file is either refused or
// gives bounded, cleaned rows, and that each row's line is within the file.
func FuzzParseRoster(f *testing.F) {
	f.Add([]byte("name,department,team,email\nAna,Health,Blue,ana@example.org\n"))
	f.Add([]byte("\ufeffname;group;team\nBea;Transport;Red\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := session.ParseRoster(data)
		if err != nil {
			if !session.IsRefusal(err) {
				t.Fatalf("not a refusal: %v", err)
			}
			return
		}
		lines := strings.Count(string(data), "\n") + 1
		for _, r := range rows {
			if r.Name == "" || len([]rune(r.Name)) > session.MaxNameLen || len([]rune(r.Team)) > session.MaxNameLen {
				t.Fatalf("row %+v out of bounds", r)
			}
			if n, _ := session.NormalizeName(r.Name); n != r.Name {
				t.Fatalf("name %q not cleaned", r.Name)
			}
			if r.Line < 2 || r.Line > lines {
				t.Fatalf("row %+v outside the file's %d lines", r, lines)
			}
		}
		if len(rows) > session.MaxRosterRows {
			t.Fatalf("%d rows", len(rows))
		}
	})
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
