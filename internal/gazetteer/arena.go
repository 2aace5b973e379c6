package gazetteer

import (
	"slices"
	"strings"
)

// arena holds the entities one parser makes and their text. It hands
// out entities from blocks and copies their strings, which point into the
// text of the file, into blocks of its own, so that a million records cost
// a few thousand allocations instead of several per record, and the file
// text need not stay alive for them: a third of it and more is tabs, keys,
// types and values repeated on every line. Values that repeat (kind=,
// src=, topics=) are stored once, in sharedSets.
type arena struct {
	ents    []Entity          // the current block
	used    int               // the entities of ents handed out
	text    strings.Builder   // never grown: replaced when full
	sets    map[string]uint32 // numbers in sharedSets by appendSetKey, to spare its lock
	last    uint32            // the number share returned last: records often repeat it
	aliases []Alias           // scratch: the names of the record being parsed
	buf     []byte            // scratch
}

// arenaBlock is the number of entities allocated at once: a block of 40
// KB, 5 pages of 8 KB exactly.
const arenaBlock = 1024

// textBlock is the size of the arena's blocks of text.
const textBlock = 64 << 10

// names returns the scratch names of a record, holding the name.
func (a *arena) names(name string) []Alias {
	return append(a.aliases[:0], Alias{Text: name})
}

// next returns the next free entity, zero, to parse a record into. It
// stays free until keep, so it must be zeroed again if keep is not called.
func (a *arena) next() *Entity {
	if a.used == len(a.ents) {
		a.ents, a.used = make([]Entity, arenaBlock), 0
	}
	return &a.ents[a.used]
}

// keep completes e, the entity next returned, with the id, names,
// attributes and topics in fs, copied into the arena, and hands it out.
func (a *arena) keep(e *Entity, fs *fields) *Entity {
	a.used++
	a.aliases = fs.aliases
	b := append(a.buf[:0], fs.id...)
	b = packAttrs(b, &e.ends, (*[numOwn]string)(fs.attrs[:numOwn]))
	for _, al := range fs.aliases {
		b = appendName(b, al)
	}
	a.buf = b
	e.text, e.idLen = a.copyBytes(b), uint16(len(fs.id))
	e.shared = a.share(fs)
	return e
}

// copyBytes returns b as a string in the arena's text.
func (a *arena) copyBytes(b []byte) string {
	a.room(len(b))
	start := a.text.Len()
	a.text.Write(b)
	return a.text.String()[start:]
}

// room makes sure the text block has room for n more bytes.
func (a *arena) room(n int) {
	if a.text.Cap()-a.text.Len() < n {
		a.text = strings.Builder{}
		a.text.Grow(max(n, textBlock))
	}
}

// share returns the number of the kind, source and topics of fs in
// sharedSets.
func (a *arena) share(fs *fields) uint32 {
	if sh := sharedSets.get(a.last); fs.attrs[kind] == sh.kind && fs.attrs[source] == sh.source && slices.Equal(fs.topics, sh.topics) {
		return a.last
	}
	a.buf = appendSetKey(a.buf[:0], fs.attrs[kind], fs.attrs[source], fs.topics)
	i, ok := a.sets[string(a.buf)]
	if !ok {
		if a.sets == nil {
			a.sets = make(map[string]uint32)
		}
		i = sharedSets.intern(fs.attrs[kind], fs.attrs[source], fs.topics)
		a.sets[string(a.buf)] = i
	}
	a.last = i
	return i
}
