package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"workshop/internal/testenv"
	"workshop/session"
)

// A trainer exports a cohort from the server's shell while the server runs, a facilitator
// streams the same bytes over SSH, anyone else is refused, and a backup taken meanwhile holds
// the same data.
func TestExportWhileServerRuns(t *testing.T) {
	ts, facKey, dir := setup(t)
	code := createCohort(t, ts, facKey)
	ctx := context.Background()

	// Work stored through the live hub, as the participants' screens store it.
	h, err := ts.srv.manager.HubByCode(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	for i, name := range []string{"Dário Ñúñez", "=1+1 Bea"} {
		p, _, err := h.Join(ctx, session.Identity{}, name)
		if err != nil {
			t.Fatal(err)
		}
		answer := []string{`{"text":"The queue was long, but staff were kind."}`, `{"text":"<b>Forms</b> everywhere"}`}[i]
		if _, err := h.SaveWork(ctx, p.ID, "first-thoughts", 1, []byte(answer), i == 0); err != nil {
			t.Fatal(err)
		}
	}
	if _, errOut, rc := runCommand(t, ts.addr(), facKey, "step "+code+" 2"); rc != 0 {
		t.Fatalf("step: %s", errOut)
	}

	// Reproducible exports are the same bytes however they are asked for.
	for _, args := range []string{"--format csv", "--format csv --artifacts", "--format csv --table long", "--format xlsx --reproducible",
		"--format json --reproducible", "--format md --reproducible", "--format html --tz Europe/Rome --reproducible"} {
		local, err := cli(t, append([]string{"export", code, "--data", dir}, strings.Fields(args)...)...)
		if err != nil {
			t.Fatalf("workshop export %s: %v\n%s", args, err, local)
		}
		remote, errOut, rc := runCommand(t, ts.addr(), facKey, "export "+strings.ToLower(code)+" "+args)
		if rc != 0 {
			t.Fatalf("ssh export %s: exit %d: %s", args, rc, errOut)
		}
		if remote != local {
			t.Errorf("ssh export %s differs from workshop export (%d and %d bytes)", args, len(remote), len(local))
		}
		if strings.Contains(args, "xlsx") {
			if !strings.HasPrefix(local, "PK") {
				t.Errorf("the xlsx export is not a workbook: %.20q", local)
			}
			continue
		}
		if !strings.Contains(local, "Dário Ñúñez") || (!strings.Contains(args, "csv") && !strings.Contains(local, "Tuesday group")) {
			t.Errorf("export %s lacks the cohort or its participant:\n%.400s", args, local)
		}
	}
	// --lang writes the report in another language, the same bytes at the shell and over SSH.
	pt, err := cli(t, "export", code, "--format", "html", "--lang", "pt-BR", "--reproducible", "--data", dir)
	if err != nil {
		t.Fatalf("export --lang pt-BR: %v\n%s", err, pt)
	}
	if !strings.Contains(pt, `<html lang="pt-BR">`) || !strings.Contains(pt, "relatório da turma") || !strings.Contains(pt, ">Resumo</h2>") {
		t.Errorf("the report with --lang pt-BR is not in Portuguese:\n%.600s", pt)
	}
	if remote, _, rc := runCommand(t, ts.addr(), facKey, "export "+code+" --format html --lang pt-BR --reproducible"); rc != 0 || remote != pt {
		t.Errorf("ssh export --lang pt-BR (exit %d) differs from workshop export --lang pt-BR", rc)
	}
	if en, _ := cli(t, "export", code, "--format", "html", "--lang", "en", "--data", dir); !strings.Contains(en, `<html lang="en">`) || !strings.Contains(en, ">Summary</h2>") {
		t.Error("the report with --lang en is not in English")
	}
	if _, errOut, rc := runCommand(t, ts.addr(), facKey, "export "+code+" --format html --lang fr"); rc != 1 || !strings.Contains(errOut, "pt-BR") {
		t.Errorf("ssh export --lang fr: exit %d, %q", rc, errOut)
	}

	// Otherwise an export says when it was made and by which version.
	if doc, _ := cli(t, "export", code, "--format", "json", "--data", dir); !strings.Contains(doc, `"version": "`+version+`"`) || !strings.Contains(doc, `"reproducible": false`) {
		t.Errorf("the JSON export does not name the program's version:\n%.300s", doc)
	}
	if csv, _ := cli(t, "export", code, "--format", "csv", "--data", dir); !strings.HasPrefix(csv, "\ufeffParticipant ID,Name,Team,") || !strings.Contains(csv, "'=1+1 Bea") {
		t.Errorf("progress sheet:\n%s", csv)
	}
	if html, _ := cli(t, "export", code, "--format", "html", "--data", dir); strings.Contains(html, "<b>Forms") || !strings.Contains(html, "&lt;b&gt;Forms") {
		t.Error("the HTML report does not escape an answer's markup")
	}

	// -o writes the same bytes to a file.
	file := filepath.Join(t.TempDir(), "report.md")
	if out, err := cli(t, "export", code, "--format", "md", "-o", file, "--data", dir); err != nil || !strings.Contains(out, "Wrote "+file) {
		t.Fatalf("export -o: %v\n%s", err, out)
	}
	if fi, err := os.Stat(file); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the export file's permissions: %v %v, want 0600 (it holds people's names and work)", fi.Mode(), err)
	}
	if out, err := cli(t, "export", code, "--format", "md", "--reproducible", "-o", file, "--data", dir); err != nil {
		t.Fatalf("export -o: %v\n%s", err, out)
	}
	md, _ := cli(t, "export", code, "--format", "md", "--reproducible", "--data", dir)
	if got, _ := os.ReadFile(file); string(got) != md {
		t.Error("the file written with -o differs from standard output")
	}

	// Every cohort: one JSON document, locally and over SSH; one file per cohort otherwise.
	code2 := createCohort(t, ts, facKey)
	all, err := cli(t, "export", "--all", "--format", "json", "--reproducible", "--data", dir)
	if err != nil {
		t.Fatal(err)
	}
	if remote, _, rc := runCommand(t, ts.addr(), facKey, "export --all --format json --reproducible"); rc != 0 || remote != all {
		t.Errorf("ssh export --all (exit %d) differs from workshop export --all", rc)
	}
	if !strings.Contains(all, `"code": "`+code+`"`) || !strings.Contains(all, `"code": "`+code2+`"`) {
		t.Error("export --all lacks a cohort")
	}
	reports := t.TempDir()
	if out, err := cli(t, "export", "--all", "--format", "html", "-o", reports, "--data", dir); err != nil {
		t.Fatalf("export --all -o DIR: %v\n%s", err, out)
	}
	for _, c := range []string{code, code2} {
		if _, err := os.Stat(filepath.Join(reports, c+".html")); err != nil {
			t.Errorf("no report for %s: %v", c, err)
		}
	}
	if _, errOut, rc := runCommand(t, ts.addr(), facKey, "export --all --format html"); rc != 1 || !strings.Contains(errOut, "--format json") {
		t.Errorf("ssh export --all --format html: exit %d, %q", rc, errOut)
	}

	// Mistakes get a message that says what to do.
	for args, want := range map[string]string{
		"export " + code:                                 "--format is required",
		"export " + code + " --format pdf":               "unknown format",
		"export QQQQQQ --format csv":                     "no cohort",
		"export " + code + " --format json --artifacts":  "--artifacts",
		"export " + code + " --format xlsx --table long": "--table",
		"export " + code + " --format csv --table wide":  "unknown table",
		"export " + code + " --format md --tz Mars/Base": "not a time zone",
		"export --format csv":                            "one cohort join code",
	} {
		out, errOut, rc := runCommand(t, ts.addr(), facKey, args)
		if rc != 1 || !strings.Contains(errOut, want) || out != "" {
			t.Errorf("ssh %s: exit %d, stdout %q, stderr %q; want it to mention %q", args, rc, out, errOut, want)
		}
	}

	// Only facilitator keys may export.
	stranger, _ := newKey(t)
	for _, who := range []struct {
		name string
		key  gossh.Signer
	}{{"keyless", nil}, {"unregistered key", stranger}} {
		out, errOut, rc := runCommand(t, ts.addr(), who.key, "export "+code+" --format json")
		if rc != 1 || !strings.Contains(errOut, "not allowed") || out != "" {
			t.Errorf("%s: exit %d, stdout %d bytes, stderr %q", who.name, rc, len(out), errOut)
		}
	}

	// A backup taken while the server runs opens and holds the same data.
	backup := filepath.Join(t.TempDir(), "copy") + "/"
	if out, err := cli(t, "backup", backup, "--data", dir); err != nil || !strings.Contains(out, "workshop serve --data "+backup) {
		t.Fatalf("backup: %v\n%s", err, out)
	}
	if out, err := cli(t, "backup", backup, "--data", dir); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("a second backup to the same place was not refused: %v %s", err, out)
	}
	st := testenv.OpenStore(t, filepath.Join(backup, "workshop.db"))
	c, err := st.CohortByCode(ctx, code)
	if err != nil {
		t.Fatalf("cohort not in the backup: %v", err)
	}
	arts, err := st.Artifacts(ctx, c.ID, "first-thoughts")
	st.Close()
	if err != nil || len(arts) != 2 || !bytes.Contains(arts[0].Data, []byte("staff were kind")) {
		t.Fatalf("work in the backup: %v %d", err, len(arts))
	}
	if _, err := os.Stat(filepath.Join(backup, "host_ed25519")); err != nil {
		t.Errorf("host key not copied next to the backup: %v", err)
	}
	fromBackup, err := cli(t, "export", code, "--format", "json", "--reproducible", "--data", backup)
	if err != nil {
		t.Fatal(err)
	}
	live, _ := cli(t, "export", code, "--format", "json", "--reproducible", "--data", dir)
	if fromBackup != live {
		t.Error("the export of the backup differs from the export of the live data")
	}
	if out, err := cli(t, "export", code, "--format", "json", "--data", filepath.Join(t.TempDir(), "nothing")); err == nil || !strings.Contains(err.Error(), "no database") {
		t.Errorf("export from a directory without data: %v %s", err, out)
	}
}
