package tui

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/time/rate"
)

// ConnLimits bound what clients may hold open. They follow OpenSSH's LoginGraceTime,
// MaxStartups, PerSourceMaxStartups, MaxSessions and ClientAliveInterval/CountMax. Anyone may
// log in here without a password, so "logging in" ends only when a client asks for a shell or
// a command: until then a connection counts as starting, whether it is still in the SSH
// handshake or has authenticated and sits idle.
type ConnLimits struct {
	// LoginGrace is how long a connection may take from TCP accept to its first shell or
	// command before it is closed.
	LoginGrace time.Duration
	// Startups bounds connections still starting, for all addresses together.
	Startups Startups
	// StartupsPerAddress bounds connections still starting from one address (an IPv6 /64
	// counts as one address), so one host cannot take every starting slot.
	StartupsPerAddress int
	// QueuePerAddress is how many further connections from an address at its cap wait for one
	// of its slots instead of being refused. A room behind one NAT address connecting at once
	// then gets in a few at a time; the wait counts against the login grace time.
	QueuePerAddress int
	// MaxSessions is how many sessions one connection may have open at once; a further
	// session channel is refused.
	MaxSessions int
	// AliveInterval is how often an idle connection is asked whether its peer is still
	// there (0: never). A peer that has not answered AliveCountMax intervals after a question
	// is disconnected, so its session ends and it shows offline.
	AliveInterval time.Duration
	AliveCountMax int
}

// Startups is OpenSSH's MaxStartups "start:rate:full": past Start connections starting, a new
// one is refused with probability Rate percent, rising linearly to certainty at Full.
// Refusing at random, rather than all at once, keeps a flood of stalled handshakes from
// shutting out a real person completely while it grows.
type Startups struct{ Start, Rate, Full int }

// DefaultConnLimits follow OpenSSH with a shorter grace time (30 s, not 120 s: nobody types a
// password here) and room for a whole class. A connection counts as starting while its person
// reads ssh's first-time "continue connecting (yes/no)?" question, so thirty people in one
// room joining for the first time are thirty logins in progress for several seconds, from
// one NAT address: they share 32 slots and a queue, not OpenSSH's 10. The per-address cap
// is half of Startups.Start, so one host alone can never push the server into refusing others
// at random.
var DefaultConnLimits = ConnLimits{
	LoginGrace:         30 * time.Second,
	Startups:           Startups{Start: 64, Rate: 30, Full: 256},
	StartupsPerAddress: 32,
	QueuePerAddress:    1024,
	MaxSessions:        4,
	AliveInterval:      15 * time.Second,
	AliveCountMax:      3,
}

// ParseStartups reads "start:rate:full" (or just "full", refusing only at the limit).
func ParseStartups(s string) (Startups, error) {
	parts := strings.Split(s, ":")
	nums := make([]int, len(parts))
	for i, p := range parts {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || n < 0 {
			return Startups{}, fmt.Errorf("max startups %q: want start:rate:full, e.g. 10:30:100", s)
		}
		nums[i] = n
	}
	switch len(nums) {
	case 1:
		return Startups{Start: nums[0], Rate: 100, Full: nums[0]}, nil
	case 3:
		st := Startups{Start: nums[0], Rate: nums[1], Full: nums[2]}
		if st.Start > st.Full || st.Rate > 100 || st.Full < 1 {
			return Startups{}, fmt.Errorf("max startups %q: want start ≤ full, full ≥ 1 and a rate from 0 to 100", s)
		}
		return st, nil
	}
	return Startups{}, fmt.Errorf("max startups %q: want start:rate:full, e.g. 10:30:100", s)
}

func (s Startups) String() string { return fmt.Sprintf("%d:%d:%d", s.Start, s.Rate, s.Full) }

// connGuard enforces ConnLimits on a server.
type connGuard struct {
	lim ConnLimits
	log *slog.Logger

	mu       sync.Mutex
	starting int
	perAddr  map[string]int
	// queues hold, per address at its cap, the connections waiting for one of its slots.
	queues map[string]*addrQueue

	// chance returns a number in [0, 1): rand.Float64, or fixed in tests.
	chance func() float64
	// refusedLog keeps a flood of refusals from flooding the log too.
	refusedLog rate.Sometimes
	refused    atomic.Int64
	queuedLog  rate.Sometimes
}

