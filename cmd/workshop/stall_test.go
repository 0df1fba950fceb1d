package main

import (
	"net"
	"sync"
	"sync/atomic"
)

// stallListener hands out the server's ends of its connections wrapped so that a test can
// stall one: from then on every write the server makes to it blocks, as it does when a client
// stops reading and its windows fill, but at once and whatever the machine's load.
type stallListener struct {
	net.Listener
	mu       sync.Mutex
	byRemote map[string]*stallConn // by the client's address
}

func (l *stallListener) wrap(ln net.Listener) net.Listener {
	l.mu.Lock()
	l.Listener = ln
	l.mu.Unlock()
	return &stallAccepter{ln, l}
}

type stallAccepter struct {
	net.Listener
	l *stallListener
}

func (a *stallAccepter) Accept() (net.Conn, error) {
	c, err := a.Listener.Accept()
	if err != nil {
		return nil, err
	}
	sc := &stallConn{Conn: c, release: make(chan struct{})}
	a.l.mu.Lock()
	a.l.byRemote[c.RemoteAddr().String()] = sc
	a.l.mu.Unlock()
	return sc, nil
}

// conn returns the server's end of the connection from the client at addr.
func (l *stallListener) conn(addr net.Addr) *stallConn {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.byRemote[addr.String()]
}

func (l *stallListener) releaseAll() {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, c := range l.byRemote {
		c.unstall()
	}
}

// stallConn is a server connection whose writes can be made to block until released.
type stallConn struct {
	net.Conn
	stalled atomic.Bool
	once    sync.Once
	release chan struct{}
	// blocked counts writes waiting on the stall right now.
	blocked atomic.Int32
}

func (c *stallConn) stall() { c.stalled.Store(true) }

func (c *stallConn) unstall() {
	c.once.Do(func() { close(c.release) })
}

func (c *stallConn) Write(p []byte) (int, error) {
	if c.stalled.Load() {
		c.blocked.Add(1)
		<-c.release
		c.blocked.Add(-1)
	}
	return c.Conn.Write(p)
}
