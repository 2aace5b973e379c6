package golden

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestEveryTestPackageAcceptsUpdate guards "go test ./... -update": a test
// package that does not import this package would fail on the flag.
func TestEveryTestPackageAcceptsUpdate(t *testing.T) {
	imports := map[string]bool{} // directory -> some test file imports golden
	err := filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, "_test.go") {
			return err
		}
		dir := filepath.Dir(path)
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		self := dir == filepath.Join("..", "..", "internal", "golden") // defines the flag itself
		imports[dir] = imports[dir] || self || importsGolden(f.Imports)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for dir, ok := range imports {
		if !ok {
			t.Errorf("%s: no test file imports internal/golden, so go test ./... -update fails there", dir)
		}
	}
	if len(imports) < 5 {
		t.Fatalf("found only %d test packages; the walk is broken", len(imports))
	}
}

func importsGolden(specs []*ast.ImportSpec) bool {
	for _, s := range specs {
		if p, _ := strconv.Unquote(s.Path.Value); p == "github.com/schlagwort/schlagwort/internal/golden" {
			return true
		}
	}
	return false
}
