package session_test

import (
	"testing"

	"workshop/content"
	"workshop/session"
)

// WorkStatus: a draft that holds nothing is not started; anything written, chosen or marked
// done is not.
func TestWorkStatusOfEmptiedDrafts(t *testing.T) {
	ex := func(kind content.Kind) *content.Exercise {
		e := &content.Exercise{Kind: kind, Stages: []string{"Find"}, AddStages: true, Lanes: []string{"Do"}, Statements: []string{"S"}, Items: []string{"I"},
			Columns:   []content.Column{{Name: "A", Type: content.ColumnText}, {Name: "B", Type: content.ColumnText}},
			Questions: []content.Question{{Question: "Q", Options: []content.Option{{Text: "a", Correct: true}, {Text: "b"}}}}}
		return e
	}
	cases := []struct {
		kind content.Kind
		data string
		want session.Status
	}{
		{content.KindReflection, `{"text":""}`, ""},
		{content.KindReflection, `{"text":"\n\n  \n"}`, ""},
		{content.KindReflection, `{"text":"x"}`, session.StatusDraft},
		{content.KindList, `{"items":[]}`, ""},
		{content.KindList, `{"items":[{"id":"a","text":"One"}]}`, session.StatusDraft},
		{content.KindList, `{"shared":true}`, session.StatusDraft},
		{content.KindVote, `{"dots":{"a":0}}`, ""},
		{content.KindVote, `{"dots":{"a":1}}`, session.StatusDraft},
		{content.KindMatrix, `{"places":{}}`, ""},
		{content.KindJourney, `{"stages":["Find"],"cells":[[" "]]}`, ""},
		{content.KindJourney, `{"stages":["Find","Own"],"cells":[["",""]]}`, session.StatusDraft},
		{content.KindJourney, `{"stages":["Find"],"cells":[["went"]]}`, session.StatusDraft},
		{content.KindTable, `{"rows":[["",""]]}`, ""},
		{content.KindTable, `{"rows":[["x",""]]}`, session.StatusDraft},
		{content.KindScale, `{"ratings":[0]}`, ""},
		{content.KindScale, `{"ratings":[3]}`, session.StatusDraft},
		{content.KindChecklist, `{"ticks":[false],"notes":[" "]}`, ""},
		{content.KindChecklist, `{"ticks":[false],"notes":["why"]}`, session.StatusDraft},
		{content.KindQuiz, `{"answers":[-1]}`, ""},
		{content.KindQuiz, `{"answers":[1]}`, session.StatusDraft},
	}
	for _, c := range cases {
		a := session.Artifact{Schema: 1, Data: []byte(c.data), Status: session.StatusDraft}
		if got := session.WorkStatus(ex(c.kind), a); got != c.want {
			t.Errorf("%s draft %s: %q, want %q", c.kind, c.data, got, c.want)
		}
		a.Status = session.StatusSubmitted
		if got := session.WorkStatus(ex(c.kind), a); got != session.StatusSubmitted {
			t.Errorf("%s submitted %s: %q", c.kind, c.data, got)
		}
	}
}
