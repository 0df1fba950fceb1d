package session

import (
	"errors"
	"log/slog"
	"net"
	"net/netip"
	"sync"
	"time"

	"workshop/i18n"
)

// A rejoin code hands over a person's identity and work, and a join code lets anyone into a
// cohort, so codes must not be guessable by trying many. CodeGuard bounds wrong codes per SSH
// connection and per address: a few are free (people mistype), then each further try waits
// longer, doubling up to a ceiling. Wrong codes are forgotten slowly, one a minute, and a right
// code forgives nothing, so mixing in a known code does not reset the count. A whole office
// behind one address shares its address's allowance, which is why that one is larger.
const (
	// CodeTriesPerConn and CodeTriesPerAddr are the wrong codes allowed without waiting.
	CodeTriesPerConn = 5
	CodeTriesPerAddr = 30
	// CodeFirstWait is the wait after the first wrong code over an allowance; it doubles with
	// each further one up to CodeMaxWait.
	CodeFirstWait = time.Second
	CodeMaxWait   = 30 * time.Second
	// CodeForgiveEvery is how long it takes for one wrong code to be forgotten.
	CodeForgiveEvery = time.Minute
	// codeTracked bounds the connections and addresses remembered; past it, newcomers share
	// one entry, so memory stays bounded whatever number of addresses an attacker has.
	codeTracked = 10_000
)

// CodeSource is where a typed code comes from: one SSH connection from one remote address.
type CodeSource struct {
	Conn string // the connection's SSH session id
	Addr string // the remote address, "host:port"
}

// ELimited is the code of a refusal to try again before a wait is over.
const ELimited = "limited"

// TooManyCodesError refuses to check a code until Wait has passed. It is a refusal (an
// *Error with code ELimited), shown to the person as it is.
type TooManyCodesError struct{ Wait time.Duration }

// Unwrap gives the refusal as an *Error, for ErrorCode and ErrorMessage.
func (e *TooManyCodesError) Unwrap() error {
	return &Error{Code: ELimited, Message: e.Error(), Msg: e.UserMsg()}
}

// Error is the refusal in English.
func (e *TooManyCodesError) Error() string { return e.UserMsg().String() }

// UserMsg is the refusal in the reader's language.
func (e *TooManyCodesError) UserMsg() i18n.Msg {
	secs := int((e.Wait + time.Second - 1) / time.Second)
	return i18n.M("Too many wrong codes from here. Wait %d seconds and try again.", secs)
}

// CodeGuard counts wrong codes; one is shared by every session of a server. Safe for
// concurrent use.
type CodeGuard struct {
	log *slog.Logger
	now func() time.Time

	mu    sync.Mutex
	conns codeTable
	addrs codeTable
}

// codeTable holds the records of connections or of addresses.
type codeTable struct {
	m     map[string]*codeTries
	swept time.Time // the last sweep for room, at most one a second
}

// codeTries is the record of one connection or address.
type codeTries struct {
	wrong   int       // wrong codes not yet forgotten, counting codes being checked now
	since   time.Time // when forgetting the next one started
	until   time.Time // no code is checked before this
	refused int       // tries refused since the last log line
}

// NewCodeGuard returns a guard that logs to logger (nil discards) and reads the time from now
// (nil for the real clock; tests pass their own).
func NewCodeGuard(logger *slog.Logger, now func() time.Time) *CodeGuard {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	if now == nil {
		now = time.Now
	}
	return &CodeGuard{log: logger, now: now, conns: codeTable{m: map[string]*codeTries{}}, addrs: codeTable{m: map[string]*codeTries{}}}
}

// Check runs lookup for a code typed from src, unless src has to wait (a *TooManyCodesError),
// and counts the code as wrong when lookup returns ErrUnknownCode. The try is counted before
// lookup runs, so many tries at once from one place cannot slip past the count. A nil guard
// limits nothing.
func (g *CodeGuard) Check(src CodeSource, lookup func() error) error {
	if g == nil {
		return lookup()
	}
	c, a, err := g.begin(src)
	if err != nil {
		return err
	}
	err = lookup()
	if !errors.Is(err, ErrUnknownCode) {
		g.refund(c, a)
	}
	return err
}

