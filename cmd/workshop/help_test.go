package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// helpEnv is the environment of a help run at 80 columns: output to a pipe, so COLUMNS
// decides the width.
func helpEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "COLUMNS=") && !strings.HasPrefix(kv, "__FANG_TEST_WIDTH=") {
			env = append(env, kv)
		}
	}
	// The help and messages tests read English: the machine's own locale is left out.
	return append(withoutLocale(env), "COLUMNS=80", "NO_COLOR=1")
}

// helpWords are the words a command's help is made of, as written: its description, its
// subcommands' short descriptions, its flags' descriptions and its examples.
func helpWords(c *cobra.Command) []string {
	// Fang shows the short description only when there is no long one.
	texts := []string{c.Long, c.Example}
	if c.Long == "" {
		texts = append(texts, c.Short)
	}
	for _, sub := range c.Commands() {
		if sub.IsAvailableCommand() {
			texts = append(texts, sub.Short)
		}
	}
	for _, fs := range []*pflag.FlagSet{c.LocalFlags(), c.InheritedFlags()} {
		fs.VisitAll(func(f *pflag.Flag) {
			if !f.Hidden {
				texts = append(texts, f.Usage)
			}
		})
	}
	var words []string
	for _, t := range texts {
		words = append(words, strings.Fields(t)...)
	}
	return words
}

// Every command's --help at 80 columns (as the binary prints it) has no line wider than 80
// cells, no example cut with "…", and every word of its texts whole on one line.
func TestHelpFitsIn80Columns(t *testing.T) {
	bin := makeBinary(t)
	root := newRoot(nil)
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	var cmds []*cobra.Command
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		cmds = append(cmds, c)
		for _, sub := range c.Commands() {
			if !sub.Hidden {
				walk(sub)
			}
		}
	}
	walk(root)
	if len(cmds) < 20 {
		t.Fatalf("only %d commands found", len(cmds))
	}
	for _, c := range cmds {
		args := append(strings.Fields(strings.TrimPrefix(c.CommandPath(), "workshop")), "--help")
		cmd := exec.Command(bin, args...)
		cmd.Env = helpEnv()
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Errorf("%s: %v\n%s", c.CommandPath(), err, out)
			continue
		}
		text := ansi.Strip(string(out))
		tokens := map[string]bool{}
		for _, line := range strings.Split(text, "\n") {
			if w := ansi.StringWidth(line); w > 80 {
				t.Errorf("%s --help: a line of %d cells:\n%s", c.CommandPath(), w, line)
			}
			if strings.Contains(line, "…") {
				t.Errorf("%s --help: a line cut short:\n%s", c.CommandPath(), line)
			}
			for _, tok := range strings.Fields(line) {
				tokens[strings.ToLower(tok)] = true
			}
		}
		for _, w := range helpWords(c) {
			if !tokens[strings.ToLower(w)] {
				t.Errorf("%s --help: the word %q is broken or missing:\n%s", c.CommandPath(), w, text)
				break
			}
		}
	}
}
