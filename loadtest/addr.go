package loadtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"time"
)

// ErrNotLoopback is returned for a target that is not on this machine's loopback interface.
var ErrNotLoopback = errors.New("not a loopback address")

// Loopback accepts HOST:PORT only if every address HOST names is a loopback address
// (127.0.0.0/8 or ::1). An empty host, an unspecified address (0.0.0.0) and a name that does
// not resolve are refused: the tool aims load only at servers on this machine.
func Loopback(hostport string) error {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		return fmt.Errorf("%q is not HOST:PORT: %w", hostport, err)
	}
	if host == "" {
		return fmt.Errorf("%q has no host: give 127.0.0.1:PORT", hostport)
	}
	if ip := net.ParseIP(host); ip != nil {
		if !ip.IsLoopback() {
			return fmt.Errorf("%s is %w", ip, ErrNotLoopback)
		}
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ips, err := net.DefaultResolver.LookupIPAddr(ctx, host)
	if err != nil {
		return fmt.Errorf("resolve %s: %w", host, err)
	}
	if len(ips) == 0 {
		return fmt.Errorf("%s resolves to nothing", host)
	}
	for _, ip := range ips {
		if !ip.IP.IsLoopback() {
			return fmt.Errorf("%s resolves to %s, which is %w", host, ip.IP, ErrNotLoopback)
		}
	}
	return nil
}

// loopbackURL applies Loopback to the host of an http URL.
func loopbackURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return fmt.Errorf("%q is not an http URL like http://127.0.0.1:6060", raw)
	}
	hostport := u.Host
	if u.Port() == "" {
		hostport = net.JoinHostPort(u.Hostname(), "80")
	}
	return Loopback(hostport)
}
