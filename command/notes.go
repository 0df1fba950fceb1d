package command

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"workshop/session"
)

// Notes is `notes CODE [STEP] [--add "text"]`: the facilitators' own notes on the steps, which
// participants never see.
func Notes(env *Env) *cobra.Command {
	var add bool
	p := env.Printer()
	cmd := &cobra.Command{
		Use:   `notes CODE [STEP] | notes CODE STEP --add "text"`,
		Short: p.T("List the facilitators' notes on a cohort's steps, or add one (participants never see them)"),
		Example: `  {prog} notes K7MQ2P
  {prog} notes K7MQ2P 3
  {prog} notes K7MQ2P 3 --add "Team 2 needed the example twice"`,
		Args: cobra.MinimumNArgs(1),
		RunE: env.onHub(func(cmd *cobra.Command, args []string, h *session.Hub) error {
			stepID := ""
			if len(args) > 1 {
				i, err := session.StepByRef(h.Module(), args[1])
				if err != nil {
					return err
				}
				stepID = h.Module().Steps[i].ID
			}
			if add {
				text := strings.Join(args[min(len(args), 2):], " ")
				if stepID == "" {
					return session.Errorf(session.EInvalid, "say which step the note is on: notes CODE STEP --add \"text\"")
				}
				n, err := h.AddNote(cmd.Context(), env.Actor, stepID, text)
				if err != nil {
					return err
				}
				fmt.Fprintln(cmd.OutOrStdout(), p.T("note kept on step %d by %s", h.Module().StepIndex(n.StepID)+1, n.By))
				return nil
			}
			if len(args) > 2 {
				return session.Errorf(session.EInvalid, "to add a note put --add before its text")
			}
			notes, err := h.Notes(cmd.Context(), env.Actor, stepID)
			if err != nil {
				return err
			}
			printNotes(cmd.OutOrStdout(), h, notes, env)
			return nil
		}),
	}
	cmd.Flags().BoolVar(&add, "add", false, p.T("add the words after the step as a note on it"))
	return cmd
}

func printNotes(out io.Writer, h *session.Hub, notes []session.StepNote, env *Env) {
	p := env.Printer()
	if len(notes) == 0 {
		fmt.Fprintln(out, p.T("no notes"))
		return
	}
	mod := h.Module()
	for _, n := range notes {
		i := mod.StepIndex(n.StepID)
		title := n.StepID
		if i >= 0 {
			title = mod.Steps[i].Title
		}
		fmt.Fprintln(out, p.T("step %d (%s) · %s · %s", i+1, title, n.By, since(p, env.now(), n.At)))
		for _, l := range strings.Split(n.Text, "\n") {
			fmt.Fprintln(out, "  "+l)
		}
	}
}
