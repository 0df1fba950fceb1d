package command

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"workshop/i18n"
	"workshop/session"
	"workshop/session/export"
)

// exportFlags are the flags of `export`, the same at the shell and over SSH, so that both
// accept the same flags and, through export.Export, write the same bytes.
type exportFlags struct {
	Format       string
	Table        string
	Artifacts    bool
	All          bool
	Zone         string
	Semicolon    bool
	Reproducible bool
	Lang         string
}

// Bind adds the flags to a command, described in p's language.
func (e *exportFlags) Bind(cmd *cobra.Command, p *i18n.Printer) {
	fs := cmd.Flags()
	fs.StringVar(&e.Format, "format", "", p.T("format: csv, xlsx, json, md or html (required)"))
	fs.StringVar(&e.Table, "table", "progress", p.T("with csv: the sheet to write: progress (one row per participant), long (one row per participant and step), work (one row per piece of work), attendance (one row per participant per meeting) or notes (the facilitators' notes on the steps)"))
	fs.BoolVar(&e.Artifacts, "artifacts", false, p.T("with csv: the sheet of all work, the same as --table work"))
	fs.BoolVar(&e.All, "all", false, p.T("export every cohort instead of one CODE"))
	fs.StringVar(&e.Zone, "tz", "UTC", p.T("time zone of the times in csv, xlsx, md and html, e.g. Europe/Rome; JSON is always UTC"))
	fs.BoolVar(&e.Semicolon, "semicolon", false, p.T("with csv: separate cells with ; for spreadsheets set to a decimal comma"))
	fs.StringVar(&e.Lang, "lang", "", p.T("language of the headings, labels and dates in csv, xlsx, md and html: en, pt-BR, es or it (default: the cohort's language)"))
	fs.BoolVar(&e.Reproducible, "reproducible", false, p.T("the same bytes for the same data: made as of the newest stored time, without the program's version"))
}

// Options checks the flags and turns them into export options; version names the program in
// the export.
func (e *exportFlags) Options(version string) (export.Options, error) {
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
	lang, err := export.ParseLang(e.Lang)
	if err != nil {
		return export.Options{}, err
	}
	if f != export.CSV && t == export.TableProgress {
		t = "" // the default; only csv chooses one sheet
	}
	o := export.Options{Format: f, Table: t, Artifacts: e.Artifacts, Location: loc, Semicolon: e.Semicolon, Lang: lang,
		Stamp: export.Stamp{Version: version, Reproducible: e.Reproducible}}
	return o, o.Check()
}

// Args checks the positional arguments: one join code, or none with --all.
func (e *exportFlags) Args(cmd *cobra.Command, args []string) error {
	switch {
	case e.All && len(args) > 0:
		return session.Errorf(session.EInvalid, "--all exports every cohort: leave out the code %q", args[0])
	case !e.All && len(args) != 1:
		return session.Errorf(session.EInvalid, "%s expects one cohort join code, or --all (see `%s --help`)", cmd.CommandPath(), cmd.CommandPath())
	}
	return nil
}

// exportHelp describes the formats, for the help at the shell and over SSH.
func exportHelp(p *i18n.Printer) string {
	return p.T(`Formats:
  csv   one sheet for spreadsheets, chosen with --table: progress (one row per participant:
        id, name, team, department, email, joined, last seen, each step's status and
        minutes), long (one row per participant and step: id, step, status, seconds, quiz
        score, submitted at; for learning platforms and pivot tables), work (one row per
        answer, item, vote, placement, cell, rating, tick and quiz answer, and each vote's
        tally), attendance (one row per participant per meeting) or notes (one row per
        facilitator note: step, time, who, the note). UTF-8 with a
        byte order mark: Excel reads it as it is; in LibreOffice pick UTF-8 in the import
        dialog. Cells a spreadsheet would run as a formula start with '.
  xlsx  a workbook with every table on its own sheet, typed cells (numbers, dates, times
        spent), frozen headers and filters. Opens as it is in Excel and LibreOffice.
  json  everything, in a documented, versioned layout (docs/export-schema.md).
  md    a readable report: summary, participants, each step's work, the timeline.
  html  the same report as one self-contained file with charts, for sharing and printing.`) + "\n\n" +
		p.T(`Headings, labels, sheet names, status words and dates are in the cohort's language (the
language its module is written in); --lang en, pt-BR, es or it chooses another. JSON keys and
codes are the same in every language.`) + "\n\n" +
		p.T("Anonymous steps never name who wrote an item, in any format.")
}

