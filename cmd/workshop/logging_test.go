package main

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// JSON and text logs carry RFC 3339 times with the zone; --log-level drops what is below it.
func TestLogTimesAndLevels(t *testing.T) {
	var buf bytes.Buffer
	log, err := newLogger(&buf, "json", "info")
	if err != nil {
		t.Fatal(err)
	}
	log.Debug("hidden")
	log.Info("shown", "k", "v")
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 1 {
		t.Fatalf("want only the info line at level info, got:\n%s", buf.String())
	}
	var rec map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &rec); err != nil {
		t.Fatalf("not JSON: %v: %s", err, lines[0])
	}
	ts, _ := rec["time"].(string)
	if _, err := time.Parse(time.RFC3339Nano, ts); err != nil || !regexp.MustCompile(`(Z|[+-]\d\d:\d\d)$`).MatchString(ts) {
		t.Fatalf("time %q is not RFC 3339 with a zone: %v", ts, err)
	}

	buf.Reset()
	log, err = newLogger(&buf, "text", "debug")
	if err != nil {
		t.Fatal(err)
	}
	log.Debug("now shown")
	if !strings.Contains(buf.String(), "now shown") {
		t.Fatalf("debug line missing at level debug: %q", buf.String())
	}
	stamp := strings.Fields(buf.String())[0]
	if _, err := time.Parse(time.RFC3339Nano, stamp); err != nil {
		t.Fatalf("text log starts with %q, not an RFC 3339 time: %v", stamp, err)
	}

	if _, err := newLogger(&buf, "text", "loud"); err == nil || !strings.Contains(err.Error(), "debug, info, warn or error") {
		t.Fatalf("a bad level: %v", err)
	}
}

// Each session that ends is logged once, with who (keyless, or the key's fingerprint), the
// cohort it was in, the command if any, and how long it lasted.
func TestSessionEndLogLine(t *testing.T) {
	ts, facKey, _ := setup(t)
	code := createCohort(t, ts, facKey)

	ana := dialTerm(t, ts.addr(), "ana", nil, 80, 24)
	joinKeyless(t, ana, code, "Ana")
	ana.close()

	line := waitLogLine(t, ts, regexp.MustCompile(`session ended.*identity=keyless.*cohort=`+code+`.*duration=\S+`))
	if strings.Contains(line, "command=") {
		t.Fatalf("an interactive session logged as a command: %s", line)
	}
	fp := gossh.FingerprintSHA256(facKey.PublicKey())
	waitLogLine(t, ts, regexp.MustCompile(`session ended.*identity=`+regexp.QuoteMeta(fp)+` .*command=cohort.*duration=`))
}

// waitLogLine waits for a log line matching re and returns it.
func waitLogLine(t *testing.T, ts *testServer, re *regexp.Regexp) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		for _, l := range strings.Split(ts.log.String(), "\n") {
			if re.MatchString(l) {
				return l
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no log line matches %s:\n%s", re, ts.log.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}
