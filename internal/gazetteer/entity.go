// Package gazetteer reads, checks and holds the entities Schlagwort links
// to, from the tab-separated record format described in gazetteers/README.md.
package gazetteer

import (
	"fmt"
	"strconv"

	"github.com/schlagwort/schlagwort/internal/tagging"
)

// Entity is one gazetteer record. Its id, names and the fields most
// records leave empty (short=, kind=, wd=, parent=, src=, topics=) are read
// and written through methods: a gazetteer may hold millions of entities,
// and an entity takes 40 bytes besides its text (with a field for each,
// it took 200, and 24 more per name).
type Entity struct {
	text     string         // the id, the unique attributes, then the names (see Aliases)
	Prior    float32        // popularity 0..1
	GeoNames uint32         // GeoNames id of a place, 0 for none
	shared   uint32         // the number of its kind, source and topics in sharedSets
	idLen    uint16         // the id is text[:idLen]
	ends     [numOwn]uint16 // ends[a]: where own attribute a ends in text, counted from idLen
	ISO      [2]byte        // ISO 3166-1 alpha-2 code of a country or territory, zero for none
	Type     tagging.Type
}

// maxID bounds the length of an id. A parsed record is at most maxLine
// bytes, so its id is shorter.
const maxID = 1<<16 - 1

// ID returns the entity's id, such as per/wladimir-putin.
func (e *Entity) ID() string { return e.text[:e.idLen] }

// SetID sets the id. It panics if id is longer than maxID bytes.
func (e *Entity) SetID(id string) {
	if len(id) > maxID {
		panic(fmt.Sprintf("gazetteer: id of %d bytes, at most %d fit", len(id), maxID))
	}
	e.text, e.idLen = id+e.text[e.idLen:], uint16(len(id))
}

// namesAt returns where the stored names start in text.
func (e *Entity) namesAt() int { return int(e.idLen) + int(e.ends[numOwn-1]) }

// names returns the stored names (see Aliases).
func (e *Entity) names() string { return e.text[e.namesAt():] }

// attr names one of the attributes of an entity: the first numOwn are
// stored with the entity's text, the others in sharedSets.
type attr int

const (
	short attr = iota
	wikidata
	parent
	kind
	source
	numAttrs
	numOwn = kind
)

// Short returns the short form used after the full name: "" for the
// default, "-" for none.
func (e *Entity) Short() string { return e.attr(short) }

// Kind returns the finer class: city, club, party, ...
func (e *Entity) Kind() string { return e.attr(kind) }

// Wikidata returns the Wikidata id, "" for none.
func (e *Entity) Wikidata() string { return e.attr(wikidata) }

// Parent returns the id of the parent entity, "" for none.
func (e *Entity) Parent() string { return e.attr(parent) }

// Source returns where the record comes from (src=).
func (e *Entity) Source() string { return e.attr(source) }

// Topics returns the topic hints (qcodes like medtop:15000000). The
// slice may be shared with other entities: do not modify it.
func (e *Entity) Topics() []string { return e.sharedSet().topics }

// SetTopics sets the topic hints.
func (e *Entity) SetTopics(topics []string) {
	sh := e.sharedSet()
	e.shared = sharedSets.intern(sh.kind, sh.source, topics)
}

// SetShort sets the short form; see Short.
func (e *Entity) SetShort(s string) { e.set(short, s) }

// SetKind sets the kind.
func (e *Entity) SetKind(s string) { e.set(kind, s) }

// SetWikidata sets the Wikidata id.
func (e *Entity) SetWikidata(s string) { e.set(wikidata, s) }

// SetParent sets the parent id.
func (e *Entity) SetParent(s string) { e.set(parent, s) }

// SetSource sets the source.
func (e *Entity) SetSource(s string) { e.set(source, s) }

func (e *Entity) attr(a attr) string {
	switch a {
	case kind:
		return e.sharedSet().kind
	case source:
		return e.sharedSet().source
	}
	start := uint16(0)
	if a > 0 {
		start = e.ends[a-1]
	}
	return e.text[int(e.idLen)+int(start) : int(e.idLen)+int(e.ends[a])]
}

// set sets one attribute.
func (e *Entity) set(a attr, val string) {
	switch a {
	case kind, source:
		sh := *e.sharedSet()
		if a == kind {
			sh.kind = val
		} else {
			sh.source = val
		}
		e.shared = sharedSets.intern(sh.kind, sh.source, sh.topics)
		return
	}
	var vals [numOwn]string
	for i := range vals {
		vals[i] = e.attr(attr(i))
	}
	vals[a] = val
	e.pack(&vals)
}

// sharedSet returns e's kind, source and topics.
func (e *Entity) sharedSet() *shared { return sharedSets.get(e.shared) }

// maxAttrs bounds the own attributes of one entity together, in bytes. A
// record line is at most maxLine bytes, so a parsed record never has more.
const maxAttrs = 1<<16 - 1

// pack stores the own attributes vals between the id and the names. It
// panics if they exceed maxAttrs bytes together.
func (e *Entity) pack(vals *[numOwn]string) {
	names := e.names()
	b := packAttrs([]byte(e.ID()), &e.ends, vals)
	if len(b)-int(e.idLen) > maxAttrs {
		panic(fmt.Sprintf("gazetteer: the attributes of %s are %d bytes, at most %d fit", e.ID(), len(b)-int(e.idLen), maxAttrs))
	}
	e.text = string(append(b, names...))
}

// packAttrs appends the own attributes vals to b and sets ends (which are
// valid only while they are at most maxAttrs bytes together).
func packAttrs(b []byte, ends *[numOwn]uint16, vals *[numOwn]string) []byte {
	start := len(b)
	for i, v := range vals {
		b = append(b, v...)
		ends[i] = uint16(len(b) - start)
	}
	return b
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