// Export is `export CODE --format FORMAT`: a cohort's progress and work for reporting. At the
// shell it can also write files (-o); over SSH it streams to the caller, who redirects it.
func Export(env *Env) *cobra.Command {
	var flags exportFlags
	var out string
	p := env.Printer()
	cmd := &cobra.Command{
		Use:   "export CODE --format csv|xlsx|json|md|html [flags]",
		Short: p.T("Export a cohort's progress and work for reporting"),
		Args:  flags.Args,
		RunE: func(cmd *cobra.Command, args []string) error {
			o, err := flags.Options(env.Version)
			if err != nil {
				return err
			}
			code := ""
			if len(args) > 0 {
				code = args[0]
			}
			return env.withManager(cmd.Context(), func(m *session.Manager) error {
				return runExport(cmd, env, m, exportRun{all: flags.All, code: code, out: out, opts: o})
			})
		},
	}
	if env.Front == Shell {
		cmd.Long, cmd.Example = exportShellLong(p), exportShellExample
		cmd.Flags().StringVarP(&out, "output", "o", "", p.T("write to FILE instead of standard output (with --all and a format other than json: a directory)"))
	} else {
		cmd.Long, cmd.Example = exportSSHLong(p), exportSSHExample
	}
	flags.Bind(cmd, p)
	return cmd
}

// exportRun is one export asked for: every cohort or the one with code, to standard output or
// to the file or directory out.
type exportRun struct {
	all  bool
	code string
	out  string
	opts export.Options
}

func runExport(cmd *cobra.Command, env *Env, m *session.Manager, r exportRun) error {
	ctx, o := cmd.Context(), r.opts
	write := func(to func(w io.Writer) error) error {
		if r.out == "" {
			return to(cmd.OutOrStdout())
		}
		if err := export.WriteFile(r.out, to); err != nil {
			return err
		}
		fmt.Fprintln(cmd.ErrOrStderr(), env.Printer().T("Wrote %s", r.out))
		return nil
	}
	switch {
	case r.all && o.Format == export.JSON:
		return write(func(w io.Writer) error { return export.ExportAll(ctx, w, m, env.Actor, o) })
	case r.all && env.Front != Shell:
		return session.Errorf(session.EInvalid, "over SSH, --all streams one JSON document: use --format json, or run `workshop export --all -o DIR` on the server for one file per cohort")
	case r.all && r.out == "":
		return session.Errorf(session.EInvalid, "--all with --format %s writes one file per cohort: give the directory with -o DIR", o.Format)
	case r.all:
		paths, err := export.ExportAllToDir(ctx, m, env.Actor, r.out, o)
		for _, p := range paths {
			fmt.Fprintln(cmd.ErrOrStderr(), env.Printer().T("Wrote %s", p))
		}
		if err == nil && len(paths) == 0 {
			fmt.Fprintln(cmd.ErrOrStderr(), env.Printer().T("No cohorts to export."))
		}
		return err
	}
	err := write(func(w io.Writer) error { return export.Export(ctx, w, m, env.Actor, r.code, o) })
	if errors.Is(err, session.ErrUnknownCode) {
		return unknownCode(r.code)
	}
	return err
}

// exportShellLong is what export says of itself at the shell, where it writes files too.
func exportShellLong(p *i18n.Printer) string {
	return p.T(`Export what a cohort did: progress, time per step, all work, vote and matrix results and the
facilitation timeline. Writes to standard output, or to FILE with -o (replaced only once the
export is complete). Safe while the server runs. A facilitator can get the same bytes remotely:
ssh -p 2222 HOST export CODE --format csv > cohort.csv`) + "\n\n" +
		p.T(`--all exports every cohort: with --format json as one document (standard output or -o FILE);
with the other formats as one file per cohort (CODE.csv, CODE-long.csv, CODE-artifacts.csv,
CODE.xlsx, CODE.md, CODE.html) in the directory given with -o. Files are written readable by
their owner only: they hold people's names and work.`) + "\n\n" + exportHelp(p)
}

// exportSSHLong is what export says of itself over SSH, where the caller redirects it.
func exportSSHLong(p *i18n.Printer) string {
	return p.T("Write a cohort's export to standard output, byte for byte what `workshop export` writes on\n"+
		"the server. Redirect it to a file on your side. --all with --format json streams every cohort\n"+
		"as one document.") + "\n\n" + exportHelp(p)
}

// How export is used, at the shell and over SSH.
const (
	exportShellExample = `  {prog} export K7MQ2P --format csv -o cohort.csv
  {prog} export K7MQ2P --format csv --table long -o long.csv
  {prog} export K7MQ2P --format xlsx -o cohort.xlsx
  {prog} export K7MQ2P --format html --tz Europe/Rome -o report.html
  {prog} export K7MQ2P --format html --lang pt-BR -o relatorio.html
  {prog} export K7MQ2P --format json | jq '.steps[].title'
  {prog} export --all --format md -o reports/`
	exportSSHExample = `  {prog} export K7MQ2P --format csv > cohort.csv
  {prog} export K7MQ2P --format csv --table long > long.csv
  {prog} export K7MQ2P --format xlsx > cohort.xlsx
  {prog} export K7MQ2P --format html --tz Europe/Rome > report.html
  {prog} export K7MQ2P --format html --lang pt-BR > relatorio.html
  {prog} export --all --format json > cohorts.json`
)
