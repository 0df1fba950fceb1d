package session

import (
	"fmt"
	"time"

	"workshop/i18n"
)

// ClockText writes a remaining time as MM:SS, rounding up so 00:00 means time is up: the
// countdown as the console and the timer command show it.
func ClockText(d time.Duration) string {
	secs := int((d + time.Second - 1) / time.Second)
	return fmt.Sprintf("%02d:%02d", secs/60, secs%60)
}

// SinceText says how long ago t was at now, in a few cells of the reader's language: "now",
// "4m", "1h05", as the console's roster and the roster and hands commands show a raised hand.
func SinceText(p *i18n.Printer, now, t time.Time) string {
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return p.T("since|now")
	case d < time.Hour:
		return p.T("%dm", int(d/time.Minute))
	}
	return p.T("%dh%02d", int(d/time.Hour), int(d/time.Minute)%60)
}
