package session

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/mail"
	"strings"
	"unicode/utf8"

	"workshop/i18n"
)

// Bounds of a roster file: a cohort is a room of people, not a directory of them.
const (
	// MaxRosterBytes bounds the size of a roster file.
	MaxRosterBytes = 256 << 10
	// MaxRosterRows bounds the people one import adds.
	MaxRosterRows = 500
	// MaxEmailLen bounds an address (RFC 5321's limit on a path).
	MaxEmailLen = 254
	// maxRosterProblems bounds the problems one import reports: the first ones are enough to
	// see what is wrong with a file.
	maxRosterProblems = 50
)

// RosterRow is one person of a roster file, cleaned: Line is where they were in the file.
type RosterRow struct {
	Line       int
	Name       string
	Department string
	Team       string
	Email      string
}

// RosterProblem is what is wrong with one line of a roster file.
type RosterProblem struct {
	Line int
	// Message is the problem in English; Msg in any language.
	Message string
	Msg     i18n.Msg
}

// RosterError lists every problem found in a roster file; it is a refusal (EInvalid), and
// nothing of the file is imported.
type RosterError struct {
	Problems []RosterProblem
	// More counts problems found beyond those listed.
	More int
}

// Error is the refusal in English.
func (e *RosterError) Error() string { return e.UserMsg().String() }

// UserMsg is the refusal in the reader's language: how many problems, then one line each.
func (e *RosterError) UserMsg() i18n.Msg {
	m := i18n.M("nothing was imported: %d problems in the file", len(e.Problems)+e.More)
	for _, p := range e.Problems {
		if p.Line > 0 {
			m = i18n.M("%s\nline %d: %s", m, p.Line, p.Msg)
		} else {
			m = i18n.M("%s\n%s", m, p.Msg)
		}
	}
	if e.More > 0 {
		m = i18n.M("%s\n… and %d more", m, e.More)
	}
	return m
}

// problem is one line's problem in a roster.
func problem(line int, m i18n.Msg) RosterProblem {
	return RosterProblem{Line: line, Message: m.String(), Msg: m}
}

// columns a roster's header may name, by what each is called in it.
var rosterColumns = map[string]string{
	"name": "name", "full name": "name",
	"department": "department", "group": "department", "dept": "department",
	"team":  "team",
	"email": "email", "e-mail": "email", "mail": "email",
}

// ParseRoster reads a roster file: a header row naming the columns (name, and optionally
// department or group, team and email, in any order and case), then one person a row. It takes
// UTF-8 with or without a byte-order mark, and commas or semicolons (as spreadsheets write
// them where the comma is a decimal mark), chosen by which the header holds more of. Names are
// cleaned like every typed name. A file with any bad row is refused whole, with every problem
// at its line, so a roster is never half imported.
func ParseRoster(data []byte) ([]RosterRow, error) {
	r, err := rosterReader(data)
	if err != nil {
		return nil, err
	}
	e := &RosterError{}
	header, err := r.Read()
	if err != nil {
		return nil, rosterReadError(err)
	}
	at := rosterHeader(header, e)
	if len(e.Problems) > 0 {
		return nil, e
	}
	rows, err := rosterRows(r, header, at, e)
	if err != nil {
		return nil, err
	}
	if len(e.Problems) > 0 {
		return nil, e
	}
	if len(rows) == 0 {
		return nil, Errorf(EInvalid, "the file has a header but nobody in it")
	}
	return rows, nil
}

// add notes a problem at a line, counting those beyond the ones listed.
func (e *RosterError) add(line int, m i18n.Msg) {
	if len(e.Problems) < maxRosterProblems {
		e.Problems = append(e.Problems, problem(line, m))
	} else {
		e.More++
	}
}

// rosterReader checks a roster file's size and encoding and returns a CSV reader on it, split
// by the delimiter its first line holds more of.
func rosterReader(data []byte) (*csv.Reader, error) {
	if len(data) > MaxRosterBytes {
		return nil, Errorf(EInvalid, "the file is %d KiB: a roster may be at most %d KiB", len(data)>>10, MaxRosterBytes>>10)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		return nil, Errorf(EInvalid, "the file is not UTF-8 text: save it as \"CSV UTF-8\" and import again")
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, Errorf(EInvalid, "the file is empty: it needs a header row (name,department,team,email) and a row per person")
	}
	first, _, _ := bytes.Cut(data, []byte("\n"))
	r := csv.NewReader(bytes.NewReader(data))
	if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		r.Comma = ';'
	}
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	return r, nil
}

