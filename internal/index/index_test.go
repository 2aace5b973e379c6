package index

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/search"

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
	if err == nil || !strings.Contains(err.Error(), `made with index mapping "1", this version needs "3"`) {
		t.Fatalf("Open of a mapping-1 index: %v", err)
	}
	if _, err = Open(dir); err == nil { // still there, still refused, and not locked by the first refusal
		t.Fatal("second Open succeeded")
	} else if !strings.Contains(err.Error(), "mapping") {
		t.Fatalf("second Open: %v", err)
	}
}

// TestFacets: an article's facet terms carry their facet's prefix, and a
// search's counts are split back into facets, at most facetSize each, in
// the order given (most frequent first).
func TestFacets(t *testing.T) {
	got := facetTerms([]string{"per/a", "loc/b"}, []string{"medtop:1"}, "Politik")
	want := []string{"e:per/a", "e:loc/b", "t:medtop:1", "s:Politik"}
	if !slices.Equal(got, want) {
		t.Errorf("facetTerms = %v, want %v", got, want)
	}
	var terms []*search.TermFacet
	for i := range 12 {
		terms = append(terms, &search.TermFacet{Term: fmt.Sprintf("e:per/p%02d", i), Count: 20 - i})
	}
	terms = append(terms, &search.TermFacet{Term: "s:Sport", Count: 7}, &search.TermFacet{Term: "t:medtop:15000000", Count: 3})
	f := splitFacets(terms)
	if len(f["entities"]) != facetSize || f["entities"][0] != (Count{"per/p00", 20}) || f["entities"][9] != (Count{"per/p09", 11}) {
		t.Errorf("entities = %v", f["entities"])
	}
	if !slices.Equal(f["sections"], []Count{{"Sport", 7}}) || !slices.Equal(f["topics"], []Count{{"medtop:15000000", 3}}) {
		t.Errorf("sections = %v, topics = %v", f["sections"], f["topics"])
	}
}
