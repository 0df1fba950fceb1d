package main

import (
	"context"
	"testing"

	"workshop/i18n"
	"workshop/session"
	"workshop/session/work"
)

// A participant on a dumb terminal whose client sends LANG=pt_BR.UTF-8 reads plain mode in
// Portuguese from the first line, the warm-up in its Portuguese translation, and completes a
// step typing Portuguese command words; choosing Italian with idioma stores the choice. Nothing
// in the stream moves a cursor.
func TestPlainInPortuguese(t *testing.T) {
	ts, facKey, _ := setup(t)
	out, errOut, rc := runCommand(t, ts.addr(), facKey, `cohort create --module warmup --name "Aquecimento"`)
	if rc != 0 {
		t.Fatalf("cohort create: %d %s %s", rc, out, errOut)
	}
	code := lastLine(out)
	c := dialPlain(t, ts.addr(), code, nil, "LANG=pt_BR.UTF-8")
	c.expect("workshop, modo simples: uma linha por vez.", "Turma: Aquecimento. Que nome")
	out = c.do("Rui", "Seu código de retorno é", "Etapa 1 de 3: Por que começamos com um aquecimento.", "Nesta etapa é só ler.")
	rejoin := rejoinRe.FindString(out)
	c.do("ajuda", "cada um em sua linha:", "próximo, voltar: a etapa seguinte ou a anterior.")
	c.do("proximo", "A facilitação é quem abre as próximas etapas.")

	moveTo(t, ts, facKey, code, 2)
	c.expect("A turma foi para a etapa 2: O último serviço que você usou.", "Escreva sua resposta")
	c.do("Renovei meu passaporte pela internet.", "Salvo como rascunho: 1 linha.")
	c.do("Precisei ir três vezes ao posto.", "Salvo como rascunho: 2 linhas.")
	c.do("desfazer", "A última linha da sua resposta foi retirada.")
	c.do("pronto", "Enviado. Você ainda pode mudar.")
	c.do("situação", "Etapa 2 de 3", "Você deu por concluída; ainda pode mudar.")
	c.do("idioma", "Idiomas: 1 English (en), 2 Português (Brasil) (pt-BR), 3 Español (es), 4 Italiano (it).")
	c.do("idioma 4", "Da ora leggi il workshop in Italiano.", "Passo 2 di 3")
	c.do("esci", "Arrivederci.")

	h := hubOf(t, ts, code)
	pid := h.Snapshot().Roster[0].ID
	step := h.Module().Steps[1]
	a := stepWork(t, h, pid, step.ID)
	if a.Status != session.StatusSubmitted || decodeWork(t, h, a).(*work.Reflection).Text != "Renovei meu passaporte pela internet." {
		t.Errorf("step 2 stored %s %s", a.Status, a.Data)
	}
	if l, err := ts.srv.manager.ParticipantLanguage(context.Background(), pid); err != nil || l != i18n.Italian {
		t.Errorf("stored language %q (%v), want it", l, err)
	}
	assertPlainStream(t, c)

	// Back with the rejoin code from a terminal that sends no language, plain mode is
	// remembered and speaks the stored Italian; "schermo" opens the full screen, in Italian too.
	_ = c.sess.Close()
	back := dialTerm(t, ts.addr(), "", nil, 100, 30)
	back.waitFor("Join a workshop")
	back.typeText(rejoin + keyEnter)
	back.waitFor("Benvenuto, Rui.", "Passo 2 di 3: L")
	back.typeText("schermo" + keyEnter)
	back.waitFor("Passo 2 di 3 — ")
}
