package export

import (
	"encoding/json"

	"workshop/session"
	"workshop/session/work"
)

// The "data" of an artifact or board in the JSON export has the export's own layout per kind
// (docs/export-schema.md), copied field by field from the decoded work. The stored layouts may
// grow fields for the screens' own needs; the export changes only with SchemaVersion, and a
// field that could name someone never reaches an anonymous board by accident.

type listData struct {
	Items []itemData `json:"items"`
}

type itemData struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	// By is the participant who wrote the item and EditedBy the last other participant who
	// changed it; both are left out on anonymous boards.
	By       int64 `json:"by,omitempty"`
	EditedBy int64 `json:"edited_by,omitempty"`
}

type voteData struct {
	Dots map[string]int `json:"dots"`
}

type placeData struct {
	X int `json:"x"`
	Y int `json:"y"`
}

type matrixData struct {
	Places map[string]placeData `json:"places"`
}

type journeyData struct {
	Stages []string   `json:"stages"`
	Cells  [][]string `json:"cells"`
}

type tableData struct {
	Rows [][]string `json:"rows"`
}

type scaleData struct {
	Ratings []int `json:"ratings"`
}

type checklistData struct {
	Ticks []bool   `json:"ticks"`
	Notes []string `json:"notes"`
}

type quizData struct {
	Answers []int `json:"answers"`
}

type reflectionData struct {
	Text string `json:"text"`
}

// exportData encodes decoded work in the export's layout. On an anonymous board no author is
// copied and items are in text order.
func exportData(v any, anonymous bool) (json.RawMessage, error) {
	var out any
	switch w := v.(type) {
	case *work.Reflection:
		out = reflectionData{Text: w.Text}
	case *work.List:
		items := w.Items
		if anonymous {
			items = append([]work.Item(nil), items...)
			session.SortItems(items)
		}
		l := listData{Items: make([]itemData, 0, len(items))}
		for _, it := range items {
			d := itemData{ID: it.ID, Text: it.Text}
			if !anonymous {
				d.By, d.EditedBy = it.By, it.EditedBy
			}
			l.Items = append(l.Items, d)
		}
		out = l
	case *work.Vote:
		out = voteData{Dots: w.Dots}
	case *work.Matrix:
		m := matrixData{Places: make(map[string]placeData, len(w.Places))}
		for id, p := range w.Places {
			m.Places[id] = placeData{X: p.X, Y: p.Y}
		}
		out = m
	case *work.Journey:
		out = journeyData{Stages: w.Stages, Cells: w.Cells}
	case *work.Table:
		out = tableData{Rows: w.Rows}
	case *work.Scale:
		out = scaleData{Ratings: w.Ratings}
	case *work.Checklist:
		out = checklistData{Ticks: w.Ticks, Notes: w.Notes}
	case *work.Quiz:
		out = quizData{Answers: w.Answers}
	default:
		return json.RawMessage("null"), nil
	}
	return json.Marshal(out)
}
