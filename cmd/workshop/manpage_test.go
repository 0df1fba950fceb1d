package main

import (
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// The man page has EXIT STATUS, ENVIRONMENT and FILES sections; every WORKSHOP_ variable a
// flag's help names is in ENVIRONMENT; groff, where installed, reads it without a warning.
func TestManPage(t *testing.T) {
	page, err := manPage()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{".SH EXIT STATUS", ".SH ENVIRONMENT", ".SH FILES", ".SH COMMANDS", "\\fBWORKSHOP_HOST_KEY\\fP"} {
		if !strings.Contains(page, want) {
			t.Errorf("the man page has no %q", want)
		}
	}
	listed := map[string]bool{}
	for _, e := range manEnvironment {
		listed[e.name] = true
	}
	envRe := regexp.MustCompile(`WORKSHOP_[A-Z_]+`)
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.Flags().VisitAll(func(f *pflag.Flag) {
			for _, v := range envRe.FindAllString(f.Usage, -1) {
				if !listed[v] {
					t.Errorf("%s --%s reads %s, which the man page does not list", c.CommandPath(), f.Name, v)
				}
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(newRoot(nil))
	if _, err := exec.LookPath("groff"); err != nil {
		t.Log("groff is not installed: the page's roff is not checked")
		return
	}
	cmd := exec.Command("groff", "-man", "-Tutf8", "-ww", "-z")
	cmd.Stdin = strings.NewReader(page)
	if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
		t.Fatalf("groff: %v\n%s", err, out)
	}
}
