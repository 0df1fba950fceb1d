package content

import "strings"

// header is a valid module header; steps written after it start on line 8.
const header = `id: t
title: T
summary: S
language: en
duration: 10
version: "1"
steps:
`

// list1 is a step with a list exercise, for cases that need one to refer to.
const list1 = `  - id: ideas
    title: Ideas
    guidance: g
    phase: experience
    exercise:
      kind: list
`

// badGuidance is two steps; in the first, line 12 of the file (after header) is the given
// line, inside a guidance block indented by 6; the second has a bad phase on line 18.
func badGuidance(line string) string {
	return "  - id: a\n    title: A\n    guidance: |\n      First line\n" + line + "\n      last line\n    phase: apply\n" +
		"  - id: b\n    title: B\n    guidance: g\n    phase: bogus\n"
}

type problemCase struct {
	name string
	yaml string
	want []string
}

var problemCases = []problemCase{
	// YAML syntax.
	{"syntax error", "id: t\ntitle: [unclosed\nsummary: s\n", []string{
		"t.yaml:1:1: missing key \"language\" in module",
		"t.yaml:1:1: missing key \"duration\" in module",
		"t.yaml:1:1: missing key \"version\" in module",
		"t.yaml:1:1: missing key \"steps\" in module",
		"t.yaml:2:1: invalid YAML: a [ list starts on this line but is not closed with ]",
	}},
	{"tab indentation", header + "\t- id: a\n", []string{
		"t.yaml:8:1: invalid YAML: a tab indents this line; YAML is indented with spaces only",
	}},
	// A syntax error is reported on its own line and hides no other problem.
	{"guidance line under-indented by one", header + badGuidance("     and then this"), []string{
		"t.yaml:12:6: invalid YAML: this line is indented less than the rest of the guidance text that starts on line 11; indent it by at least 6 spaces, like the lines above it",
		"t.yaml:18:12: phase \"bogus\" is not one of experience, reflect, conceptualize, apply",
	}},
	{"guidance line at the level of the keys", header + badGuidance("    and then this"), []string{
		"t.yaml:12:5: invalid YAML: this line is indented less than the rest of the guidance text that starts on line 11; indent it by at least 6 spaces, like the lines above it",
		"t.yaml:18:12: phase \"bogus\" is not one of experience, reflect, conceptualize, apply",
	}},
	{"guidance line between keys and list", header + badGuidance("   and then this"), []string{
		"t.yaml:12:4: invalid YAML: this line is indented less than the rest of the guidance text that starts on line 11; indent it by at least 6 spaces, like the lines above it",
		"t.yaml:18:12: phase \"bogus\" is not one of experience, reflect, conceptualize, apply",
	}},
	{"guidance starting at the level of its key", header + "  - id: a\n    title: A\n    guidance: |\n    **Bold** start\n      more\n    phase: apply\n", []string{
		"t.yaml:11:5: invalid YAML: the guidance text that starts here must be indented further than its key on line 10; indent it by at least 6 spaces",
	}},
	{"unclosed quote", header + "  - id: a\n    title: \"Half a title\n    guidance: g\n    phase: apply\n", []string{
		"t.yaml:9:5: invalid YAML: a quoted value starts on this line but its closing quote is missing",
	}},
	{"colon in a plain value", header + "  - id: a\n    title: Yes: or no?\n    guidance: g\n    phase: apply\n  - id: b\n    title: B\n    guidance: g\n", []string{
		"t.yaml:9:5: invalid YAML: mapping values are not allowed in this context; a value that contains \": \" must be put in quotes, e.g. title: \"Yes: or no?\"",
		"t.yaml:12:5: missing key \"phase\" in step \"b\"",
	}},
	{"two syntax errors", header + badGuidance("    and then this") + "  - id: c\n    title: [C\n    guidance: g\n    phase: apply\n", []string{
		"t.yaml:12:5: invalid YAML: this line is indented less than the rest of the guidance text that starts on line 11; indent it by at least 6 spaces, like the lines above it",
		"t.yaml:18:12: phase \"bogus\" is not one of experience, reflect, conceptualize, apply",
		"t.yaml:20:5: invalid YAML: a [ list starts on this line but is not closed with ]",
	}},
	{"empty file", "", []string{
		"t.yaml:1:1: file is empty; a module needs id, title, summary, language, duration, version, steps",
	}},
	{"only comments", "# nothing here\n", []string{
		"t.yaml:1:1: file is empty; a module needs id, title, summary, language, duration, version, steps",
	}},
	{"second document", header + "  - id: a\n    title: A\n    guidance: g\n    phase: apply\n---\nid: other\n", []string{
		"t.yaml:12:1: a file holds one module, but a second YAML document starts here",
	}},
	{"root is a list", "- id: t\n", []string{
		"t.yaml:1:1: module must be a mapping of keys to values, not a list",
	}},

	// Unknown keys.
	{"unknown module key", header + "  - id: a\n    title: A\n    guidance: g\n    phase: apply\nauthor: me\n", []string{
		"t.yaml:12:1: unknown key \"author\" in module",
	}},
	{"unknown step key", header + "  - id: a\n    title: A\n    guidance: g\n    phase: apply\n    foo: 1\n", []string{
		"t.yaml:12:5: unknown key \"foo\" in step \"a\"",
	}},
	{"unknown key capitalised", header + "  - id: a\n    Title: A\n    guidance: g\n    phase: apply\n", []string{
		"t.yaml:8:5: missing key \"title\" in step \"a\"",
		"t.yaml:9:5: unknown key \"Title\" in step \"a\" (keys are lowercase: \"title\")",
	}},
	{"unknown exercise key", header + "  - id: a\n    title: A\n    guidance: g\n    phase: apply\n    exercise:\n      kind: reflection\n      colour: red\n", []string{
		"t.yaml:14:7: unknown key \"colour\" in reflection exercise of step \"a\"",
	}},
	{"duplicate key", header + "  - id: a\n    title: A\n    title: B\n    guidance: g\n    phase: apply\n", []string{
		"t.yaml:10:5: duplicate key \"title\" in step (first at line 9)",
	}},
	{"merge key", "base: &b\n  title: A\n" + header + "  - <<: *b\n    id: a\n    guidance: g\n    phase: apply\n", []string{
		"t.yaml:1:1: unknown key \"base\" in module",
		"t.yaml:10:5: merge keys (<<) are not supported; write the keys out",
		"t.yaml:10:5: missing key \"title\" in step \"a\"",
	}},

	// Wrong types.
	{"timebox text", header + "  - id: a\n    title: A\n    guidance: g\n    phase: apply\n    timebox: ten\n", []string{
		"t.yaml:12:14: timebox must be a whole number of minutes",
	}},
	{"timebox fraction", header + "  - id: a\n    title: A\n    guidance: g\n    phase: apply\n    timebox: 2.5\n", []string{
		"t.yaml:12:14: timebox must be a whole number of minutes",
	}},
	{"timebox quoted", header + "  - id: a\n    title: A\n    guidance: g\n    phase: apply\n    timebox: \"10\"\n", []string{
		"t.yaml:12:14: timebox must be a whole number of minutes",
	}},
	{"duration text", "id: t\ntitle: T\nsummary: S\nlanguage: en\nduration: an hour\nversion: \"1\"\nsteps:\n  - id: a\n    title: A\n    guidance: g\n    phase: apply\n", []string{
		"t.yaml:5:11: duration must be a whole number of minutes",
	}},
	{"title is a mapping", header + "  - id: a\n    title: {text: A}\n    guidance: g\n    phase: apply\n", []string{
		"t.yaml:9:12: title must be text, not a mapping",
	}},
	{"steps is a mapping", "id: t\ntitle: T\nsummary: S\nlanguage: en\nduration: 10\nversion: \"1\"\nsteps:\n  a: b\n", []string{
		"t.yaml:8:3: steps must be a list, not a mapping",
	}},
	{"step is text", header + "  - just a title\n", []string{
		"t.yaml:8:5: step must be a mapping of keys to values, not a single value",
	}},
	{"team not bool", header + list1 + "      team: yes\n", []string{
		"t.yaml:14:13: team must be true or false",
	}},
	{"lanes entry not text", header + "  - id: a\n    title: A\n    guidance: g\n    phase: apply\n    exercise:\n      kind: journey\n      stages: [s]\n      lanes: [one, [two]]\n", []string{
		"t.yaml:15:20: entry 2 of lanes must be text, not a list",
	}},

	// Missing required fields.
	{"missing module keys", "id: t\nsteps:\n  - id: a\n    title: A\n    guidance: g\n    phase: apply\n", []string{
		"t.yaml:1:1: missing key \"title\" in module",
		"t.yaml:1:1: missing key \"summary\" in module",
		"t.yaml:1:1: missing key \"language\" in module",
		"t.yaml:1:1: missing key \"duration\" in module",
		"t.yaml:1:1: missing key \"version\" in module",
	}},
	{"missing step keys", header + "  - id: a\n", []string{
		"t.yaml:8:5: missing key \"title\" in step \"a\"",
		"t.yaml:8:5: missing key \"guidance\" in step \"a\"",
		"t.yaml:8:5: missing key \"phase\" in step \"a\"",
	}},
	{"no steps", "id: t\ntitle: T\nsummary: S\nlanguage: en\nduration: 10\nversion: \"1\"\nsteps: []\n", []string{
		"t.yaml:7:8: steps must have at least one entry",
	}},
	{"empty guidance", header + "  - id: a\n    title: A\n    guidance: \"  \"\n    phase: apply\n", []string{
		"t.yaml:10:15: guidance must not be empty",
	}},
	{"null title", header + "  - id: a\n    title:\n    guidance: g\n    phase: apply\n", []string{
		"t.yaml:9:5: title must not be empty",
	}},
	{"missing kind", header + "  - id: a\n    title: A\n    guidance: g\n    phase: apply\n    exercise:\n      prompt: p\n", []string{
		"t.yaml:13:7: missing key \"kind\" in exercise of step \"a\"",
	}},

	// Invalid values.
	{"bad phase", header + "  - id: a\n    title: A\n    guidance: g\n    phase: act\n", []string{
		"t.yaml:11:12: phase \"act\" is not one of experience, reflect, conceptualize, apply",
	}},
	{"bad step id", header + "  - id: Step_1\n    title: A\n    guidance: g\n    phase: apply\n", []string{
		"t.yaml:8:9: step id \"Step_1\" may use only lowercase letters, digits and dashes, and must start with a letter or digit",
	}},
	{"bad module id", "id: -t\ntitle: T\nsummary: S\nlanguage: en\nduration: 10\nversion: \"1\"\nsteps:\n  - id: a\n    title: A\n    guidance: g\n    phase: apply\n", []string{
		"t.yaml:1:5: module id \"-t\" may use only lowercase letters, digits and dashes, and must start with a letter or digit",
	}},
	{"bad language", "id: t\ntitle: T\nsummary: S\nlanguage: English\nduration: 10\nversion: \"1\"\nsteps:\n  - id: a\n    title: A\n    guidance: g\n    phase: apply\n", []string{
		"t.yaml:4:11: language \"English\" must be a BCP 47 language tag such as \"en\", \"pt-BR\", \"es-419\" or \"it\"",
	}},
	{"unknown language", strings.Replace(header, "language: en", "language: xx", 1) + "  - id: a\n    title: A\n    guidance: g\n    phase: apply\n", []string{
		"t.yaml:4:11: language \"xx\" must be a BCP 47 language tag such as \"en\", \"pt-BR\", \"es-419\" or \"it\"",
	}},
	{"locale instead of a tag", strings.Replace(header, "language: en", "language: pt_BR", 1) + "  - id: a\n    title: A\n    guidance: g\n    phase: apply\n", []string{
		"t.yaml:4:11: language \"pt_BR\" must be a BCP 47 language tag such as \"en\", \"pt-BR\", \"es-419\" or \"it\"",
	}},
	{"no language in the tag", strings.Replace(header, "language: en", "language: und", 1) + "  - id: a\n    title: A\n    guidance: g\n    phase: apply\n", []string{
		"t.yaml:4:11: language \"und\" must be a BCP 47 language tag such as \"en\", \"pt-BR\", \"es-419\" or \"it\"",
	}},
	{"bad translated_from", strings.Replace(header, "language: en", "language: pt-BR\ntranslated_from: English", 1) + "  - id: a\n    title: A\n    guidance: g\n    phase: apply\n", []string{
		"t.yaml:5:18: translated_from \"English\" must be a BCP 47 language tag such as \"en\", \"pt-BR\", \"es-419\" or \"it\"",
	}},
	{"translated from its own language", strings.Replace(header, "language: en", "language: pt-BR\ntranslated_from: pt-br", 1) + "  - id: a\n    title: A\n    guidance: g\n    phase: apply\n", []string{
		"t.yaml:5:18: translated_from names the language of the original this file translates; it cannot be the file's own language \"pt-BR\"",
	}},
	{"negative timebox", header + "  - id: a\n    title: A\n    guidance: g\n    phase: apply\n    timebox: -5\n", []string{
		"t.yaml:12:14: timebox must not be negative",
	}},
	{"zero duration", "id: t\ntitle: T\nsummary: S\nlanguage: en\nduration: 0\nversion: \"1\"\nsteps:\n  - id: a\n    title: A\n    guidance: g\n    phase: apply\n", []string{
		"t.yaml:5:11: duration must be between 1 and 10000 minutes",
	}},
	{"unknown kind", header + "  - id: a\n    title: A\n    guidance: g\n    phase: apply\n    exercise:\n      kind: poll\n", []string{
		"t.yaml:13:13: unknown exercise kind \"poll\" (one of reflection, list, vote, matrix, journey, table, scale, checklist, quiz)",
	}},

	// Duplicate step ids.
	{"duplicate step id", header + list1 + list1, []string{
		"t.yaml:14:9: duplicate step id \"ideas\" (first used at line 8)",
	}},

	// Settings that do not belong to the kind.
	{"dots on reflection", header + "  - id: a\n    title: A\n    guidance: g\n    phase: apply\n    exercise:\n      kind: reflection\n      dots: 3\n", []string{
		"t.yaml:14:7: \"dots\" is not a setting of a reflection exercise",
	}},
	{"anonymous on vote", header + list1 + "  - id: v\n    title: V\n    guidance: g\n    phase: apply\n    exercise:\n      kind: vote\n      from: ideas\n      anonymous: true\n", []string{
		"t.yaml:21:7: \"anonymous\" is not a setting of a vote exercise",
	}},
	{"team on scale", header + "  - id: a\n    title: A\n    guidance: g\n    phase: apply\n    exercise:\n      kind: scale\n      statements: [s]\n      team: true\n", []string{
		"t.yaml:15:7: \"team\" is not a setting of a scale exercise",
	}},

	// Missing required settings.
	{"vote without from", header + "  - id: v\n    title: V\n    guidance: g\n    phase: apply\n    exercise:\n      kind: vote\n", []string{
		"t.yaml:13:7: missing key \"from\" in vote exercise of step \"v\"",
	}},
	{"matrix without from", header + "  - id: v\n    title: V\n    guidance: g\n    phase: apply\n    exercise:\n      kind: matrix\n", []string{
		"t.yaml:13:7: missing key \"from\" in matrix exercise of step \"v\"",
	}},
	{"journey without lanes and stages", header + "  - id: j\n    title: J\n    guidance: g\n    phase: apply\n    exercise:\n      kind: journey\n", []string{
		"t.yaml:13:7: missing key \"lanes\" in journey exercise of step \"j\"",
		"t.yaml:13:7: missing key \"stages\" in journey exercise of step \"j\" (or set add_stages: true)",
	}},
	{"journey empty stages", header + "  - id: j\n    title: J\n    guidance: g\n    phase: apply\n    exercise:\n      kind: journey\n      stages: []\n      lanes: [a]\n", []string{
		"t.yaml:14:15: stages must have at least one entry unless add_stages is true",
	}},
	{"journey add_stages", header + "  - id: j\n    title: J\n    guidance: g\n    phase: apply\n    exercise:\n      kind: journey\n      add_stages: true\n      lanes: [a]\n", nil},
	{"table without columns", header + "  - id: t\n    title: T\n    guidance: g\n    phase: apply\n    exercise:\n      kind: table\n", []string{
		"t.yaml:13:7: missing key \"columns\" in table exercise of step \"t\"",
	}},
	{"scale without statements", header + "  - id: s\n    title: S\n    guidance: g\n    phase: apply\n    exercise:\n      kind: scale\n", []string{
		"t.yaml:13:7: missing key \"statements\" in scale exercise of step \"s\"",
	}},
	{"checklist without items", header + "  - id: c\n    title: C\n    guidance: g\n    phase: apply\n    exercise:\n      kind: checklist\n", []string{
		"t.yaml:13:7: missing key \"items\" in checklist exercise of step \"c\"",
	}},
	{"quiz without questions", header + "  - id: q\n    title: Q\n    guidance: g\n    phase: apply\n    exercise:\n      kind: quiz\n", []string{
		"t.yaml:13:7: missing key \"questions\" in quiz exercise of step \"q\"",
	}},

	// Table columns.
	{"column problems", header + "  - id: t\n    title: T\n    guidance: g\n    phase: apply\n    exercise:\n      kind: table\n      columns:\n        - name: A\n          type: date\n        - name: B\n          type: choice\n        - name: C\n          type: text\n          options: [x, y]\n        - name: A\n          type: number\n        - type: text\n          width: 3\n", []string{
		"t.yaml:16:17: column type \"date\" is not one of text, number, choice",
		"t.yaml:17:11: missing key \"options\" in choice column",
		"t.yaml:21:11: options only apply to choice columns",
		"t.yaml:22:17: duplicate column name \"A\" (first at line 15)",
		"t.yaml:24:11: missing key \"name\" in column",
		"t.yaml:25:11: unknown key \"width\" in column",
	}},

	// Scale labels and matrix quadrants.
	{"four labels", header + "  - id: s\n    title: S\n    guidance: g\n    phase: apply\n    exercise:\n      kind: scale\n      statements: [one]\n      labels: [a, b, c, d]\n", []string{
		"t.yaml:15:15: labels must have exactly 5 entries, not 4",
	}},
	{"three quadrants", header + list1 + "  - id: m\n    title: M\n    guidance: g\n    phase: apply\n    exercise:\n      kind: matrix\n      from: ideas\n      quadrants: [a, b, c]\n      x_axis: {label: X, low: l}\n", []string{
		"t.yaml:21:18: quadrants must have exactly 4 entries, not 3",
		"t.yaml:22:15: missing key \"high\" in x_axis",
	}},

	// Quiz.
	{"quiz problems", header + "  - id: q\n    title: Q\n    guidance: g\n    phase: apply\n    exercise:\n      kind: quiz\n      questions:\n        - question: One option only\n          options:\n            - text: a\n              correct: true\n        - question: None correct\n          options:\n            - text: a\n            - text: b\n        - question: Two correct\n          options:\n            - text: a\n              correct: true\n            - text: b\n              correct: true\n              hint: no\n", []string{
		"t.yaml:17:13: options must have between 2 and 10 entries, not 1",
		"t.yaml:19:11: a question must have exactly one option with correct: true; none has",
		"t.yaml:28:24: a question must have exactly one option with correct: true; this is the second",
		"t.yaml:29:15: unknown key \"hint\" in option",
	}},

	// from references.
	{"from no such step", header + list1 + "  - id: v\n    title: V\n    guidance: g\n    phase: apply\n    exercise:\n      kind: vote\n      from: idea\n", []string{
		"t.yaml:20:13: from: no step \"idea\" in this module (did you mean \"ideas\"?)",
	}},
	{"from later step", header + "  - id: v\n    title: V\n    guidance: g\n    phase: apply\n    exercise:\n      kind: vote\n      from: ideas\n" + list1, []string{
		"t.yaml:14:13: from: step \"ideas\" comes later; from must name an earlier step",
	}},
	{"from itself", header + "  - id: v\n    title: V\n    guidance: g\n    phase: apply\n    exercise:\n      kind: matrix\n      from: v\n", []string{
		"t.yaml:14:13: from: step \"v\" is this step; from must name an earlier step",
	}},
	{"from not a list", header + "  - id: r\n    title: R\n    guidance: g\n    phase: apply\n    exercise:\n      kind: reflection\n  - id: n\n    title: N\n    guidance: g\n    phase: apply\n  - id: v\n    title: V\n    guidance: g\n    phase: apply\n    exercise:\n      kind: vote\n      from: r\n  - id: m\n    title: M\n    guidance: g\n    phase: apply\n    exercise:\n      kind: matrix\n      from: n\n", []string{
		"t.yaml:24:13: from: step \"r\" has no list exercise; no step before this one has a list exercise",
		"t.yaml:31:13: from: step \"n\" has no list exercise; no step before this one has a list exercise",
	}},

	{"from names the wrong kind of step", header + list1 + "  - id: intro\n    title: I\n    guidance: g\n    phase: apply\n  - id: v\n    title: V\n    guidance: g\n    phase: apply\n    exercise:\n      kind: vote\n      from: intro\n", []string{
		"t.yaml:24:13: from: step \"intro\" has no list exercise; the list steps before this one are \"ideas\"",
	}},

	{"team vote on an anonymous list", header + "  - id: ideas\n    title: I\n    guidance: g\n    phase: apply\n    exercise: {kind: list, anonymous: true, max_length: 60}\n" +
		"  - id: v\n    title: V\n    guidance: g\n    phase: apply\n    exercise:\n      kind: matrix\n      from: ideas\n      team: true\n", []string{
		"t.yaml:19:13: from: step \"ideas\" is an anonymous list, one pool for the whole cohort that belongs to no team, so a team matrix would show no items: remove team: true here",
	}},

	// Step names and suggestions.
	{"step without id", header + "  - title: A\n    guidance: g\n", []string{
		"t.yaml:8:5: missing key \"id\" in step 1",
		"t.yaml:8:5: missing key \"phase\" in step 1",
	}},
	{"mistyped keys and values", header + "  - id: a\n    title: A\n    guidance: g\n    phase: reflection\n    timebx: 5\n    exercise:\n      kind: lists\n  - id: b\n    title: B\n    guidance: g\n    phase: apply\n    exercise:\n      kind: list\n      max_item: 3\n", []string{
		"t.yaml:11:12: phase \"reflection\" is not a phase (did you mean \"reflect\"?)",
		"t.yaml:12:5: unknown key \"timebx\" in step \"a\" (did you mean \"timebox\"?)",
		"t.yaml:14:13: unknown exercise kind \"lists\" (did you mean \"list\"?)",
		"t.yaml:21:7: unknown key \"max_item\" in list exercise of step \"b\" (did you mean \"max_items\"?)",
	}},

	// Bounds.
	{"bounds", header + list1 + "      max_length: 0\n      max_items: 1000\n  - id: r\n    title: R\n    guidance: g\n    phase: apply\n    timebox: 2000\n    exercise:\n      kind: reflection\n      max_length: 20001\n  - id: v\n    title: V\n    guidance: g\n    phase: apply\n    exercise:\n      kind: vote\n      from: ideas\n      dots: 21\n  - id: w\n    title: W\n    guidance: g\n    phase: apply\n    exercise:\n      kind: vote\n      from: ideas\n      max_per_item: 4\n", []string{
		"t.yaml:14:19: max_length must be between 1 and 20000",
		"t.yaml:15:18: max_items must be between 1 and 200",
		"t.yaml:20:14: timebox must be at most 1440 minutes",
		"t.yaml:23:19: max_length must be between 1 and 20000",
		"t.yaml:31:13: dots must be between 1 and 20",
		"t.yaml:39:21: max_per_item (4) cannot be more than dots (3)",
	}},
	{"max_per_item with broken dots", header + list1 + "  - id: v\n    title: V\n    guidance: g\n    phase: apply\n    exercise:\n      kind: vote\n      from: ideas\n      dots: 50\n      max_per_item: 4\n", []string{
		"t.yaml:21:13: dots must be between 1 and 20",
	}},
	{"too many lanes", header + "  - id: j\n    title: J\n    guidance: g\n    phase: apply\n    exercise:\n      kind: journey\n      stages: [s]\n      lanes: [a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, u]\n", []string{
		"t.yaml:15:14: lanes must have between 1 and 20 entries, not 22",
	}},
	{"duplicate entries", header + "  - id: j\n    title: J\n    guidance: g\n    phase: apply\n    exercise:\n      kind: journey\n      stages: [a, b, a]\n      lanes: [x, \"\"]\n", []string{
		"t.yaml:14:22: duplicate entry \"a\" in stages (first at line 14)",
		"t.yaml:15:18: entry 2 of lanes is empty",
	}},

	// Many problems in one file are all reported.
	{"many problems", "id: T\ntitle: T\nlanguage: en\nduration: -1\nversion: \"1\"\nsteps:\n  - id: a\n    title: A\n    phase: doing\n    exercise:\n      kind: vote\n      from: b\n      dots: 0\n  - id: a\n    guidance: g\n    phase: apply\n    extra: true\n", []string{
		"t.yaml:1:1: missing key \"summary\" in module",
		"t.yaml:1:5: module id \"T\" may use only lowercase letters, digits and dashes, and must start with a letter or digit",
		"t.yaml:4:11: duration must not be negative",
		"t.yaml:7:5: missing key \"guidance\" in step \"a\"",
		"t.yaml:9:12: phase \"doing\" is not one of experience, reflect, conceptualize, apply",
		"t.yaml:12:13: from: no step \"b\" in this module; no step before this one has a list exercise",
		"t.yaml:13:13: dots must be between 1 and 20",
		"t.yaml:14:5: missing key \"title\" in step \"a\"",
		"t.yaml:14:9: duplicate step id \"a\" (first used at line 7)",
		"t.yaml:17:5: unknown key \"extra\" in step \"a\"",
	}},
}
