package tui

import (
	"context"

	"github.com/spf13/cobra"

	"workshop/session"
)

// exportCommands returns the SSH commands that stream cohort exports to a facilitator.
func (f *FrontDoor) exportCommands(ctx context.Context, fac session.Facilitator) []*cobra.Command {
	return nil
}
