package tui

import (
	"log/slog"
	"net"
	"path/filepath"
	"testing"
	"time"

	"charm.land/ssh"
	"charm.land/wish/v2"
	gossh "golang.org/x/crypto/ssh"
)

// A connection is asked whether its peer is there again after every answer, not once: a
// peer that answers keeps being asked, and stays connected.
func TestKeepaliveAsksAgainAfterEachAnswer(t *testing.T) {
	door := &FrontDoor{log: slog.New(slog.DiscardHandler)}
	lim := DefaultConnLimits
	lim.AliveInterval, lim.AliveCountMax = 10*time.Millisecond, 1000
	srv, err := wish.NewServer(append([]ssh.Option{
		wish.WithHostKeyPath(filepath.Join(t.TempDir(), "host_ed25519")),
		wish.WithKeyboardInteractiveAuth(func(ssh.Context, gossh.KeyboardInteractiveChallenge) bool { return true }),
		wish.WithMiddleware(func(ssh.Handler) ssh.Handler {
			return func(s ssh.Session) { <-s.Context().Done() }
		}),
	}, door.ServerOptions(lim)...)...)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })

	nc, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	cc, chans, reqs, err := gossh.NewClientConn(nc, ln.Addr().String(), &gossh.ClientConfig{
		User:            "someone",
		Auth:            []gossh.AuthMethod{gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
	})
	if err != nil {
		t.Fatal(err)
	}
	asked := make(chan struct{}, 16)
	go func() {
		for r := range reqs {
			if r.Type == "keepalive@openssh.com" {
				select {
				case asked <- struct{}{}:
				default:
				}
			}
			_ = r.Reply(false, nil) // a refusal is an answer too, as OpenSSH's client gives
		}
	}()
	c := gossh.NewClient(cc, chans, nil)
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	// The first question comes with the first session; five in a row mean it is asked again.
	bound := time.After(30 * time.Second) // only bounds a failure
	for i := range 5 {
		select {
		case <-asked:
		case <-bound:
			t.Fatalf("asked %d times, then no more", i)
		}
	}
}
