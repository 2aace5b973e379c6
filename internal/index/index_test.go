package index

import (
	"strings"
	"testing"

	_ "github.com/schlagwort/schlagwort/internal/golden" // accept -update (go test ./... -update)
)

// TestOpenRefusesOtherMapping: an index made with another mapping version
// is refused with a message saying what to do, and left as it is.
func TestOpenRefusesOtherMapping(t *testing.T) {
	dir := t.TempDir()
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.b.SetInternal([]byte(mappingKey), []byte("1")); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = Open(dir)
	if err == nil || !strings.Contains(err.Error(), `made with index mapping "1", this version needs "4"`) {
		t.Fatalf("Open of a mapping-1 index: %v", err)
	}
	if _, err = Open(dir); err == nil { // still there, still refused, and not locked by the first refusal
		t.Fatal("second Open succeeded")
	} else if !strings.Contains(err.Error(), "mapping") {
		t.Fatalf("second Open: %v", err)
	}
}
