package main

import (
	"strings"
	"testing"

	"workshop/i18n"
)

// locales are the LANG values a client's terminal sends for each language of the interface.
var locales = map[i18n.Lang]string{
	i18n.English:    "en_GB.UTF-8",
	i18n.Portuguese: "pt_BR.UTF-8",
	i18n.Spanish:    "es_MX.UTF-8",
	i18n.Italian:    "it_IT.UTF-8",
}

// `workshop cohort list` at the server's shell, and `cohorts` and `cohort list` over SSH, are
// one list in every language: the same columns and rows, archived cohorts left out unless --all
// is given, and someone online shown the same way by the server and by a command run beside it.
func TestCohortListIsOneListEverywhere(t *testing.T) {
	ts, facKey, dir := setup(t)
	live := createCohort(t, ts, facKey)
	done := createCohort(t, ts, facKey)
	joinKeyless(t, dialTerm(t, ts.addr(), "ana", nil, 80, 24), live, "Ana")
	facRun(t, ts, facKey, "archive "+done)

	for _, lang := range i18n.Languages {
		p := i18n.New(lang)
		env := []string{"LANG=" + locales[lang]}
		for _, all := range []bool{false, true} {
			shell := []string{"cohort", "list", "--data", dir}
			flag := ""
			if all {
				shell, flag = append(shell, "--all"), " --all"
			}
			fromShell, err := cliIn(t, p, shell...)
			if err != nil {
				t.Fatalf("%s: cohort list%s: %v\n%s", lang, flag, err, fromShell)
			}
			for _, cmd := range []string{"cohorts", "cohort list"} {
				got, errOut, rc := runCommandEnv(t, ts.addr(), facKey, env, cmd+flag)
				if rc != 0 || got != fromShell {
					t.Errorf("%s: ssh %s%s (exit %d, %s) differs from the shell's cohort list%s:\n%s\nshell:\n%s", lang, cmd, flag, rc, errOut, flag, got, fromShell)
				}
			}
			for _, want := range []string{p.T("CODE"), p.T("NAME"), p.T("PEOPLE"), p.T("ONLINE"), p.T("CREATED (UTC)"), p.T("LAST ACTIVE (UTC)"), live, p.T("online now")} {
				if !strings.Contains(fromShell, want) {
					t.Errorf("%s: cohort list%s lacks %q:\n%s", lang, flag, want, fromShell)
				}
			}
			if shown := strings.Contains(fromShell, done); shown != all {
				t.Errorf("%s: cohort list%s shows the archived cohort: %v, want %v\n%s", lang, flag, shown, all, fromShell)
			}
			if hidden := p.T("%d cohorts are archived; --all lists them too.", 1); !all && !strings.Contains(fromShell, hidden) {
				t.Errorf("%s: cohort list does not say one cohort is hidden (%q):\n%s", lang, hidden, fromShell)
			}
		}
	}
	if out, _ := cli(t, "cohort", "list", "--data", dir); !strings.Contains(out, "1 cohort is archived; --all lists them too.") {
		t.Errorf("English cohort list:\n%s", out)
	}
}

// A facilitator whose terminal sends an Italian locale reads `ssh HOST cohort list` with
// Italian headings, and their refusals in Italian; one whose terminal sends none reads English.
func TestCommandsSpeakTheTerminalsLanguage(t *testing.T) {
	ts, facKey, _ := setup(t)
	code := createCohort(t, ts, facKey)
	it := []string{"LANG=it_IT.UTF-8"}
	out, errOut, rc := runCommandEnv(t, ts.addr(), facKey, it, "cohort list")
	if rc != 0 || !strings.Contains(out, code) {
		t.Fatalf("cohort list: exit %d\n%s%s", rc, out, errOut)
	}
	for _, want := range []string{"CODICE", "NOME", "MODULO", "RITMO", "PASSO", "PERSONE", "CREATO (UTC)", "ULTIMA ATTIVITÀ (UTC)", "guidato"} {
		if !strings.Contains(out, want) {
			t.Errorf("cohort list from an Italian terminal lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "LAST ACTIVE") || strings.Contains(out, "CREATED") {
		t.Errorf("English headings left for an Italian terminal:\n%s", out)
	}
	_, errOut, rc = runCommandEnv(t, ts.addr(), facKey, it, "step "+code+" sideways")
	if rc == 0 || !strings.Contains(errOut, `errore: "sideways" non è un passo`) {
		t.Errorf("a refusal to an Italian terminal: exit %d, %q", rc, errOut)
	}
	out, _, _ = runCommand(t, ts.addr(), facKey, "cohort list")
	if !strings.Contains(out, "LAST ACTIVE (UTC)") {
		t.Errorf("cohort list from a terminal that sends no locale:\n%s", out)
	}
}
