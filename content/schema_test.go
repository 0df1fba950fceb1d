package content

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

// schemaPath is the published JSON Schema of module files, for editors.
const schemaPath = "../docs/module.schema.json"

func compileModuleSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	sch, err := jsonschema.NewCompiler().Compile(schemaPath)
	if err != nil {
		t.Fatalf("compile %s: %v", schemaPath, err)
	}
	return sch
}

// asJSON turns a YAML module into the JSON value an editor's YAML support checks against the
// schema.
func asJSON(t *testing.T, src []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(src, &v); err != nil {
		t.Fatalf("yaml: %v", err)
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("json: %v", err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// docsExample is the example module of docs/content.md.
func docsExample(t *testing.T) []byte {
	t.Helper()
	doc, err := os.ReadFile("../docs/content.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, _ := strings.Cut(string(doc), exampleStart)
	block, _, _ := strings.Cut(after, exampleEnd)
	block = strings.TrimPrefix(strings.TrimSpace(block), "```yaml\n")
	return []byte(strings.TrimSuffix(block, "```"))
}

// Every built-in module, the documentation's example and the test module with every kind
// follow the schema.
func TestSchemaAcceptsValidModules(t *testing.T) {
	sch := compileModuleSchema(t)
	files := map[string][]byte{"docs/content.md example": docsExample(t), "testdata/all-kinds.yaml": readTestdata(t, "testdata/all-kinds.yaml"),
		"testdata/all-kinds.pt-BR.yaml": readTestdata(t, "testdata/all-kinds.pt-BR.yaml")}
	entries, err := fs.ReadDir(builtinFS, "modules")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := builtinFS.ReadFile(path.Join("modules", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = data
	}
	if len(files) != len(entries)+3 || len(entries) < 7 {
		t.Fatalf("only %d files", len(files))
	}
	for name, data := range files {
		if err := sch.Validate(asJSON(t, data)); err != nil {
			t.Errorf("%s does not follow the schema: %v", name, err)
		}
	}
}

// What validation rejects within one step the schema rejects too, so an editor flags it while
// the author types.
func TestSchemaRejectsWhatValidationRejects(t *testing.T) {
	sch := compileModuleSchema(t)
	step := func(s string) string {
		return header + "  - id: a\n    title: A\n    guidance: g\n    phase: apply\n" + s
	}
	cases := map[string]string{
		"unknown module key":      header + "  - id: a\n    title: A\n    guidance: g\n    phase: apply\nauthor: me\n",
		"unknown step key":        step("    timebx: 5\n"),
		"missing phase":           header + "  - id: a\n    title: A\n    guidance: g\n",
		"bad phase":               strings.Replace(step(""), "phase: apply", "phase: doing", 1),
		"empty title":             strings.Replace(step(""), "title: A", "title: \" \"", 1),
		"upper-case id":           strings.Replace(step(""), "id: a", "id: Step_1", 1),
		"timebox too long":        step("    timebox: 2000\n"),
		"timebox text":            step("    timebox: ten\n"),
		"unknown kind":            step("    exercise: {kind: poll}\n"),
		"setting of another kind": step("    exercise: {kind: reflection, dots: 3}\n"),
		"unknown setting":         step("    exercise: {kind: list, colour: red}\n"),
		"vote without from":       step("    exercise: {kind: vote}\n"),
		"journey without stages":  step("    exercise: {kind: journey, lanes: [a]}\n"),
		"journey empty stages":    step("    exercise: {kind: journey, lanes: [a], stages: []}\n"),
		"three quadrants":         step("    exercise: {kind: matrix, from: x, quadrants: [a, b, c]}\n"),
		"axis without high":       step("    exercise: {kind: matrix, from: x, x_axis: {label: X, low: l}}\n"),
		"duplicate lanes":         step("    exercise: {kind: journey, add_stages: true, lanes: [a, a]}\n"),
		"choice without options":  step("    exercise: {kind: table, columns: [{name: A, type: choice}]}\n"),
		"options on text column":  step("    exercise: {kind: table, columns: [{name: A, type: text, options: [x, y]}]}\n"),
		"four scale labels":       step("    exercise: {kind: scale, statements: [s], labels: [a, b, c, d]}\n"),
		"no correct option":       step("    exercise: {kind: quiz, questions: [{question: Q, options: [{text: a}, {text: b}]}]}\n"),
		"max_items too many":      step("    exercise: {kind: list, max_items: 1000}\n"),
		"string duration":         strings.Replace(header, "duration: 10", "duration: an hour", 1) + "  - id: a\n    title: A\n    guidance: g\n    phase: apply\n",
		"locale as language":      strings.Replace(step(""), "language: en", "language: pt_BR", 1),
		"locale as original":      strings.Replace(step(""), "language: en", "language: pt-BR\ntranslated_from: en_GB", 1),
	}
	for name, src := range cases {
		if _, ps := Parse("t.yaml", []byte(src)); len(ps) == 0 {
			t.Errorf("%s: validation accepts it, so the case tests nothing", name)
			continue
		}
		if err := sch.Validate(asJSON(t, []byte(src))); err == nil {
			t.Errorf("%s: the schema accepts what validation rejects", name)
		}
	}
	// And accepts the quirks validation accepts: empty optional keys, aliases.
	ok := step("    notes:\n    timebox: ~\n    exercise:\n      kind: list\n      prompt:\n")
	if _, ps := Parse("t.yaml", []byte(ok)); len(ps) > 0 {
		t.Fatalf("validation: %v", ps)
	}
	if err := sch.Validate(asJSON(t, []byte(ok))); err != nil {
		t.Errorf("the schema rejects empty optional keys: %v", err)
	}
}

// The schema names exactly the keys the parser knows, per kind.
func TestSchemaMatchesTheFormat(t *testing.T) {
	raw, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Properties map[string]any `json:"properties"`
		Defs       map[string]struct {
			Properties map[string]any `json:"properties"`
			AllOf      []struct {
				If struct {
					Properties struct {
						Kind struct {
							Const string `json:"const"`
						} `json:"kind"`
					} `json:"properties"`
				} `json:"if"`
				Then struct {
					PropertyNames struct {
						Enum []string `json:"enum"`
					} `json:"propertyNames"`
				} `json:"then"`
			} `json:"allOf"`
		} `json:"definitions"`
	}
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatal(err)
	}
	keys := func(m map[string]any) []string {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		slices.Sort(out)
		return out
	}
	sorted := func(in []string) []string { out := slices.Clone(in); slices.Sort(out); return out }
	check := func(what string, got map[string]any, want []string) {
		if g, w := keys(got), sorted(want); !slices.Equal(g, w) {
			t.Errorf("%s: schema has %v, the parser %v", what, g, w)
		}
	}
	check("module", s.Properties, moduleKeys)
	check("step", s.Defs["step"].Properties, stepKeys)
	check("axis", s.Defs["axis"].Properties, axisKeys)
	check("column", s.Defs["column"].Properties, columnKeys)
	check("question", s.Defs["question"].Properties, questionKeys)
	check("option", s.Defs["option"].Properties, optionKeys)
	check("exercise", s.Defs["exercise"].Properties, append([]string{"kind"}, allSettings()...))
	seen := map[Kind]bool{}
	for _, rule := range s.Defs["exercise"].AllOf {
		k := Kind(rule.If.Properties.Kind.Const)
		if names := rule.Then.PropertyNames.Enum; names != nil {
			seen[k] = true
			if want := append([]string{"kind"}, k.Settings()...); !slices.Equal(sorted(names), sorted(want)) {
				t.Errorf("%s: schema allows %v, the parser %v", k, names, want)
			}
		}
	}
	for _, k := range Kinds {
		if !seen[k] {
			t.Errorf("the schema has no settings rule for kind %s", k)
		}
	}
}
