package main

import (
	"strings"
	"testing"

	"workshop/internal/testenv"
)

// `ssh view@HOST` from a terminal that sends LANG=pt_BR.UTF-8 shows the big screen in
// Portuguese from the view-code prompt on, with the warm-up's step in its Portuguese
// translation, at 80×24 and 40×12; the same cohort viewed from a terminal that sends no locale
// is in the module's English.
func TestEveryLanguageBigScreenEndToEnd(t *testing.T) {
	ts, facKey, _ := setup(t)
	out, errOut, rc := runCommand(t, ts.addr(), facKey, `cohort create --module warmup --name "Turma de terça"`)
	if rc != 0 {
		t.Fatalf("cohort create: %d %s %s", rc, out, errOut)
	}
	code := lastLine(out)
	viewCode := viewCodeOf(t, facRun(t, ts, facKey, "cohort show "+code))

	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		v := &termClient{testenv.DialTermEnv(t, ts.addr(), "view", nil, size[0], size[1], "LANG=pt_BR.UTF-8")}
		v.waitFor("Telão", "Código de exibição")
		v.typeText(viewCode + keyEnter)
		s := v.waitFor("Etapa 1 de 3", "Por que começamos")
		if size[1] >= 24 {
			s = v.waitFor("Entrar: ssh", code+"@", "Telão de Turma de terça")
		}
		for _, english := range []string{"Step 1", "Join:", "Big screen", "Why we start"} {
			if strings.Contains(s, english) {
				t.Errorf("English %q on the Portuguese big screen at %dx%d:\n%s", english, size[0], size[1], s)
			}
		}
	}
	en := dialTerm(t, ts.addr(), "view", nil, 80, 24)
	en.waitFor("View code")
	en.typeText(viewCode + keyEnter)
	en.waitFor("Step 1 of 3", "Join: ssh", "Big screen of Turma de terça")
}
