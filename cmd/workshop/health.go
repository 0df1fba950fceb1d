package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// check is one part of the server /healthz looks at: nil when it works, else why not.
type check struct {
	name string
	run  func(ctx context.Context) (detail string, err error)
}

// healthReport is the body of /healthz. Field names are a contract for monitors; add, never
// rename.
type healthReport struct {
	Status string                 `json:"status"` // "ok" or "failing"
	Checks map[string]checkResult `json:"checks"`
}

type checkResult struct {
	Status string `json:"status"` // "ok" or "failing"
	Detail string `json:"detail,omitempty"`
	Error  string `json:"error,omitempty"`
}

// healthTimeout bounds one health request. A store whose lock another process holds answers
// after its busy timeout (5 s), as a failure.
const healthTimeout = 10 * time.Second

// healthHandler answers 200 when every check passes and 503 when one fails, with a JSON body
// that says which, so both a load balancer and a person with curl learn what they need. The
// endpoint is on the debug address, which is loopback unless the operator says otherwise, so
// the errors are shown whole.
func healthHandler(checks ...check) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			http.Error(w, "GET only", http.StatusMethodNotAllowed)
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), healthTimeout)
		defer cancel()
		rep := healthReport{Status: "ok", Checks: map[string]checkResult{}}
		for _, c := range checks {
			detail, err := c.run(ctx)
			res := checkResult{Status: "ok", Detail: detail}
			if err != nil {
				res.Status, res.Error, rep.Status = "failing", err.Error(), "failing"
			}
			rep.Checks[c.name] = res
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		if rep.Status != "ok" {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		_ = enc.Encode(rep) // a monitor that left cannot be told
	})
}

// storeCheck says whether the store can write, and when it last committed.
func storeCheck(writable func(context.Context) error, last func() time.Time) check {
	return check{name: "store", run: func(ctx context.Context) (string, error) {
		detail := "no write committed since start"
		if t := last(); !t.IsZero() {
			detail = "last write committed " + t.UTC().Format(time.RFC3339)
		}
		return detail, writable(ctx)
	}}
}

// listenerCheck says whether the SSH listener still accepts connections.
func listenerCheck(s *server) check {
	return check{name: "listener", run: func(context.Context) (string, error) {
		if !s.serving.Load() {
			return "", fmt.Errorf("the SSH listener on %s is closed", s.addr())
		}
		return "accepting on " + s.addr(), nil
	}}
}
