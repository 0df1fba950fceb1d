package command

import "github.com/spf13/cobra"

// Facilitation is the console's actions as commands, for scripts: each takes the cohort's join
// code first, acts through the cohort's hub as env.Actor, and prints what is true afterwards.
// They act on the live hub, so only the server mounts them (over SSH): a command at the shell
// would change the stored data behind the running server's back.
func Facilitation(env *Env) []*cobra.Command {
	return []*cobra.Command{
		Step(env), Pace(env), Lock(env, true), Lock(env, false), Timer(env), Announce(env),
		Hands(env), Teams(env), Spotlight(env), Vote(env), Roster(env), Archive(env), Timeline(env),
		Meeting(env), Attendance(env), Message(env), Notes(env), Seats(env), Person(env),
	}
}
