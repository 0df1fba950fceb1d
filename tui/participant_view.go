package tui

import (
	"strconv"
	"strings"

	"workshop/content"
	"workshop/i18n"
)

// headerLines is header, drawn again only when something it shows changed: every screen redraws
// its header each second of a countdown, and styling its lines is most of a frame's cost then.
// Screens showing the same header share one drawing of it through the render cache; the lines
// are shared, so they are only read.
func (v *participantView) headerLines() []string {
	// The timer and the title are read once for the key and the drawing alike: a second that
	// ticks between the two must not file one second's header under the other's key.
	top := headerTop{timer: v.timerText(), title: v.topTitle()}
	if v.live.handOpen {
		return v.header(top) // the help request being typed changes with every key
	}
	v.hdr.buf = v.headerKey(v.hdr.buf[:0], top)
	if v.hdr.lines == nil || string(v.hdr.buf) != v.hdr.key { // compared without a copy
		key := string(v.hdr.buf)
		if len(v.msgs) > 0 {
			// A direct message is for one person: its header is never kept where other
			// screens look, and it is theirs alone to share with no one anyway.
			v.hdr.key, v.hdr.lines = key, v.header(top)
		} else {
			v.hdr.key, v.hdr.lines = key, v.st.Cache.Header(key, func() []string { return v.header(top) })
		}
	}
	return v.hdr.lines
}

// headerTop is what the header's top line shows that changes by itself: the timer's text, and
// the title, which says whether a meeting is open.
type headerTop struct{ timer, title string }

// headerKey appends to b a sum of everything header reads, for the screen's own memo and for
// the headers every screen shares: whatever header comes to show must be added here. Every
// screen builds it on every frame, into the same buffer each time.
func (v *participantView) headerKey(b []byte, top headerTop) []byte {
	step := v.step()
	num := func(n int64) []byte { return append(strconv.AppendInt(b, n, 10), '|') }
	// Free text goes after its length, so that no text, whatever it holds, makes two keys meet.
	text := func(s string) []byte {
		b = num(int64(len(s)))
		return append(append(b, s...), '|')
	}
	flag := func(f bool) []byte {
		if f {
			return append(b, 't', '|')
		}
		return append(b, 'f', '|')
	}
	b = text(v.st.Key())
	b = text(string(v.Lang()))
	b = num(int64(v.width))
	b = text(top.title)
	b = text(top.timer)
	b = flag(v.snap.Cohort.Live.IsLocked(step.ID))
	b = flag(v.voteClosed())
	b = num(int64(step.TimeBox))
	b = num(int64(v.viewing))
	b = num(int64(len(v.module().Steps)))
	b = text(step.Title)
	if a := v.snap.Cohort.Live.Announcement; a != nil {
		b = text(a.Text)
	}
	t, ok := v.snap.Team(v.me.TeamID)
	b = flag(ok && v.me.TeamID != 0)
	b = text(t.Name)
	b = flag(v.me.Hand != nil)
	b = flag(len(v.later) > 0)
	b = text(v.Msg(v.notice))
	b = num(int64(v.groupStep()))
	b = num(int64(v.moving))
	b = num(int64(len(v.msgs)))
	if len(v.msgs) > 0 {
		m := v.msgs[0]
		b = flag(v.height < 16) // a small window shows the message on one line
		b = text(m.By)
		b = text(m.Text)
	}
	return b
}

