package main

import (
	"fmt"
	"strings"

	mcobra "github.com/muesli/mango-cobra"
	"github.com/muesli/roff"
	"github.com/spf13/cobra"
)

// manEnvironment lists every environment variable the program reads, for the man page. A test
// checks that each one a flag's help names is here.
var manEnvironment = []struct{ name, text string }{
	{"WORKSHOP_DATA", "The data directory, as --data (default ./data)."},
	{"WORKSHOP_LISTEN", "The address serve listens on, as --listen (default :2222)."},
	{"WORKSHOP_HOST", "The host name people type, for the ssh lines printed, as --host."},
	{"WORKSHOP_HOST_KEY", "An existing host key for serve, as --host-key."},
	{"WORKSHOP_CONTENT", "A directory of extra module files, as --content."},
	{"WORKSHOP_LOG_FORMAT", "text or json, as --log-format."},
	{"WORKSHOP_LOG_LEVEL", "debug, info, warn or error, as --log-level."},
	{"WORKSHOP_DEBUG_ADDR", "The debug endpoint (health, metrics, profiles) of serve, and where health asks, as --debug-addr and --addr."},
	{"WORKSHOP_LOGIN_GRACE", "As serve --login-grace."},
	{"WORKSHOP_MAX_STARTUPS", "As serve --max-startups."},
	{"WORKSHOP_MAX_STARTUPS_PER_ADDRESS", "As serve --max-startups-per-address."},
	{"WORKSHOP_STARTUP_QUEUE_PER_ADDRESS", "As serve --startup-queue-per-address."},
	{"WORKSHOP_MAX_SESSIONS", "As serve --max-sessions."},
	{"WORKSHOP_CLIENT_ALIVE_INTERVAL", "As serve --client-alive-interval."},
	{"WORKSHOP_CLIENT_ALIVE_COUNT", "As serve --client-alive-count."},
	{"COLUMNS", "The width help is laid out for when standard output is not a terminal (default 80)."},
	{"NO_COLOR", "When set, help and errors are printed without colours."},
}

var manFiles = []struct{ name, text string }{
	{"DATA/workshop.db", "The SQLite database: cohorts, participants and all their work (with workshop.db-wal and workshop.db-shm next to it while the server runs). Readable by its owner only."},
	{"DATA/host_ed25519", "The server's SSH host key, made on first start unless --host-key is given, with host_ed25519.pub beside it. Participants' ssh clients remember it: keep a copy (workshop backup DIR/ writes one)."},
	{"CONTENT/*.yaml, CONTENT/*.yml", "Module files read by serve --content CONTENT at start and on every reload."},
}

var manExitStatus = []struct{ name, text string }{
	{"0", "The command did what it was asked."},
	{"1", "It did not: an error, a command line it could not understand (an unknown command or flag, a missing argument), problems found by content validate, a server that is not healthy for health, failed sessions for loadtest. Commands run over SSH exit the same way."},
}

// newManCmd prints the manual page, made from a fresh command tree (help laid out for a
// window would break the page's paragraphs) with the sections a man page is expected to have.
func newManCmd(g *globals) *cobra.Command {
	p := g.printer()
	return &cobra.Command{
		Use:                   "man",
		Short:                 p.T("Print the manual page (roff), e.g. workshop man | man -l -"),
		Hidden:                true,
		DisableFlagsInUseLine: true,
		Args:                  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			page, err := manPage()
			if err != nil {
				return err
			}
			_, err = fmt.Fprint(cmd.OutOrStdout(), page)
			return err
		},
	}
}

// manPage is the man page in roff.
func manPage() (string, error) {
	root := newRoot(nil)
	joinLong(root)
	page, err := mcobra.NewManPage(1, root)
	if err != nil {
		return "", fmt.Errorf("man page: %w", err)
	}
	doc := roff.NewDocument()
	page.Build(doc)
	for _, sec := range []struct {
		name  string
		items []struct{ name, text string }
	}{{"Exit status", manExitStatus}, {"Environment", manEnvironment}, {"Files", manFiles}} {
		doc.Section(sec.name)
		for _, it := range sec.items {
			doc.TaggedParagraph(-1)
			doc.TextBold(it.name)
			doc.EndSection()
			doc.Text(it.text)
		}
	}
	return doc.String(), nil
}

// joinLong writes each paragraph of the long descriptions on one line: the man page makes every
// line a paragraph of its own.
func joinLong(c *cobra.Command) {
	var paras []string
	for _, p := range strings.Split(c.Long, "\n\n") {
		paras = append(paras, strings.Join(strings.Fields(p), " "))
	}
	c.Long = strings.Join(paras, "\n")
	for _, sub := range c.Commands() {
		joinLong(sub)
	}
}
