package export

import (
	"cmp"
	"encoding/json"
	"slices"

	"workshop/content"
	"workshop/session"
	"workshop/session/work"
)

// work decodes every artifact and board and decides what the report may show of each.
func (b *builder) work(arts []session.Artifact, boards []session.Board) {
	r := b.r
	b.arts = map[string][]decoded{}
	b.boards = map[string][]decoded{}
	r.Artifacts = []Artifact{}
	r.Boards = []Board{}

	slices.SortStableFunc(arts, func(x, y session.Artifact) int {
		return cmp.Or(cmp.Compare(b.stepOrder(x.StepID), b.stepOrder(y.StepID)), cmp.Compare(x.ParticipantID, y.ParticipantID))
	})
	for _, a := range arts {
		ex, ok := b.ex[a.StepID]
		if !ok || isSharedMarker(a.Data) || session.WorkStatus(ex, a) == "" {
			// Work on a step this module version does not have cannot be read; a marker
			// only says the participant worked on a shared board, which progress shows; an
			// emptied draft holds nothing.
			continue
		}
		v, data, errText := decode(ex, a.Schema, a.Data)
		d := decoded{owner: b.participantOwner(a.ParticipantID), team: b.teamOf[a.ParticipantID], status: a.Status, v: v}
		b.arts[a.StepID] = append(b.arts[a.StepID], d)
		if b.anon[a.StepID] {
			continue // never one participant's record next to anonymous items
		}
		r.Artifacts = append(r.Artifacts, Artifact{
			StepID: a.StepID, Kind: string(ex.Kind), Owner: d.owner, Status: string(a.Status),
			UpdatedAt: a.UpdatedAt.UTC(), SubmittedAt: timePtr(a.SubmittedAt),
			Schema: work.Schema, StoredSchema: a.Schema, Data: data, Error: errText, value: v,
		})
	}

	type ownedBoard struct {
		session.Board
		owner Owner
		team  int64
	}
	var obs []ownedBoard
	for _, bd := range boards {
		owner, team, ok := b.boardOwner(bd.Owner)
		if _, known := b.ex[bd.StepID]; !ok || !known {
			continue
		}
		obs = append(obs, ownedBoard{bd, owner, team})
	}
	// Teams in team order, then the pool.
	slices.SortStableFunc(obs, func(x, y ownedBoard) int {
		return cmp.Or(cmp.Compare(b.stepOrder(x.StepID), b.stepOrder(y.StepID)),
			cmp.Compare(boolInt(x.owner.Type == OwnerAnonymous), boolInt(y.owner.Type == OwnerAnonymous)), cmp.Compare(x.team, y.team))
	})
	for _, bd := range obs {
		var err error
		ex := b.ex[bd.StepID]
		anon := bd.owner.Type == OwnerAnonymous
		v, data, errText := decode(ex, bd.Schema, bd.Data)
		if anon {
			anonymise(v)
			if data, err = exportData(v, true); err != nil {
				data, errText = json.RawMessage("null"), line(err.Error())
			}
		}
		b.boards[bd.StepID] = append(b.boards[bd.StepID], decoded{owner: bd.owner, team: bd.team, v: v})
		out := Board{StepID: bd.StepID, Kind: string(ex.Kind), Owner: bd.owner, Schema: work.Schema, StoredSchema: bd.Schema, Data: data, Error: errText, value: v}
		if !anon {
			out.UpdatedAt = timePtr(bd.UpdatedAt)
		}
		r.Boards = append(r.Boards, out)
	}
}

// stored files the stored artifacts and boards by step, cleaned of control sequences.
func (b *builder) stored(arts []session.Artifact, boards []session.Board) {
	b.storedArts = map[string][]session.Artifact{}
	b.storedBoards = map[string][]session.Board{}
	for _, a := range arts {
		if data, err := session.CleanJSON(a.Data); err == nil {
			a.Data = data
			b.storedArts[a.StepID] = append(b.storedArts[a.StepID], a)
		}
	}
	for _, bd := range boards {
		if data, err := session.CleanJSON(bd.Data); err == nil {
			bd.Data = data
			b.storedBoards[bd.StepID] = append(b.storedBoards[bd.StepID], bd)
		}
	}
}

// anonymise drops authors from the decoded work of an anonymous board and puts its items in
// text order, so that neither a stored author nor the order of writing reaches any format.
func anonymise(v any) {
	if l, ok := v.(*work.List); ok {
		for i := range l.Items {
			l.Items[i].By, l.Items[i].EditedBy = 0, 0
		}
		session.SortItems(l.Items)
	}
}

// isSharedMarker says whether a participant's artifact only records work on a shared board.
func isSharedMarker(data []byte) bool {
	var m map[string]json.RawMessage
	if json.Unmarshal(data, &m) != nil || len(m) != 1 {
		return false
	}
	_, ok := m["shared"]
	return ok
}

// decode reads stored work, cleaned of control sequences, and returns it with its JSON in the
// current layout; on failure the value is nil and the error says why.
func decode(ex *content.Exercise, schema int, data []byte) (any, json.RawMessage, string) {
	if len(data) > 0 {
		cleaned, err := session.CleanJSON(data)
		if err != nil {
			return nil, json.RawMessage("null"), "unreadable work: " + line(err.Error())
		}
		data = cleaned
	}
	v, err := work.Decode(ex, schema, data)
	if err != nil {
		return nil, json.RawMessage("null"), line(err.Error())
	}
	out, err := exportData(v, false)
	if err != nil {
		return nil, json.RawMessage("null"), line(err.Error())
	}
	return v, out, ""
}
