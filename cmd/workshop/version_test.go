package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
)

// The version line combines the link-time values with the build info, preferring the build
// info's VCS facts.
func TestVersionFrom(t *testing.T) {
	vcs := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	cases := []struct {
		name                        string
		info                        *debug.BuildInfo
		ldVersion, ldCommit, ldDate string
		want                        []string // parts of String()
		wantNot                     []string
	}{
		{name: "nothing known", ldVersion: "dev", want: []string{"dev (go"}, wantNot: []string{"commit"}},
		{name: "make build in a worktree", info: &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}},
			ldVersion: "v1.4.0-3-gabc1234-dirty", ldCommit: "abc1234def5678900000", ldDate: "2026-11-30T11:00:00+01:00",
			want: []string{"v1.4.0-3-gabc1234-dirty (commit abc1234def56, 2026-11-30T10:00:00Z, go"}, wantNot: []string{"uncommitted"}},
		{name: "build info from a checkout", info: &debug.BuildInfo{GoVersion: "go1.27.3", Main: debug.Module{Version: "v0.0.0-20261130100000-abc1234def56+dirty"},
			Settings: vcs("vcs.revision", "abc1234def5678900000", "vcs.time", "2026-11-30T10:00:00Z", "vcs.modified", "true")},
			ldVersion: "dev",
			want:      []string{"v0.0.0-20261130100000-abc1234def56+dirty (commit abc1234def56, 2026-11-30T10:00:00Z, with uncommitted changes, go1.27.3 "}},
		{name: "release with ldflags and build info", info: &debug.BuildInfo{Main: debug.Module{Version: "(devel)"},
			Settings: vcs("vcs.revision", "fedcba9876543210", "vcs.time", "2026-12-01T08:00:00Z", "vcs.modified", "false")},
			ldVersion: "1.5.0", ldCommit: "fedcba9876543210", ldDate: "2026-12-01T08:00:00Z",
			want: []string{"1.5.0 (commit fedcba987654, 2026-12-01T08:00:00Z, go"}, wantNot: []string{"uncommitted"}},
	}
	for _, c := range cases {
		got := versionFrom(c.info, c.ldVersion, c.ldCommit, c.ldDate).String()
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q lacks %q", c.name, got, w)
			}
		}
		for _, w := range c.wantNot {
			if strings.Contains(got, w) {
				t.Errorf("%s: %q has %q", c.name, got, w)
			}
		}
	}
}

// built is the binary `make build` makes, built once for the tests that run it.
var built struct {
	once sync.Once
	dir  string
	path string
	err  error
	out  string
}

// makeBinary builds the binary with `make build` (so the tests see the Makefile's version
// stamping) into a temporary directory, once per test run; it skips where make, git or the
// go command are missing.
func makeBinary(t *testing.T) string {
	t.Helper()
	for _, tool := range []string{"make", "git", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed: the test of the built binary needs it", tool)
		}
	}
	built.once.Do(func() {
		built.dir, built.err = os.MkdirTemp("", "workshop-bin-")
		if built.err != nil {
			return
		}
		built.path = filepath.Join(built.dir, "workshop")
		out, err := exec.Command("make", "-C", "../..", "--no-print-directory", "build", "BIN="+built.path).CombinedOutput()
		built.out, built.err = string(out), err
	})
	if built.err != nil {
		t.Fatalf("make build: %v\n%s", built.err, built.out)
	}
	return built.path
}

func TestMain(m *testing.M) {
	code := m.Run()
	if built.dir != "" {
		_ = os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// `make build` stamps the binary: --version shows git describe's name for the tree and the
// commit it was built from.
func TestMakeBuildVersion(t *testing.T) {
	bin := makeBinary(t)
	out, err := exec.Command(bin, "--version").CombinedOutput()
	if err != nil {
		t.Fatalf("--version: %v\n%s", err, out)
	}
	describe, err := exec.Command("git", "describe", "--tags", "--always", "--dirty").Output()
	if err != nil {
		t.Skipf("not a git checkout (%v): nothing to compare with", err)
	}
	head, err := exec.Command("git", "rev-parse", "HEAD").Output()
	if err != nil {
		t.Fatal(err)
	}
	got := strings.TrimSpace(string(out))
	want := "workshop version " + strings.TrimSpace(string(describe)) + " (commit " + strings.TrimSpace(string(head))[:12] + ", "
	if !strings.HasPrefix(got, want) {
		t.Fatalf("--version says\n  %s\nwant it to start with\n  %s", got, want)
	}
}
