package command

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"workshop/session"
)

// Message is `message CODE PERSON "text"`: a message on one participant's screen alone.
func Message(env *Env) *cobra.Command {
	p := env.Printer()
	return &cobra.Command{
		Use:   `message CODE PERSON "text"`,
		Short: p.T("Show a message on one participant's screen, and no one else's, until they dismiss it"),
		Example: `  {prog} message K7MQ2P Ana "Could you share your journey map with the group?"
  {prog} message K7MQ2P Ana Souza Your team is in room 3`,
		Args: cobra.MinimumNArgs(3),
		RunE: env.onHub(func(cmd *cobra.Command, args []string, h *session.Hub) error {
			who, text, err := personAndText(h.Snapshot(), args[0], args[1:])
			if err != nil {
				return err
			}
			m, err := h.Message(cmd.Context(), env.Actor, who.ID, text)
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), p.T("To %s: %s", who.Label(), m.Text))
			return nil
		}),
	}
}

// personAndText splits the words after the code into a participant's name and the message:
// ssh sends the words without their quotes, so the longest run of first words that names
// someone is the name.
func personAndText(s *session.Snapshot, code string, words []string) (session.Member, string, error) {
	for n := len(words) - 1; n >= 1; n-- {
		name := session.CleanLine(strings.Join(words[:n], " "))
		switch ms := s.MembersByName(name); {
		case len(ms) == 1:
			return ms[0], strings.Join(words[n:], " "), nil
		case len(ms) > 1:
			return session.Member{}, "", session.Errorf(session.EInvalid, "%d participants are called %q (%s): name one as the roster shows them", len(ms), name, session.LabelsOf(ms))
		}
	}
	return session.Member{}, "", session.Errorf(session.EInvalid, "nobody in %s is called %q (see `roster %s`)", code, words[0], code)
}
