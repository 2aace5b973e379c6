package importer

import (
	"os"
	"strings"
	"testing"

	"github.com/schlagwort/schlagwort/internal/gazetteer"
)

// FuzzWikidataLine: any line either fails cleanly or yields a record that
// the gazetteer parser reads back without a problem.
func FuzzWikidataLine(f *testing.F) {
	data, err := os.ReadFile("testdata/wikidata-sample.json")
	if err != nil {
		f.Fatal(err)
	}
	for _, l := range strings.Split(string(data), "\n") {
		if len(l) < 4000 {
			f.Add(l)
		}
	}
	f.Add(`{"type":"item","id":"Q1","labels":{"de":{"value":"A\tB|C?"}},"claims":{"P31":[{"mainsnak":{"datavalue":{"value":{"id":"Q5"}}}}]}},`)
	f.Fuzz(func(t *testing.T, line string) {
		e, err := wikidataLine([]byte(line))
		if err != nil || e == nil || e.ID() == "" {
			return
		}
		rec := gazetteer.Format(e) + "\n"
		if errs := gazetteer.Parse(strings.NewReader(rec), "f.tsv", func(*gazetteer.Entity) {}); len(errs) > 0 {
			t.Errorf("record %q does not parse: %v", rec, errs)
		}
	})
}

// FuzzGeoNamesLine: any row either fails cleanly or yields a record that
// the gazetteer parser reads back without a problem.
func FuzzGeoNamesLine(f *testing.F) {
	data, err := os.ReadFile("testdata/cities-sample.txt")
	if err != nil {
		f.Fatal(err)
	}
	for _, l := range strings.Split(string(data), "\n") {
		f.Add(l)
	}
	f.Fuzz(func(t *testing.T, line string) {
		e, err := geonamesLine(line, map[uint32][]string{2950159: {"Berlin|x"}})
		if err != nil || e == nil {
			return
		}
		rec := gazetteer.Format(e) + "\n"
		if errs := gazetteer.Parse(strings.NewReader(rec), "f.tsv", func(*gazetteer.Entity) {}); len(errs) > 0 {
			t.Errorf("record %q does not parse: %v", rec, errs)
		}
	})
}
