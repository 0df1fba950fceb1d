package command

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"workshop/i18n"
	"workshop/session"
)

// personPage is what `person CODE PERSON [--format text|json]` runs: one participant's page
// (session.PersonPage), the same the console opens from its roster, for scripts.
func personPage(env *Env, format *string) func(*cobra.Command, []string) error {
	page := env.onHub(func(cmd *cobra.Command, args []string, h *session.Hub) error {
		if *format != "text" && *format != "json" {
			return session.Errorf(session.EInvalid, "--format must be text or json, not %q", *format)
		}
		if len(args) < 2 {
			return session.Errorf(session.EInvalid, "name the person after the code: person %s NAME", args[0])
		}
		m, err := personByName(h, args[0], strings.Join(args[1:], " "))
		if err != nil {
			return err
		}
		pg, err := h.Person(cmd.Context(), env.Actor, m.ID)
		if err != nil {
			return err
		}
		if *format == "json" {
			enc := json.NewEncoder(cmd.OutOrStdout())
			enc.SetIndent("", "  ")
			return enc.Encode(pg)
		}
		return printPersonPage(cmd.OutOrStdout(), env.Printer(), pg)
	})
	return func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return session.Errorf(session.EInvalid, "name a cohort and a person (person CODE NAME), or fix a record with person rename|code|merge|remove")
		}
		return page(cmd, args)
	}
}

// printPersonPage writes a person's page as plain text in p's language: who, then steps,
// meetings, hands and messages.
func printPersonPage(out io.Writer, p *i18n.Printer, pg session.PersonPage) error {
	var b strings.Builder
	head := []string{pg.Label}
	if pg.Department != "" {
		head = append(head, pg.Department)
	}
	if pg.Team != "" {
		head = append(head, p.T("team %s", pg.Team))
	}
	head = append(head, map[bool]string{true: p.T("online|online"), false: p.T("online|offline")}[pg.Online])
	fmt.Fprintln(&b, strings.Join(head, " · "))
	if pg.Email != "" {
		fmt.Fprintln(&b, pg.Email)
	}
	joined := p.DateTime(pg.JoinedAt.UTC())
	if pg.Key {
		fmt.Fprintln(&b, p.T("joined %s · comes back with an SSH key", joined))
	} else {
		fmt.Fprintln(&b, p.T("joined %s · comes back with a rejoin code", joined))
	}

	fmt.Fprintln(&b, "\n"+p.T("Steps"))
	for _, s := range pg.Steps {
		fmt.Fprintf(&b, "  %d. %s — %s · %s\n", s.Number, s.Title, p.Msg(s.StatusMsg()), p.Msg(s.TimeText()))
		switch {
		case s.Anonymous:
			fmt.Fprintln(&b, "       "+p.T("(anonymous: no item here is tied to a person)"))
		case s.Work != "":
			if s.Board != "" {
				fmt.Fprintln(&b, "       "+p.T("on %s's board:", pg.Team))
			}
			for _, line := range strings.Split(s.Work, "\n") {
				fmt.Fprintf(&b, "       %s\n", line)
			}
		}
	}
	if len(pg.Meetings) > 0 {
		fmt.Fprintln(&b, "\n"+p.T("Meetings"))
		for _, m := range pg.Meetings {
			fmt.Fprintf(&b, "  %d. %s — %s\n", m.Number, m.Title, p.Msg(m.Summary()))
		}
	}
	fmt.Fprintln(&b, "\n"+p.T("Hands raised"))
	if len(pg.Hands) == 0 {
		fmt.Fprintln(&b, "  "+p.T("none"))
	}
	for _, hd := range pg.Hands {
		raised := p.DateTime(hd.RaisedAt.UTC())
		if !hd.LoweredAt.IsZero() {
			fmt.Fprintln(&b, "  "+p.T("%s, lowered %s", raised, p.Clock(hd.LoweredAt.UTC())))
		} else {
			fmt.Fprintln(&b, "  "+p.T("%s, still up", raised))
		}
	}
	fmt.Fprintln(&b, "\n"+p.T("Messages to them"))
	if len(pg.Messages) == 0 {
		fmt.Fprintln(&b, "  "+p.T("none"))
	}
	for _, m := range pg.Messages {
		state := p.T("on their screen")
		if !m.DismissedAt.IsZero() {
			state = p.T("dismissed %s", p.Clock(m.DismissedAt.UTC()))
		}
		fmt.Fprintf(&b, "  %s %s: %s (%s)\n", p.DateTime(m.At.UTC()), m.By, m.Text, state)
	}
	_, err := io.WriteString(out, b.String())
	return err
}
