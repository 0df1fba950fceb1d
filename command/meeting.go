package command

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"workshop/session"
	"workshop/session/export"
)

// Meeting is `meeting CODE start [N|next]|end`: open a cohort's next meeting (or meeting N), or
// close the one that is open.
func Meeting(env *Env) *cobra.Command {
	p := env.Printer()
	meeting := &cobra.Command{
		Use:   "meeting CODE start [N|next]|end",
		Short: p.T("Open a cohort's next meeting (or meeting N), or close the one that is open"),
		Long:  p.T("For a module held over several meetings. start opens the next meeting (or meeting N) and puts the group on its first step; end closes it, and until the next one everyone sees its homework and may work alone on its homework steps. Attendance is counted from start to end."),
		Example: `  {ssh} meeting K7MQ2P start
  {ssh} meeting K7MQ2P start 3
  {ssh} meeting K7MQ2P end`,
		Args: cobra.RangeArgs(2, 3),
		RunE: env.onHub(func(cmd *cobra.Command, args []string, h *session.Hub) error {
			out := cmd.OutOrStdout()
			switch strings.ToLower(args[1]) {
			case "start", "open":
				ref := "next"
				if len(args) == 3 {
					ref = args[2]
				}
				n, err := session.MeetingByRef(h.Module(), h.Snapshot().Cohort.Live, ref)
				if err != nil {
					return err
				}
				if err := h.StartMeeting(cmd.Context(), env.Actor, n); err != nil {
					return err
				}
				now := h.Snapshot().Meeting()
				_, err = fmt.Fprintln(out, p.T("%s: meeting %d of %d is open — %s", h.Snapshot().Cohort.Code, now.Number, now.Of, now.Title))
				return err
			case "end", "close":
				if len(args) == 3 {
					return session.Errorf(session.EInvalid, "meeting CODE end takes nothing after end")
				}
				if err := h.EndMeeting(cmd.Context(), env.Actor); err != nil {
					return err
				}
				now := h.Snapshot().Meeting()
				_, err := fmt.Fprintln(out, p.T("%s: meeting %d of %d ended — %s", h.Snapshot().Cohort.Code, now.Number, now.Of, now.Title))
				return err
			}
			return session.Errorf(session.EInvalid, "%q is not start or end", args[1])
		}),
	}
	return meeting
}

// Attendance is `attendance CODE [--format text|csv|json]`: who attended each meeting held.
func Attendance(env *Env) *cobra.Command {
	var format string
	p := env.Printer()
	attendance := &cobra.Command{
		Use:   "attendance CODE [--format text|csv|json]",
		Short: p.T("Who attended each meeting: present, late, left early or absent, minutes online, hands"),
		Long: p.T("One row per participant per meeting held. Late is arriving more than %d minutes after the meeting opened; left early is leaving for good more than %d minutes before it closed. Times are UTC.",
			int(session.LateAfter/time.Minute), int(session.EarlyBefore/time.Minute)),
		Example: `  {ssh} attendance K7MQ2P
  {ssh} attendance K7MQ2P --format csv > attendance.csv`,
		Args: cobra.ExactArgs(1),
		RunE: env.onHub(func(cmd *cobra.Command, args []string, h *session.Hub) error {
			if format != "text" && format != "csv" && format != "json" {
				return session.Errorf(session.EInvalid, "--format must be text, csv or json, not %q", format)
			}
			mas, err := h.Attendance(cmd.Context(), env.Actor)
			if err != nil {
				return err
			}
			ams := export.AttendanceOf(mas)
			out := cmd.OutOrStdout()
			switch format {
			case "csv":
				return export.WriteAttendanceCSV(out, ams, time.UTC)
			case "json":
				return export.WriteAttendanceJSON(out, ams)
			}
			if len(ams) == 0 {
				_, err := fmt.Fprintln(out, p.T("No meeting held yet (meeting CODE start opens the first)."))
				return err
			}
			for i, am := range ams {
				if i > 0 {
					fmt.Fprintln(out)
				}
				state := p.T("meeting|open")
				if am.EndedAt != nil {
					state = p.T("ended %s", p.Clock(am.EndedAt.UTC()))
				}
				fmt.Fprintln(out, p.T("Meeting %d — %s (%s UTC, %s): %d present, %d late, %d left early, %d absent",
					am.Number, am.Title, p.DateTime(am.StartedAt.UTC()), state, am.Present, am.Late, am.LeftEarly, am.Absent))
				var rows [][]string
				for _, pa := range am.People {
					arrived, left := "", ""
					if pa.Arrived != nil {
						arrived = p.Clock(pa.Arrived.UTC())
					}
					if pa.Left != nil {
						left = p.Clock(pa.Left.UTC())
					}
					rows = append(rows, []string{pa.Name, attendanceWord(p, pa.Status), arrived, left, p.Int(pa.Minutes), p.Int(pa.Hands)})
				}
				if err := WriteColumns(out, []string{p.T("NAME"), p.T("STATUS"), p.T("ARRIVED"), p.T("LEFT"), p.T("MINUTES"), p.T("HANDS")}, rows); err != nil {
					return err
				}
			}
			return nil
		}),
	}
	attendance.Flags().StringVar(&format, "format", "text", p.T("text, csv or json"))
	return attendance
}
