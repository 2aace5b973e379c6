// Package tagging holds Schlagwort's domain types: the article that comes in,
// the entities, mentions and topics that go out, and the error codes.
package tagging

import "time"

// Article is one news article. Title and Body are UTF-8; every Mention
// offset points into exactly these bytes.
type Article struct {
	ID          string
	Title       string
	Body        string
	Section     string
	PublishedAt time.Time
	Authors     []string
	URL         string
}

// Text returns the text of field f.
func (a *Article) Text(f Field) string {
	if f == Title {
		return a.Title
	}
	return a.Body
}

// Field names the part of an article a mention is in.
type Field uint8

const (
	Title Field = iota + 1
	Body
)

func (f Field) String() string {
	switch f {
	case Title:
		return "title"
	case Body:
		return "body"
	}
	return "unknown"
}

// Type is the coarse class of an entity.
type Type uint8

const (
	Unknown Type = iota
	Person
	Location
	Organization
	Other
)

// ParseType parses the gazetteer spelling of a type: PER, LOC, ORG or OTH.
func ParseType(s string) (Type, bool) {
	switch s {
	case "PER":
		return Person, true
	case "LOC":
		return Location, true
	case "ORG":
		return Organization, true
	case "OTH":
		return Other, true
	}
	return Unknown, false
}

func (t Type) String() string {
	return [...]string{"UNKNOWN", "PER", "LOC", "ORG", "OTH"}[t]
}

// Mention is one occurrence of an entity.
type Mention struct {
	Field Field
	Start int // byte offset into the UTF-8 field text, inclusive
	End   int // byte offset into the UTF-8 field text, exclusive
	Text  string
	// UTF16Start and UTF16End are the same span in UTF-16 code units, for
	// JavaScript editors.
	UTF16Start, UTF16End int
	Alias                string // the gazetteer alias that matched, or the surface form of a candidate
	Rule                 string // the rule that produced the mention (exact, inflection, compound, ...)
}

// Entity is an entity an article mentions, with all its mentions.
type Entity struct {
	ID         string
	Name       string
	Type       Type
	WikidataID string
	Candidate  bool    // no gazetteer holds it; recognised from context
	Salience   float64 // 0..1, how central to the article
	Confidence float64 // 0..1, how sure the link is
	Mentions   []Mention
}

// Topic is a topic the article is filed under.
type Topic struct {
	ID         string // IPTC qcode, or sw:… for the project's finer topics
	Label      string
	Score      float64 // 0..1, see the topic package
	TopLevelID string
	Evidence   []string // what filed the article here: "word:wahlkampf", "entity:org/spd", "section:Politik"
}

// Result is the tagging result for one article.
type Result struct {
	ArticleID        string
	Entities         []Entity
	Topics           []Topic
	GazetteerVersion string
}
