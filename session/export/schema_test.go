package export

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"workshop/session"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// schemaPath is the published JSON Schema of the export.
var schemaPath = filepath.Join("..", "..", "docs", "export.schema.json")

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat() // date-time values are checked, not only annotated
	sch, err := c.Compile(schemaPath)
	if err != nil {
		t.Fatalf("compile %s: %v", schemaPath, err)
	}
	return sch
}

func validate(t *testing.T, sch *jsonschema.Schema, doc []byte) error {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
	return sch.Validate(v)
}

// The JSON export of a real cohort, of an empty one and of every cohort at once all follow the
// published schema.
func TestJSONFollowsSchema(t *testing.T) {
	t.Parallel()
	sch := compileSchema(t)
	f := newFixture(t)
	var doc bytes.Buffer
	if err := f.report().Write(&doc, Options{Format: JSON}); err != nil {
		t.Fatal(err)
	}
	if err := validate(t, sch, doc.Bytes()); err != nil {
		t.Fatalf("fixture export does not follow the schema: %v", err)
	}

	// A cohort nobody joined yet.
	f.cohort("EMPTY2", "Nobody yet")
	var empty bytes.Buffer
	if err := f.report().Write(&empty, Options{Format: JSON}); err != nil {
		t.Fatal(err)
	}
	if err := validate(t, sch, empty.Bytes()); err != nil {
		t.Fatalf("empty cohort export does not follow the schema: %v", err)
	}

	var all bytes.Buffer
	if err := ExportAll(context.Background(), &all, f.m, session.ShellActor("cli"), Options{Format: JSON}); err != nil {
		t.Fatal(err)
	}
	if err := validate(t, sch, all.Bytes()); err != nil {
		t.Fatalf("export of every cohort does not follow the schema: %v", err)
	}
	var parsed All
	if err := json.Unmarshal(all.Bytes(), &parsed); err != nil {
		t.Fatal(err)
	}
	if len(parsed.Cohorts) != 2 || parsed.Cohorts[0].Cohort.Code != "K7MQ2P" || parsed.Cohorts[1].Cohort.Code != "EMPTY2" {
		t.Errorf("every cohort, oldest first: got %d cohorts", len(parsed.Cohorts))
	}
}

// The schema is strict enough to catch what matters: an author on an anonymous item, an
// unknown field, a missing one, a wrong status.
func TestSchemaRejectsWrongDocuments(t *testing.T) {
	t.Parallel()
	sch := compileSchema(t)
	var doc bytes.Buffer
	if err := newFixture(t).report().Write(&doc, Options{Format: JSON}); err != nil {
		t.Fatal(err)
	}
	good := doc.String()
	for name, edit := range map[string]func(string) string{
		"author on an anonymous item": func(s string) string {
			return strings.Replace(s, `"id": "r-3",`, `"id": "r-3", "by": 4,`, 1)
		},
		"name on an anonymous owner": func(s string) string {
			return strings.Replace(s, `"type": "anonymous"`, `"type": "anonymous", "name": "Dário"`, 1)
		},
		"unknown field": func(s string) string {
			return strings.Replace(s, `"schema_version": 2,`, `"schema_version": 2, "extra": true,`, 1)
		},
		"missing field": func(s string) string { return strings.Replace(s, `"timeline":`, `"events":`, 1) },
		"wrong status":  func(s string) string { return strings.Replace(s, `"status": "draft"`, `"status": "half done"`, 1) },
		"bad time":      func(s string) string { return strings.Replace(s, `"2026-03-10T09:00:00Z"`, `"10/03/2026"`, 1) },
		"older version": func(s string) string { return strings.Replace(s, `"schema_version": 2`, `"schema_version": 1`, 1) },
		"no generator":  func(s string) string { return strings.Replace(s, `"generator": {`, `"made_by": {`, 1) },
		"bad export time": func(s string) string {
			return strings.Replace(s, `"exported_at": "`, `"exported_at": "at `, 1)
		},
	} {
		bad := edit(good)
		if bad == good {
			t.Fatalf("%s: the edit changed nothing", name)
		}
		if err := validate(t, sch, []byte(bad)); err == nil {
			t.Errorf("%s: the schema accepted it", name)
		}
	}
}
