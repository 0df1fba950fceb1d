package work

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"workshop/content"
	"workshop/i18n"
)

// Schema is the current layout version of every kind. A later layout gets a higher number and
// Decode keeps reading the older ones.
const Schema = 1

// Reflection is free text written to a prompt.
type Reflection struct {
	Text string `json:"text"`
}

// Item is one short entry of a list. By is the participant who wrote it and EditedBy the last
// one who changed its text, if someone else; both are 0 on anonymous lists, where no author is
// ever stored.
type Item struct {
	ID       string `json:"id"`
	Text     string `json:"text"`
	By       int64  `json:"by,omitempty"`
	EditedBy int64  `json:"edited_by,omitempty"`
}

// List is a participant's, a team's or an anonymous pool's items, in display order.
type List struct {
	Items []Item `json:"items"`
}

// Vote is where one participant put their dots: item id -> dots.
type Vote struct {
	Dots map[string]int `json:"dots"`
}

// Limits on what participants add to a journey.
const (
	// MaxStages bounds a journey's stages, the module's and the participants' together.
	MaxStages = 30
	// MaxStageName bounds a stage name, in characters.
	MaxStageName = 60
)

// GridSize is the number of positions along each matrix axis (0 … GridSize-1); the low half
// and high half of each axis make the four quadrants.
const GridSize = 10

// Place is an item's position on a matrix: X along the x axis, Y along the y axis, both from
// low (0) to high (GridSize-1).
type Place struct {
	X int `json:"x"`
	Y int `json:"y"`
}

// Quadrant returns 0 top-left, 1 top-right, 2 bottom-left, 3 bottom-right, matching
// content.Exercise.QuadrantNames (high y is the top).
func (p Place) Quadrant() int {
	q := 0
	if p.Y < GridSize/2 {
		q += 2
	}
	if p.X >= GridSize/2 {
		q++
	}
	return q
}

// Matrix is the placement of items on a 2×2: item id -> place. Items not in the map are not
// placed yet.
type Matrix struct {
	Places map[string]Place `json:"places"`
}

// Journey is a grid of stages (columns) by lanes (rows). Stages holds the column names (the
// module's, then any the participants added); Cells[lane][stage] holds the text of a cell.
type Journey struct {
	Stages []string   `json:"stages"`
	Cells  [][]string `json:"cells"`
}

// Table is rows of values for the exercise's columns, each value as typed (numbers as text
// that parses as a number). IDs names each row (IDs[i] is the id of Rows[i]), so that
// teammates editing one shared table change the row they mean even when rows are added or
// removed meanwhile. Work stored without ids gets "row-N" ids by position when decoded.
type Table struct {
	Rows [][]string `json:"rows"`
	IDs  []string   `json:"ids,omitempty"`
}

// Scale is a rating per statement: 0 for not rated, 1 to 5 otherwise.
type Scale struct {
	Ratings []int `json:"ratings"`
}

// Checklist is a tick and a note per item.
type Checklist struct {
	Ticks []bool   `json:"ticks"`
	Notes []string `json:"notes"`
}

// Quiz is the chosen option per question (-1 for unanswered).
type Quiz struct {
	Answers []int `json:"answers"`
}

// Shared is what a participant's own artifact holds when the work itself is on a shared board
// (team or anonymous): only that the participant marked the step done.
type Shared struct {
	Shared bool `json:"shared"`
}

// NewID returns a random item id. Ids are random, not sequential, so that on an anonymous list
// neither the id nor the order says who wrote what or when.
func NewID() string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// New returns an empty value of the kind's layout, shaped for the exercise (e.g. one rating
// slot per statement).
func New(ex *content.Exercise) any {
	switch ex.Kind {
	case content.KindReflection:
		return &Reflection{}
	case content.KindList:
		return &List{Items: []Item{}}
	case content.KindVote:
		return &Vote{Dots: map[string]int{}}
	case content.KindMatrix:
		return &Matrix{Places: map[string]Place{}}
	case content.KindJourney:
		j := &Journey{Stages: append([]string{}, ex.Stages...)}
		j.Cells = make([][]string, len(ex.Lanes))
		for i := range j.Cells {
			j.Cells[i] = make([]string, len(j.Stages))
		}
		return j
	case content.KindTable:
		return &Table{Rows: [][]string{}}
	case content.KindScale:
		return &Scale{Ratings: make([]int, len(ex.Statements))}
	case content.KindChecklist:
		return &Checklist{Ticks: make([]bool, len(ex.Items)), Notes: make([]string, len(ex.Items))}
	case content.KindQuiz:
		q := &Quiz{Answers: make([]int, len(ex.Questions))}
		for i := range q.Answers {
			q.Answers[i] = -1
		}
		return q
	}
	return nil
}

