// Package golden compares test output with golden files and rewrites them
// when tests run with -update (go test ./... -update).
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

// Update is the -update flag. Every test package of the project imports
// this package, so that "go test ./... -update" is accepted everywhere.
var Update = flag.Bool("update", false, "rewrite golden files instead of comparing with them")

// Check compares got with the golden file at path, or rewrites the file
// under -update. On a difference it reports the file and how to update it.
func Check(tb testing.TB, path string, got []byte) {
	tb.Helper()
	if *Update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run go test ./... -update to create it)", err)
	}
	if string(got) != string(want) {
		tb.Errorf("output differs from %s; run go test ./... -update and review the diff", path)
	}
}
