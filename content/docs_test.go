package content

import (
	"os"
	"strings"
	"testing"
)

const (
	exampleStart = "<!-- example-module:start -->"
	exampleEnd   = "<!-- example-module:end -->"
)

// TestDocsExample parses the example module in the format documentation.
func TestDocsExample(t *testing.T) {
	doc, err := os.ReadFile("../docs/content.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(doc)
	_, after, ok := strings.Cut(text, exampleStart)
	if !ok {
		t.Fatalf("no %s marker", exampleStart)
	}
	block, _, ok := strings.Cut(after, exampleEnd)
	if !ok {
		t.Fatalf("no %s marker", exampleEnd)
	}
	block = strings.TrimSpace(block)
	block = strings.TrimPrefix(block, "```yaml\n")
	block = strings.TrimSuffix(block, "```")
	r := parse("docs/content.md example", []byte(block))
	if ps := append(r.problems, r.warnings...); len(ps) > 0 {
		t.Fatalf("example module has problems:\n%s", Problems(ps).Error())
	}
	m := r.module
	// The example should show a fair share of the format.
	kinds := map[Kind]bool{}
	for _, s := range m.Steps {
		if s.Exercise != nil {
			kinds[s.Exercise.Kind] = true
		}
	}
	if len(kinds) < 5 || !kinds[KindVote] {
		t.Errorf("example uses only %v", kinds)
	}
}

// TestDocsMentionEverything checks that the format documentation names every key, setting,
// kind and phase.
func TestDocsMentionEverything(t *testing.T) {
	doc, err := os.ReadFile("../docs/content.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(doc)
	var names []string
	names = append(names, moduleKeys...)
	names = append(names, stepKeys...)
	names = append(names, axisKeys...)
	names = append(names, columnKeys...)
	names = append(names, questionKeys...)
	names = append(names, optionKeys...)
	names = append(names, allSettings()...)
	for _, k := range Kinds {
		names = append(names, string(k))
	}
	for _, p := range Phases {
		names = append(names, string(p))
	}
	for _, c := range columnTypes {
		names = append(names, string(c))
	}
	for _, n := range names {
		if !strings.Contains(text, "`"+n+"`") {
			t.Errorf("docs/content.md does not mention `%s`", n)
		}
	}
}
