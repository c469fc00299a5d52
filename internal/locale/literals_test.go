package locale

import (
	"bufio"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// outputPackages are the packages whose Go writes the words of a brief:
// every English word they print is a phrase of data/en.yaml, never a
// literal (issue 14: "no output string stays hard-coded in Go").
var outputPackages = []string{"../format", "../narrative", "../chart", "../period"}

// literalsFile lists the literals of those packages that are not output:
// template function names, keys and tags, file names, words an input is
// parsed by. A literal not in it fails TestNoOutputLiterals.
const literalsFile = "testdata/go-literals.txt"

var englishWord = regexp.MustCompile(`[A-Za-z]{2,}`)

// TestNoOutputLiterals fails when a string literal that reads as English
// appears in the Go of an output package and is not a known non-output
// literal: say it by a key of data/en.yaml (format.word, narrative.en),
// or, if it never reaches a page, add it to testdata/go-literals.txt.
// Error messages (for the user fixing input) are not output and are not
// scanned: the arguments of fmt.Errorf, errors.New, panic, an error
// helper (…errorf, …Fault) and an …Error{} literal.
func TestNoOutputLiterals(t *testing.T) {
	allowed := map[string]bool{}
	f, err := os.Open(literalsFile)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		s, err := strconv.Unquote(line)
		if err != nil {
			t.Fatalf("%s: %q is not a quoted Go string: %v", literalsFile, line, err)
		}
		allowed[s] = true
	}
	f.Close()
	// A phrase's key ("change.up") is how the Go names its words.
	for _, k := range English().PhraseKeys() {
		allowed[k] = true
	}
	keys := map[string]bool{}
	for _, k := range English().PhraseKeys() {
		keys[k] = true
	}
	var found []string
	seen := map[string]bool{}
	for _, dir := range outputPackages {
		for _, lit := range scanLiterals(t, dir) {
			seen[lit.text] = true
			if !allowed[lit.text] {
				found = append(found, lit.where+": "+strconv.Quote(lit.text))
			}
		}
	}
	sort.Strings(found)
	for _, f := range found {
		t.Errorf("%s reads as English output: give it a key in data/en.yaml (format.word, narrative.en) or, if no reader ever sees it, list it in %s", f, literalsFile)
	}
	if os.Getenv("LITERALS_PRINT") != "" {
		var all []string
		for s := range seen {
			if !keys[s] {
				all = append(all, strconv.Quote(s))
			}
		}
		sort.Strings(all)
		t.Log("\n" + strings.Join(all, "\n"))
	}
	var stale []string
	for s := range allowed {
		if !seen[s] && !keys[s] {
			stale = append(stale, strconv.Quote(s))
		}
	}
	sort.Strings(stale)
	for _, s := range stale {
		t.Errorf("%s lists %s, which no output package has any more: remove it", literalsFile, s)
	}
}

type literal struct{ where, text string }

func scanLiterals(t *testing.T, dir string) []literal {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no Go files in %s: %v", dir, err)
	}
	var out []literal
	fs := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fs, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		var stack []ast.Node
		ast.Inspect(af, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			stack = append(stack, n)
			bl, ok := n.(*ast.BasicLit)
			if !ok || bl.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(bl.Value)
			if err != nil || !englishWord.MatchString(s) || inError(stack) {
				return true
			}
			out = append(out, literal{filepath.Base(dir) + "/" + filepath.Base(name) + ":" + strconv.Itoa(fs.Position(bl.Pos()).Line), s})
			return true
		})
	}
	return out
}

// inError says whether the literal at the top of stack is (part of) an
// error message, an import path or a struct tag.
func inError(stack []ast.Node) bool {
	for i := len(stack) - 2; i >= 0; i-- {
		switch x := stack[i].(type) {
		case *ast.ImportSpec, *ast.Field:
			return true
		case *ast.CallExpr:
			name := ""
			switch fn := x.Fun.(type) {
			case *ast.Ident:
				name = fn.Name
			case *ast.SelectorExpr:
				name = fn.Sel.Name
				if id, ok := fn.X.(*ast.Ident); ok && id.Name == "errors" && name == "New" {
					return true
				}
			}
			l := strings.ToLower(name)
			if name == "panic" || strings.HasSuffix(l, "errorf") || strings.HasSuffix(l, "fault") || strings.HasSuffix(l, "error") {
				return true
			}
		case *ast.CompositeLit:
			typ := ""
			switch tx := x.Type.(type) {
			case *ast.Ident:
				typ = tx.Name
			case *ast.SelectorExpr:
				typ = tx.Sel.Name
			}
			if strings.HasSuffix(typ, "Error") {
				return true
			}
		}
	}
	return false
}
