package main

import (
	"fmt"
	"io"
	"log/slog"
	"strings"

	"charm.land/log/v2"
)

// logTimeFormat is RFC 3339 with milliseconds and the zone, in text and JSON logs alike, so a
// line read on another machine (or merged with other logs) says exactly when it happened.
const logTimeFormat = "2006-01-02T15:04:05.000Z07:00"

// newLogger returns the server's logger: text (for a person at a terminal) or JSON (for a log
// collector), writing lines at level and above.
func newLogger(w io.Writer, format, level string) (*slog.Logger, error) {
	lv, err := parseLogLevel(level)
	if err != nil {
		return nil, err
	}
	logger := log.NewWithOptions(w, log.Options{ReportTimestamp: true, TimeFormat: logTimeFormat, Level: lv})
	switch format {
	case "text", "":
	case "json":
		logger.SetFormatter(log.JSONFormatter)
	default:
		return nil, fmt.Errorf("--log-format must be text or json, not %q", format)
	}
	return slog.New(logger), nil
}

// parseLogLevel reads --log-level; "" is info.
func parseLogLevel(s string) (log.Level, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "debug":
		return log.DebugLevel, nil
	case "info", "":
		return log.InfoLevel, nil
	case "warn", "warning":
		return log.WarnLevel, nil
	case "error":
		return log.ErrorLevel, nil
	}
	return 0, fmt.Errorf("--log-level must be debug, info, warn or error, not %q", s)
}
