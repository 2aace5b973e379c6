// Package gazetteer reads, checks and holds the entities Schlagwort links
// to, from the tab-separated record format described in gazetteers/README.md.
package gazetteer

import "github.com/schlagwort/schlagwort/internal/tagging"

// Entity is one gazetteer record.
type Entity struct {
	ID       string
	Name     string  // canonical German name
	Aliases  []Alias // the name first, then the aliases= field
	Short    string  // short form after the full name; "" = default, "-" = none
	Kind     string  // finer class: city, club, party, ...
	Wikidata string
	Parent   string
	ISO      string // ISO 3166-1 alpha-2 code of a country or territory
	GeoNames string // GeoNames id of a place
	Topics   []string
	Source   string
	Pos      Pos          // where the record was read
	Prior    float32      // popularity 0..1
	Type     tagging.Type // (after Prior: the two share one word)
}

// Alias is one name of an entity.
type Alias struct {
	Text   string
	Common bool // also an everyday word: needs evidence from the context
}
