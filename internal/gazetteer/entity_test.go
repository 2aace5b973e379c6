package gazetteer

import (
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/schlagwort/schlagwort/internal/tagging"
)

// aliasesOf returns the names of e.
func aliasesOf(e *Entity) []Alias {
	var as []Alias
	for _, a := range e.Aliases() {
		as = append(as, a)
	}
	return as
}

// attrsOf returns the packed attributes of e in the order of attr.
func attrsOf(e *Entity) [numAttrs]string {
	var a [numAttrs]string
	a[short], a[kind], a[wikidata], a[parent], a[source] = e.Short(), e.Kind(), e.Wikidata(), e.Parent(), e.Source()
	return a
}

func TestSetAttributes(t *testing.T) {
	var e Entity
	var want [numAttrs]string
	steps := []struct {
		name string
		a    attr
		val  string
		set  func(string)
	}{
		{"kind into an empty entity", kind, "city", e.SetKind},
		{"source after it", source, "curated", e.SetSource},
		{"parent between them", parent, "loc/nrw", e.SetParent},
		{"short first", short, "-", e.SetShort},
		{"wikidata in the middle", wikidata, "Q365", e.SetWikidata},
		{"kind longer", kind, "independent city", e.SetKind},
		{"parent cleared", parent, "", e.SetParent},
		{"source cleared last", source, "", e.SetSource},
	}
	for _, s := range steps {
		s.set(s.val)
		want[s.a] = s.val
		if got := attrsOf(&e); got != want {
			t.Errorf("after setting %s: attributes %q, want %q", s.name, got, want)
		}
	}
}

func TestFormatParsesBack(t *testing.T) {
	e := &Entity{Type: tagging.Location, Prior: 0.8, GeoNames: 2886242}
	e.SetID("loc/koeln")
	e.AddAlias(Alias{Text: "Köln"})
	e.AddAlias(Alias{Text: "Cologne"})
	e.SetAlias(0, Alias{Text: "Köln", Common: true})
	e.SetKind("city")
	e.SetWikidata("Q365")
	e.SetParent("loc/nrw")
	e.SetShort("-")
	e.SetSource("curated")
	e.SetTopics([]string{"medtop:1", "medtop:2"})
	var got []*Entity
	errs := Parse(strings.NewReader(Format(e)+"\n"), "f.tsv", func(e *Entity) { got = append(got, e) })
	if errs.Err() != nil || len(got) != 1 {
		t.Fatalf("Parse(Format(e)): %v, %d entities", errs, len(got))
	}
	g := got[0]
	if g.ID() != e.ID() || g.Name() != "Köln" || !slices.Equal(aliasesOf(g), aliasesOf(e)) || attrsOf(g) != attrsOf(e) ||
		!slices.Equal(g.Topics(), e.Topics()) || g.Prior != e.Prior || g.GeoNames != e.GeoNames {
		t.Errorf("parsed back %+v, want %+v", g, e)
	}
}

func TestSetOnSharedAttributesLeavesOthers(t *testing.T) {
	const records = "org/a\tORG\tA\tkind=club\tsrc=curated\ttopics=medtop:1\norg/b\tORG\tB\tkind=club\tsrc=curated\ttopics=medtop:1\n"
	var got []*Entity
	if errs := Parse(strings.NewReader(records), "f.tsv", func(e *Entity) { got = append(got, e) }); errs.Err() != nil || len(got) != 2 {
		t.Fatalf("Parse: %v, %d entities", errs, len(got))
	}
	a, b := got[0], got[1]
	a.SetKind("party")
	a.SetSource("wikidata")
	a.SetTopics([]string{"medtop:2"})
	if b.Kind() != "club" || b.Source() != "curated" || !slices.Equal(b.Topics(), []string{"medtop:1"}) {
		t.Errorf("after setting a's attributes, b has kind %q, src %q, topics %q; want club, curated, [medtop:1]", b.Kind(), b.Source(), b.Topics())
	}
	if a.Kind() != "party" || a.Source() != "wikidata" || !slices.Equal(a.Topics(), []string{"medtop:2"}) {
		t.Errorf("a has kind %q, src %q, topics %q; want party, wikidata, [medtop:2]", a.Kind(), a.Source(), a.Topics())
	}
}

func TestSharedSetsTellValuesApart(t *testing.T) {
	var a, b Entity
	a.SetKind("a")
	a.SetSource("bc")
	b.SetKind("ab")
	b.SetSource("c")
	if a.Kind() != "a" || a.Source() != "bc" || b.Kind() != "ab" || b.Source() != "c" {
		t.Errorf("kind and src %q %q and %q %q, want a bc and ab c", a.Kind(), a.Source(), b.Kind(), b.Source())
	}
}

func TestEntitySize(t *testing.T) {
	// A million entities cost this many bytes each besides their text.
	if got := unsafe.Sizeof(Entity{}); got > 40 {
		t.Errorf("Entity takes %d bytes, want at most 40", got)
	}
}
