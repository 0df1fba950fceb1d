package command

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

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
		return printPersonPage(cmd.OutOrStdout(), pg)
	})
	return func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return session.Errorf(session.EInvalid, "name a cohort and a person (person CODE NAME), or fix a record with person rename|code|merge|remove")
		}
		return page(cmd, args)
	}
}

// printPersonPage writes a person's page as plain text: who, then steps, meetings, hands and
// messages.
func printPersonPage(out io.Writer, pg session.PersonPage) error {
	var b strings.Builder
	head := []string{pg.Label}
	if pg.Department != "" {
		head = append(head, pg.Department)
	}
	if pg.Team != "" {
		head = append(head, "team "+pg.Team)
	}
	head = append(head, map[bool]string{true: "online", false: "offline"}[pg.Online])
	fmt.Fprintln(&b, strings.Join(head, " · "))
	if pg.Email != "" {
		fmt.Fprintln(&b, pg.Email)
	}
	back := "comes back with a rejoin code"
	if pg.Key {
		back = "comes back with an SSH key"
	}
	fmt.Fprintf(&b, "joined %s · %s\n", pg.JoinedAt.UTC().Format("2006-01-02 15:04"), back)

	fmt.Fprintln(&b, "\nSteps")
	for _, s := range pg.Steps {
		fmt.Fprintf(&b, "  %d. %s — %s · %s\n", s.Number, s.Title, s.StatusText(), s.TimeText())
		switch {
		case s.Anonymous:
			fmt.Fprintln(&b, "       (anonymous: no item here is tied to a person)")
		case s.Work != "":
			if s.Board != "" {
				fmt.Fprintf(&b, "       on %s:\n", s.Board)
			}
			for _, line := range strings.Split(s.Work, "\n") {
				fmt.Fprintf(&b, "       %s\n", line)
			}
		}
	}
	if len(pg.Meetings) > 0 {
		fmt.Fprintln(&b, "\nMeetings")
		for _, m := range pg.Meetings {
			fmt.Fprintf(&b, "  %d. %s — %s\n", m.Number, m.Title, m.Summary())
		}
	}
	fmt.Fprintln(&b, "\nHands raised")
	if len(pg.Hands) == 0 {
		fmt.Fprintln(&b, "  none")
	}
	for _, hd := range pg.Hands {
		line := "  " + hd.RaisedAt.UTC().Format("2006-01-02 15:04")
		if !hd.LoweredAt.IsZero() {
			line += ", lowered " + hd.LoweredAt.UTC().Format("15:04")
		} else {
			line += ", still up"
		}
		fmt.Fprintln(&b, line)
	}
	fmt.Fprintln(&b, "\nMessages to them")
	if len(pg.Messages) == 0 {
		fmt.Fprintln(&b, "  none")
	}
	for _, m := range pg.Messages {
		state := "on their screen"
		if !m.DismissedAt.IsZero() {
			state = "dismissed " + m.DismissedAt.UTC().Format("15:04")
		}
		fmt.Fprintf(&b, "  %s %s: %s (%s)\n", m.At.UTC().Format("2006-01-02 15:04"), m.By, m.Text, state)
	}
	_, err := io.WriteString(out, b.String())
	return err
}
