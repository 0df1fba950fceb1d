package tui

import (
	"errors"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"workshop/command"
	"workshop/i18n"
	"workshop/session"
)

// Over SSH a command line is answered by plain cobra, whose own words ("accepts 2 arg(s),
// received 0") mean nothing to a facilitator. plainUsage gives every command of the tree the
// answers the command line gives: what the command takes and where to read more, an unknown
// command with the closest match, and help laid out for an 80-column terminal (a command's
// output has no window to measure).

// sshHelpWidth is the width SSH commands' help is laid out for.
const sshHelpWidth = 80

// plainUsage makes the tree's usage errors and help plain; plain is how a person runs the
// server ("ssh -p 2222 HOST"), for the hints. The tree is made for every command run, and its
// help texts are always the same ones: cache, when set, remembers each text's reflowed form.
func plainUsage(root *cobra.Command, p *i18n.Printer, plain string, cache *RenderCache) {
	helpOf := func(c *cobra.Command) string {
		if path := sshPath(c); path != "" {
			return "`" + plain + " help " + path + "`"
		}
		return "`" + plain + " help`"
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return session.Errorf(session.EInvalid, "%s (see %s)", command.CommandLineMsg(err), helpOf(c))
	})
	command.StrictGroups(root, func(c *cobra.Command) (string, string) { return sshPath(c), helpOf(c) })
	root.SetUsageTemplate(usageTemplate(p, plain))
	command.TranslateHelp(root, p)
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if args := c.Args; args != nil && c.Name() != root.Name() && !c.HasSubCommands() {
			c.Args = func(cmd *cobra.Command, a []string) error {
				if err := args(cmd, a); err != nil {
					var usage *command.UsageError
					if session.IsRefusal(err) && !errors.As(err, &usage) {
						return err // the command's own words
					}
					return argsError(cmd, a, helpOf(cmd))
				}
				return nil
			}
		}
		if c.Long == "" {
			c.Long = c.Short // what the help shows first, wrapped like the rest
		}
		long := c.Long
		c.Long = cache.Styled("reflow|"+long, func() string { return Reflow(long, sshHelpWidth) })
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// sshPath is a command as typed after `ssh HOST` ("" for the top).
func sshPath(c *cobra.Command) string {
	var parts []string
	for ; c.HasParent(); c = c.Parent() {
		parts = append([]string{c.Name()}, parts...)
	}
	return strings.Join(parts, " ")
}

// argsError says what a command takes when it was given the wrong arguments.
func argsError(c *cobra.Command, args []string, help string) error {
	takes := argsOf(c)
	if takes == "" {
		return session.Errorf(session.EInvalid, "%s takes no arguments, got %s (see %s)", sshPath(c), strconv.Quote(strings.Join(args, " ")), help)
	}
	if len(args) == 0 {
		return session.Errorf(session.EInvalid, "%s takes %s, got none (see %s)", sshPath(c), takes, help)
	}
	return session.Errorf(session.EInvalid, "%s takes %s, got %s (see %s)", sshPath(c), takes, strconv.Quote(strings.Join(args, " ")), help)
}

// argsOf is the arguments part of a command's usage line: the words after its name, up to the
// first flag or alternative ("step CODE next|prev|N|undo" gives "CODE next|prev|N|undo").
func argsOf(c *cobra.Command) string {
	var out []string
	for _, w := range strings.Fields(c.Use)[1:] {
		if strings.HasPrefix(w, "-") || strings.HasPrefix(w, "[-") || w == "|" {
			break
		}
		if strings.HasPrefix(w, "[") && !strings.Contains(w, "]") {
			w += "]"
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

func init() {
	cobra.AddTemplateFunc("sshUse", func(c *cobra.Command) string {
		if path := sshPath(c); path != "" {
			return " " + path + strings.TrimPrefix(c.Use, c.Name())
		}
		return ""
	})
	cobra.AddTemplateFunc("sshIndent", func(namePadding int) int { return 2 + namePadding + 1 })
	cobra.AddTemplateFunc("sshWrap", func(s string, indent int) string { return hang(s, indent, sshHelpWidth) })
	cobra.AddTemplateFunc("sshExamples", func(s string) string {
		var out []string
		for _, l := range strings.Split(s, "\n") {
			out = append(out, wrapCommand(l, sshHelpWidth)...)
		}
		return strings.Join(out, "\n")
	})
}

// hang wraps s to width, the first line already indent cells in, the others indented as far.
func hang(s string, indent, width int) string {
	lines := strings.Split(Reflow(s, width-indent), "\n")
	return strings.Join(lines, "\n"+strings.Repeat(" ", indent))
}

// wrapCommand breaks an example command line too wide for width at spaces outside quotes,
// ending each part with a backslash as a shell continues a line.
func wrapCommand(line string, width int) []string {
	if ansi.StringWidth(line) <= width {
		return []string{line}
	}
	indent := len(line) - len(strings.TrimLeft(line, " "))
	var out []string
	for ansi.StringWidth(line) > width {
		cut, quote := -1, rune(0)
		for i, r := range line {
			if ansi.StringWidth(line[:i]) > width-2 {
				break
			}
			switch {
			case quote != 0 && r == quote:
				quote = 0
			case quote == 0 && (r == '"' || r == '\''):
				quote = r
			case quote == 0 && r == ' ' && i > indent:
				cut = i
			}
		}
		if cut < 0 {
			break
		}
		out = append(out, line[:cut]+" \\")
		line = strings.Repeat(" ", indent+4) + strings.TrimLeft(line[cut:], " ")
	}
	return append(out, line)
}

// templateText makes a translation safe as template text: braces in it would be read as
// actions. One replacer serves every command (it is safe for concurrent use); building one per
// command was most of what a command's set-up allocated.
var templateText = strings.NewReplacer("{{", "{ {", "}}", "} }")

// usageTemplate is cobra's usage text with the usage line written as a person types it (the
// server's ssh line first), descriptions and flags wrapped at 80 columns and examples broken
// where they are wider. It is what `ssh HOST help COMMAND` shows after the description.
func usageTemplate(p *i18n.Printer, plain string) string {
	q := strconv.Quote(plain)
	say := templateText.Replace
	return say(p.T("Usage:")) + `
  {{if .HasAvailableSubCommands}}{{sshWrap (print ` + q + ` (sshUse .) " COMMAND [ARGS]") 4}}{{else}}{{sshWrap (print ` + q + ` (sshUse .)) 4}}{{end}}{{if .HasExample}}

` + say(p.T("Examples:")) + `
{{sshExamples .Example}}{{end}}{{if .HasAvailableSubCommands}}

` + say(p.T("Available Commands:")) + `{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{sshWrap .Short (sshIndent .NamePadding)}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

` + say(p.T("Flags:")) + `
{{.LocalFlags.FlagUsagesWrapped 80 | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

` + say(p.T("Global Flags:")) + `
{{.InheritedFlags.FlagUsagesWrapped 80 | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

{{sshWrap ` + strconv.Quote(p.T("Run %s for more about a command.", strconv.Quote(plain+" help COMMAND"))) + ` 0}}{{end}}
`
}
