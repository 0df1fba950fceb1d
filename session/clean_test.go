package session

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
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
	if err := Bound("name", strings.Repeat("é", 40), 40); err != nil {
		t.Errorf("40 runes within 40: %v", err)
	}
	err := Bound("name", strings.Repeat("é", 41), 40)
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
	for _, r := range out {
		if (r < 0x20 && r != '\n') || r == 0x7f || (r >= 0x80 && r < 0xa0) || isBidiControl(r) {
			t.Fatalf("control %U left in %q (from %q)", r, out, in)
		}
	}
	if again := CleanText(out); again != out {
		t.Fatalf("not idempotent: %q -> %q -> %q", in, out, again)
	}
}

func FuzzCleanText(f *testing.F) {
	for _, s := range []string{"hello", "\x1b[31mred", "\x1b]0;t\x07", "a\r\nb", "\u009b1m", "\xff", "\x1bP..\x1b\\", "tab\there"} {
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
