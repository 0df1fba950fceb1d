package session

import (
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"workshop/i18n"
)

func TestCleanText(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain", "Hello, São Paulo", "Hello, São Paulo"},
		{"keeps newlines", "one\ntwo\n\nthree", "one\ntwo\n\nthree"},
		{"crlf and cr", "a\r\nb\rc", "a\nb\nc"},
		{"tab to spaces", "a\tb", "a    b"},
		{"csi colour", "\x1b[31mred\x1b[0m text", "red text"},
		{"csi cursor moves", "x\x1b[2J\x1b[H\x1b[10;20Hy", "xy"},
		{"osc title with bel", "\x1b]0;pwned\x07ok", "ok"},
		{"osc hyperlink with st", "\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\", "link"},
		{"dcs", "\x1bP1$r0m\x1b\\after", "after"},
		{"c1 csi", "a\u009b31mb", "ab"},
		{"c1 osc", "a\u009d0;t\u009cb", "ab"},
		{"bell backspace nul del", "a\x07\x08\x00\x7fb", "ab"},
		{"bidi override", "abc\u202edcba", "abcdcba"},
		{"lone esc at end", "abc\x1b", "abc"},
		{"esc charset", "a\x1b(Bb", "ab"},
		{"invalid utf8", "a\xff\xfeb", "ab"},
		{"emoji kept", "ok 👍🏽", "ok 👍🏽"},
		{"zero-width space", "An\u200ba", "Ana"},
		{"zero-width joiner between letters", "Ana\u200d", "Ana"},
		{"zero-width non-joiner between letters", "a\u200cb", "ab"},
		{"byte order mark", "\ufeffAna", "Ana"},
		{"word joiner and invisible operators", "a\u2060b\u2062c", "abc"},
		{"soft hyphens", "so\u00adft\u00adly", "softly"},
		{"mongolian vowel separator", "a\u180eb", "ab"},
		{"hangul fillers", "\u3164\u115f\uffa0x", "x"},
		{"interlinear annotation hides text", "a\ufff9hidden\ufffab\ufffbc", "ahiddenbc"},
		{"lone tags smuggle text", "ok\U000e0068\U000e0069\U000e007f", "ok"},
		{"line and paragraph separators", "one\u2028two\u2029three", "one\ntwo\nthree"},
		{"emoji zwj sequence kept", "👨\u200d👩\u200d👧 👩🏽\u200d💻 🏳️\u200d🌈", "👨\u200d👩\u200d👧 👩🏽\u200d💻 🏳️\u200d🌈"},
		{"trailing zwj after emoji", "👍\u200d", "👍"},
		{"persian non-joiner kept", "می\u200cخواهم", "می\u200cخواهم"},
		{"devanagari joiner kept", "क्\u200dष", "क्\u200dष"},
		{"england flag kept", "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f", "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"},
		{"flag with bad tags", "🏴\U000e0041\U000e007f!", "🏴!"},
		{"variation selector kept", "☺\ufe0f e\u0301", "☺\ufe0f e\u0301"},
		{"cjk and combining kept", "日本語 Zoë", "日本語 Zoë"},
		{"arabic number sign kept", "\u0600١٢", "\u0600١٢"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := CleanText(c.in); got != c.want {
				t.Errorf("CleanText(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestCleanLine(t *testing.T) {
	if got := CleanLine("  Ana\n  \x1b[1mSouza\x1b[0m\t "); got != "Ana Souza" {
		t.Errorf("CleanLine = %q", got)
	}
}

func TestBound(t *testing.T) {
	if err := Bound(i18n.M("name"), strings.Repeat("é", 40), 40); err != nil {
		t.Errorf("40 runes within 40: %v", err)
	}
	err := Bound(i18n.M("name"), strings.Repeat("é", 41), 40)
	var tl *TooLongError
	if !errors.As(err, &tl) || tl.Len != 41 || tl.Limit != 40 {
		t.Fatalf("want TooLongError 41/40, got %v", err)
	}
	if !strings.Contains(err.Error(), "limit is 40") {
		t.Errorf("message should name the limit: %q", err)
	}
}

// checkClean asserts the properties every cleaned string must have.
func checkClean(t *testing.T, in, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("invalid UTF-8 out of %q: %q", in, out)
	}
	rs := []rune(out)
	for i, r := range rs {
		if (r < 0x20 && r != '\n') || r == 0x7f || (r >= 0x80 && r < 0xa0) || isBidiControl(r) {
			t.Fatalf("control %U left in %q (from %q)", r, out, in)
		}
		switch {
		case r == 0x2028 || r == 0x2029:
			t.Fatalf("line separator %U left in %q (from %q)", r, out, in)
		case r == zwj || r == zwnj:
			// A joiner is kept only between two characters that draw something.
			if i == 0 || i == len(rs)-1 || unicode.IsSpace(rs[i-1]) || unicode.IsSpace(rs[i+1]) || invisible(rs[i+1]) {
				t.Fatalf("joiner %U at %d of %q draws nothing (from %q)", r, i, out, in)
			}
		case r >= tagFirst && r <= tagLast:
			// Tags only name a flag: they follow a black flag or another tag.
			if i == 0 || (rs[i-1] != blackFlag && (rs[i-1] < tagFirst || rs[i-1] > tagLast)) {
				t.Fatalf("tag %U outside a flag in %q (from %q)", r, out, in)
			}
		case invisible(r) || (unicode.Is(unicode.Cf, r) && !unicode.Is(unicode.Prepended_Concatenation_Mark, r)):
			t.Fatalf("invisible %U left in %q (from %q)", r, out, in)
		}
	}
	if again := CleanText(out); again != out {
		t.Fatalf("not idempotent: %q -> %q -> %q", in, out, again)
	}
}

func FuzzCleanText(f *testing.F) {
	for _, s := range []string{"hello", "\x1b[31mred", "\x1b]0;t\x07", "a\r\nb", "\u009b1m", "\xff", "\x1bP..\x1b\\", "tab\there",
		"An\u200ba\u00a0\u200d", "\u202eanA", "so\u00adft", "a\u2028b\u2029", "\ufeff\u2060x",
		"👨\u200d👩\u200d👧\u200d", "🏴\U000e0067\U000e0062\U000e007f", "\u200d\u200d👍", "می\u200cخواهم"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		checkClean(t, in, CleanText(in))
		line := CleanLine(in)
		checkClean(t, in, line)
		if strings.Contains(line, "\n") {
			t.Fatalf("CleanLine kept a newline: %q", line)
		}
	})
}

func TestCleanJSON(t *testing.T) {
	out, err := CleanJSON([]byte(`{"text":"hi\u001b[2J there","items":[{"t":"\u0007x"}],"n":3,"\u001b[1mk":true}`))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"items":[{"t":"x"}],"k":true,"n":3,"text":"hi there"}`
	if string(out) != want {
		t.Errorf("got %s\nwant %s", out, want)
	}
	if _, err := CleanJSON([]byte("{not json")); err == nil {
		t.Error("invalid JSON accepted")
	}
}

func FuzzCleanJSON(f *testing.F) {
	f.Add([]byte(`{"text":"a\u001b[31mb"}`))
	f.Add([]byte(`["x",1,null,{"k":"\u009b"}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := CleanJSON(data)
		if err != nil {
			return
		}
		var walk func(v any)
		walk = func(v any) {
			switch x := v.(type) {
			case string:
				checkClean(t, x, x)
			case []any:
				for _, e := range x {
					walk(e)
				}
			case map[string]any:
				for k, e := range x {
					checkClean(t, k, k)
					walk(e)
				}
			}
		}
		v, err := decodeAny(out)
		if err != nil {
			t.Fatalf("cleaned JSON does not decode: %v", err)
		}
		walk(v)
	})
}
