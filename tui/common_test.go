package tui

import (
	"strings"
	"testing"

	"workshop/i18n"
)

// A Common made in another language speaks it in its keys' help as well as its messages, and
// leaves the one it was made from as it was.
func TestCommonWithLangRebuildsTheKeys(t *testing.T) {
	en := newCommon(&Deps{}, nil, nil)
	pt := en.withLang(i18n.Portuguese)
	if got := pt.keys.Submit.Help().Desc; got != "enviar" {
		t.Errorf("pt-BR submit help is %q", got)
	}
	if got := pt.T("Keys"); got != "Teclas" {
		t.Errorf("pt-BR prints %q", got)
	}
	if got := en.keys.Submit.Help().Desc; got != "submit" {
		t.Errorf("the English Common changed: submit help is %q", got)
	}
	for _, l := range i18n.Languages {
		c := newCommon(&Deps{}, nil, i18n.Strict(l))
		if d := c.keys.Help.Help().Desc; d == "" || strings.Contains(d, "⟦") {
			t.Errorf("%s: help key says %q", l, d)
		}
	}
}
