// Package gazetteer reads, checks and holds the entities Schlagwort links
// to, from the tab-separated record format described in gazetteers/README.md.
package gazetteer

import (
	"strconv"

	"github.com/schlagwort/schlagwort/internal/tagging"
)

// Entity is one gazetteer record.
type Entity struct {
	ID       string
	Name     string  // canonical German name
	Aliases  []Alias // the name first, then the aliases= field
	Short    string  // short form after the full name; "" = default, "-" = none
	Kind     string  // finer class: city, club, party, ...
	Wikidata string
	Parent   string
	Topics   []string
	Source   string
	Pos      Pos          // where the record was read
	Prior    float32      // popularity 0..1
	GeoNames uint32       // GeoNames id of a place, 0 for none
	ISO      [2]byte      // ISO 3166-1 alpha-2 code of a country or territory, zero for none
	Type     tagging.Type // (Prior to Type pack into one 16-byte run: a gazetteer may hold millions)
}

// ISOCode returns the ISO code as text, "" for none.
func (e *Entity) ISOCode() string {
	if e.ISO == ([2]byte{}) {
		return ""
	}
	return string(e.ISO[:])
}

// GeoNamesID returns the GeoNames id as text, "" for none.
func (e *Entity) GeoNamesID() string {
	if e.GeoNames == 0 {
		return ""
	}
	return strconv.FormatUint(uint64(e.GeoNames), 10)
}

// Alias is one name of an entity.
type Alias struct {
	Text   string
	Common bool // also an everyday word: needs evidence from the context
}
