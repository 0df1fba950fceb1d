package main

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/pprof"
	"time"

	"workshop/loadtest"
	"workshop/session/metrics"
)

// debugServer serves health, metrics, profiles and live counters over HTTP, for whoever runs
// the server.
type debugServer struct {
	srv *http.Server
	ln  net.Listener
}

// debugRoutes is what the debug endpoint serves.
type debugRoutes struct {
	metrics metrics.Source
	health  []check
}

// startDebug listens on addr and serves /healthz (JSON, 200 or 503), /metrics (Prometheus
// text), net/http/pprof under /debug/pprof/ and the counters as JSON at /debug/vars. It
// refuses an address that is not loopback unless remote is set: profiles show what the
// server holds in memory.
func startDebug(addr string, remote bool, routes debugRoutes) (*debugServer, error) {
	if !remote {
		if err := loadtest.Loopback(addr); err != nil {
			return nil, fmt.Errorf("--debug-addr %s: %w (or add --debug-allow-remote)", addr, err)
		}
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("debug listener on %s: %w", addr, err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	mux.Handle("/debug/vars", metrics.Handler(routes.metrics.Metrics, routes.metrics.Cohorts))
	mux.Handle("/metrics", metrics.PrometheusHandler(routes.metrics))
	mux.Handle("/healthz", healthHandler(routes.health...))
	d := &debugServer{ln: ln, srv: &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}}
	go func() { _ = d.srv.Serve(ln) }()
	return d, nil
}

func (d *debugServer) addr() string { return d.ln.Addr().String() }

func (d *debugServer) close() error {
	if d == nil {
		return nil
	}
	if err := d.srv.Close(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
