package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// use is one message key written in the project's code.
type use struct {
	key string
	at  string
}

// projectRoot is the directory of go.mod above this package.
func projectRoot(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for ; dir != filepath.Dir(dir); dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
	}
	t.Fatal("no go.mod above the package")
	return ""
}

// keysInCode reads every non-test Go file of the project and returns the keys given to
// Printer.T (any call x.T("literal", …)) and to M, and the calls whose key is not a literal.
func keysInCode(t *testing.T) (uses []use, dynamic []string) {
	t.Helper()
	root := projectRoot(t)
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "data") && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		inI18n := filepath.Dir(path) == filepath.Join(root, "i18n")
		inSession := filepath.Dir(path) == filepath.Join(root, "session")
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			arg := keyArg(call, inI18n, inSession)
			if arg < 0 || arg >= len(call.Args) {
				return true
			}
			pos := fset.Position(call.Pos())
			at := strings.TrimPrefix(pos.Filename, root+"/") + ":" + strconv.Itoa(pos.Line)
			if key, ok := literal(call.Args[arg]); ok {
				uses = append(uses, use{key, at})
			} else if !inI18n {
				dynamic = append(dynamic, at)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return uses, dynamic
}

// keyArg says which argument of call is a message key, or -1: x.T(key, …), i18n.M(key, …)
// (M inside this package), and session.Errorf(code, key, …) (Errorf inside package session).
func keyArg(call *ast.CallExpr, inI18n, inSession bool) int {
	switch fn := call.Fun.(type) {
	case *ast.SelectorExpr:
		if fn.Sel.Name == "T" {
			return 0
		}
		id, ok := fn.X.(*ast.Ident)
		switch {
		case ok && id.Name == "i18n" && fn.Sel.Name == "M":
			return 0
		case ok && id.Name == "session" && fn.Sel.Name == "Errorf":
			return 1
		}
	case *ast.Ident:
		switch {
		case inI18n && fn.Name == "M":
			return 0
		case inSession && fn.Name == "Errorf":
			return 1
		}
	}
	return -1
}

// literal reads a string literal, or literals joined with +.
func literal(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		l, ok1 := literal(e.X)
		r, ok2 := literal(e.Y)
		return l + r, ok1 && ok2
	case *ast.ParenExpr:
		return literal(e.X)
	}
	return "", false
}

func TestCatalogsRead(t *testing.T) {
	cs, err := loadCatalogs()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range Languages {
		if cs.byLang[l] == nil {
			t.Errorf("no catalog for %s", l)
		}
	}
}

// Every key the code prints has a translation in every language but English.
func TestEveryKeyIsTranslated(t *testing.T) {
	cs, err := loadCatalogs()
	if err != nil {
		t.Fatal(err)
	}
	uses, dynamic := keysInCode(t)
	for _, at := range dynamic {
		t.Errorf("%s: a message key must be a string literal (name it with i18n.M where it is chosen)", at)
	}
	pending := pendingDirs(t)
	seen := map[string]bool{}
	for _, u := range uses {
		if seen[u.key] || isPending(pending, strings.SplitN(u.at, ":", 2)[0]) {
			continue
		}
		seen[u.key] = true
		for _, l := range Languages[1:] {
			if _, ok := cs.byLang[l][u.key]; !ok {
				t.Errorf("%s: %q has no %s translation", u.at, u.key, l)
			}
		}
	}
	if t.Failed() {
		t.Log("add the keys to i18n/locales/<language>/<area>.yaml")
	}
}

// isPending says whether file matches a pattern of pending.txt.
func isPending(patterns map[string]bool, file string) bool {
	for p := range patterns {
		if ok, _ := path.Match(p, file); ok {
			return true
		}
	}
	return false
}

// pendingDirs reads pending.txt: the files not yet held to a translation of every key.
func pendingDirs(t *testing.T) map[string]bool {
	t.Helper()
	data, err := os.ReadFile("pending.txt")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out[l] = true
		}
	}
	return out
}

// Every catalog entry is a key some code prints: a key the code stopped using is removed.
func TestNoUnusedEntries(t *testing.T) {
	cs, err := loadCatalogs()
	if err != nil {
		t.Fatal(err)
	}
	uses, _ := keysInCode(t)
	used := map[string]bool{}
	for _, u := range uses {
		used[u.key] = true
	}
	for _, l := range Languages {
		var stale []string
		for key, e := range cs.byLang[l] {
			if !used[key] {
				stale = append(stale, e.file+": "+strconv.Quote(key))
			}
		}
		sort.Strings(stale)
		for _, s := range stale {
			t.Errorf("%s is in the catalog but no code prints it", s)
		}
	}
}

// verb matches a formatting verb with its optional argument index, flags, width and precision.
var verb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*(\*|\d+)?(\.(\*|\d+))?[a-zA-Z%]`)

// verbs lists what a format string prints: each argument's verb letter, by argument number.
func verbs(s string) []string {
	var out []string
	next := 1
	for _, v := range verb.FindAllString(s, -1) {
		if strings.HasSuffix(v, "%") {
			continue
		}
		n := next
		if m := regexp.MustCompile(`^%\[(\d+)\]`).FindStringSubmatch(v); m != nil {
			n, _ = strconv.Atoi(m[1])
		}
		if strings.Contains(v, "*") {
			n++ // a width or precision argument comes first
		}
		out = append(out, strconv.Itoa(n)+v[len(v)-1:])
		next = n + 1
	}
	sort.Strings(out)
	return out
}

// A translation prints the same arguments with the same verbs as its key, so no argument is
// lost or printed as %!d(string=…). A plural form may leave the number out ("um participante").
func TestTranslationsKeepTheirVerbs(t *testing.T) {
	cs, err := loadCatalogs()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range Languages {
		for key, e := range cs.byLang[l] {
			want := strings.Join(verbs(key), " ")
			for _, text := range e.texts() {
				got := strings.Join(verbs(text), " ")
				if got == want {
					continue
				}
				if e.forms != nil && strings.Join(withoutArg(verbs(key), e.arg), " ") == got {
					continue
				}
				t.Errorf("%s: %q: %q prints %q, want %q", e.file, key, text, got, want)
			}
		}
	}
}

func withoutArg(vs []string, arg int) []string {
	var out []string
	for _, v := range vs {
		if !strings.HasPrefix(v, strconv.Itoa(arg)) {
			out = append(out, v)
		}
	}
	return out
}
