package session

import (
	"context"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"workshop/content"
	"workshop/i18n"
	"workshop/session/work"
)

// MaxSpotlightLen bounds the text copied into a spotlight, in characters.
const MaxSpotlightLen = 2000

// WallEntry is one answer on the facilitator's answers wall: a participant's own work, a team's
// board, or one item (or all items) of the anonymous pool. Anonymous entries carry no author.
type WallEntry struct {
	// Key names the entry for Spotlight: "p" + participant id, "t" + team id, "i" + item id,
	// or "pool" for every item of the anonymous pool.
	Key string
	// Author is the participant's name for their own work; empty on boards and anonymous items.
	Author string
	// Team is the team's name for a team board ("" otherwise).
	Team string
	// Status is the participant's draft or submitted status; empty for boards.
	Status Status
	// At is when the work last changed.
	At time.Time
	// Text is the work written out as plain lines.
	Text string
}

// Title is how the entry is headed on participants' screens when spotlit, in English as the
// spotlight stores it: never with the name of the person who wrote it.
func (e WallEntry) Title() string { return e.TitleMsg().String() }

// TitleMsg is Title in any language.
func (e WallEntry) TitleMsg() i18n.Msg {
	switch {
	case e.Team != "":
		return i18n.M("%s's board", i18n.Verbatim(e.Team))
	case e.Key == "pool":
		return i18n.M("Everyone's items")
	case strings.HasPrefix(e.Key, "i"):
		return i18n.M("An item from the group")
	}
	return i18n.M("An answer")
}

// TitleMsg is a spotlight's stored title in any language: the titles WallEntry.Title stores
// are known again, and any other is shown as it was stored.
func (s *Spotlight) TitleMsg() i18n.Msg {
	switch {
	case s.Title == "Everyone's items":
		return i18n.M("Everyone's items")
	case s.Title == "An item from the group":
		return i18n.M("An item from the group")
	case s.Title == "An answer":
		return i18n.M("An answer")
	case strings.HasSuffix(s.Title, "'s board"):
		return i18n.M("%s's board", i18n.Verbatim(strings.TrimSuffix(s.Title, "'s board")))
	}
	return i18n.Verbatim(s.Title)
}

// Wall returns every answer to a step as it stands, oldest change first, respecting anonymity:
// on an anonymous exercise only the pool's items are listed, and no entry says who wrote what.
// Empty work is left out. A vote step has no answers to show: see VoteTally. Only a
// facilitator may read it. The words the wall adds to the work (a quiz's score) are English;
// WallIn writes them in a reader's language.
func (h *Hub) Wall(ctx context.Context, by Actor, stepID string) ([]WallEntry, error) {
	return h.WallIn(ctx, by, stepID, i18n.New(i18n.English))
}

// WallIn is Wall with the words it adds in p's language.
func (h *Hub) WallIn(ctx context.Context, by Actor, stepID string, p *i18n.Printer) ([]WallEntry, error) {
	if _, err := h.m.Authorize(ctx, by); err != nil {
		return nil, err
	}
	return h.wall(ctx, stepID, p)
}

func (h *Hub) wall(ctx context.Context, stepID string, p *i18n.Printer) ([]WallEntry, error) {
	ex, err := h.exerciseOf(stepID)
	if err != nil {
		return nil, err
	}
	if ex.Kind == content.KindVote {
		return nil, nil
	}
	arts, boards, err := h.StepWork(ctx, stepID)
	if err != nil {
		return nil, err
	}
	if ex.Anonymous {
		return poolEntries(p, ex, boards), nil
	}
	people := h.wallPeople()
	itemsFor := func(pid int64) []work.Item {
		if ex.From == "" {
			return nil
		}
		items, err := h.Items(ctx, pid, stepID)
		if err != nil && pid != 0 {
			items, _ = h.Items(ctx, 0, stepID)
		}
		return items
	}
	out := people.teamEntries(p, ex, boards, itemsFor)
	if !SharedWork(ex) {
		out = append(out, people.personEntries(p, ex, arts, itemsFor)...)
	}
	slices.SortStableFunc(out, func(a, b WallEntry) int { return a.At.Compare(b.At) })
	return out, nil
}

// wallNames is who the wall names: each participant's label, each team's name, and one
// member of each team (to find the items the team works on).
type wallNames struct {
	names   map[int64]string
	firstOf map[int64]int64   // team id -> one member
	teams   map[string]string // board owner -> team name
	teamIDs map[string]int64  // board owner -> team id
}

func (h *Hub) wallPeople() wallNames {
	h.state.Lock()
	defer h.state.Unlock()
	w := wallNames{
		names:   make(map[int64]string, len(h.members)),
		firstOf: map[int64]int64{},
		teams:   make(map[string]string, len(h.teams)),
		teamIDs: make(map[string]int64, len(h.teams)),
	}
	for _, mb := range h.members {
		w.names[mb.p.ID] = mb.p.Label()
		if _, ok := w.firstOf[mb.p.TeamID]; !ok && mb.p.TeamID != 0 {
			w.firstOf[mb.p.TeamID] = mb.p.ID
		}
	}
	for _, t := range h.teams {
		w.teams[OwnerTeam(t.ID)] = t.Name
		w.teamIDs[OwnerTeam(t.ID)] = t.ID
	}
	return w
}

