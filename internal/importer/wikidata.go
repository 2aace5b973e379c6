package importer

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/schlagwort/schlagwort/internal/gazetteer"
	"github.com/schlagwort/schlagwort/internal/tagging"
)

// classes maps the Wikidata classes (P31, instance of) the importer takes
// to a type and a kind. Items of other classes are skipped.
var classes = map[string]struct {
	typ  tagging.Type
	kind string
}{
	"Q5":        {tagging.Person, ""},              // human
	"Q6256":     {tagging.Location, "country"},     // country
	"Q3624078":  {tagging.Location, "country"},     // sovereign state
	"Q515":      {tagging.Location, "city"},        // city
	"Q1549591":  {tagging.Location, "city"},        // big city
	"Q1637706":  {tagging.Location, "city"},        // city with millions of inhabitants
	"Q5119":     {tagging.Location, "city"},        // capital
	"Q486972":   {tagging.Location, "city"},        // human settlement
	"Q262166":   {tagging.Location, "city"},        // municipality of Germany
	"Q42744322": {tagging.Location, "city"},        // urban municipality of Germany
	"Q1221156":  {tagging.Location, "region"},      // state of Germany
	"Q35657":    {tagging.Location, "region"},      // state of the United States
	"Q4022":     {tagging.Location, "river"},       // river
	"Q23397":    {tagging.Location, "lake"},        // lake
	"Q8502":     {tagging.Location, "mountain"},    // mountain
	"Q23442":    {tagging.Location, "island"},      // island
	"Q43229":    {tagging.Organization, ""},        // organization
	"Q4830453":  {tagging.Organization, "company"}, // business
	"Q891723":   {tagging.Organization, "company"}, // public company
	"Q6881511":  {tagging.Organization, "company"}, // enterprise
	"Q7278":     {tagging.Organization, "party"},   // political party
	"Q476028":   {tagging.Organization, "club"},    // association football club
	"Q3918":     {tagging.Organization, "university"},
	"Q484652":   {tagging.Organization, ""}, // international organization
	"Q327333":   {tagging.Organization, ""}, // government agency
	"Q11032":    {tagging.Organization, "media"},
	"Q1002697":  {tagging.Organization, "media"}, // periodical
	"Q1110794":  {tagging.Organization, "media"}, // daily newspaper
}

// wdItem is the part of a Wikidata entity the importer reads.
type wdItem struct {
	ID      string                        `json:"id"`
	Type    string                        `json:"type"`
	Labels  map[string]wdText             `json:"labels"`
	Aliases map[string][]wdText           `json:"aliases"`
	Claims  struct{ P31, P131 []wdClaim } `json:"claims"`
	Sites   map[string]struct{}           `json:"sitelinks"`
}

type wdText struct {
	Value string `json:"value"`
}

type wdClaim struct {
	Mainsnak struct {
		Datavalue struct {
			Value struct {
				ID string `json:"id"`
			} `json:"value"`
		} `json:"datavalue"`
	} `json:"mainsnak"`
	Rank string `json:"rank"`
}

// Wikidata reads a Wikidata JSON dump (a JSON array with one entity per
// line) and writes gazetteer records for the people, places and
// organisations in it: German label and aliases (English when there is no
// German label), the Wikidata id, a prior from the number of sitelinks, and
// the parent place (P131) when that place is imported too. progress gets
// the bytes of every line read.
func Wikidata(r io.Reader, out io.Writer, name string, progress func(int)) (Stats, error) {
	header := "# Imported from a Wikidata JSON dump by schlagwort gazetteer import wikidata (CC0).\n"
	return run(r, out, name, header, progress, func(line []byte) (*gazetteer.Entity, bool, error) {
		e, err := wikidataLine(line)
		if e != nil && e.ID() == "" {
			return nil, true, err
		}
		return e, false, err
	})
}

// wikidataLine parses one dump line. It returns nil for the array brackets
// and blank lines, an entity with an empty ID for items it skips.
func wikidataLine(line []byte) (*gazetteer.Entity, error) {
	s := strings.TrimSpace(string(line))
	s = strings.TrimSuffix(s, ",")
	if s == "" || s == "[" || s == "]" {
		return nil, nil
	}
	var it wdItem
	if err := json.Unmarshal([]byte(s), &it); err != nil {
		return nil, fmt.Errorf("not a Wikidata entity: %v", err)
	}
	e := &gazetteer.Entity{}
	if it.Type != "item" || !gazetteer.ValidWikidata(it.ID) {
		return e, nil
	}
	class, ok := classOf(it.Claims.P31)
	if !ok {
		return e, nil
	}
	lang := "de"
	if it.Labels["de"].Value == "" {
		lang = "en"
	}
	label := clean(it.Labels[lang].Value)
	if label == "" {
		return e, nil
	}
	e.SetID(prefix(class.typ) + "wd-" + strings.ToLower(it.ID))
	e.Type = class.typ
	e.SetKind(class.kind)
	e.SetWikidata(it.ID)
	e.SetSource("wikidata")
	e.AddAlias(gazetteer.Alias{Text: label})
	seen := map[string]bool{label: true}
	for _, a := range it.Aliases[lang] {
		if v := clean(a.Value); v != "" && !seen[v] {
			seen[v] = true
			e.AddAlias(gazetteer.Alias{Text: v})
		}
	}
	e.Prior = prior(float64(len(it.Sites)), 300)
	if class.typ == tagging.Location && len(it.Claims.P131) > 0 {
		if p := it.Claims.P131[0].Mainsnak.Datavalue.Value.ID; gazetteer.ValidWikidata(p) {
			e.SetParent("loc/wd-" + strings.ToLower(p))
		}
	}
	return e, nil
}

func classOf(claims []wdClaim) (c struct {
	typ  tagging.Type
	kind string
}, ok bool) {
	for _, cl := range claims {
		if cl.Rank == "deprecated" {
			continue
		}
		if c, ok = classes[cl.Mainsnak.Datavalue.Value.ID]; ok {
			return c, true
		}
	}
	return c, false
}

func prefix(t tagging.Type) string {
	return map[tagging.Type]string{tagging.Person: "per/", tagging.Location: "loc/", tagging.Organization: "org/"}[t]
}

// clean makes a label fit the record format: no tabs, newlines, or the
// alias separator.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\n', '\r', '|':
			return ' '
		}
		return r
	}, s)
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "?"))
}
