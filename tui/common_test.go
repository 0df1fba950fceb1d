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

// A participant screen made in Portuguese gives its editors the same language: the
// exercise's words and its keys' help.
func TestParticipantEditorsSpeakTheScreensLanguage(t *testing.T) {
	pv := screenMovedToReflection(t, i18n.New(i18n.Portuguese))
	if pv.ex == nil {
		t.Fatal("no editor after the move")
	}
	if v := pv.ex.View(); !strings.Contains(v, "Não iniciado · ctrl+s envia") {
		t.Errorf("the editor is not in Portuguese:\n%s", v)
	}
	if d := pv.ek.Add.Help().Desc; d != "adicionar" {
		t.Errorf("the editors' add key says %q", d)
	}
}
