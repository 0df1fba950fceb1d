package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"time"
)

// Set at build time: `make build` passes -ldflags "-X main.version=$(git describe ...)
// -X main.commit=... -X main.date=...", and so does the release build. The build info the
// Go toolchain embeds (module version, VCS revision, time and modified flag) is preferred
// where it exists, since it describes exactly what was compiled; these fill in where it does
// not (a build from a source archive, a git worktree, a container build without .git).
var (
	version = "dev"
	commit  = ""
	date    = ""
)

// buildVersion is what `workshop --version` prints after "workshop version ".
type buildVersion struct {
	Version  string // a release or describe string, "dev" when nothing said
	Revision string // full VCS revision, "" if unknown
	Time     string // commit time, RFC 3339, "" if unknown
	Modified bool   // built from a tree with uncommitted changes
	Go       string // toolchain, e.g. go1.27.3
	Platform string // GOOS/GOARCH
}

// readVersion combines the build info with the link-time values.
func readVersion() buildVersion {
	info, _ := debug.ReadBuildInfo()
	return versionFrom(info, version, commit, date)
}

// versionFrom is readVersion with its inputs given, for tests.
func versionFrom(info *debug.BuildInfo, ldVersion, ldCommit, ldDate string) buildVersion {
	v := buildVersion{Version: ldVersion, Revision: ldCommit, Time: ldDate, Go: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
	if info == nil {
		return v.tidy()
	}
	if info.GoVersion != "" {
		v.Go = info.GoVersion
	}
	// A module version exists when the binary was built with `go install module@version`,
	// or as a pseudo-version from a checkout; "(devel)" says nothing.
	if mv := info.Main.Version; (v.Version == "" || v.Version == "dev") && mv != "" && mv != "(devel)" {
		v.Version = mv
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Revision = s.Value
		case "vcs.time":
			v.Time = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	return v.tidy()
}

func (v buildVersion) tidy() buildVersion {
	if v.Version == "" {
		v.Version = "dev"
	}
	// git describe --dirty marks the tree the same way build info does.
	if strings.HasSuffix(v.Version, "-dirty") {
		v.Modified = true
	}
	if t, err := time.Parse(time.RFC3339, v.Time); err == nil {
		v.Time = t.UTC().Format(time.RFC3339)
	}
	return v
}

// String is one line: the version, then what it was built from.
func (v buildVersion) String() string {
	var from []string
	if v.Revision != "" {
		from = append(from, "commit "+shortRevision(v.Revision))
	}
	if v.Time != "" {
		from = append(from, v.Time)
	}
	if v.Modified && !strings.HasSuffix(v.Version, "-dirty") {
		from = append(from, "with uncommitted changes")
	}
	from = append(from, v.Go+" "+v.Platform)
	return fmt.Sprintf("%s (%s)", v.Version, strings.Join(from, ", "))
}

// shortRevision is the 12-character prefix of a revision, enough to find it in git.
func shortRevision(r string) string {
	if len(r) > 12 {
		return r[:12]
	}
	return r
}
