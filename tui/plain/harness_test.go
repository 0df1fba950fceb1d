package plain

import (
	"context"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"workshop/i18n"
	"workshop/internal/testenv"
	"workshop/session"
)

// plainRun is a plain session driven by a test: lines typed into its input, its output read
// as a screen reader gets it.
type plainRun struct {
	t    *testing.T
	in   *io.PipeWriter
	out  *testenv.SyncBuffer
	mark int
	done chan Result
}

// startPlain runs a plain session for the SSH user name user, on a terminal that sent the
// given locales; every printer is strict, so an untranslated message shows as ⟦key⟧.
func startPlain(t *testing.T, m *session.Manager, user string, terminal ...string) *plainRun {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	r := &plainRun{t: t, in: pw, out: &testenv.SyncBuffer{}, done: make(chan Result, 1)}
	d := Deps{Ctx: ctx, Manager: m, User: user, Codes: session.NewCodeGuard(nil, time.Now),
		Source: session.CodeSource{Conn: t.Name(), Addr: "127.0.0.1:1"}, Terminal: terminal, Printer: i18n.Strict}
	go func() { r.done <- Run(d, pr, r.out) }()
	t.Cleanup(func() {
		_ = pw.Close()
		cancel()
		<-r.done
	})
	return r
}

// send types a line and enter; the next wait reads only what came after.
func (r *plainRun) send(line string) {
	r.t.Helper()
	r.mark = len(r.out.String())
	if _, err := io.WriteString(r.in, line+"\r"); err != nil {
		r.t.Fatalf("type %q: %v", line, err)
	}
}

// wait waits until the output since the last line typed holds every one of texts, for a
// bounded time, and returns that output.
func (r *plainRun) wait(texts ...string) string {
	r.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		s := r.out.String()[r.mark:]
		missing := ""
		for _, w := range texts {
			if !strings.Contains(s, w) {
				missing = w
				break
			}
		}
		if missing == "" {
			return s
		}
		if time.Now().After(deadline) {
			r.t.Fatalf("never read %q; since the last line typed:\n%s", missing, s)
		}
		time.Sleep(5 * time.Millisecond) // polling interval, not a wait for the session
	}
}

// do types a line and waits for its answer: the texts given, and the prompt after them.
func (r *plainRun) do(line string, texts ...string) string {
	r.t.Helper()
	r.send(line)
	deadline := time.Now().Add(15 * time.Second)
	for {
		s := r.wait(texts...)
		if strings.HasSuffix(s, "\r\n> ") && len(s) > len(line)+2 {
			return s
		}
		if time.Now().After(deadline) {
			r.t.Fatalf("%q: no prompt after the answer:\n%s", line, s)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// ended waits for the session to end and returns how it did.
func (r *plainRun) ended() Result {
	r.t.Helper()
	select {
	case res := <-r.done:
		r.done <- res // for the cleanup
		return res
	case <-time.After(15 * time.Second):
		r.t.Fatal("the session did not end")
	}
	return Result{}
}

// clean fails the test if the output holds an untranslated message, a broken format or an
// escape sequence.
func (r *plainRun) clean() string {
	r.t.Helper()
	s := r.out.String()
	for _, bad := range []string{"⟦", "%!", "\x1b"} {
		if i := strings.Index(s, bad); i >= 0 {
			r.t.Errorf("the output holds %q: …%s…", bad, s[max(0, i-200):min(len(s), i+200)])
		}
	}
	return s
}

var rejoinCode = regexp.MustCompile(`[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}`)
