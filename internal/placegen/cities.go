package placegen

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/schlagwort/schlagwort/internal/fold"
	"github.com/schlagwort/schlagwort/internal/gazetteer"
)

// city is one row of GeoNames cities1000.txt.
type city struct {
	id, name, ascii, featureCode, country, admin1, timezone string
	population                                              int
}

// readCities reads the rows that keep returns true for.
func readCities(path string, keep func(*city) bool) ([]*city, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []*city
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 4<<20)
	for line := 1; sc.Scan(); line++ {
		c, err := parseCity(sc.Text())
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if keep(c) {
			out = append(out, c)
		}
	}
	return out, sc.Err()
}

// parseCity parses one tab-separated GeoNames row (19 columns).
func parseCity(line string) (*city, error) {
	f := strings.Split(line, "\t")
	if len(f) < 19 {
		return nil, fmt.Errorf("want 19 tab-separated columns, got %d", len(f))
	}
	pop, err := strconv.Atoi(f[14])
	if err != nil {
		return nil, fmt.Errorf("population %q: %w", f[14], err)
	}
	return &city{id: f[0], name: f[1], ascii: f[2], featureCode: f[7], country: f[8], admin1: f[10], timezone: f[17], population: pop}, nil
}

// keepCity selects German, Austrian and Swiss towns from MinGermanTown,
// other cities from MinWorldCity, and capitals; parts of cities (PPLX)
// and historical places are left out.
func keepCity(opt Options) func(*city) bool {
	return func(c *city) bool {
		switch {
		case c.featureCode == "PPLX" || c.featureCode == "PPLH" || c.featureCode == "PPLQ" || c.featureCode == "PPLW":
			return false
		case adminSuffix(c.name):
			return false // "Akita Shi", "Sendai-shi": the municipality beside the city row
		case c.featureCode == "PPLC":
			return true
		case c.country == "DE" || c.country == "AT" || c.country == "CH":
			return c.population >= opt.MinGermanTown
		}
		return c.population >= opt.MinWorldCity
	}
}

// adminSuffix reports Japanese municipality names ("-shi", "-ku"), which
// GeoNames lists beside the city itself.
func adminSuffix(name string) bool {
	l := strings.ToLower(name)
	for _, suf := range []string{" shi", "-shi", " ku", "-ku"} {
		if strings.HasSuffix(l, suf) {
			return true
		}
	}
	return false
}

// cities generates the city records.
func (b *builder) cities(src Sources, opt Options) error {
	cs, err := readCities(src.Cities, keepCity(opt))
	if err != nil {
		return err
	}
	c, err := readCLDR(src.CLDR)
	if err != nil {
		return err
	}
	exonyms := exemplarCities(c, cs)
	for _, ct := range cs {
		e := b.cityEntity(ct, exonyms[ct.id])
		if b.isCityState(ct, e) {
			continue // Singapur, Monaco, Vatikanstadt: the country record is the place
		}
		b.place("places-cities.tsv", "gn:"+ct.id, e)
	}
	return nil
}

// isCityState reports a capital with its country's name, unless a curated
// record with its GeoNames id says otherwise.
func (b *builder) isCityState(c *city, e *gazetteer.Entity) bool {
	if _, curated := b.byKey["gn:"+c.id]; curated || c.featureCode != "PPLC" {
		return false
	}
	country, ok := b.byKey["iso:"+c.country]
	return ok && (fold.Key(country.Name()) == fold.Key(e.Name()) || hasFolded(country, c.name))
}

func hasFolded(e *gazetteer.Entity, name string) bool {
	k := fold.Key(name)
	for _, a := range e.Aliases() {
		if fold.Key(a.Text) == k {
			return true
		}
	}
	return false
}

// cityEntity makes the record of one city: the German exonym if CLDR
// knows one, else the GeoNames name; the GeoNames name and ASCII name as
// aliases; a prior from the population; the Land, canton or country as
// parent. A German town whose name is an everyday word is marked "?".
func (b *builder) cityEntity(c *city, exonym string) *gazetteer.Entity {
	name := first(exonym, c.name)
	e := entity(slug(name), name, "city", "cities1000", c.name, c.ascii)
	gn, _ := strconv.ParseUint(c.id, 10, 32)
	e.GeoNames = uint32(gn)
	e.Prior = populationPrior(c.population)
	parent := b.admin1[c.country+"."+c.admin1]
	if parent == "" || parent == "loc/"+slug(name) {
		parent = b.countryID[c.country] // a city-state's city is not its own parent
	}
	e.SetParent(parent)
	if b.words[fold.Key(name)] && !strings.ContainsAny(name, " -") {
		e.SetAlias(0, gazetteer.Alias{Text: e.Name(), Common: true})
	}
	return e
}

// exemplarCities maps GeoNames ids to the German names CLDR gives the
// main city of a time zone ("Europe/Moscow" → Moskau): the most populous
// city of that zone whose name is the zone's city part.
func exemplarCities(c *cldr, cs []*city) map[string]string {
	byZone := map[string]string{} // zone -> German name
	for _, z := range c.Zones {
		if z.City != "" {
			byZone[z.Type] = z.City
		}
	}
	best := map[string]*city{} // zone -> chosen city
	for _, ct := range cs {
		if _, ok := byZone[ct.timezone]; !ok {
			continue
		}
		part := ct.timezone[strings.LastIndexByte(ct.timezone, '/')+1:]
		if !strings.EqualFold(strings.ReplaceAll(part, "_", " "), ct.ascii) {
			continue
		}
		if old := best[ct.timezone]; old == nil || ct.population > old.population {
			best[ct.timezone] = ct
		}
	}
	out := map[string]string{}
	for zone, ct := range best {
		out[ct.id] = byZone[zone]
	}
	return out
}
