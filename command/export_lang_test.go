package command

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"workshop/i18n"
)

// export's help and flags read in every language, with no message left untranslated.
func TestEveryLanguageExportHelp(t *testing.T) {
	for _, lang := range i18n.Languages {
		p := i18n.Strict(lang)
		cmd := &cobra.Command{Use: "export"}
		var flags exportFlags
		flags.Bind(cmd, p)
		texts := []string{exportShellLong(p), exportSSHLong(p), p.T("Export a cohort's progress and work for reporting"),
			p.T("Wrote %s", "x.csv"), p.T("No cohorts to export.")}
		cmd.Flags().VisitAll(func(f *pflag.Flag) { texts = append(texts, f.Usage) })
		for _, s := range texts {
			if s == "" || strings.Contains(s, "⟦") {
				t.Errorf("%s: %.120q", lang, s)
			}
		}
		if lang == i18n.Portuguese && !strings.Contains(exportShellLong(p), "Formatos:") {
			t.Errorf("the Portuguese help of export lacks its formats:\n%s", exportShellLong(p))
		}
	}
	if got := exportSSHLong(i18n.New(i18n.English)); !strings.HasPrefix(got, "Write a cohort's export to standard output") ||
		!strings.Contains(got, "\n\nFormats:\n  csv") || !strings.HasSuffix(got, "Anonymous steps never name who wrote an item, in any format.") {
		t.Errorf("the English help over SSH changed:\n%s", got)
	}
}