// header is the top of the participant screen: the module and the live signs (timer,
// connection), the step with its state (locked, time box), the facilitator's announcement,
// and a line for the team, a raised hand, notices or the request for help being typed.
func (v *participantView) header(top headerTop) []string {
	st := v.st
	mod := v.module()
	step := v.step()
	w := v.width

	// The top line is the same on every screen of the cohort at a given second: render it once.
	t, heading := top.timer, top.title
	connected := v.T("● connected")
	topLine := st.Cache.Styled("top|"+st.Key()+"|"+strconv.Itoa(w)+"|"+t+"|"+heading+"|"+connected, func() string {
		right := st.Good.Render(connected)
		if t != "" {
			style := st.Accent
			if t == v.T("Time is up") {
				style = st.Warn
			}
			right = style.Render(t) + "  " + right
		}
		title := st.Title.Render(truncate(heading, max(w-cellWidth(right)-2, 8)))
		return spread(title, right, w)
	})
	lines := []string{topLine}

	locked := v.snap.Cohort.Live.IsLocked(step.ID)
	closed := v.voteClosed()
	stepLine := v.T("Step %d of %d — %s", v.viewing+1, len(mod.Steps), i18n.Verbatim(step.Title))
	stepKey := "step|" + st.Key() + "|" + string(v.Lang()) + "|" + strconv.Itoa(w) + "|" + strconv.FormatBool(locked) + "|" +
		strconv.FormatBool(closed) + "|" + strconv.Itoa(step.TimeBox) + "|" + stepLine
	lines = append(lines, st.Cache.Styled(stepKey, func() string {
		var meta []string
		if locked {
			meta = append(meta, st.Warn.Render(v.T("Locked")))
		}
		if closed {
			meta = append(meta, st.Warn.Render(v.T("Vote closed")))
		}
		if step.TimeBox > 0 {
			meta = append(meta, st.Muted.Render(v.T("%d min", step.TimeBox)))
		}
		metaText := strings.Join(meta, st.Muted.Render(" · "))
		return spread(st.Subtitle.Render(truncate(stepLine, max(w-cellWidth(metaText)-2, 8))), metaText, w)
	}))

	if a := v.snap.Cohort.Live.Announcement; a != nil {
		text := strings.Split(wrap(v.T("Announcement: %s", i18n.Verbatim(strings.ReplaceAll(a.Text, "\n", " "))), w), "\n")
		if len(text) > 2 {
			text = text[:2]
			text[1] = truncate(text[1]+" …", w)
		}
		for _, l := range text {
			lines = append(lines, st.Accent.Bold(true).Render(l))
		}
	}

	lines = append(lines, v.messageLines()...)

	if v.live.handOpen {
		label := v.T("Ask for help (optional message):") + " "
		lines = append(lines, truncate(st.Accent.Render(label)+v.live.hand.View(), w))
		return lines
	}
	var info []styledText
	if t, ok := v.snap.Team(v.me.TeamID); ok && v.me.TeamID != 0 {
		info = append(info, styledText{Style: st.Accent, Text: v.T("Team: %s", i18n.Verbatim(t.Name))})
	}
	if v.me.Hand != nil {
		info = append(info, styledText{Style: st.Warn, Text: v.T("✋ Hand raised")})
	}
	switch {
	case len(v.later) > 0:
		info = append(info, styledText{Style: st.Warn, Text: v.T("Work on another step is not saved yet — retrying")})
	case !v.notice.IsZero():
		info = append(info, styledText{Style: st.Warn, Text: v.Msg(v.notice)})
	case v.viewing != v.groupStep() && v.moving < 0:
		info = append(info, styledText{Style: st.Warn, Text: v.T("You are looking at step %d; the group is on step %d. Press g to go back.", v.viewing+1, v.groupStep()+1)})
	}
	if len(info) == 0 {
		return append(lines, rule(st, w))
	}
	return append(lines, infoLines(st, info, w, maxInfoLines)...)
}

// maxInfoLines bounds the lines the header's team, hand and notice line may wrap to.
const maxInfoLines = 4

// infoLines draws pieces of information side by side, joined by " · ", when they fit the width
// together; otherwise each on lines of its own, wrapped, so that nothing a person must read is
// cut. At most max lines; the last one is cut only if even that is not enough.
func infoLines(st *Styles, parts []styledText, width, most int) []string {
	var joined []string
	plain := 0
	for _, p := range parts {
		joined = append(joined, p.Style.Render(p.Text))
		plain += cellWidth(p.Text) + 3
	}
	if plain-3 <= width {
		return []string{strings.Join(joined, st.Muted.Render(" · "))}
	}
	var out []string
	for _, p := range parts {
		for _, l := range strings.Split(wrap(p.Text, width), "\n") {
			out = append(out, p.Style.Render(truncate(l, width)))
		}
	}
	if len(out) > most {
		out = out[:most]
		out[most-1] = truncate(out[most-1]+" …", width)
	}
	return out
}

// voteClosed says whether the step on screen is a vote the facilitator closed.
func (v *participantView) voteClosed() bool {
	ex := v.step().Exercise
	return ex != nil && ex.Kind == content.KindVote && v.snap.Cohort.Live.Vote(v.step().ID).Closed
}