// Decode reads stored work of the exercise's kind. It accepts any schema up to Schema, fixes
// the shape to fit the exercise (missing slots added, extra slots dropped) and returns an
// error only for data it cannot read at all. Empty data gives an empty value.
func Decode(ex *content.Exercise, schema int, data []byte) (any, error) {
	v := New(ex)
	if v == nil {
		return nil, fmt.Errorf("unknown exercise kind %q", ex.Kind)
	}
	if schema > Schema {
		return nil, fmt.Errorf("work saved in layout %d by a newer version; this version reads up to %d", schema, Schema)
	}
	if len(data) > 0 {
		if err := json.Unmarshal(data, v); err != nil {
			return nil, fmt.Errorf("read %s work: %w", ex.Kind, err)
		}
	}
	Normalize(ex, v)
	return v, nil
}

// Encode writes work in the current layout.
func Encode(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encode work: %w", err)
	}
	return b, nil
}

// Normalize fixes the shape of v to fit the exercise, so code reading it can index without
// checks: slots per statement, item and question, a full journey grid, non-nil maps.
func Normalize(ex *content.Exercise, v any) {
	switch w := v.(type) {
	case *List:
		w.Items = uniqueItems(w.Items)
	case *Vote:
		if w.Dots == nil {
			w.Dots = map[string]int{}
		}
	case *Matrix:
		if w.Places == nil {
			w.Places = map[string]Place{}
		}
		for id, p := range w.Places {
			w.Places[id] = Place{X: clamp(p.X, 0, GridSize-1), Y: clamp(p.Y, 0, GridSize-1)}
		}
	case *Journey:
		if len(w.Stages) < len(ex.Stages) {
			w.Stages = append(w.Stages, ex.Stages[len(w.Stages):]...)
		}
		if !ex.AddStages && len(w.Stages) > len(ex.Stages) {
			w.Stages = w.Stages[:len(ex.Stages)]
		}
		w.Cells = resize2(w.Cells, len(ex.Lanes), len(w.Stages))
	case *Table:
		if w.Rows == nil {
			w.Rows = [][]string{}
		}
		for i := range w.Rows {
			w.Rows[i] = resize(w.Rows[i], len(ex.Columns))
		}
		w.IDs = rowIDs(w.IDs, len(w.Rows))
	case *Scale:
		w.Ratings = resizeInts(w.Ratings, len(ex.Statements), 0)
		for i, r := range w.Ratings {
			w.Ratings[i] = clamp(r, 0, 5)
		}
	case *Checklist:
		w.Ticks = resizeBools(w.Ticks, len(ex.Items))
		w.Notes = resize(w.Notes, len(ex.Items))
	case *Quiz:
		w.Answers = resizeInts(w.Answers, len(ex.Questions), -1)
		for i, a := range w.Answers {
			if a < -1 || a >= len(ex.Questions[i].Options) {
				w.Answers[i] = -1
			}
		}
	}
}

// ErrLimit is wrapped by Check errors that say a limit was passed.
var ErrLimit = errors.New("over the limit")

// Check says whether work respects the exercise's limits, in words a participant can act on.
func Check(ex *content.Exercise, v any) error {
	text := func(what i18n.Msg, s string, limit int) error {
		if n := utf8.RuneCountInString(s); n > limit {
			return overLimit(i18n.M("%s is %d characters; the limit is %d", what, n, limit))
		}
		return nil
	}
	switch w := v.(type) {
	case *Reflection:
		return text(i18n.M("the answer"), w.Text, ex.TextLimit())
	case *List:
		if ex.SharedList() {
			// One person's share of a board is checked where the person is known (CheckShare).
			if len(w.Items) > ex.BoardItemLimit() {
				return overLimit(i18n.M("the board has %d items; it holds at most %d", len(w.Items), ex.BoardItemLimit()))
			}
		} else if len(w.Items) > ex.ItemLimit() {
			return overLimit(i18n.M("the list has %d items; the limit is %d", len(w.Items), ex.ItemLimit()))
		}
		for _, it := range w.Items {
			if err := text(i18n.M("an item"), it.Text, ex.TextLimit()); err != nil {
				return err
			}
		}
	case *Vote:
		total := 0
		for _, n := range w.Dots {
			if n < 0 {
				return refuse(i18n.M("a vote cannot be negative"))
			}
			if n > ex.PerItemLimit() {
				return overLimit(i18n.M("at most %d dots on one item", ex.PerItemLimit()))
			}
			total += n
		}
		if total > ex.DotCount() {
			return overLimit(i18n.M("%d dots spent; you have %d", total, ex.DotCount()))
		}
	case *Journey:
		for _, row := range w.Cells {
			for _, c := range row {
				if err := text(i18n.M("a cell"), c, ex.TextLimit()); err != nil {
					return err
				}
			}
		}
		if len(w.Stages) > MaxStages {
			return overLimit(i18n.M("the journey has %d stages; the limit is %d", len(w.Stages), MaxStages))
		}
		for _, s := range w.Stages {
			if err := text(i18n.M("a stage name"), s, MaxStageName); err != nil {
				return err
			}
		}
	case *Table:
		if len(w.Rows) > ex.RowLimit() {
			return overLimit(i18n.M("the table has %d rows; the limit is %d", len(w.Rows), ex.RowLimit()))
		}
		for _, row := range w.Rows {
			for i, c := range row {
				if err := text(i18n.M("a cell"), c, ex.TextLimit()); err != nil {
					return err
				}
				if err := checkCell(ex.Columns[i], c); err != nil {
					return err
				}
			}
		}
	case *Checklist:
		for _, n := range w.Notes {
			if err := text(i18n.M("a note"), n, ex.TextLimit()); err != nil {
				return err
			}
		}
	}
	return nil
}

