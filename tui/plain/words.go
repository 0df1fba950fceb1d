package plain

import (
	"strings"

	"workshop/i18n"
)

// A command is typed as an English word in every language, or as the reader's own word for
// it. localWords gives, by language and by English word, the words that language adds; the
// first is the one the help and the examples name (the catalogs write the same word). No
// local word is an English command word, and none stands for two commands of one place, so a
// word always means one thing (words_test.go checks both).
var localWords = map[i18n.Lang]map[string][]string{
	i18n.Portuguese: {
		"help": {"ajuda"}, "step": {"etapa"}, "status": {"situação", "onde"}, "time": {"tempo"},
		"next": {"próximo", "próxima", "avançar"}, "back": {"voltar", "anterior"}, "group": {"turma"},
		"go": {"ir"}, "hand": {"mão"}, "lower": {"baixar"}, "full": {"tela"}, "quit": {"sair"},
		"language": {"idioma", "língua"}, "list": {"lista", "ler"}, "done": {"pronto", "enviar"},
		"undo": {"desfazer"}, "clear": {"limpar"}, "tick": {"marcar"}, "untick": {"desmarcar"},
		"note": {"nota"}, "answer": {"responder", "resposta"}, "rate": {"avaliar"},
		"dot": {"ponto"}, "undot": {"tirar"}, "dots": {"pontos"}, "place": {"colocar"},
		"remove": {"remover"}, "set": {"preencher"}, "stage": {"fase"}, "row": {"linha"},
		"add": {"adicionar"}, "edit": {"editar"}, "delete": {"apagar"}, "up": {"subir"},
		"down": {"descer"},
	},
	i18n.Spanish: {
		"help": {"ayuda"}, "step": {"paso"}, "status": {"estado", "dónde"}, "time": {"tiempo"},
		"next": {"siguiente", "avanzar"}, "back": {"anterior", "atrás", "volver"}, "group": {"grupo"},
		"go": {"ir"}, "hand": {"mano"}, "lower": {"bajar"}, "full": {"pantalla"}, "quit": {"salir"},
		"language": {"idioma"}, "list": {"lista", "ver"}, "done": {"listo", "enviar"},
		"undo": {"deshacer"}, "clear": {"vaciar"}, "tick": {"marcar"}, "untick": {"desmarcar"},
		"note": {"nota"}, "answer": {"responder", "respuesta"}, "rate": {"calificar"},
		"dot": {"punto"}, "undot": {"quitar"}, "dots": {"puntos"}, "place": {"ubicar", "poner"},
		"remove": {"retirar"}, "set": {"llenar"}, "stage": {"etapa"}, "row": {"fila"},
		"add": {"agregar"}, "edit": {"editar"}, "delete": {"borrar", "eliminar"}, "up": {"arriba"},
		"down": {"abajo"},
	},
	i18n.Italian: {
		"help": {"aiuto"}, "step": {"passo"}, "status": {"stato", "dove"}, "time": {"tempo"},
		"next": {"avanti", "prossimo"}, "back": {"indietro"}, "group": {"gruppo"},
		"go": {"vai"}, "hand": {"mano"}, "lower": {"abbassa"}, "full": {"schermo"}, "quit": {"esci"},
		"language": {"lingua"}, "list": {"elenco", "leggi"}, "done": {"fatto", "invia"},
		"undo": {"annulla"}, "clear": {"svuota"}, "tick": {"spunta"}, "untick": {"togli"},
		"note": {"nota"}, "answer": {"rispondi", "risposta"}, "rate": {"valuta"},
		"dot": {"punto"}, "undot": {"ritira"}, "dots": {"punti"}, "place": {"metti"},
		"remove": {"rimuovi"}, "set": {"compila"}, "stage": {"fase"}, "row": {"riga"},
		"add": {"aggiungi"}, "edit": {"modifica"}, "delete": {"elimina", "cancella"}, "up": {"su"},
		"down": {"giù"},
	},
}

// englishWords are the command words of plain mode in English, each with the word it stands
// for: they work in every language.
var englishWords = map[string]string{
	"help": "help", "?": "help", "step": "step", "again": "step", "status": "status", "where": "status",
	"time": "time", "next": "next", "back": "back", "previous": "back", "prev": "back",
	"group": "group", "go": "go", "hand": "hand", "lower": "lower", "full": "full",
	"quit": "quit", "exit": "quit", "bye": "quit", "language": "language", "lang": "language",
	"list": "list", "read": "list", "show": "list", "done": "done", "submit": "done",
	"undo": "undo", "clear": "clear", "tick": "tick", "untick": "untick", "note": "note",
	"answer": "answer", "rate": "rate", "dot": "dot", "undot": "undot", "dots": "dots",
	"place": "place", "move": "place", "remove": "remove", "unplace": "remove", "set": "set",
	"cell": "set", "stage": "stage", "row": "row", "add": "add", "edit": "edit",
	"delete": "delete", "up": "up", "down": "down",
}

// commandOf reads the first word of a typed line as a command: the English word it stands for
// (in lower case), whichever of the reader's language's words or the English ones was typed.
// A word that is no command comes back as it was typed, in lower case.
func commandOf(l i18n.Lang, typed string) string {
	w := strings.ToLower(typed)
	if en, ok := englishWords[w]; ok {
		return en
	}
	f := fold(w)
	for en, locals := range localWords[l] {
		for _, lw := range locals {
			if fold(lw) == f {
				return en
			}
		}
	}
	return w
}

// localWord is the word the reader's language types for the English command en: the one the
// help names.
func localWord(l i18n.Lang, en string) string {
	if ws := localWords[l][en]; len(ws) > 0 {
		return ws[0]
	}
	return en
}

// accents folds the accented letters of the four languages, so "proximo" is "próximo" for a
// keyboard without them.
var accents = strings.NewReplacer(
	"á", "a", "à", "a", "â", "a", "ã", "a", "é", "e", "è", "e", "ê", "e", "í", "i", "ì", "i",
	"ó", "o", "ò", "o", "ô", "o", "õ", "o", "ú", "u", "ù", "u", "ü", "u", "ç", "c", "ñ", "n",
)

func fold(s string) string { return accents.Replace(strings.ToLower(s)) }
