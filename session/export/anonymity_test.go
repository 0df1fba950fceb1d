package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// writeAll writes the report in every format, by file name.
func writeAll(t *testing.T, r *Report) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, tc := range goldenCases {
		var b bytes.Buffer
		if err := r.Write(&b, tc.opts); err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		out[tc.file] = b.String()
	}
	return out
}

// authors are the fixture's participants as any format could name them.
var authors = []string{"Ana Souza", "Bruno Lima", "Chiara Conti", "Dário Ñúñez", "Émile Zoë"}

// An anonymous list's items are exported with no author in any format: no name, no
// participant id, no per-participant record that carries them, and not in the order they
// were written. Votes and placements on them appear only as cohort totals.
func TestAnonymousItemsHaveNoAuthorInAnyFormat(t *testing.T) {
	t.Parallel()
	outs := writeAll(t, newFixture(t).report())
	for file, out := range outs {
		// Work a participant's own record held on the anonymous step never appears.
		if strings.Contains(out, "Written by") {
			t.Errorf("%s: a participant's own record on an anonymous step was exported", file)
		}
	}
	for _, text := range anonTexts {
		if !strings.Contains(outs["golden.json"], text) {
			t.Fatalf("anonymous item %q is missing from the JSON export", text)
		}
	}

	t.Run("csv", func(t *testing.T) {
		if containsAny(outs["golden.csv"], anonTexts) {
			t.Error("the progress sheet holds an anonymous item")
		}
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(outs["golden-artifacts.csv"], bom))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		found := 0
		for _, row := range rows {
			if !containsAny(strings.Join(row, "\x00"), anonTexts) {
				continue
			}
			found++
			if owner := row[3]; owner != "anonymous" && owner != "cohort" {
				t.Errorf("row with an anonymous item has owner %q: %q", owner, row)
			}
			if containsAny(strings.Join(row, "\x00"), authors) {
				t.Errorf("row with an anonymous item names someone: %q", row)
			}
		}
		if found < 3+3+2 { // pool items, vote tally, matrix placements
			t.Errorf("only %d rows hold anonymous items", found)
		}
	})

	t.Run("json", func(t *testing.T) {
		var doc map[string]any
		if err := json.Unmarshal([]byte(outs["golden.json"]), &doc); err != nil {
			t.Fatal(err)
		}
		// Every record of every top-level list that holds an anonymous item holds nothing
		// that points at a person.
		found := 0
		for key, v := range doc {
			list, ok := v.([]any)
			if !ok {
				continue
			}
			for _, rec := range list {
				b, _ := json.Marshal(rec)
				s := string(b)
				if !containsAny(s, anonTexts) {
					continue
				}
				found++
				for _, bad := range []string{`"participant_id"`, `"by"`, `"edited_by"`, `"type":"participant"`, `"updated_at":"`} {
					if strings.Contains(s, bad) {
						t.Errorf("%s record with an anonymous item holds %s: %s", key, bad, s)
					}
				}
				if containsAny(s, authors) {
					t.Errorf("%s record with an anonymous item names someone: %s", key, s)
				}
			}
		}
		if found != 3 {
			t.Errorf("%d top-level records hold anonymous items, want 3 (the pool board, its vote's and its matrix's results)", found)
		}
		// The participants' records on the anonymous step give status only, no times.
		for _, p := range doc["progress"].([]any) {
			for _, sp := range p.(map[string]any)["steps"].([]any) {
				m := sp.(map[string]any)
				if m["step_id"] == "roundtable" && (m["updated_at"] != nil || m["submitted_at"] != nil) {
					t.Errorf("progress on the anonymous step carries times: %v", m)
				}
			}
		}
		// Pool items come in text order, not in the order they were written.
		var texts []string
		for _, b := range doc["boards"].([]any) {
			bm := b.(map[string]any)
			if bm["step_id"] == "roundtable" {
				for _, it := range bm["data"].(map[string]any)["items"].([]any) {
					texts = append(texts, it.(map[string]any)["text"].(string))
				}
			}
		}
		if !slices.IsSorted(texts) || len(texts) != 3 {
			t.Errorf("pool items %q are not in text order", texts)
		}
	})

	for _, f := range []struct{ file, split string }{{"golden.md", "\n## "}, {"golden.html", "<h2 "}} {
		t.Run(f.file, func(t *testing.T) {
			found := 0
			for _, section := range strings.Split(outs[f.file], f.split) {
				if !containsAny(section, anonTexts) {
					continue
				}
				found++
				if containsAny(section, authors) {
					t.Errorf("a section with anonymous items names someone:\n%s", section)
				}
			}
			if found != 3 { // the roundtable, its vote and its matrix
				t.Errorf("%d sections hold anonymous items, want 3", found)
			}
		})
	}
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// The HTML report is one file that loads nothing: no scripts, no links or sources outside the
// file, and a content security policy that blocks them anyway. Its bar charts are HTML and
// its matrices inline SVG.
func TestHTMLIsSelfContained(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	if err := newFixture(t).report().Write(&b, Options{Format: HTML}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	lower := strings.ToLower(out)
	for _, bad := range []string{"<script", "<link", "<img", "<iframe", "<object", "@import", "url(", "src="} {
		if strings.Contains(lower, bad) {
			t.Errorf("the report contains %q", bad)
		}
	}
	for _, m := range regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(out, -1) {
		if !strings.HasPrefix(m[1], "#") {
			t.Errorf("link outside the file: %s", m[0])
		}
	}
	if !strings.Contains(out, "Content-Security-Policy") || !strings.Contains(out, "default-src 'none'") {
		t.Error("no content security policy")
	}
	// Completion, time per step, two vote results and the scale; the matrices (three steps,
	// four drawings).
	if n := strings.Count(out, "<figure class=\"chart\">"); n != 2+2+1 {
		t.Errorf("%d bar charts, want 5", n)
	}
	if n := strings.Count(out, "<svg "); n != 4 {
		t.Errorf("%d matrix drawings, want 4", n)
	}
	var three bytes.Buffer
	if err := threePeople(t, "participatory-policy").report().Write(&three, Options{Format: HTML}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(three.String(), "Team 1") || strings.Contains(three.String(), "Team Team") {
		t.Error("a team named \"Team 1\" is not called so")
	}
	if !strings.Contains(out, "@media print") {
		t.Error("no print styles")
	}
}
