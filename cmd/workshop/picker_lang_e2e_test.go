package main

import (
	"testing"

	"workshop/internal/testenv"
	"workshop/session"
)

// A key holder in two cohorts of a translated module, on a Portuguese terminal, chooses among
// them by the module's Portuguese title.
func TestPickerShowsModulesInTheTerminalsLanguage(t *testing.T) {
	ts, facKey, _ := setup(t)
	key, _ := newKey(t)
	for _, name := range []string{"Turma A", "Turma B"} {
		out, errOut, rc := runCommand(t, ts.addr(), facKey, `cohort create --module warmup --name "`+name+`"`)
		code := lastLine(out)
		if rc != 0 || !session.LooksLikeJoinCode(code) {
			t.Fatalf("cohort create: exit %d\n%s%s", rc, out, errOut)
		}
		c := &termClient{testenv.DialTermEnv(t, ts.addr(), code, key, 80, 24, "LANG=pt_BR.UTF-8")}
		c.waitFor("Turma: " + name)
		c.typeText("Bo Key" + keyEnter)
		c.waitFor("Etapa 1 de 3")
		c.close()
	}
	p := &termClient{testenv.DialTermEnv(t, ts.addr(), "bo", key, 80, 24, "LANG=pt_BR.UTF-8")}
	p.waitFor("Turma A", "Turma B", "Aquecimento para uma sessão")
	p.close()
}
