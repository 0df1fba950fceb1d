package command

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"workshop/i18n"
	"workshop/session"
)

// Roster is `roster CODE [--format text|json]`: everyone in the cohort and where they are.
func Roster(env *Env) *cobra.Command {
	var format string
	p := env.Printer()
	cmd := &cobra.Command{
		Use:   "roster CODE [--format text|json]",
		Short: p.T("List participants: online, step, draft or submitted, team, raised hand"),
		Args:  cobra.ExactArgs(1),
		RunE: env.onHub(func(cmd *cobra.Command, _ []string, h *session.Hub) error {
			switch format {
			case "text":
				return printRoster(cmd.OutOrStdout(), p, h.Snapshot(), env.now())
			case "json":
				return writeRosterJSON(cmd.OutOrStdout(), h.Snapshot())
			}
			return session.Errorf(session.EInvalid, "--format must be text or json, not %q", format)
		}),
	}
	cmd.Flags().StringVar(&format, "format", "text", p.T("text or json"))
	return cmd
}

func printRoster(out io.Writer, p *i18n.Printer, s *session.Snapshot, now time.Time) error {
	rows := make([][]string, 0, len(s.Roster))
	for _, m := range s.Roster {
		online := p.T("online|no")
		if m.Online {
			online = p.T("online|yes")
		}
		work := workWord(p, m.Status)
		team := "-"
		if t, ok := s.Team(m.TeamID); ok {
			team = t.Name
		}
		hand := "-"
		if m.Hand != nil {
			hand = "✋ " + since(p, now, m.Hand.At)
			if m.Hand.Text != "" {
				hand += ": " + m.Hand.Text
			}
		}
		rows = append(rows, []string{m.Label(), online, strconv.Itoa(s.StepOf(m.Participant) + 1), work, team, hand})
	}
	header := []string{p.T("NAME"), p.T("ONLINE"), p.T("STEP"), p.T("WORK"), p.T("TEAM"), p.T("HAND")}
	if err := WriteColumns(out, header, rows); err != nil {
		return err
	}
	online, submitted, total := s.Counts()
	_, err := fmt.Fprintln(out, p.T("%d of %d submitted · %d online · step %d of %d · %s", submitted, total, online, s.Cohort.Step+1, len(s.Module.Steps), paceText(p, s.Cohort.Pace)))
	return err
}

// rosterJSON is the roster as `roster CODE --format json` prints it.
type rosterJSON struct {
	Code         string            `json:"code"`
	Name         string            `json:"name"`
	Module       string            `json:"module"`
	Pace         session.Pace      `json:"pace"`
	Step         int               `json:"step"`
	Steps        int               `json:"steps"`
	Total        int               `json:"total"`
	Online       int               `json:"online"`
	Submitted    int               `json:"submitted"`
	Participants []participantJSON `json:"participants"`
}

type participantJSON struct {
	// Name is what the participant typed; Label tells them apart from look-alike names.
	Name   string    `json:"name"`
	Label  string    `json:"label"`
	Online bool      `json:"online"`
	Step   int       `json:"step"`
	Status string    `json:"status"`
	Team   string    `json:"team,omitempty"`
	Hand   *handJSON `json:"hand,omitempty"`
}

type handJSON struct {
	Text  string    `json:"text"`
	Since time.Time `json:"since"`
}

func writeRosterJSON(out io.Writer, s *session.Snapshot) error {
	online, submitted, total := s.Counts()
	r := rosterJSON{Code: s.Cohort.Code, Name: s.Cohort.Name, Module: s.Cohort.ModuleID, Pace: s.Cohort.Pace,
		Step: s.Cohort.Step + 1, Steps: len(s.Module.Steps), Total: total, Online: online, Submitted: submitted,
		Participants: make([]participantJSON, 0, len(s.Roster))}
	for _, m := range s.Roster {
		p := participantJSON{Name: m.Name, Label: m.Label(), Online: m.Online, Step: s.StepOf(m.Participant) + 1, Status: string(m.Status)}
		if p.Status == "" {
			p.Status = "not started"
		}
		if t, ok := s.Team(m.TeamID); ok {
			p.Team = t.Name
		}
		if m.Hand != nil {
			p.Hand = &handJSON{Text: m.Hand.Text, Since: m.Hand.At}
		}
		r.Participants = append(r.Participants, p)
	}
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
