package importer

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/schlagwort/schlagwort/internal/gazetteer"
	"github.com/schlagwort/schlagwort/internal/tagging"
)

// GermanNames reads a GeoNames alternateNamesV2.txt (or alternateNames.txt)
// stream and returns, per GeoNames id, the German names: the preferred one
// first, historic and colloquial names left out.
func GermanNames(r io.Reader, name string) (map[uint32][]string, error) {
	names := map[uint32][]string{}
	err := lines(r, func(n int64, line []byte) error {
		f := strings.Split(string(line), "\t")
		if len(f) < 4 {
			return fmt.Errorf("%s:%d: %d columns, want at least 4", name, n, len(f))
		}
		if f[2] != "de" {
			return nil
		}
		id, err := strconv.ParseUint(f[1], 10, 32)
		if err != nil {
			return fmt.Errorf("%s:%d: geonameid %q: not a number", name, n, f[1])
		}
		if flag(f, 6) || flag(f, 7) { // colloquial, historic
			return nil
		}
		v := clean(f[3])
		if v == "" {
			return nil
		}
		if flag(f, 4) { // preferred
			names[uint32(id)] = append([]string{v}, names[uint32(id)]...)
		} else {
			names[uint32(id)] = append(names[uint32(id)], v)
		}
		return nil
	})
	return names, err
}

func flag(f []string, i int) bool { return i < len(f) && f[i] == "1" }

// GeoNames reads a GeoNames cities*.txt or allCountries.txt stream and
// writes a place record for every populated place (feature class P) and
// every country, state and region (class A, codes PCLI, ADM1): the German
// name from german (when known, else the GeoNames name) with the other
// German names and the ASCII name as aliases, the GeoNames id, and a prior
// from the population.
func GeoNames(r io.Reader, out io.Writer, name string, german map[uint32][]string, progress func(int)) (Stats, error) {
	header := "# Imported from GeoNames by schlagwort gazetteer import geonames (CC BY 4.0, geonames.org).\n"
	codes := map[string]string{} // "DE" → country id, "DE.16" → region id
	resolve := func(code string) (string, bool) { id, ok := codes[code]; return id, ok }
	return runResolving(r, out, name, header, progress, func(line []byte) (*gazetteer.Entity, bool, error) {
		if len(line) == 0 {
			return nil, false, nil
		}
		e, err := geonamesLine(string(line), german)
		if e != nil && e.Kind() != "city" {
			codes[placeCode(e.Parent(), e.Kind())] = e.ID()
		}
		return e, e == nil, err
	}, resolve)
}

// placeCode is the code under which a country ("=DE") or a region
// ("=DE.16,DE") is the parent of other places.
func placeCode(parent, kind string) string {
	codes := strings.Split(strings.TrimPrefix(parent, "="), ",")
	if kind == "country" {
		return codes[len(codes)-1]
	}
	return codes[0]
}

// geonamesLine parses one row of the geoname table; nil for places it skips.
func geonamesLine(line string, german map[uint32][]string) (*gazetteer.Entity, error) {
	if !utf8.ValidString(line) {
		return nil, fmt.Errorf("invalid UTF-8")
	}
	f := strings.Split(line, "\t")
	if len(f) != 19 {
		return nil, fmt.Errorf("%d columns, want 19 (geoname table)", len(f))
	}
	id, err := strconv.ParseUint(f[0], 10, 32)
	if err != nil || id == 0 {
		return nil, fmt.Errorf("geonameid %q: not a number", f[0])
	}
	kind := ""
	switch {
	case f[6] == "P":
		kind = "city"
	case f[6] == "A" && strings.HasPrefix(f[7], "PCL"):
		kind = "country"
	case f[6] == "A" && f[7] == "ADM1":
		kind = "region"
	default:
		return nil, nil
	}
	pop, _ := strconv.ParseFloat(f[14], 64)
	names := append(append([]string(nil), german[uint32(id)]...), clean(f[1]), clean(f[2]))
	e := &gazetteer.Entity{Type: tagging.Location, GeoNames: uint32(id), Prior: prior(pop, 1e7)}
	e.SetID("loc/gn-" + f[0])
	e.SetKind(kind)
	e.SetSource("geonames")
	e.SetParent(parentRef(kind, f[8], f[10]))
	seen := map[string]bool{}
	for _, v := range names {
		if v != "" && !seen[v] {
			seen[v] = true
			e.AddAlias(gazetteer.Alias{Text: v})
		}
	}
	if e.NumAliases() == 0 {
		return nil, nil
	}
	return e, nil
}

// parentRef is the symbolic parent of a place, resolved when the import
// ends: a city's region, else its country ("=DE.16,DE"); a region's country
// ("=DE.16,DE" too: placeCode takes the region's own code from the first
// part); a country carries its own code ("=DE").
func parentRef(kind, country, admin1 string) string {
	if country == "" || !code(country) || !code(admin1) {
		return ""
	}
	if kind == "country" {
		return "=" + country
	}
	return "=" + country + "." + admin1 + "," + country
}

// code reports whether s looks like a GeoNames country or admin code:
// ASCII letters and digits only.
func code(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}
