package i18n

import (
	"strconv"
	"time"
)

// The short month names each language writes in dates.
var months = map[Lang][12]string{
	English:    {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
	Portuguese: {"jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.", "nov.", "dez."},
	Spanish:    {"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"},
	Italian:    {"gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"},
}

// Date writes a day the way the language does: "2 Dec 2026", "2 de dez. de 2026",
// "2 dic 2026".
func (p *Printer) Date(t time.Time) string {
	d, m, y := strconv.Itoa(t.Day()), months[p.lang][t.Month()-1], strconv.Itoa(t.Year())
	if p.lang == Portuguese {
		return d + " de " + m + " de " + y
	}
	return d + " " + m + " " + y
}

// Clock writes a time of day on the 24-hour clock, as all four languages do in writing: "14:05".
func (p *Printer) Clock(t time.Time) string { return t.Format("15:04") }

// DateTime writes a day and its time: "2 Dec 2026 14:05", "2 de dez. de 2026, 14:05".
func (p *Printer) DateTime(t time.Time) string {
	if p.lang == Portuguese || p.lang == Spanish || p.lang == Italian {
		return p.Date(t) + ", " + p.Clock(t)
	}
	return p.Date(t) + " " + p.Clock(t)
}

// Number writes f with the given number of decimals in the language's convention: "1,234.5"
// in English, "1.234,5" in Portuguese, Spanish and Italian.
func (p *Printer) Number(f float64, decimals int) string {
	return p.p.Sprintf("%.*f", decimals, f)
}

// Int writes n with the language's digit grouping.
func (p *Printer) Int(n int) string { return p.p.Sprintf("%d", n) }
