package exercise

import (
	"bytes"
	"reflect"
	"testing"

	"workshop/session/work"
)

// A reflection's encoding is remembered by its text alone, which holds only while the text is
// all the stored form has; and it follows every change of the text.
func TestReflectionEncodingFollowsText(t *testing.T) {
	if n := reflect.TypeFor[work.Reflection]().NumField(); n != 1 {
		t.Fatalf("work.Reflection has %d fields: exBase.encode remembers its encoding by the text alone", n)
	}
	b := &exBase{env: &Env{}, value: &work.Reflection{}}
	for _, text := range []string{"", "a", "a", "ab", ""} {
		b.value.(*work.Reflection).Text = text
		want, _ := work.Encode(&work.Reflection{Text: text})
		if got := b.encode(); !bytes.Equal(got, want) {
			t.Errorf("encode() of %q = %s, want %s", text, got, want)
		}
	}
}
