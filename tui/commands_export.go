package tui

import (
	"context"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"workshop/session"
	"workshop/session/export"
)

// ExportFlags are the flags of `export`, shared by the command line (`workshop export`) and
// the SSH command (`ssh HOST export`), so that both accept the same flags and, through
// export.Export, write the same bytes.
type ExportFlags struct {
	Format       string
	Table        string
	Artifacts    bool
	All          bool
	Zone         string
	Semicolon    bool
	Reproducible bool
}

// Bind adds the flags to a command.
func (e *ExportFlags) Bind(cmd *cobra.Command) {
	fs := cmd.Flags()
	fs.StringVar(&e.Format, "format", "", "format: csv, xlsx, json, md or html (required)")
	fs.StringVar(&e.Table, "table", "progress", "with csv: the sheet to write: progress (one row per participant), long (one row per participant and step) or work (one row per piece of work)")
	fs.BoolVar(&e.Artifacts, "artifacts", false, "with csv: the sheet of all work, the same as --table work")
	fs.BoolVar(&e.All, "all", false, "export every cohort instead of one CODE")
	fs.StringVar(&e.Zone, "tz", "UTC", "time zone of the times in csv, xlsx, md and html, e.g. Europe/Rome; JSON is always UTC")
	fs.BoolVar(&e.Semicolon, "semicolon", false, "with csv: separate cells with ; for spreadsheets set to a decimal comma")
	fs.BoolVar(&e.Reproducible, "reproducible", false, "the same bytes for the same data: made as of the newest stored time, without the program's version")
}

// Options checks the flags and turns them into export options; version names the program in
// the export.
func (e *ExportFlags) Options(version string) (export.Options, error) {
	f, err := export.ParseFormat(e.Format)
	if err != nil {
		return export.Options{}, err
	}
	t, err := export.ParseTable(e.Table)
	if err != nil {
		return export.Options{}, err
	}
	loc, err := time.LoadLocation(strings.TrimSpace(e.Zone))
	if err != nil || e.Zone == "" || strings.EqualFold(e.Zone, "local") {
		return export.Options{}, session.Errorf(session.EInvalid, "--tz %q is not a time zone name: use one like UTC, Europe/Rome or America/Sao_Paulo", e.Zone)
	}
	if f != export.CSV && t == export.TableProgress {
		t = "" // the default; only csv chooses one sheet
	}
	o := export.Options{Format: f, Table: t, Artifacts: e.Artifacts, Location: loc, Semicolon: e.Semicolon,
		Stamp: export.Stamp{Version: version, Reproducible: e.Reproducible}}
	return o, o.Check()
}

// Args checks the positional arguments: one join code, or none with --all.
func (e *ExportFlags) Args(cmd *cobra.Command, args []string) error {
	switch {
	case e.All && len(args) > 0:
		return session.Errorf(session.EInvalid, "--all exports every cohort: leave out the code %q", args[0])
	case !e.All && len(args) != 1:
		return session.Errorf(session.EInvalid, "%s expects one cohort join code, or --all (see `%s --help`)", cmd.CommandPath(), cmd.CommandPath())
	}
	return nil
}

// ExportHelp describes the formats, for both commands' help.
const ExportHelp = `Formats:
  csv   one sheet for spreadsheets, chosen with --table: progress (one row per participant:
        id, name, team, joined, last seen, each step's status and minutes), long (one row
        per participant and step: id, step, status, seconds, quiz score, submitted at; for
        learning platforms and pivot tables) or work (one row per answer, item, vote,
        placement, cell, rating, tick and quiz answer, and each vote's tally). UTF-8 with a
        byte order mark: Excel reads it as it is; in LibreOffice pick UTF-8 in the import
        dialog. Cells a spreadsheet would run as a formula start with '.
  xlsx  a workbook with every table on its own sheet, typed cells (numbers, dates, times
        spent), frozen headers and filters. Opens as it is in Excel and LibreOffice.
  json  everything, in a documented, versioned layout (docs/export-schema.md).
  md    a readable report: summary, participants, each step's work, the timeline.
  html  the same report as one self-contained file with charts, for sharing and printing.

Anonymous steps never name who wrote an item, in any format.`

// exportCommands returns the SSH command that streams cohort exports to a facilitator. It
// writes exactly what `workshop export` writes on the server.
func (f *FrontDoor) exportCommands(ctx context.Context, by session.Actor) []*cobra.Command {
	var flags ExportFlags
	cmd := &cobra.Command{
		Use:   "export CODE --format csv|xlsx|json|md|html [flags]",
		Short: "Stream a cohort's progress and work for reporting",
		Long: `Write a cohort's export to standard output, byte for byte what ` + "`workshop export`" + ` writes on
the server. Redirect it to a file on your side. --all with --format json streams every cohort
as one document.

` + ExportHelp,
		Example: `  {ssh} export K7MQ2P --format csv > cohort.csv
  {ssh} export K7MQ2P --format csv --table long > long.csv
  {ssh} export K7MQ2P --format xlsx > cohort.xlsx
  {ssh} export K7MQ2P --format html --tz Europe/Rome > report.html
  {ssh} export --all --format json > cohorts.json`,
		Args: flags.Args,
		RunE: func(cmd *cobra.Command, args []string) error {
			o, err := flags.Options(f.version)
			if err != nil {
				return err
			}
			if flags.All {
				if o.Format != export.JSON {
					return session.Errorf(session.EInvalid, "over SSH, --all streams one JSON document: use --format json, or run `workshop export --all -o DIR` on the server for one file per cohort")
				}
				return export.ExportAll(ctx, cmd.OutOrStdout(), f.manager, by, o)
			}
			return export.Export(ctx, cmd.OutOrStdout(), f.manager, by, args[0], o)
		},
	}
	flags.Bind(cmd)
	return []*cobra.Command{cmd}
}
