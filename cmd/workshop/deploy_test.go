package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// repoFile reads a file at the repository's root.
func repoFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// unitKeys reads a unit file's settings: key to every value it is given, in order.
func unitKeys(text string) map[string][]string {
	keys := map[string][]string{}
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") || strings.HasPrefix(l, "[") {
			continue
		}
		if k, v, ok := strings.Cut(l, "="); ok {
			keys[k] = append(keys[k], v)
		}
	}
	return keys
}

// The service runs as its own user in a read-only system with one capability, the one it
// needs for port 22; the backup runs as the same user with none.
func TestSystemdUnitsAreHardened(t *testing.T) {
	svc := unitKeys(repoFile(t, "deploy/workshop.service"))
	for k, want := range map[string]string{
		"User": "workshop", "Group": "workshop", "StateDirectory": "workshop", "ProtectSystem": "strict",
		"NoNewPrivileges": "yes", "ProtectHome": "yes", "PrivateTmp": "yes", "UMask": "0077",
		"CapabilityBoundingSet": "CAP_NET_BIND_SERVICE", "AmbientCapabilities": "CAP_NET_BIND_SERVICE",
		"ExecReload": "/bin/kill -HUP $MAINPID",
	} {
		if got := strings.Join(svc[k], " "); got != want {
			t.Errorf("workshop.service %s=%q, want %q", k, got, want)
		}
	}
	if exec := strings.Join(svc["ExecStart"], ""); !strings.Contains(exec, "--listen :22") {
		t.Errorf("ExecStart=%s: the capability to bind port 22 is kept without listening there", exec)
	}
	bk := unitKeys(repoFile(t, "deploy/workshop-backup.service"))
	if strings.Join(bk["User"], "") != "workshop" || strings.Join(bk["CapabilityBoundingSet"], "|") != "" || strings.Join(bk["ProtectSystem"], "") != "strict" {
		t.Errorf("workshop-backup.service: User %v, CapabilityBoundingSet %v, ProtectSystem %v", bk["User"], bk["CapabilityBoundingSet"], bk["ProtectSystem"])
	}
	tm := unitKeys(repoFile(t, "deploy/workshop-backup.timer"))
	if strings.Join(tm["OnCalendar"], "") == "" || strings.Join(tm["Persistent"], "") != "true" {
		t.Errorf("workshop-backup.timer: %v", tm)
	}
}