// ServerOptions returns the options that apply the limits to the SSH server.
func (f *FrontDoor) ServerOptions(lim ConnLimits) []ssh.Option {
	g := &connGuard{lim: lim, log: f.log, perAddr: map[string]int{}, queues: map[string]*addrQueue{}, chance: rand.Float64, refusedLog: rate.Sometimes{Interval: 10 * time.Second}, queuedLog: rate.Sometimes{First: 10, Interval: 10 * time.Second}}
	return []ssh.Option{func(s *ssh.Server) error {
		s.ConnCallback = g.admit
		s.SessionRequestCallback = g.started
		s.ChannelHandlers = map[string]ssh.ChannelHandler{"session": g.session}
		return nil
	}}
}

// connKey is where a connection's state lives in its ssh.Context.
type connKey struct{}

// guardedConn is one accepted connection as the guard tracks it.
type guardedConn struct {
	net.Conn
	g     *connGuard
	addr  string
	grace *time.Timer

	released atomic.Bool // no longer counted as starting
	sessions atomic.Int32
	alive    sync.Once // the keepalive loop is started once, with the first session
}

// admit is the server's ConnCallback: it refuses a connection past the startup limits and
// otherwise counts it as starting until it asks for a shell or a command.
func (g *connGuard) admit(ctx ssh.Context, conn net.Conn) net.Conn {
	addr := addressKey(conn.RemoteAddr())
	accepted := time.Now()
	g.mu.Lock()
	why := g.refusal(addr)
	if why == perAddressRefusal {
		why = g.waitTurnLocked(addr, g.lim.LoginGrace)
	}
	if why == "" {
		g.starting++
		g.perAddr[addr]++
	}
	g.mu.Unlock()
	if why != "" {
		g.refused.Add(1)
		g.refusedLog.Do(func() {
			g.log.Warn("refusing connections", "why", why, "address", addr, "refused since the last report", g.refused.Swap(0))
		})
		return nil
	}
	c := &guardedConn{Conn: conn, g: g, addr: addr}
	if g.lim.LoginGrace > 0 {
		c.grace = time.AfterFunc(g.lim.LoginGrace-time.Since(accepted), func() {
			g.log.Info("login grace time over: closing a connection that never asked for a session", "remote", conn.RemoteAddr().String())
			_ = conn.Close()
		})
	}
	ctx.SetValue(connKey{}, c)
	return c
}

// refusal says why a new connection from addr is refused, or "" to admit it. It runs under
// g.mu.
func (g *connGuard) refusal(addr string) string {
	st := g.lim.Startups
	switch {
	case g.lim.StartupsPerAddress > 0 && g.perAddr[addr] >= g.lim.StartupsPerAddress:
		return perAddressRefusal
	case st.Full > 0 && g.starting >= st.Full:
		return "too many logins in progress"
	case st.Full > 0 && g.starting >= st.Start:
		p := float64(st.Rate) / 100
		if st.Full > st.Start {
			p += (1 - p) * float64(g.starting-st.Start) / float64(st.Full-st.Start)
		}
		if g.chance() < p {
			return "many logins in progress: refused at random"
		}
	}
	return ""
}

// release stops counting the connection as starting; it runs once.
func (c *guardedConn) release() {
	if !c.released.CompareAndSwap(false, true) {
		return
	}
	if c.grace != nil {
		c.grace.Stop()
	}
	g := c.g
	g.mu.Lock()
	g.starting--
	if g.perAddr[c.addr]--; g.perAddr[c.addr] <= 0 {
		delete(g.perAddr, c.addr)
	}
	if q := g.queues[c.addr]; q != nil {
		q.turn.Signal()
	}
	g.mu.Unlock()
}

const perAddressRefusal = "too many logins in progress from one address"

// addrQueue is the connections from one address waiting for one of its starting slots.
type addrQueue struct {
	turn    *sync.Cond // signalled when a slot of the address frees or a wait ends
	waiting int
}