// rosterHeader maps each column the header names to its position (from 1), noting in e the
// columns it cannot take and a missing name column.
func rosterHeader(header []string, e *RosterError) map[string]int {
	at := map[string]int{}
	for i, h := range header {
		key := strings.ToLower(CleanLine(h))
		col, ok := rosterColumns[key]
		switch {
		case key == "":
			e.add(1, i18n.M("column %d has no name in the header", i+1))
		case !ok:
			e.add(1, i18n.M("unknown column %q: the columns are name, department (or group), team and email", CleanLine(h)))
		case at[col] > 0:
			e.add(1, i18n.M("column %q is given twice", col))
		default:
			at[col] = i + 1
		}
	}
	if at["name"] == 0 && len(e.Problems) == 0 {
		e.add(1, i18n.M("the header has no name column: the first row must name the columns, e.g. name,department,team,email"))
	}
	return at
}

// rosterRows reads the people after the header, skipping blank rows and noting in e what is
// wrong with each row. It fails at once only when the file cannot be read or has too many
// people to import.
func rosterRows(r *csv.Reader, header []string, at map[string]int, e *RosterError) ([]RosterRow, error) {
	var rows []RosterRow
	emails := map[string]int{}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				e.add(pe.Line, csvProblem(pe.Err))
				break // the reader cannot tell where the next row starts
			}
			return nil, rosterReadError(err)
		}
		line, _ := r.FieldPos(0)
		if blank(rec) {
			continue
		}
		if len(rows) == MaxRosterRows {
			return nil, Errorf(EInvalid, "the file has more than %d people: import a cohort at a time", MaxRosterRows)
		}
		if len(rec) > len(header) {
			e.add(line, i18n.M("%d values, but the header names %d columns", len(rec), len(header)))
			continue
		}
		rows = append(rows, rosterRow(rec, at, line, emails, e))
	}
	return rows, nil
}

// rosterRow cleans one person's row, noting in e what is wrong with it. emails holds the line
// of every address seen so far, so an address given twice is found.
func rosterRow(rec []string, at map[string]int, line int, emails map[string]int, e *RosterError) RosterRow {
	field := func(col string) string {
		if i := at[col]; i > 0 && i <= len(rec) {
			return rec[i-1]
		}
		return ""
	}
	row := RosterRow{Line: line, Department: CleanLine(field("department")), Team: CleanLine(field("team")), Email: CleanLine(field("email"))}
	name, err := NormalizeName(field("name"))
	switch {
	case err != nil:
		e.add(line, i18n.M("the name %q has characters a name cannot hold", CleanLine(field("name"))))
	case name == "":
		e.add(line, i18n.M("no name"))
	case Bound(i18n.M("name"), name, MaxNameLen) != nil:
		e.add(line, i18n.M("the name is longer than %d characters", MaxNameLen))
	}
	row.Name = name
	if Bound(i18n.M("department"), row.Department, MaxNameLen) != nil {
		e.add(line, i18n.M("the department is longer than %d characters", MaxNameLen))
	}
	if Bound(i18n.M("team"), row.Team, MaxNameLen) != nil {
		e.add(line, i18n.M("the team is longer than %d characters", MaxNameLen))
	}
	if row.Email != "" {
		checkRosterEmail(row.Email, line, emails, e)
	}
	return row
}

// checkRosterEmail notes in e an address that is not one, too long, or given on an earlier line.
func checkRosterEmail(email string, line int, emails map[string]int, e *RosterError) {
	addr, err := mail.ParseAddress(email)
	switch {
	case Bound(i18n.M("email"), email, MaxEmailLen) != nil:
		e.add(line, i18n.M("the email is longer than %d characters", MaxEmailLen))
	case err != nil || addr.Address != email:
		e.add(line, i18n.M("%q is not an email address", email))
	default:
		key := strings.ToLower(email)
		if prev, ok := emails[key]; ok {
			e.add(line, i18n.M("the email %s is on line %d too", email, prev))
		}
		emails[key] = line
	}
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// csvProblem says in plain words what the CSV reader found.
func csvProblem(err error) i18n.Msg {
	switch {
	case errors.Is(err, csv.ErrQuote), errors.Is(err, csv.ErrBareQuote):
		return i18n.M("a quote (\") is not closed or stands inside an unquoted value: put values with quotes in double quotes, and double the quotes inside")
	}
	return i18n.M("the line cannot be read as CSV")
}

func rosterReadError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &RosterError{Problems: []RosterProblem{problem(pe.Line, csvProblem(pe.Err))}}
	}
	return fmt.Errorf("read roster: %w", err)
}
