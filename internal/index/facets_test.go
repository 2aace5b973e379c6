package index

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestFacetTerms: an article's facet values are stored as a code byte and
// the rest of the value, and read back as they were.
func TestFacetTerms(t *testing.T) {
	got := facetTerms([]string{"per/a", "loc/b", "oth/c", "perx"}, []string{"medtop:1", "sw:wahlen"}, "Politik")
	want := []string{"pa", "lb", "eoth/c", "eperx", "m1", "tsw:wahlen", "sPolitik"}
	if !slices.Equal(got, want) {
		t.Errorf("facetTerms = %v, want %v", got, want)
	}
	for i, term := range got {
		wantFacet := []string{facetEntities, facetEntities, facetEntities, facetEntities, facetTopics, facetTopics, facetSections}[i]
		wantValue := []string{"per/a", "loc/b", "oth/c", "perx", "medtop:1", "sw:wahlen", "Politik"}[i]
		if facet, v, ok := parseFacetTerm(term); !ok || facet != wantFacet || v != wantValue {
			t.Errorf("parseFacetTerm(%q) = %q, %q, %v; want %q, %q", term, facet, v, ok, wantFacet, wantValue)
		}
	}
	if _, _, ok := parseFacetTerm("?x"); ok {
		t.Error(`parseFacetTerm("?x") is ok`)
	}
}

// TestFacetCounter: a search's facets count each value once per matching
// article and keep the first facetSize of each facet, most frequent first,
// then by value, whatever the code of the value.
func TestFacetCounter(t *testing.T) {
	fc := newFacetCounter()
	add := func(term string, n int) {
		for range n {
			fc.add(fFacets, []byte(term))
		}
	}
	for i := range 12 { // per/p00 to per/p11, 20 to 9 times
		add(fmt.Sprintf("pp%02d", i), 20-i)
	}
	add("oz", 11) // ties with per/p09
	add("oa", 11)
	add("sSport", 7)
	add("m15000000", 3)
	add("?", 1)
	f := fc.top()
	var ents []string
	for _, c := range f[facetEntities] {
		ents = append(ents, fmt.Sprintf("%s=%d", c.Value, c.Count))
	}
	want := "per/p00=20 per/p01=19 per/p02=18 per/p03=17 per/p04=16 per/p05=15 per/p06=14 per/p07=13 per/p08=12 org/a=11"
	if got := strings.Join(ents, " "); got != want {
		t.Errorf("entities = %s\nwant       %s", got, want)
	}
	if !slices.Equal(f[facetSections], []Count{{"Sport", 7}}) || !slices.Equal(f[facetTopics], []Count{{"medtop:15000000", 3}}) {
		t.Errorf("sections = %v, topics = %v", f[facetSections], f[facetTopics])
	}
	if len(f) != 3 {
		t.Errorf("facets %v, want entities, topics and sections", f)
	}
}
