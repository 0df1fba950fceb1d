package main

import (
	"strings"
	"testing"

	"workshop/internal/testenv"
)

// keyF3 is F3 as an xterm sends it: the key that changes the interface's language.
const keyF3 = "\x1bOR"

// A participant whose terminal sends LANG=pt_BR.UTF-8 reads Portuguese from the lobby on: the
// lobby, the warm-up's steps in their Portuguese translation, and the help. Another, on a
// terminal that sends no locale, picks Italian with F3 in the lobby, leaves, comes back with
// their rejoin code from a terminal that sends none either, and is in Italian again.
func TestEveryLanguageParticipantEndToEnd(t *testing.T) {
	ts, facKey, _ := setup(t)
	out, errOut, rc := runCommand(t, ts.addr(), facKey, `cohort create --module warmup --name "Turma de terça"`)
	if rc != 0 {
		t.Fatalf("cohort create: %d %s %s", rc, out, errOut)
	}
	code := lastLine(out)

	ana := &termClient{testenv.DialTermEnv(t, ts.addr(), "ana", nil, 80, 24, "LANG=pt_BR.UTF-8")}
	ana.waitFor("Entrar em um workshop", "F3 Idioma: Português (Brasil)", "Digite o código da turma")
	ana.typeText(code + keyEnter)
	ana.waitFor("Turma: Turma de terça", "Que nome")
	ana.typeText("Ana Souza" + keyEnter)
	ana.waitFor("Você entrou. Guarde este código:")
	ana.press(keyEnter)
	s := ana.waitFor("Etapa 1 de 3 — Por que começamos com um aquecimento", "● conectado", "Boas-vindas")
	for _, english := range []string{"Step 1", "connected", "more keys", "leave", "Welcome"} {
		if strings.Contains(s, english) {
			t.Errorf("English %q on a Portuguese screen:\n%s", english, s)
		}
	}
	ana.press("?")
	ana.waitFor("Teclas", "rolar a orientação", "etapa do grupo", "F3 Idioma: Português (Brasil)", "Tecle ? ou esc para fechar esta ajuda.")
	ana.press(keyEsc)
	ana.waitGone("Teclas")
	runCommand(t, ts.addr(), facKey, "step "+code+" 2")
	ana.waitFor("Etapa 2 de 3 — O último serviço que você usou")

	bea := dialTerm(t, ts.addr(), "bea", nil, 80, 24)
	bea.waitFor("Join a workshop", "F3 Language: English")
	bea.press(keyF3)
	bea.waitFor("Entrar em um workshop", "F3 Idioma: Português (Brasil)")
	bea.press(keyF3)
	bea.waitFor("Unirse a un taller", "F3 Idioma: Español")
	bea.press(keyF3)
	bea.waitFor("Entra in un workshop", "F3 Lingua: Italiano")
	bea.typeText(code + keyEnter)
	bea.waitFor("Che nome")
	bea.typeText("Bea" + keyEnter)
	s = bea.waitFor("Sei dentro. Conserva questo codice:")
	rejoin := rejoinRe.FindString(s)
	if rejoin == "" {
		t.Fatalf("no rejoin code on screen:\n%s", s)
	}
	bea.press(keyEnter)
	bea.waitFor("Passo 2 di 3 — L'ultimo servizio che hai usato", "● connesso")
	bea.close()

	again := dialTerm(t, ts.addr(), "someone", nil, 80, 24)
	again.waitFor("Join a workshop")
	again.typeText(rejoin + keyEnter)
	again.waitFor("Passo 2 di 3 — L'ultimo servizio che hai usato", "● connesso")
	again.press("\x1bOP") // F1: the step's answer has the keys
	again.waitFor("Tasti", "F3 Lingua: Italiano")
}
