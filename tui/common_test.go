package tui

import (
	"context"
	"strings"
	"testing"

	"workshop/i18n"
	"workshop/session"
	"workshop/tui/ui/uitest"
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
	m, h, ps := exercisesCohortOn(t, nil, session.PaceLed, "Ana")
	ctx := context.Background()
	deps := &Deps{Ctx: ctx, Manager: m, Conn: &Conn{}}
	sub, err := h.Subscribe(ctx, ps[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Close()
	pv := newParticipantView(newCommon(deps, uitest.Styles(), i18n.New(i18n.Portuguese)), h, sub, ps[0])
	pv.Resize(80, 20)
	pv.Init()
	if err := h.Move(ctx, session.ShellActor("test"), 1); err != nil { // the reflection
		t.Fatal(err)
	}
	pv.Update(stateMsg{snap: h.Snapshot()})
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
