package main

import (
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"workshop/tui"
)

// Help is drawn by Fang, which lays out a command's help in columns but wraps only the long
// description, and wraps it at hyphens too (so "--login-grace" can break into "--login-" and
// "grace"); flag and command descriptions run past the window and the terminal breaks them
// mid-word. layoutHelp lays every text out for the window first, the way Fang will place it,
// so that nothing is wider than the window and no word is broken.

// Where Fang puts things (charm.land/fang/v2 help.go): the long description is padded by 2
// on the left; flag and command descriptions start after a 4-cell indent and a key column as
// wide as the widest key plus 2 (at least 10).
const (
	fangLongPad   = 2
	fangKeyIndent = 4
	fangKeyGap    = 2
	fangMinKey    = 10
	// fangMaxWidth is the widest Fang draws help, whatever the window.
	fangMaxWidth = 120
)

// helpWidth is the width help is laid out for: the terminal's when standard output is one,
// else $COLUMNS, else 80; never more than Fang's widest. Fang is told the same width (through
// the variable its own tests set), so that it does not wrap again what is laid out here.
func helpWidth() int {
	w := 80
	if tw, _, err := term.GetSize(os.Stdout.Fd()); err == nil && tw > 0 {
		w = tw
	} else if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		w = n
	}
	w = min(w, fangMaxWidth)
	if os.Getenv("__FANG_TEST_WIDTH") == "" {
		_ = os.Setenv("__FANG_TEST_WIDTH", strconv.Itoa(w)) // only read by Fang, in this process
	}
	return w
}

// helpLayout lays out help texts for a window width cells wide, from the texts as written
// (kept here, since a flag such as --data is shared by every command and its column differs
// from one command's help to another's).
type helpLayout struct {
	width int
	usage map[*pflag.Flag]string
	short map[*cobra.Command]string
	long  map[*cobra.Command]string
}

// layoutHelp prepares the help of root and every command under it for width columns. A
// command's help is laid out when it is shown (root's at once), so that only what is shown
// changes: the completion commands print the descriptions as written, and the man page is
// made from a tree of its own. onHelp, when set, is called as a subcommand's help is shown.
func layoutHelp(root *cobra.Command, width int, now bool, onHelp func()) {
	h := &helpLayout{width: width, usage: map[*pflag.Flag]string{}, short: map[*cobra.Command]string{}, long: map[*cobra.Command]string{}}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		h.short[c], h.long[c] = c.Short, c.Long
		for _, fs := range []*pflag.FlagSet{c.LocalFlags(), c.InheritedFlags()} {
			fs.VisitAll(func(f *pflag.Flag) {
				if _, ok := h.usage[f]; !ok {
					h.usage[f] = f.Usage
				}
			})
		}
		if c != root {
			c.SetHelpFunc(func(cmd *cobra.Command, args []string) {
				if onHelp != nil {
					onHelp()
				}
				h.apply(cmd)
				cmd.Root().HelpFunc()(cmd, args)
			})
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	if now {
		h.apply(root) // Fang draws root's help itself, past any hook
	}
}

// apply lays out what c's help shows: its description, its flags and its subcommands' short
// descriptions, each for the column Fang puts it in.
func (h *helpLayout) apply(c *cobra.Command) {
	descWidth := h.width - fangKeyIndent - keyColumn(c)
	long := h.long[c]
	if long == "" {
		long = h.short[c] // Fang shows the short description instead
	}
	c.Long = tui.Reflow(long, h.width-fangLongPad)
	for _, sub := range c.Commands() {
		if s, ok := h.short[sub]; ok && s != "" {
			sub.Short = tui.Reflow(s, descWidth)
		}
	}
	for _, fs := range []*pflag.FlagSet{c.LocalFlags(), c.InheritedFlags()} {
		fs.VisitAll(func(f *pflag.Flag) {
			if u, ok := h.usage[f]; ok {
				f.Usage = layoutUsage(f, u, descWidth)
			}
		})
	}
}

// layoutUsage wraps a flag's description for a column width cells wide, keeping room on the
// last line for the default value Fang adds after it.
func layoutUsage(f *pflag.Flag, usage string, width int) string {
	usage = tui.Reflow(usage, width)
	if def := fangDefault(f); def != "" {
		lines := strings.Split(usage, "\n")
		if ansi.StringWidth(lines[len(lines)-1])+ansi.StringWidth(def) > width {
			usage += "\n"
		}
	}
	return usage
}

// fangDefault is what Fang prints after a flag's description, "" for nothing.
func fangDefault(f *pflag.Flag) string {
	switch f.DefValue {
	case "", "false", "0", "[]":
		return ""
	}
	return " (" + f.DefValue + ")"
}

// keyColumn is the width of the key column Fang gives c's help: its widest subcommand usage
// or flag, plus the gap.
func keyColumn(c *cobra.Command) int {
	widest := 0
	for _, sub := range c.Commands() {
		if sub.IsAvailableCommand() {
			widest = max(widest, ansi.StringWidth(fangUsage(sub)))
		}
	}
	for _, fs := range []*pflag.FlagSet{c.LocalFlags(), c.InheritedFlags()} {
		fs.VisitAll(func(f *pflag.Flag) {
			if f.Hidden {
				return
			}
			key := "--" + f.Name
			if f.Shorthand != "" {
				key = "-" + f.Shorthand + " " + key
			}
			widest = max(widest, len(key))
		})
	}
	return max(fangMinKey, widest+fangKeyGap)
}

var bracketRe = regexp.MustCompile(`(\[.*\])`)

// fangUsage is a subcommand's usage as Fang shows it in its parent's list.
func fangUsage(c *cobra.Command) string {
	u := c.Use
	hasArgs := strings.Contains(u, "[args]")
	hasFlags := strings.Contains(u, "[flags]") || strings.Contains(u, "[--flags]") || c.HasFlags() || c.HasPersistentFlags() || c.HasAvailableFlags()
	hasCommands := strings.Contains(u, "[command]") || c.HasAvailableSubCommands()
	for _, k := range []string{"[args]", "[flags]", "[--flags]", "[command]"} {
		u = strings.ReplaceAll(u, k, "")
	}
	var other []string
	for _, a := range bracketRe.FindAllString(u, -1) {
		u = strings.ReplaceAll(u, a, "")
		other = append(other, a)
	}
	u = strings.TrimSpace(u)
	if hasCommands {
		u += " [command]"
	}
	if hasArgs {
		u += " [args]"
	}
	for _, a := range other {
		u += " " + a
	}
	if hasFlags {
		u += " [--flags]"
	}
	return u
}