// CheckCell says whether v fits a table column: a number for a number column, one of the
// options for a choice column; empty always fits.
func CheckCell(col content.Column, v string) error { return checkCell(col, v) }

func checkCell(col content.Column, v string) error {
	if v == "" {
		return nil
	}
	switch col.Type {
	case content.ColumnNumber:
		// ParseFloat also takes NaN, Inf and hex floats, which are no count of anything.
		if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err != nil || math.IsNaN(f) || math.IsInf(f, 0) || strings.ContainsAny(v, "xXpP") {
			return refuse(i18n.M("%q in column %s is not a number; type digits such as 1200 or 12.5", v, i18n.Verbatim(col.Name)))
		}
	case content.ColumnChoice:
		for _, o := range col.Options {
			if o == v {
				return nil
			}
		}
		return refuse(i18n.M("%q is not one of the choices of column %s", v, i18n.Verbatim(col.Name)))
	}
	return nil
}

func clamp(v, lo, hi int) int { return min(max(v, lo), hi) }

func resize(s []string, n int) []string {
	for len(s) < n {
		s = append(s, "")
	}
	return s[:n]
}

func resize2(rows [][]string, lanes, stages int) [][]string {
	for len(rows) < lanes {
		rows = append(rows, nil)
	}
	rows = rows[:lanes]
	for i := range rows {
		rows[i] = resize(rows[i], stages)
	}
	return rows
}

func resizeInts(s []int, n, fill int) []int {
	for len(s) < n {
		s = append(s, fill)
	}
	return s[:n]
}

func resizeBools(s []bool, n int) []bool {
	for len(s) < n {
		s = append(s, false)
	}
	return s[:n]
}

// uniqueItems gives every item an id and drops repeated ids, so an item can always be named
// by its id. Missing ids are made from the position, so decoding the same data twice agrees.
func uniqueItems(items []Item) []Item {
	out := make([]Item, 0, len(items))
	seen := make(map[string]bool, len(items))
	for i, it := range items {
		if it.ID == "" {
			it.ID = fmt.Sprintf("item-%d", i+1)
		}
		if seen[it.ID] {
			continue
		}
		seen[it.ID] = true
		out = append(out, it)
	}
	return out
}

// rowIDs fits ids to n rows: missing ids are made from the position and repeats replaced.
func rowIDs(ids []string, n int) []string {
	out := make([]string, n)
	seen := make(map[string]bool, n)
	for i := range out {
		id := ""
		if i < len(ids) {
			id = ids[i]
		}
		if id == "" || seen[id] {
			id = fmt.Sprintf("row-%d", i+1)
			for seen[id] {
				id += "x"
			}
		}
		seen[id] = true
		out[i] = id
	}
	return out
}

// Empty says whether work holds nothing a person wrote or chose: blank text, no item, no dot,
// nothing placed, rated, ticked, noted or answered, no cell filled and no stage added. An
// emptied draft is no work at all (see session.WorkStatus).
func Empty(ex *content.Exercise, v any) bool {
	switch w := v.(type) {
	case *Reflection:
		return strings.TrimSpace(w.Text) == ""
	case *List:
		return len(w.Items) == 0
	case *Vote:
		return w.Spent() == 0
	case *Matrix:
		return len(w.Places) == 0
	case *Journey:
		if len(w.Stages) != len(ex.Stages) {
			return false
		}
		for i, s := range w.Stages {
			if s != ex.Stages[i] {
				return false
			}
		}
		return allBlank(w.Cells)
	case *Table:
		return allBlank(w.Rows)
	case *Scale:
		for _, r := range w.Ratings {
			if r != 0 {
				return false
			}
		}
		return true
	case *Checklist:
		for i, t := range w.Ticks {
			if t || (i < len(w.Notes) && strings.TrimSpace(w.Notes[i]) != "") {
				return false
			}
		}
		return true
	case *Quiz:
		for _, a := range w.Answers {
			if a >= 0 {
				return false
			}
		}
		return true
	case *Shared:
		return !w.Shared
	}
	return false
}

func allBlank(rows [][]string) bool {
	for _, row := range rows {
		for _, c := range row {
			if strings.TrimSpace(c) != "" {
				return false
			}
		}
	}
	return true
}