// The unit files parse (systemd-analyze verify, with the binary and its man page where the
// units expect them) and the service's exposure stays low (systemd-analyze security).
func TestSystemdUnitsVerify(t *testing.T) {
	if _, err := exec.LookPath("systemd-analyze"); err != nil {
		t.Skip("systemd-analyze is not installed: the unit files are only checked by TestSystemdUnitsAreHardened")
	}
	bin := makeBinary(t)
	dir := t.TempDir()
	man := filepath.Join(dir, "man", "man1")
	if err := os.MkdirAll(man, 0o700); err != nil {
		t.Fatal(err)
	}
	page, err := manPage()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(man, "workshop.1"), []byte(page), 0o600); err != nil {
		t.Fatal(err)
	}
	var units []string
	for _, name := range []string{"workshop.service", "workshop-backup.service", "workshop-backup.timer"} {
		text := strings.ReplaceAll(repoFile(t, "deploy/"+name), "/usr/local/bin/workshop", bin)
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		units = append(units, p)
	}
	verify := exec.Command("systemd-analyze", append([]string{"verify"}, units...)...)
	verify.Env = append(os.Environ(), "MANPATH="+filepath.Join(dir, "man"))
	if out, err := verify.CombinedOutput(); err != nil || len(out) > 0 {
		// verify exits 0 on unknown keys and bad values; it only says so.
		t.Fatalf("systemd-analyze verify: %v\n%s", err, out)
	}
	// Exposure 0 (locked down) to 10 (unprotected); --threshold is in tenths.
	for _, u := range units[:2] {
		sec := exec.Command("systemd-analyze", "security", "--offline=yes", "--threshold=20", u)
		if out, err := sec.CombinedOutput(); err != nil {
			t.Errorf("systemd-analyze security %s: exposure above 2.0 (%v)\n%s", filepath.Base(u), err, lastLines(string(out), 3))
		} else {
			t.Logf("%s: %s", filepath.Base(u), lastLines(string(out), 1))
		}
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// The backup unit's command, run as written (with the data and backup directories moved to a
// temporary place), makes a dated directory with the database and the host key.
func TestBackupUnitCommand(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	bin := makeBinary(t)
	data, backups := t.TempDir(), t.TempDir()
	if out, err := cli(t, "cohort", "create", "--module", "warmup", "--name", "Backed up", "--data", data); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if _, err := loadHostKey(filepath.Join(data, "host_ed25519"), false); err != nil { // as the server's first start
		t.Fatal(err)
	}
	bk := unitKeys(repoFile(t, "deploy/workshop-backup.service"))
	// systemd reads %% as %, and quoting as the shell does.
	cmdline := strings.ReplaceAll(strings.Join(bk["ExecStart"], ""), "%%", "%")
	cmdline = strings.ReplaceAll(strings.ReplaceAll(cmdline, "/usr/local/bin/workshop", bin), "/var/lib/workshop-backups", backups)
	m := regexp.MustCompile(`^/bin/sh -c '(.*)'$`).FindStringSubmatch(cmdline)
	if m == nil {
		t.Fatalf("ExecStart is not a sh -c command: %s", cmdline)
	}
	run := exec.Command("sh", "-c", m[1])
	run.Env = append(os.Environ(), "WORKSHOP_DATA="+data)
	if out, err := run.CombinedOutput(); err != nil {
		t.Fatalf("backup command: %v\n%s", err, out)
	}
	entries, err := os.ReadDir(backups)
	if err != nil || len(entries) != 1 || !regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d{6}Z$`).MatchString(entries[0].Name()) {
		t.Fatalf("backups: %v %v", entries, err)
	}
	for _, f := range []string{"workshop.db", "host_ed25519"} {
		if _, err := os.Stat(filepath.Join(backups, entries[0].Name(), f)); err != nil {
			t.Errorf("the backup has no %s: %v", f, err)
		}
	}
}

// The Dockerfile builds a static binary in a first stage and runs it as a non-root user with
// its data in a volume, on port 2222, checked by the binary itself.
func TestDockerfileStatic(t *testing.T) {
	df := repoFile(t, "Dockerfile")
	var stages, users []string
	for _, l := range strings.Split(df, "\n") {
		f := strings.Fields(l)
		if len(f) < 2 {
			continue
		}
		switch strings.ToUpper(f[0]) {
		case "FROM":
			stages = append(stages, f[1])
		case "USER":
			users = append(users, f[1])
		}
	}
	if len(stages) < 2 {
		t.Errorf("one stage only: %v", stages)
	}
	if len(users) == 0 {
		t.Error("no USER: the container would run as root")
	}
	for _, u := range users {
		if name := strings.SplitN(u, ":", 2)[0]; name == "root" || name == "0" {
			t.Errorf("USER %s is root", u)
		}
	}
	for _, want := range []string{"CGO_ENABLED=0", `VOLUME ["/data"]`, "EXPOSE 2222", `CMD ["/usr/local/bin/workshop", "health"]`, "HEALTHCHECK", "WORKSHOP_DEBUG_ADDR=127.0.0.1:6060"} {
		if !strings.Contains(df, want) {
			t.Errorf("the Dockerfile has no %q", want)
		}
	}
	if ign := repoFile(t, ".dockerignore"); !regexp.MustCompile(`(?m)^\.git$`).MatchString(ign) {
		t.Error(".dockerignore lets .git into the build context")
	}
}

// The image builds where a docker engine answers.
func TestDockerBuild(t *testing.T) {
	if _, err := exec.LookPath("docker"); err != nil {
		t.Skip("docker is not installed: the Dockerfile is only checked by TestDockerfileStatic")
	}
	if out, err := exec.Command("docker", "info").CombinedOutput(); err != nil {
		t.Skipf("no docker engine answers (only the client is here): the Dockerfile is only checked by TestDockerfileStatic\n%s", lastLines(string(out), 1))
	}
	if testing.Short() {
		t.Skip("-short: building the image takes minutes")
	}
	out, err := exec.Command("docker", "build", "-q", "-t", "workshop-test:latest", "../..").CombinedOutput()
	if err != nil {
		t.Fatalf("docker build: %v\n%s", err, out)
	}
	run := exec.Command("docker", "run", "--rm", "workshop-test:latest", "--version")
	if out, err := run.CombinedOutput(); err != nil || !strings.HasPrefix(string(out), "workshop version ") {
		t.Fatalf("the image's binary: %v\n%s", err, out)
	}
}

// The release configuration builds every platform static, and passes goreleaser's own check
// where goreleaser is installed.
func TestGoreleaserConfig(t *testing.T) {
	cfg := repoFile(t, ".goreleaser.yaml")
	for _, want := range []string{"version: 2", "CGO_ENABLED=0", "goos: [linux, darwin, windows]", "goarch: [amd64, arm64]", "main.version={{ .Version }}", "- LICENSE"} {
		if !strings.Contains(cfg, want) {
			t.Errorf(".goreleaser.yaml has no %q", want)
		}
	}
	gr, err := exec.LookPath("goreleaser")
	if err != nil {
		matches, _ := filepath.Glob(filepath.Join("..", "..", "bin", "tools", "goreleaser-*"))
		if len(matches) == 0 {
			t.Skip("goreleaser is not installed (make release-tools installs it): only the text is checked")
		}
		// Absolute: the command runs from the repository root, where a relative path would
		// name another file.
		if gr, err = filepath.Abs(matches[len(matches)-1]); err != nil {
			t.Fatal(err)
		}
	}
	check := exec.Command(gr, "check")
	check.Dir = filepath.Join("..", "..")
	if out, err := check.CombinedOutput(); err != nil {
		t.Fatalf("goreleaser check: %v\n%s", err, out)
	}
}
