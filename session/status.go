package session

import (
	"bytes"
	"encoding/json"

	"workshop/content"
	"workshop/session/work"
)

// WorkStatus is how far a participant has come with an artifact, the one rule for the roster,
// the participant's own screen and every export: submitted work is submitted; a draft that
// holds nothing (text rubbed out, or only spaces and new lines; every item deleted; every dot
// taken back) is "" — not started — as if nothing had been stored; any other draft is a
// draft. A participant's record of work on a shared board is a draft until they submit.
func WorkStatus(ex *content.Exercise, a Artifact) Status {
	if a.Status != StatusDraft || ex == nil {
		return a.Status
	}
	if isSharedRecord(a.Data) {
		return StatusDraft
	}
	v, err := work.Decode(ex, a.Schema, a.Data)
	if err != nil {
		return StatusDraft // unreadable here, but something was stored
	}
	if work.Empty(ex, v) {
		return ""
	}
	return StatusDraft
}

// isSharedRecord says whether artifact data only records work on a shared board.
func isSharedRecord(data []byte) bool {
	if !bytes.Contains(data, []byte(`"shared"`)) {
		return false
	}
	var s struct {
		Shared bool `json:"shared"`
	}
	return json.Unmarshal(data, &s) == nil && s.Shared
}
