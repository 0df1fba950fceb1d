package tui

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"workshop/content"
	"workshop/session"
)

// contentCommands are `ssh HOST content ...`: reloading the module files without a restart.
func (f *FrontDoor) contentCommands(ctx context.Context, by session.Actor) []*cobra.Command {
	cmd := &cobra.Command{Use: "content", Short: "Reload the modules the server offers"}
	reload := &cobra.Command{
		Use:     "reload",
		Short:   "Read the module files again, without a restart",
		Long:    "Read the built-in modules and the server's content directory (serve --content) again, as at start, and offer the result to cohorts created from now on. Cohorts already created keep the exact module version they started with. A file with problems is skipped and its problems are listed here, as `workshop content validate` prints them; the command then exits with status 1. Sending the server SIGHUP does the same.",
		Example: "  ssh -p 2222 HOST content reload",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			r, err := f.manager.ReloadModules(ctx, by)
			if err != nil {
				return err
			}
			if err := printReload(cmd.OutOrStdout(), r); err != nil {
				return err
			}
			if files := skippedFiles(r.Problems); len(files) > 0 {
				return session.Errorf(session.EInvalid, "%s skipped: fix and reload again", plural(len(files), "file", "files"))
			}
			return nil
		},
	}
	cmd.AddCommand(reload)
	return []*cobra.Command{cmd}
}

// printReload says what a reload found: the modules offered now, what changed, and every
// problem of the files skipped.
func printReload(w io.Writer, r session.Reload) error {
	from := "the built-in modules"
	if r.Dir != "" {
		from += " and " + r.Dir
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Reloaded %s from %s: %s\n", plural(len(r.Modules), "module", "modules"), from, strings.Join(r.Modules, ", "))
	for _, c := range []struct {
		what string
		ids  []string
	}{{"added", r.Added}, {"changed", r.Changed}, {"removed", r.Removed}} {
		if len(c.ids) > 0 {
			fmt.Fprintf(&b, "  %-8s %s\n", c.what+":", strings.Join(c.ids, ", "))
		}
	}
	if files := skippedFiles(r.Problems); len(files) > 0 {
		fmt.Fprintf(&b, "Skipped %s with problems (new cohorts cannot use what they hold until fixed):\n", plural(len(files), "file", "files"))
		for _, p := range r.Problems {
			fmt.Fprintf(&b, "  %s\n", p.String())
		}
	}
	b.WriteString("Cohorts already created keep the module version they started with.\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// skippedFiles are the files the problems are in, in order.
func skippedFiles(ps []content.Problem) []string {
	var files []string
	for _, p := range ps {
		if len(files) == 0 || files[len(files)-1] != p.File {
			files = append(files, p.File)
		}
	}
	return files
}