// layout shares the height between guidance and exercise: the exercise gets most of it while
// the participant works in it, the guidance while they read. It re-renders guidance (and the
// spotlight above it) when the step, width, style or spotlight changed.
func (v *participantView) layout() {
	if v.width == 0 {
		return
	}
	hdr := len(v.headerLines())
	spot := v.snap.Cohort.Live.Spotlight
	exH, guideH := 0, max(v.height-hdr, 1)
	if v.step().Exercise != nil {
		avail := max(v.height-hdr-1, 2)
		if v.focus == focusExercise {
			guideH = clampInt(avail/4, 1, 6)
			if spot != nil {
				guideH = clampInt(avail/3, 2, 8)
			} else if avail < 9 {
				guideH = 0 // a tiny window keeps its lines for the answer; tab shows the guidance
			}
		} else {
			guideH = avail - clampInt(avail/3, 2, 8)
		}
		guideH = min(guideH, avail-1)
		exH = avail - guideH
	}
	v.guideH = guideH
	v.guide.SetHeight(max(guideH, 1))
	spotKey := ""
	if spot != nil {
		spotKey = spot.At.String() + spot.Title + spot.Text
	}
	homework := v.homework()
	rkey := v.step().ID + "/" + string(v.Lang()) + "/" + strconv.Itoa(v.width) + "/" + v.st.Markdown + "/" + spotKey + "/" + homework
	if rkey != v.renderedFor {
		v.renderedFor = rkey
		out, err := v.st.Cache.Guidance(v.step().Guidance, v.width, v.st.Markdown)
		if err != nil {
			out = wrap(v.step().Guidance, v.width)
		}
		out = strings.TrimRight(out, "\n")
		if homework != "" {
			out = homework + "\n" + out
		}
		if spot != nil {
			out = v.spotlight() + "\n" + out
		}
		v.guide.SetLines(v.st.Cache.Split(out))
		v.guide.GotoTop()
	}
	if v.ex != nil {
		v.ex = v.ex.Resize(v.width, exH)
	}
}

// spotlight is the facilitator's spotlit answer or board, shown above the guidance.
func (v *participantView) spotlight() string {
	st := v.st
	s := v.snap.Cohort.Live.Spotlight
	lines := []string{st.Title.Render(truncate(v.T("Spotlight: %s", s.TitleMsg()), v.width))}
	for _, l := range strings.Split(wrap(s.Text, max(v.width-2, 8)), "\n") {
		lines = append(lines, "  "+l)
	}
	lines = append(lines, rule(st, v.width))
	return strings.Join(lines, "\n")
}

func clampInt(n, lo, hi int) int { return min(max(n, lo), hi) }

func (v *participantView) View() string {
	st := v.st
	step := v.step()
	hdr := v.headerLines()
	// The screen is drawn on every move for every person: the buffer is sized once, from the
	// last frame, rather than grown (and copied) several times.
	var b strings.Builder
	b.Grow(v.viewSize + 256)
	defer func() { v.viewSize = b.Len() }()
	for _, l := range hdr {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	if v.guideH > 0 {
		v.guide.writeTo(&b)
		b.WriteByte('\n')
	}
	if step.Exercise == nil {
		return b.String()
	}
	scroll := ""
	if v.guideH == 0 {
		scroll = " " + v.T("guidance · tab") + " "
	} else if !v.guide.AtBottom() {
		scroll = " " + v.T("more guidance · pgdn") + " "
		if v.focus == focusGuidance {
			scroll = " " + v.T("more below · ↓ or pgdn") + " "
		}
	}
	// The rule is the same on every screen of the step: styled once for all of them.
	b.WriteString(st.Cache.Styled("scrollrule|"+st.Key()+"|"+strconv.Itoa(v.width)+"|"+scroll, func() string {
		return rule(st, max(v.width-cellWidth(scroll), 0)) + st.Muted.Render(scroll)
	}))
	b.WriteByte('\n')
	switch {
	case v.loading:
		b.WriteString(st.Muted.Render(v.T("Loading your work…")))
	case v.ex != nil:
		b.WriteString(v.ex.View())
	}
	return b.String()
}
