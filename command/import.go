package command

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"workshop/i18n"
	"workshop/session"
)

// CohortImport is `cohort import CODE [FILE] [--format text|csv]`: a roster's people added to
// a cohort before they arrive, each with a seat code. Over SSH the file comes on standard
// input; at the shell it is FILE, or standard input for "-" or none.
func CohortImport(env *Env) *cobra.Command {
	var format string
	use, example := "import CODE < people.csv", `  {prog} cohort import K7MQ2P < people.csv
  {prog} cohort import K7MQ2P --format csv < people.csv > seats.csv`
	if env.Front == Shell {
		use, example = "import CODE [FILE|-]", `  {prog} cohort import K7MQ2P people.csv
  {prog} cohort import K7MQ2P people.csv --format csv > seats.csv`
	}
	p := env.Printer()
	cmd := &cobra.Command{
		Use:     use,
		Short:   p.T("Add a roster's people to a cohort, each with a seat code to enter at the lobby"),
		Long:    p.T("Add the people of a roster file to a cohort before they arrive. The file is CSV (UTF-8, with or without a byte-order mark; commas or semicolons) whose first row names the columns: name, and optionally department (or group), team and email. Each person gets a seat code of their own: entering it at the lobby makes them that participant, already in their team (a team the cohort lacks is made). Names are cleaned like every typed name. If any row is wrong, nothing is imported and every problem is listed with its line.\n\n--format csv prints name, department, team, email, seat code and join line, for a mail merge; `seats CODE` prints the codes again later."),
		Example: example,
		Args:    cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "csv" {
				return session.Errorf(session.EInvalid, "--format must be text or csv, not %q", format)
			}
			data, err := readRoster(cmd, env, args[1:])
			if err != nil {
				return err
			}
			rows, err := session.ParseRoster(data)
			if err != nil {
				return err
			}
			return env.withManager(cmd.Context(), func(m *session.Manager) error {
				ps, err := m.ImportRoster(cmd.Context(), env.Actor, args[0], rows)
				if err != nil {
					if errors.Is(err, session.ErrUnknownCode) {
						return unknownCode(args[0])
					}
					return err
				}
				seats := make([]seatLine, len(ps))
				for i, p := range ps {
					seats[i] = seatLine{p: p, team: rows[i].Team}
				}
				code := session.NormalizeCode(args[0])
				if format == "csv" {
					return writeSeatsCSV(cmd.OutOrStdout(), seats, env.JoinLine(code))
				}
				if err := printSeats(cmd.OutOrStdout(), p, seats); err != nil {
					return err
				}
				_, err = fmt.Fprintln(cmd.OutOrStdout(), p.T("Imported %d people into %s. Each joins with %s and enters their seat code.", len(ps), code, env.JoinLine(code)))
				return err
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", p.T("text, or csv for a mail merge"))
	return cmd
}

// readRoster reads the roster file, bounded: over SSH (and at the shell for "-" or no file)
// from standard input.
func readRoster(cmd *cobra.Command, env *Env, args []string) ([]byte, error) {
	in := cmd.InOrStdin()
	if len(args) > 0 && args[0] != "-" {
		if env.Front != Shell {
			return nil, session.Errorf(session.EInvalid, "over SSH the roster comes on standard input: add < %s", args[0])
		}
		f, err := os.Open(args[0])
		if err != nil {
			return nil, session.Errorf(session.EInvalid, "cannot open %s: %s", args[0], i18n.Untranslated(err.Error()))
		}
		defer func() { _ = f.Close() }() // read only
		in = f
	}
	data, err := io.ReadAll(io.LimitReader(in, session.MaxRosterBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read roster: %w", err)
	}
	return data, nil
}

// seatLine is one person with a seat code, as import and seats print them.
type seatLine struct {
	p    session.Participant
	team string
}

func printSeats(out io.Writer, p *i18n.Printer, seats []seatLine) error {
	rows := make([][]string, 0, len(seats))
	for _, s := range seats {
		rows = append(rows, []string{s.p.Label(), dash(s.p.Department), dash(s.team), dash(s.p.Email), dash(session.FormatRejoinCode(s.p.RejoinCode))})
	}
	return WriteColumns(out, []string{p.T("NAME"), p.T("DEPARTMENT"), p.T("TEAM"), p.T("EMAIL"), p.T("SEAT CODE")}, rows)
}

func writeSeatsCSV(out io.Writer, seats []seatLine, join string) error {
	w := csv.NewWriter(out)
	_ = w.Write([]string{"name", "department", "team", "email", "seat_code", "join"})
	for _, s := range seats {
		_ = w.Write([]string{csvSafe(s.p.Name), csvSafe(s.p.Department), csvSafe(s.team), csvSafe(s.p.Email), session.FormatRejoinCode(s.p.RejoinCode), join})
	}
	w.Flush()
	return w.Error()
}

// csvSafe keeps a spreadsheet from reading a value as a formula.
func csvSafe(s string) string {
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@') {
		return "'" + s
	}
	return s
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
