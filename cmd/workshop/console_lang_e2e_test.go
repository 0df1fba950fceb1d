package main

import (
	"testing"

	"workshop/internal/testenv"
)

// A facilitator whose SSH client sends a Spanish locale sees the console in Spanish, from the
// cohort list into the room. F3 in the room moves it on to Italian at once, and the choice
// outlives the connection: the next one starts in Italian although the terminal still says
// Spanish.
func TestFacilitatorConsoleSpeaksTheTerminalsLanguage(t *testing.T) {
	const f3 = "\x1bOR" // F3 as an xterm sends it
	ts, facKey, _ := setup(t)
	code := createCohort(t, ts, facKey)

	fac := &termClient{testenv.DialTermEnv(t, ts.addr(), "fran", facKey, 80, 24, "LANG=es_MX.UTF-8")}
	fac.waitFor("consola de facilitación", code, "Tuesday group", "CÓDIGO", "GRUPO")
	fac.press(keyEnter)
	fac.waitFor("Paso 1 de 3", "Código "+code, "Lista", "Nadie ha entrado todavía")
	fac.press(f3)
	fac.waitFor("Passo 1 di 3", "Codice "+code, "Elenco")
	fac.press(keyEsc)
	fac.waitFor("console di facilitazione", "GRUPPO")
	fac.close()

	again := &termClient{testenv.DialTermEnv(t, ts.addr(), "fran", facKey, 40, 12, "LANG=es_MX.UTF-8")}
	again.waitFor("console di facilitazione")
}
