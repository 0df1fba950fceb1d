package loadtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"regexp"
	"strings"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// LoadKey reads an unencrypted private key file (OpenSSH or PEM) for the facilitator.
func LoadKey(path string) (gossh.Signer, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read facilitator key: %w", err)
	}
	s, err := gossh.ParsePrivateKey(b)
	var pass *gossh.PassphraseMissingError
	if errors.As(err, &pass) {
		return nil, fmt.Errorf("facilitator key %s has a passphrase: give an unencrypted key made for testing", path)
	}
	if err != nil {
		return nil, fmt.Errorf("facilitator key %s: %w", path, err)
	}
	return s, nil
}

// facilitator runs facilitator commands (`ssh HOST COMMAND`) over one connection, a new
// session per command, so a timed move does not include a handshake.
type facilitator struct {
	conn    *gossh.Client
	timeout time.Duration
}

func dialFacilitator(addr string, key gossh.Signer, timeout time.Duration) (*facilitator, error) {
	cfg := &gossh.ClientConfig{
		User:            "loadtest",
		Auth:            []gossh.AuthMethod{gossh.PublicKeys(key)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), // only servers on this machine
		Timeout:         timeout,
	}
	nc, err := net.DialTimeout("tcp", addr, timeout)
	if err != nil {
		return nil, fmt.Errorf("facilitator: connect: %w", err)
	}
	_ = nc.SetDeadline(time.Now().Add(timeout))
	c, chans, reqs, err := gossh.NewClientConn(nc, addr, cfg)
	if err != nil {
		_ = nc.Close() // the handshake failed: nothing to keep
		return nil, fmt.Errorf("facilitator: ssh handshake: %w", err)
	}
	_ = nc.SetDeadline(time.Time{})
	return &facilitator{conn: gossh.NewClient(c, chans, reqs), timeout: timeout}, nil
}

// run runs one command and returns what it printed; a non-zero exit is an error carrying
// what the server said.
func (f *facilitator) run(command string) (string, error) {
	sess, err := f.conn.NewSession()
	if err != nil {
		return "", fmt.Errorf("facilitator: open session: %w", err)
	}
	defer func() { _ = sess.Close() }() // the command's answer is already read
	var out, errOut bytes.Buffer
	sess.Stdout, sess.Stderr = &out, &errOut
	done := make(chan error, 1)
	go func() { done <- sess.Run(command) }()
	select {
	case err = <-done:
	case <-time.After(f.timeout):
		return out.String(), fmt.Errorf("%q: no answer after %s", command, f.timeout)
	}
	if err != nil {
		msg := strings.TrimSpace(errOut.String())
		if msg == "" {
			msg = strings.TrimSpace(out.String())
		}
		return out.String(), fmt.Errorf("%q: %w: %s", command, err, msg)
	}
	return out.String(), nil
}

func (f *facilitator) close() { _ = f.conn.Close() }

var joinCodeRe = regexp.MustCompile(`^[0-9A-Z]{4,12}$`)

// createCohort creates a cohort on module and returns its join code, the last line printed.
func (f *facilitator) createCohort(module, name string) (string, error) {
	out, err := f.run(fmt.Sprintf("cohort create --module %s --name %q", module, name))
	if err != nil {
		return "", err
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	code := strings.TrimSpace(lines[len(lines)-1])
	if !joinCodeRe.MatchString(code) {
		return "", fmt.Errorf("cohort create printed %q, not a join code", code)
	}
	return code, nil
}

var onStepRe = regexp.MustCompile(`on step (\d+) of (\d+) — (.*)`)

// move runs `step CODE to` and returns the title of the step the cohort is on after it.
func (f *facilitator) move(code, to string) (title string, err error) {
	out, err := f.run("step " + code + " " + to)
	if err != nil {
		return "", err
	}
	m := onStepRe.FindStringSubmatch(out)
	if m == nil {
		return "", fmt.Errorf("step %s %s printed %q, not the step it is on", code, to, strings.TrimSpace(out))
	}
	return strings.TrimSpace(m[3]), nil
}

// submitted asks the roster how many participants have their current step submitted.
func (f *facilitator) submitted(code string) (int, error) {
	out, err := f.run("roster " + code + " --format json")
	if err != nil {
		return 0, err
	}
	var r struct {
		Submitted *int `json:"submitted"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil || r.Submitted == nil {
		return 0, fmt.Errorf("roster %s: not the JSON roster", code)
	}
	return *r.Submitted, nil
}