// codeTry is one try counted by begin, to refund if the code was right.
type codeTry struct {
	t           *codeTries
	until, prev time.Time // the wait the try set, and the one before it
}

// begin refuses src while it waits, or counts one more try (as wrong until refunded).
func (g *CodeGuard) begin(src CodeSource) (c, a codeTry, err error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	now := g.now()
	addr := addrKey(src.Addr)
	c.t, a.t = g.conns.entry(src.Conn, now), g.addrs.entry(addr, now)
	if wait := max(c.t.until.Sub(now), a.t.until.Sub(now)); wait > 0 {
		c.t.refused++
		a.t.refused++
		return c, a, &TooManyCodesError{Wait: wait}
	}
	c.prev, a.prev = c.t.until, a.t.until
	cw, aw := c.t.count(now, CodeTriesPerConn), a.t.count(now, CodeTriesPerAddr)
	c.until, a.until = c.t.until, a.t.until
	if cw > 0 || aw > 0 {
		// Only what is known is logged: where from and how many, never the codes.
		g.log.Warn("wrong codes: next try delayed", "remote", addr, "wrong_on_connection", c.t.wrong, "wrong_from_address", a.t.wrong,
			"refused_meanwhile", a.t.refused, "wait", max(cw, aw).String())
		c.t.refused, a.t.refused = 0, 0
	}
	return c, a, nil
}

// refund takes back tries counted by begin: the code was right, or could not be checked. A
// wait the try set is lifted unless a later try set another.
func (g *CodeGuard) refund(tries ...codeTry) {
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, try := range tries {
		if try.t.wrong > 0 {
			try.t.wrong--
		}
		if try.t.until.Equal(try.until) {
			try.t.until = try.prev
		}
	}
}

// count adds a try and, past the allowance, makes the next one wait; it returns that wait.
func (t *codeTries) count(now time.Time, free int) time.Duration {
	if t.wrong == 0 {
		t.since = now
	}
	t.wrong++
	if t.wrong <= free {
		return 0
	}
	wait := CodeMaxWait
	if over := t.wrong - free - 1; over < 16 {
		wait = min(CodeFirstWait<<over, CodeMaxWait)
	}
	t.until = now.Add(wait)
	return wait
}

// entry returns the record under key, forgetting the wrong codes whose time has passed.
func (tb *codeTable) entry(key string, now time.Time) *codeTries {
	m := tb.m
	t, ok := m[key]
	if !ok {
		if len(m) >= codeTracked && now.Sub(tb.swept) >= time.Second {
			tb.swept = now
			tb.sweep(now)
		}
		if len(m) >= codeTracked {
			key = "(others)" // bounded memory: newcomers share one record
			if t, ok = m[key]; ok {
				t.forget(now)
				return t
			}
		}
		t = &codeTries{since: now}
		m[key] = t
		return t
	}
	t.forget(now)
	return t
}

func (t *codeTries) forget(now time.Time) {
	if t.wrong == 0 {
		return
	}
	if n := int(now.Sub(t.since) / CodeForgiveEvery); n > 0 {
		t.wrong = max(t.wrong-n, 0)
		t.since = t.since.Add(time.Duration(n) * CodeForgiveEvery)
	}
}

// sweep drops records that hold nothing any more.
func (tb *codeTable) sweep(now time.Time) {
	for k, t := range tb.m {
		t.forget(now)
		if t.wrong == 0 && !now.Before(t.until) {
			delete(tb.m, k)
		}
	}
}

// addrKey is what one address is counted under: the IP for IPv4, and the /64 network for
// IPv6, since one IPv6 user commonly holds a whole /64.
func addrKey(hostport string) string {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = hostport
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return host
	}
	ip = ip.Unmap()
	if ip.Is4() {
		return ip.String()
	}
	p, err := ip.WithZone("").Prefix(64)
	if err != nil {
		return ip.String()
	}
	return p.String()
}