// poolEntries are an anonymous step's wall: the pool as a whole and each of its items, with
// no author.
func poolEntries(p *i18n.Printer, ex *content.Exercise, boards []Board) []WallEntry {
	var out []WallEntry
	for _, b := range boards {
		if b.Owner != OwnerPool {
			continue
		}
		v, err := work.Decode(ex, b.Schema, b.Data)
		if err != nil {
			continue
		}
		if text := WorkText(p, ex, v, nil); text != "" {
			out = append(out, WallEntry{Key: "pool", At: b.UpdatedAt, Text: text})
		}
		if l, ok := v.(*work.List); ok {
			for _, it := range l.Items {
				if t := strings.TrimSpace(it.Text); t != "" {
					out = append(out, WallEntry{Key: "i" + it.ID, At: b.UpdatedAt, Text: t})
				}
			}
		}
	}
	return out
}

// teamEntries are the wall entries of the teams' boards.
func (w wallNames) teamEntries(p *i18n.Printer, ex *content.Exercise, boards []Board, itemsFor func(pid int64) []work.Item) []WallEntry {
	var out []WallEntry
	for _, b := range boards {
		if !strings.HasPrefix(b.Owner, "team:") {
			continue
		}
		v, err := work.Decode(ex, b.Schema, b.Data)
		if err != nil {
			continue
		}
		name, ok := w.teams[b.Owner]
		if !ok {
			name = "An earlier team"
		}
		text := WorkText(p, ex, v, itemsFor(w.firstOf[w.teamIDs[b.Owner]]))
		if text == "" {
			continue
		}
		key := "t" + strings.TrimPrefix(b.Owner, "team:")
		out = append(out, WallEntry{Key: key, Team: name, At: b.UpdatedAt, Text: text})
	}
	return out
}

// personEntries are the wall entries of each participant's own work.
func (w wallNames) personEntries(p *i18n.Printer, ex *content.Exercise, arts []Artifact, itemsFor func(pid int64) []work.Item) []WallEntry {
	var cohortItems []work.Item
	if ex.From != "" && !ex.Team {
		cohortItems = itemsFor(0)
	}
	var out []WallEntry
	for _, a := range arts {
		v, err := work.Decode(ex, a.Schema, a.Data)
		if err != nil {
			continue
		}
		items := cohortItems
		if ex.Team && ex.From != "" {
			// A team vote: each person spent dots on their own team's items.
			items = itemsFor(a.ParticipantID)
		}
		text := WorkText(p, ex, v, items)
		if text == "" {
			continue
		}
		name, ok := w.names[a.ParticipantID]
		if !ok {
			name = "Someone who left"
		}
		out = append(out, WallEntry{Key: "p" + itoa(a.ParticipantID), Author: name, Status: a.Status, At: a.UpdatedAt, Text: text})
	}
	return out
}

// Spotlight puts a copy of one wall entry of a step on every participant's screen, headed
// without its author, until released. The copy does not change if the work changes later;
// the words it adds to the work are in the cohort's language, the one its module is written
// in.
func (h *Hub) Spotlight(ctx context.Context, by Actor, stepID, key string) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	label, err := h.stepLabel(stepID)
	if err != nil {
		return err
	}
	lang, _ := i18n.Match(h.module.Language)
	wall, err := h.wall(ctx, stepID, i18n.New(lang))
	if err != nil {
		return err
	}
	at := slices.IndexFunc(wall, func(e WallEntry) bool { return e.Key == key })
	if at < 0 {
		return Errorf(ENotFound, "nothing to spotlight: %s has no answer %q (yet)", label, key)
	}
	e := wall[at]
	text := e.Text
	if utf8.RuneCountInString(text) > MaxSpotlightLen {
		text = string([]rune(text)[:MaxSpotlightLen-1]) + "…"
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	now := h.m.now()
	return h.changeCohortLocked(ctx, actor, "spotlight", e.Title()+" ("+label+")", func(c *Cohort) error {
		c.Live.Spotlight = &Spotlight{StepID: stepID, Title: e.Title(), Text: text, By: actor, At: now}
		return nil
	})
}

// SpotlightTeam puts one team's board for a step on every participant's screen.
func (h *Hub) SpotlightTeam(ctx context.Context, by Actor, stepID string, teamID int64) error {
	err := h.Spotlight(ctx, by, stepID, "t"+itoa(teamID))
	if err != nil && strings.HasPrefix(err.Error(), "nothing to spotlight") {
		h.state.Lock()
		t, ok := h.teamLocked(teamID)
		h.state.Unlock()
		if ok {
			return Errorf(ENotFound, "%s has nothing on its board for this step yet", t.Name)
		}
	}
	return err
}

// ReleaseSpotlight takes the spotlight off every participant's screen.
func (h *Hub) ReleaseSpotlight(ctx context.Context, by Actor) error {
	actor, err := h.m.Authorize(ctx, by)
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.cohort.Live.Spotlight == nil {
		return nil
	}
	return h.changeCohortLocked(ctx, actor, "spotlight", "released", func(c *Cohort) error {
		c.Live.Spotlight = nil
		return nil
	})
}