// waitTurnLocked holds a connection from addr, whose starting slots are all taken, until one
// frees, at most wait; it returns why the connection is refused, or "" once it may start. It
// runs under g.mu, which the wait releases. Past QueuePerAddress waiting it refuses at once.
func (g *connGuard) waitTurnLocked(addr string, wait time.Duration) string {
	q := g.queues[addr]
	if q == nil {
		q = &addrQueue{turn: sync.NewCond(&g.mu)}
		g.queues[addr] = q
	}
	if q.waiting >= g.lim.QueuePerAddress || wait <= 0 {
		return perAddressRefusal
	}
	q.waiting++
	n := q.waiting
	g.queuedLog.Do(func() { g.log.Info("a login waits for a slot of its address", "address", addr, "queued", n) })
	timedOut := false
	timer := time.AfterFunc(wait, func() {
		g.mu.Lock()
		timedOut = true
		q.turn.Broadcast()
		g.mu.Unlock()
	})
	var why string
	for {
		if why = g.refusal(addr); why != perAddressRefusal {
			break // a slot is free; the total bounds still apply
		}
		if timedOut {
			why = "waited the login grace time for a slot of its address"
			break
		}
		q.turn.Wait()
	}
	timer.Stop()
	if why != "" {
		q.turn.Signal() // a slot this wait was woken for stays free: pass it on
	}
	if q.waiting--; q.waiting == 0 {
		delete(g.queues, addr)
	}
	return why
}

func (c *guardedConn) Close() error {
	c.release()
	return c.Conn.Close()
}

// started is the server's SessionRequestCallback: a shell or a command ends the login.
func (g *connGuard) started(s ssh.Session, _ string) bool {
	if c, ok := s.Context().Value(connKey{}).(*guardedConn); ok {
		c.release()
	}
	return true
}

// session is the server's handler for session channels: it holds a connection to
// MaxSessions at once, and starts the connection's keepalive with its first session.
func (g *connGuard) session(srv *ssh.Server, conn *gossh.ServerConn, ch gossh.NewChannel, ctx ssh.Context) {
	c, _ := ctx.Value(connKey{}).(*guardedConn)
	if c != nil {
		if n := c.sessions.Add(1); g.lim.MaxSessions > 0 && int(n) > g.lim.MaxSessions {
			c.sessions.Add(-1)
			_ = ch.Reject(gossh.ResourceShortage, fmt.Sprintf("at most %d sessions on one connection", g.lim.MaxSessions))
			return
		}
		// The count drops when the channel is fully closed, which is when this returns.
		defer c.sessions.Add(-1)
		c.alive.Do(func() { g.keepAlive(ctx, conn) })
	}
	ssh.DefaultSessionHandler(srv, conn, ch, ctx)
}

// keepAlive asks the peer every AliveInterval whether it is still there, and disconnects it
// when an answer is AliveCountMax intervals late: a closed laptop or a dropped network then
// shows offline within (AliveCountMax+1)×AliveInterval instead of never. This timer is the
// one deliberate exception to "nothing per session ticks while idle": without it a dead peer
// cannot be told from a quiet one. Any answer counts, even a refusal (clients refuse requests
// they do not know, and that proves they are there). Between questions no goroutine waits: a
// timer asks, on a goroutine of its own until the answer comes, and is armed again after it.
func (g *connGuard) keepAlive(ctx ssh.Context, conn *gossh.ServerConn) {
	if g.lim.AliveInterval <= 0 {
		return
	}
	late := g.lim.AliveInterval * time.Duration(max(g.lim.AliveCountMax, 1))
	var next *time.Timer
	ask := func() {
		defer recoverLog(g.log, "keepalive", func() { _ = conn.Close() })
		if ctx.Err() != nil {
			return
		}
		dead := time.AfterFunc(late, func() {
			g.log.Info("peer stopped answering: disconnecting", "remote", conn.RemoteAddr().String())
			_ = conn.Close()
		})
		_, _, err := conn.SendRequest("keepalive@openssh.com", true, nil)
		dead.Stop()
		if err == nil && ctx.Err() == nil {
			next.Reset(g.lim.AliveInterval)
		}
	}
	// Armed only once next is set, so ask always sees it.
	next = time.AfterFunc(time.Hour, ask)
	next.Reset(g.lim.AliveInterval)
	context.AfterFunc(ctx, func() { next.Stop() })
}

// addressKey is the address a connection's startups are counted under: the IP, or for IPv6
// its /64, which one host usually holds whole.
func addressKey(a net.Addr) string {
	ap, err := netip.ParseAddrPort(a.String())
	if err != nil {
		return a.String()
	}
	ip := ap.Addr().Unmap()
	if ip.Is6() {
		if p, err := ip.Prefix(64); err == nil {
			return p.String()
		}
	}
	return ip.String()
}
