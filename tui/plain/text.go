package plain

import (
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode"

	"workshop/i18n"
	"workshop/session"
)

// What a participant reads in plain mode comes from the message catalogs
// (i18n/locales/<language>/plain.yaml) through the session's printer. The sentences that take
// more than a lookup are made in the text*.go files: this one has the lobby's and the helpers
// they share. Lines are short and say one thing each: a screen reader reads them in order.

func msgWelcome(p *i18n.Printer) string {
	return p.T("workshop, plain mode: one line at a time. Type help and press enter at any time for the commands.")
}

func msgAskCode(p *i18n.Printer) string {
	return p.T("Type the join code your facilitator gave you and press enter. Coming back from another computer? Type your personal rejoin code instead. Type full for the full-screen mode.")
}

func msgLobbyHelp(p *i18n.Printer) []string {
	return []string{
		p.T("Type the join code (6 letters and digits) or your personal rejoin code (8), then enter."),
		p.T("full: switch to the full-screen mode. language: read in another language. quit: leave."),
	}
}

func msgCodeFailed(p *i18n.Printer, err error) string {
	var tooMany *session.TooManyCodesError
	if errors.As(err, &tooMany) {
		return p.T("Too many wrong codes from here. Wait %d seconds and try again.", seconds(tooMany.Wait))
	}
	if errors.Is(err, session.ErrUnknownCode) {
		return p.T("No workshop or participant has that code. Check it with your facilitator and try again.")
	}
	return p.T("Could not look up that code: %s", reason(p, err))
}

func msgAskName(p *i18n.Printer, cohort string) string {
	return p.T("Cohort: %s. What name should the facilitator and your group see? Type it and press enter, or type back for another code.", cohort)
}

func msgRejoinCode(p *i18n.Printer, code string) []string {
	return []string{
		p.T("You are in. Your personal rejoin code is %s.", spellCode(code)),
		p.T("Write it down: to come back as yourself, from this or another computer, connect again and type this code instead of the join code."),
	}
}

// spellCode writes a code with its characters apart, so a screen reader spells it instead of
// reading it as a word.
func spellCode(code string) string {
	return code + " (" + strings.Join(strings.Split(strings.ReplaceAll(code, "-", ""), ""), " ") + ")"
}

func msgGoodbye(p *i18n.Printer, rejoin string) string {
	if rejoin != "" {
		return p.T("Goodbye. Your work is stored. To come back, connect again and type your rejoin code %s.", session.FormatRejoinCode(rejoin))
	}
	return p.T("Goodbye. Your work is stored. To come back, connect again with the same key.")
}

// msgYourCohorts lists the workshops a returning key belongs to, to choose by number.
func msgYourCohorts(p *i18n.Printer, ms []session.Membership) []string {
	out := []string{p.T("You are in %d workshops. Type the number of one to go back to it, or a join code for another.", len(ms))}
	for i, m := range ms {
		if m.ModuleTitle != "" {
			out = append(out, p.T("%d. %s, %s, step %d of %d", i+1, m.Cohort.Name, m.ModuleTitle, m.Step+1, m.Steps))
			continue
		}
		out = append(out, strconv.Itoa(i+1)+". "+m.Cohort.Name)
	}
	return out
}

// reason is why something was refused, as a sentence in the reader's language.
func reason(p *i18n.Printer, err error) string { return sentence(p.Msg(session.ErrorMsg(err))) }

func seconds(d time.Duration) int { return int((d + time.Second - 1) / time.Second) }

// minutes says how long is left: whole minutes from two minutes on, else minutes and seconds.
func minutes(p *i18n.Printer, d time.Duration) string {
	secs := seconds(d)
	switch {
	case secs >= 120:
		return p.T("%d minutes", (secs+30)/60)
	case secs == 60:
		return p.T("1 minute")
	case secs > 60:
		return p.T("1 minute %d seconds", secs-60)
	}
	return p.T("%d seconds", secs)
}

// guidanceLines turns a step's Markdown guidance into plain lines: headings and emphasis
// marks dropped, blank lines folded, so a screen reader reads words rather than symbols.
func guidanceLines(md string) []string {
	var out []string
	blank := false
	for _, l := range strings.Split(md, "\n") {
		l = strings.TrimSpace(l)
		l = strings.TrimLeft(l, "#")
		l = strings.NewReplacer("**", "", "__", "", "`", "").Replace(strings.TrimSpace(l))
		if strings.HasPrefix(l, "* ") || strings.HasPrefix(l, "- ") || strings.HasPrefix(l, "+ ") {
			l = "• " + l[2:]
		}
		if l == "" {
			blank = len(out) > 0
			continue
		}
		if blank {
			out = append(out, "")
			blank = false
		}
		out = append(out, l)
	}
	return out
}

// sentence makes a message start with a capital letter and end with a full stop.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	s = string(r)
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "?") && !strings.HasSuffix(s, "!") {
		s += "."
	}
	return s
}
