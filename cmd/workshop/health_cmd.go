package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"workshop/i18n"
	"workshop/session"
)

func newHealthCmd(g *globals) *cobra.Command {
	p := g.printer()
	var addr string
	var timeout time.Duration
	cmd := &cobra.Command{
		Use:   "health",
		Short: p.T("Ask a running server whether it is healthy (exit 0 if so)"),
		Long:  p.T("Ask the debug endpoint of a running server (serve --debug-addr) for /healthz: whether its store can write and its SSH listener is up. It prints one line per check and exits with status 0 when all pass, 1 otherwise. Container health checks and monitors use it, so the image needs no curl."),
		Example: `  workshop health
  workshop health --addr 127.0.0.1:6060`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx, cancel := context.WithTimeout(cmd.Context(), timeout)
			defer cancel()
			return checkHealth(ctx, addr, cmd.OutOrStdout())
		},
	}
	cmd.Flags().StringVar(&addr, "addr", envOr("WORKSHOP_DEBUG_ADDR", "127.0.0.1:6060"), p.T("the server's --debug-addr, HOST:PORT (env WORKSHOP_DEBUG_ADDR)"))
	cmd.Flags().DurationVar(&timeout, "timeout", 15*time.Second, p.T("longest wait for the answer"))
	return cmd
}

// checkHealth asks addr's /healthz and reports each check on w; an error when any fails or
// the server cannot be asked.
func checkHealth(ctx context.Context, addr string, w io.Writer) error {
	url := "http://" + addr + "/healthz"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return fmt.Errorf("--addr %q: %w", addr, err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return session.Errorf(session.EConflict, "no answer from %s: %s (is the server running with --debug-addr %s?)", url, i18n.Untranslated(err.Error()), addr)
	}
	defer func() { _ = resp.Body.Close() }() // only read
	var rep healthReport
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&rep); err != nil {
		return session.Errorf(session.EConflict, "%s answered %s, not a health report", url, resp.Status)
	}
	for _, name := range slices.Sorted(maps.Keys(rep.Checks)) {
		c := rep.Checks[name]
		line := name + ": " + c.Status
		if c.Detail != "" {
			line += " (" + c.Detail + ")"
		}
		if c.Error != "" {
			line += ": " + c.Error
		}
		fmt.Fprintln(w, line)
	}
	if resp.StatusCode != http.StatusOK || rep.Status != "ok" {
		var failing []string
		for name, c := range rep.Checks {
			if c.Status != "ok" {
				failing = append(failing, name)
			}
		}
		slices.Sort(failing)
		if len(failing) == 0 {
			return session.Errorf(session.EConflict, "the server says it is not healthy (%s)", resp.Status)
		}
		return session.Errorf(session.EConflict, "not healthy: %s failing", strings.Join(failing, ", "))
	}
	return nil
}
