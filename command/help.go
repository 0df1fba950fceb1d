package command

import (
	"github.com/spf13/cobra"

	"workshop/i18n"
)

// TranslateHelp gives the parts of the tree that cobra makes itself, the help command and every
// command's --help flag, their descriptions in p's language.
func TranslateHelp(root *cobra.Command, p *i18n.Printer) {
	root.InitDefaultHelpCmd()
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		if f := c.Flags().Lookup("help"); f != nil {
			f.Usage = p.T("help for %s", c.Name())
		}
		if c.Name() == "help" && c.Parent() == root && c.Short == "Help about any command" {
			c.Short = p.T("Help about any command")
			c.Long = p.T("Help shows the help of any command: type %s help COMMAND for the full description.", root.DisplayName())
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}
